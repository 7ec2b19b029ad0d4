package org.sightline.indexer.export;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sightline.indexer.audit.AuditDetails;
import org.sightline.indexer.audit.AuditAction;
import org.sightline.indexer.audit.AuditEntry;
import org.sightline.indexer.audit.AuditLog;
import org.sightline.models.integrity.Sha256;
import org.sightline.indexer.signing.DetachedSignature;
import org.sightline.indexer.signing.ExaminerKey;
import org.sightline.indexer.signing.ExaminerKeyStore;
import org.sightline.indexer.signing.SignatureCheck;
import org.sightline.indexer.signing.SignedBy;
import org.sightline.indexer.signing.TrustedKeys;

/**
 * Writes the audit chain for a third party ({@code sightline audit export}) and checks such an export offline
 * ({@code sightline audit verify --export DIR}): the signature over {@code audit-chain.json}, that every entry's hash
 * matches its content, that each entry links to the one before from the first, and that the signed head is the last.
 */
public class AuditChainExporter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final AuditLog audit;
    private final ExaminerKeyStore keys;
    private final Clock clock;

    public AuditChainExporter(AuditLog audit, ExaminerKeyStore keys) {
        this(audit, keys, Clock.systemUTC());
    }

    public AuditChainExporter(AuditLog audit, ExaminerKeyStore keys, Clock clock) {
        this.audit = Objects.requireNonNull(audit);
        this.keys = Objects.requireNonNull(keys);
        this.clock = Objects.requireNonNull(clock);
    }

    /** What a check of an audit export found; {@code problems} empty and a valid signature means it holds. */
    public record ChainCheck(SignatureCheck signature, int entries, long headSeq, String headHash, List<String> problems) {
        public boolean ok() {
            return signature.valid() && problems.isEmpty();
        }
    }

    /**
     * Writes {@code audit-chain.json} with its signature and the public key into {@code out} (new or empty folder),
     * then records the export and the key's use.
     */
    public AuditChainExport export(Path out, ExaminerKey key) throws IOException {
        Files.createDirectories(out);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(out)) {
            if (ds.iterator().hasNext()) {
                throw new IOException("audit export folder " + out + " is not empty; choose a new or empty folder");
            }
        }
        List<AuditEntry> all = audit.entries();
        AuditEntry head = all.isEmpty() ? null : all.getLast();
        AuditChainExport export = new AuditChainExport(AuditChainExport.FORMAT,
                clock.instant().truncatedTo(ChronoUnit.MILLIS).toString(), audit.user(), AuditChainExport.HASH_RULE,
                all.stream().map(ExportManifest.Entry::of).toList(), head == null ? 0 : head.seq(),
                head == null ? AuditEntry.GENESIS : head.hash(),
                SignedBy.of(key.identity(), AuditChainExport.FILE, "the exact bytes of " + AuditChainExport.FILE
                        + ": every audit entry with its chain hash, and the head"));
        byte[] bytes = JSON.writeValueAsBytes(export);
        Path file = out.resolve(AuditChainExport.FILE);
        Files.write(file, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        DetachedSignature.write(key, file, bytes);
        String sha = Sha256.of(file);
        audit.record(null, new AuditDetails.AuditExport(out.toAbsolutePath().toString(), all.size(), export.headHash(),
                export.headSeq(), key.fingerprint().hex(), sha));
        keys.recordUse(key, "audit export " + file, sha, null);
        return export;
    }

    /** Checks an audit export using nothing but its folder. */
    public static ChainCheck check(Path dir, TrustedKeys trust) throws IOException {
        Path file = dir.resolve(AuditChainExport.FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException("not an audit export: " + file + " is missing");
        }
        byte[] bytes = Files.readAllBytes(file);
        AuditChainExport export;
        try {
            export = JSON.readValue(bytes, AuditChainExport.class);
        } catch (IOException e) {
            throw new IOException("cannot read " + file + " as a Sightline audit export: " + e.getMessage(), e);
        }
        if (!AuditChainExport.FORMAT.equals(export.format()) || export.entries() == null) {
            throw new IOException(file + " is not a Sightline audit export (format " + export.format() + ")");
        }
        SignatureCheck signature = DetachedSignature.check(file, bytes, export.signer(), trust);
        List<String> problems = new ArrayList<>();
        String prev = AuditEntry.GENESIS;
        long expectedSeq = 1;
        for (ExportManifest.Entry e : export.entries()) {
            if (e.seq() != expectedSeq) {
                problems.add("entry " + expectedSeq + " is missing (next entry is " + e.seq() + ")");
                expectedSeq = e.seq();
            }
            if (!prev.equals(e.prevHash())) {
                problems.add("entry " + e.seq() + " does not link to the entry before it (prevHash " + e.prevHash()
                        + ", expected " + prev + ")");
            }
            if (!e.consistent()) {
                problems.add("entry " + e.seq() + " was altered: its content does not match its hash " + e.hash());
            }
            prev = e.hash();
            expectedSeq++;
        }
        long lastSeq = export.entries().isEmpty() ? 0 : export.entries().getLast().seq();
        if (lastSeq != export.headSeq() || !prev.equals(export.headHash())) {
            problems.add("the head (entry " + export.headSeq() + ", " + export.headHash() + ") is not the last entry ("
                    + lastSeq + ", " + prev + ")");
        }
        return new ChainCheck(signature, export.entries().size(), export.headSeq(), export.headHash(), problems);
    }
}
