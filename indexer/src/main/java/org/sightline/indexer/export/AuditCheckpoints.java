package org.sightline.indexer.export;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.sightline.indexer.audit.AuditDetails;
import org.sightline.indexer.audit.AuditEntry;
import org.sightline.indexer.audit.AuditLog;
import org.sightline.indexer.signing.ExaminerKey;
import org.sightline.indexer.signing.ExaminerKeyStore;
import org.sightline.models.integrity.Sha256;

/**
 * Signed checkpoints of the audit chain ({@code sightline audit checkpoint --out FILE}): each is written to the file
 * the examiner names (to keep off the workstation) and a copy to {@code audit-checkpoints/} in the data directory,
 * which {@code audit verify} always checks. Writing one is audited, as is the key's use.
 */
public class AuditCheckpoints {
    /** The folder of the data directory that keeps a copy of every checkpoint. */
    public static final String FOLDER = "audit-checkpoints";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path folder;
    private final AuditLog audit;
    private final ExaminerKeyStore keys;
    private final Clock clock;

    public AuditCheckpoints(Path folder, AuditLog audit, ExaminerKeyStore keys) {
        this(folder, audit, keys, Clock.systemUTC());
    }

    public AuditCheckpoints(Path folder, AuditLog audit, ExaminerKeyStore keys, Clock clock) {
        this.folder = Objects.requireNonNull(folder);
        this.audit = Objects.requireNonNull(audit);
        this.keys = Objects.requireNonNull(keys);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Signs the chain's head now and writes the checkpoint to {@code out} (which must not exist) and into the data
     * directory's folder.
     *
     * @throws IOException when the log is empty, or a file cannot be written (the message names it)
     */
    public AuditCheckpoint write(ExaminerKey key, Path out) throws IOException {
        List<AuditEntry> all = audit.entries();
        if (all.isEmpty()) {
            throw new IOException("the audit trail is empty: there is nothing to anchor yet");
        }
        AuditEntry head = all.getLast();
        AuditCheckpoint checkpoint = AuditCheckpoint.sign(head.seq(), head.hash(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS).toString(), audit.user(), key);
        byte[] bytes = JSON.writeValueAsBytes(checkpoint);
        Path target = out.toAbsolutePath().normalize();
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        try {
            Files.write(target, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new IOException("checkpoint file " + target + " already exists; name a new file", e);
        }
        Files.createDirectories(folder);
        Path kept = folder.resolve("checkpoint-" + head.seq() + "-" + Sha256.of(bytes).substring(0, 8) + ".json");
        Files.write(kept, bytes, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        audit.record(null, new AuditDetails.Checkpoint(target.toString(), head.seq(), head.hash(), key.fingerprint().hex()));
        keys.recordUse(key, "audit checkpoint " + target + " (entry " + head.seq() + ")", Sha256.of(bytes), null);
        return checkpoint;
    }

    /** The checkpoint files kept in the data directory, oldest name first. */
    public List<Path> stored() throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }

    /** Reads a checkpoint file; its signature is checked by {@link AuditCheckpoint#check}. */
    public static AuditCheckpoint read(Path file) throws IOException {
        AuditCheckpoint c;
        try {
            c = JSON.readValue(file.toFile(), AuditCheckpoint.class);
        } catch (IOException e) {
            throw new IOException("cannot read " + file + " as a Sightline audit checkpoint: " + e.getMessage(), e);
        }
        if (!AuditCheckpoint.FORMAT.equals(c.format()) || c.hash() == null) {
            throw new IOException(file + " is not a Sightline audit checkpoint (format " + c.format() + ")");
        }
        return c;
    }
}
