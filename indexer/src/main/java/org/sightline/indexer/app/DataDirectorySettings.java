package org.sightline.indexer.app;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.sightline.indexer.footage.WorkstationZone;
import org.sightline.indexer.footage.ZoneSource;
import org.sightline.indexer.index.solr.SolrLocation;

/**
 * The settings a data directory keeps in {@code settings.json}: which store holds its frame vectors
 * ({@code index.store}: {@code lucene}, the default, or {@code solr://ZKHOST:PORT/COLLECTION}) and the workstation id
 * that marks the documents it writes to a shared store (made once, on first use); the workstation zone
 * ({@code time.zone}) that cameras with no zone of their own are read in.
 */
public final class DataDirectorySettings {
    /** The setting names {@code sightline config set} knows. */
    public static final String INDEX_STORE = "index.store";
    public static final String LUCENE = "lucene";
    /**
     * Folders of this workstation that hold other workstations' archive folders (a shared network folder mounted
     * here), separated by the platform's path separator; a team archive's file is looked for there at the path below
     * its archive folder that the indexing workstation recorded.
     */
    public static final String SHARED_ROOTS = "archive.shared-roots";
    /**
     * A file of one line {@code USER:PASSWORD}, readable only by its owner, for a SolrCloud that requires basic
     * authentication (the password itself is never kept in the settings).
     */
    public static final String SOLR_CREDENTIALS = "solr.credentials-file";
    /**
     * A truststore (PKCS12 or JKS) holding the certificate authority of a SolrCloud served over HTTPS whose certificates
     * the JDK does not trust (its own CA, or the dev cluster's self-signed one); empty for none.
     */
    public static final String SOLR_TRUSTSTORE = "solr.truststore";
    /** The file holding that truststore's password (one line, readable only by its owner); empty for none. */
    public static final String SOLR_TRUSTSTORE_PASSWORD = "solr.truststore-password-file";
    /**
     * The workstation zone: the IANA time zone of cameras with no zone of their own (empty for the operating system's
     * zone). Changing it is audited.
     */
    public static final String TIME_ZONE = "time.zone";
    /**
     * {@code on} (the default) or {@code off}: while indexing, run the detector again on a crop around small moving things
     * the whole frame does not explain (a cyclist seen from far above). See docs/perception-detector.md.
     */
    public static final String LOOK_CLOSER = "perception.look-closer";
    /**
     * {@code on} (the default) or {@code off}: while indexing, examine a frame every 2 s while something travels through
     * the picture (at most 8 more a minute), not only one every 6 s.
     */
    public static final String FOLLOW_MOTION = "perception.follow-motion";
    /** Every setting name {@code sightline config} knows. */
    public static final java.util.List<String> NAMES = java.util.List.of(INDEX_STORE, SHARED_ROOTS, SOLR_CREDENTIALS,
            SOLR_TRUSTSTORE, SOLR_TRUSTSTORE_PASSWORD, TIME_ZONE, LOOK_CLOSER, FOLLOW_MOTION);

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DataDirectorySettings() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Stored(@JsonProperty("index.store") String indexStore, @JsonProperty("workstation") String workstation,
            @JsonProperty("archive.shared-roots") java.util.List<String> sharedRoots,
            @JsonProperty("solr.credentials-file") String solrCredentials,
            @JsonProperty("time.zone") @com.fasterxml.jackson.annotation.JsonInclude(
                    com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String timeZone,
            @JsonProperty("solr.truststore") @com.fasterxml.jackson.annotation.JsonInclude(
                    com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String solrTruststore,
            @JsonProperty("solr.truststore-password-file") @com.fasterxml.jackson.annotation.JsonInclude(
                    com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String solrTruststorePassword,
            @JsonProperty("perception.look-closer") @com.fasterxml.jackson.annotation.JsonInclude(
                    com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String lookCloser,
            @JsonProperty("perception.follow-motion") @com.fasterxml.jackson.annotation.JsonInclude(
                    com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String followMotion) {
        Stored {
            sharedRoots = sharedRoots == null ? java.util.List.of() : java.util.List.copyOf(sharedRoots);
        }

        /** Nothing set: the embedded Lucene index, no workstation id yet. */
        static Stored defaults() {
            return new Stored(LUCENE, null, null, null, null, null, null, null, null);
        }

        Stored withIndexStore(String v) {
            return new Stored(v, workstation, sharedRoots, solrCredentials, timeZone, solrTruststore, solrTruststorePassword, lookCloser, followMotion);
        }

        Stored withWorkstation(String v) {
            return new Stored(indexStore, v, sharedRoots, solrCredentials, timeZone, solrTruststore, solrTruststorePassword, lookCloser, followMotion);
        }

        Stored withSharedRoots(java.util.List<String> v) {
            return new Stored(indexStore, workstation, v, solrCredentials, timeZone, solrTruststore, solrTruststorePassword, lookCloser, followMotion);
        }

        Stored withSolrCredentials(String v) {
            return new Stored(indexStore, workstation, sharedRoots, v, timeZone, solrTruststore, solrTruststorePassword, lookCloser, followMotion);
        }

        Stored withTimeZone(String v) {
            return new Stored(indexStore, workstation, sharedRoots, solrCredentials, v, solrTruststore, solrTruststorePassword, lookCloser, followMotion);
        }

        Stored withSolrTrust(String store, String password) {
            return new Stored(indexStore, workstation, sharedRoots, solrCredentials, timeZone, store, password, lookCloser, followMotion);
        }

        Stored withPerception(String look, String follow) {
            return new Stored(indexStore, workstation, sharedRoots, solrCredentials, timeZone, solrTruststore, solrTruststorePassword, look, follow);
        }
    }

    static Path file(DataDirectory dir) {
        return dir.root().resolve("settings.json");
    }

    static Stored read(DataDirectory dir) throws IOException {
        Path f = file(dir);
        if (!Files.isRegularFile(f)) {
            return Stored.defaults();
        }
        try {
            Stored s = JSON.readValue(f.toFile(), Stored.class);
            return s.indexStore() == null ? s.withIndexStore(LUCENE) : s;
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
        write(dir, s.withIndexStore(v));
    }

    /** This data directory's workstation id, made (a random UUID) and saved on first use. */
    static synchronized String workstation(DataDirectory dir) throws IOException {
        Stored s = read(dir);
        if (s.workstation() != null && !s.workstation().isBlank()) {
            return s.workstation();
        }
        String id = UUID.randomUUID().toString();
        write(dir, s.withWorkstation(id));
        return id;
    }

    /** The shared archive folders ({@value #SHARED_ROOTS}), in the order given. */
    public static java.util.List<Path> sharedRoots(DataDirectory dir) throws IOException {
        return read(dir).sharedRoots().stream().map(Path::of).toList();
    }

    /**
     * Sets {@value #SHARED_ROOTS}: folders separated by the platform's path separator (empty for none). Each must be
     * an existing folder; refused in plain words otherwise.
     */
    public static void setSharedRoots(DataDirectory dir, String value) throws IOException {
        java.util.List<String> roots = new java.util.ArrayList<>();
        for (String part : (value == null ? "" : value).split(java.util.regex.Pattern.quote(java.io.File.pathSeparator))) {
            if (part.isBlank()) {
                continue;
            }
            Path p = Path.of(part.strip()).toAbsolutePath().normalize();
            if (!Files.isDirectory(p)) {
                throw new IllegalArgumentException("a shared archive folder must be an existing folder: " + p);
            }
            roots.add(p.toString());
        }
        Stored s = read(dir);
        write(dir, s.withSharedRoots(roots));
    }

    /** A setting's value as {@code sightline config get} prints it. */
    public static String get(DataDirectory dir, String name) throws IOException {
        return switch (name) {
            case INDEX_STORE -> indexStore(dir);
            case SHARED_ROOTS -> String.join(java.io.File.pathSeparator, read(dir).sharedRoots());
            case SOLR_CREDENTIALS -> read(dir).solrCredentials() == null ? "" : read(dir).solrCredentials();
            case SOLR_TRUSTSTORE -> read(dir).solrTruststore() == null ? "" : read(dir).solrTruststore();
            case SOLR_TRUSTSTORE_PASSWORD -> read(dir).solrTruststorePassword() == null ? "" : read(dir).solrTruststorePassword();
            case TIME_ZONE -> workstationZone(dir).label();
            case LOOK_CLOSER -> lookCloser(dir) ? "on" : "off";
            case FOLLOW_MOTION -> followMotion(dir) ? "on" : "off";
            default -> throw new IllegalArgumentException("unknown setting " + name + " (known: " + String.join(", ", NAMES) + ")");
        };
    }

    /** Sets a setting by name ({@link #NAMES}); IllegalArgumentException in plain words for a bad name or value. */
    public static void set(DataDirectory dir, String name, String value) throws IOException {
        switch (name) {
            case INDEX_STORE -> setIndexStore(dir, value);
            case SHARED_ROOTS -> setSharedRoots(dir, value);
            case SOLR_CREDENTIALS -> setSolrCredentials(dir, value);
            case SOLR_TRUSTSTORE -> setSolrTrust(dir, value, null);
            case SOLR_TRUSTSTORE_PASSWORD -> setSolrTrust(dir, null, value);
            case LOOK_CLOSER, FOLLOW_MOTION -> {
                String v = onOrOff(name, value) ? null : "off"; // on is the default, stored as nothing
                Stored s = read(dir);
                write(dir, s.withPerception(name.equals(LOOK_CLOSER) ? v : s.lookCloser(),
                        name.equals(FOLLOW_MOTION) ? v : s.followMotion()));
            }
            case TIME_ZONE -> {
                try (CaseEvidence evidence = CaseEvidence.open(dir)) {
                    evidence.cameras().setWorkstationZone(value == null || value.isBlank() ? null : Cameras.zone(value));
                }
            }
            default -> throw new IllegalArgumentException("unknown setting " + name + " (known: " + String.join(", ", NAMES) + ")");
        }
    }

    /** Whether indexing looks closer at small moving things ({@value #LOOK_CLOSER}, on unless set off). */
    public static boolean lookCloser(DataDirectory dir) throws IOException {
        return !"off".equals(read(dir).lookCloser());
    }

    /** Whether indexing examines more frames while something travels ({@value #FOLLOW_MOTION}, on unless set off). */
    public static boolean followMotion(DataDirectory dir) throws IOException {
        return !"off".equals(read(dir).followMotion());
    }

    private static boolean onOrOff(String name, String value) {
        String v = value == null ? "" : value.strip().toLowerCase(java.util.Locale.ROOT);
        return switch (v) {
            case "on", "" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException(name + " is on or off, not \"" + value + "\"");
        };
    }

    /**
     * Sets {@value #SOLR_CREDENTIALS} (empty for none). The file is read and checked now (private, one line
     * {@code USER:PASSWORD}); refused in plain words otherwise.
     */
    public static void setSolrCredentials(DataDirectory dir, String value) throws IOException {
        String v = value == null ? "" : value.strip();
        String stored = null;
        if (!v.isEmpty()) {
            Path f = Path.of(v).toAbsolutePath().normalize();
            try {
                org.sightline.indexer.index.solr.SolrCredentials.read(f);
            } catch (org.sightline.indexer.index.solr.SolrStoreException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            stored = f.toString();
        }
        Stored s = read(dir);
        write(dir, s.withSolrCredentials(stored));
    }

    /**
     * Sets {@value #SOLR_TRUSTSTORE} and/or {@value #SOLR_TRUSTSTORE_PASSWORD} (null leaves one as it is, empty clears
     * it). When both are set the truststore is opened now with the password (private file), refused in plain words
     * otherwise; a truststore set first is checked when its password file is.
     */
    public static void setSolrTrust(DataDirectory dir, String truststore, String passwordFile) throws IOException {
        Stored s = read(dir);
        String store = truststore == null ? s.solrTruststore() : absoluteOrNull(truststore);
        String password = passwordFile == null ? s.solrTruststorePassword() : absoluteOrNull(passwordFile);
        if (store != null && !java.nio.file.Files.isRegularFile(Path.of(store))) {
            throw new IllegalArgumentException("the Solr truststore " + store + " does not exist");
        }
        if (store != null && password != null) {
            try {
                org.sightline.indexer.index.solr.SolrTrust.read(Path.of(store), Path.of(password));
            } catch (org.sightline.indexer.index.solr.SolrStoreException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
        write(dir, s.withSolrTrust(store, password));
    }

    private static String absoluteOrNull(String value) {
        String v = value.strip();
        return v.isEmpty() ? null : Path.of(v).toAbsolutePath().normalize().toString();
    }

    /**
     * The certificates trusted for a SolrCloud served over HTTPS, when {@value #SOLR_TRUSTSTORE} is set (its password file
     * must be too: refused in plain words otherwise).
     */
    public static Optional<org.sightline.indexer.index.solr.SolrTrust> solrTrust(DataDirectory dir) throws IOException {
        Stored s = read(dir);
        if (s.solrTruststore() == null || s.solrTruststore().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(org.sightline.indexer.index.solr.SolrTrust.read(Path.of(s.solrTruststore()),
                s.solrTruststorePassword() == null ? null : Path.of(s.solrTruststorePassword())));
    }

    /** The credentials for the SolrCloud store, when a credentials file is set. */
    public static Optional<org.sightline.indexer.index.solr.SolrCredentials> solrCredentials(DataDirectory dir) throws IOException {
        String f = read(dir).solrCredentials();
        return f == null || f.isBlank() ? Optional.empty() : Optional.of(org.sightline.indexer.index.solr.SolrCredentials.read(Path.of(f)));
    }

    /**
     * The zone of cameras with no zone of their own: {@value #TIME_ZONE} when set, else the operating system's zone.
     * A stored zone this Java no longer knows reads as unset (the operating system's zone).
     */
    public static WorkstationZone workstationZone(DataDirectory dir) throws IOException {
        String z = read(dir).timeZone();
        if (z != null && !z.isBlank()) {
            try {
                return new WorkstationZone(ZoneId.of(z).normalized() instanceof java.time.ZoneOffset o ? o : ZoneId.of(z), ZoneSource.WORKSTATION);
            } catch (java.time.DateTimeException unknown) {
                return WorkstationZone.operatingSystem();
            }
        }
        return WorkstationZone.operatingSystem();
    }

    /**
     * Stores {@value #TIME_ZONE} (null for none: the operating system's zone). Not audited by itself: use
     * {@link Cameras#setWorkstationZone} (or {@link #set}), which audits the change.
     */
    static void writeTimeZone(DataDirectory dir, ZoneId zone) throws IOException {
        Stored s = read(dir);
        write(dir, s.withTimeZone(zone == null ? null : WorkstationZone.name(zone)));
    }
}
