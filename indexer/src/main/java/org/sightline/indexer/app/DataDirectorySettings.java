package org.sightline.indexer.app;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;
import org.sightline.indexer.index.solr.SolrLocation;

/**
 * The settings a data directory keeps in {@code settings.json}: which store holds its frame vectors
 * ({@code index.store}: {@code lucene}, the default, or {@code solr://ZKHOST:PORT/COLLECTION}) and the workstation id
 * that marks the documents it writes to a shared store (made once, on first use).
 */
public final class DataDirectorySettings {
    /** The setting names {@code sightline config set} knows. */
    public static final String INDEX_STORE = "index.store";
    public static final String LUCENE = "lucene";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DataDirectorySettings() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Stored(@JsonProperty("index.store") String indexStore, @JsonProperty("workstation") String workstation) {
    }

    static Path file(DataDirectory dir) {
        return dir.root().resolve("settings.json");
    }

    static Stored read(DataDirectory dir) throws IOException {
        Path f = file(dir);
        if (!Files.isRegularFile(f)) {
            return new Stored(LUCENE, null);
        }
        try {
            Stored s = JSON.readValue(f.toFile(), Stored.class);
            return new Stored(s.indexStore() == null ? LUCENE : s.indexStore(), s.workstation());
        } catch (IOException e) {
            throw new IOException("the settings file " + f + " is not readable JSON (" + e.getMessage()
                    + "); fix or delete it (deleting it goes back to the embedded Lucene index)", e);
        }
    }

    private static void write(DataDirectory dir, Stored s) throws IOException {
        Files.createDirectories(dir.root());
        Path f = file(dir);
        Path tmp = f.resolveSibling("settings.json.tmp");
        JSON.writeValue(tmp.toFile(), s);
        Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The SolrCloud collection this data directory writes to, or empty for the embedded Lucene index. */
    public static Optional<SolrLocation> solrStore(DataDirectory dir) throws IOException {
        String v = read(dir).indexStore();
        return LUCENE.equals(v) ? Optional.empty() : Optional.of(SolrLocation.parse(v));
    }

    /** The value of {@code index.store} ({@code lucene} or {@code solr://…}). */
    public static String indexStore(DataDirectory dir) throws IOException {
        return read(dir).indexStore();
    }

    /**
     * Sets {@code index.store}: {@code lucene} or {@code solr://ZKHOST:PORT[/CHROOT]/COLLECTION}. Throws
     * IllegalArgumentException in plain words for anything else. The vectors already indexed stay where they are;
     * the next open of the data directory checks the chosen store against the catalog and queues what it lacks.
     */
    public static void setIndexStore(DataDirectory dir, String value) throws IOException {
        String v = value == null ? "" : value.strip();
        if (!v.equals(LUCENE)) {
            v = SolrLocation.parse(v).toString();
        }
        Stored s = read(dir);
        write(dir, new Stored(v, s.workstation()));
    }

    /** This data directory's workstation id, made (a random UUID) and saved on first use. */
    static synchronized String workstation(DataDirectory dir) throws IOException {
        Stored s = read(dir);
        if (s.workstation() != null && !s.workstation().isBlank()) {
            return s.workstation();
        }
        String id = UUID.randomUUID().toString();
        write(dir, new Stored(s.indexStore(), id));
        return id;
    }
}
