package org.sightline.indexer.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.indexer.audit.AuditAction;
import org.sightline.indexer.audit.AuditDetails;
import org.sightline.indexer.audit.AuditLog;
import org.sightline.indexer.catalog.CatalogDatabase;
import org.sightline.indexer.signing.ExaminerKey;
import org.sightline.indexer.signing.ExaminerKeyStore;
import org.sightline.indexer.signing.SignatureCheck;
import org.sightline.indexer.signing.TrustedKeys;

/** The signed audit export holds the whole chain; an entry altered and re-signed is still caught by the chain. */
class AuditChainExporterTest {
    @TempDir
    Path tmp;

    @Test
    void exportVerifiesAndAnAlteredEntryBreaksTheChainEvenWhenReSigned() throws Exception {
        AuditLog audit = new AuditLog(CatalogDatabase.open(tmp.resolve("catalog.sqlite")));
        ExaminerKeyStore keys = new ExaminerKeyStore(tmp.resolve("keys"), audit);
        keys.create("J. Examiner", null, "test");
        audit.record(null, new AuditDetails.View("/footage/a.mp4", "a".repeat(64), 1.0, 3.0));
        audit.record(null, new AuditDetails.View("/footage/b.mp4", "b".repeat(64), 2.0, 4.0));
        ExaminerKey key = keys.unlock(null);
        Path out = tmp.resolve("audit");
        AuditChainExport export = new AuditChainExporter(audit, keys).export(out, key);
        assertEquals(3, export.entries().size());
        assertEquals(export.entries().getLast().hash(), export.headHash());

        AuditChainExporter.ChainCheck ok = AuditChainExporter.check(out, TrustedKeys.of(List.of(key.fingerprint())));
        assertTrue(ok.ok(), ok::toString);
        assertEquals(List.of("audit-export", "key-use"),
                audit.entries().subList(3, 5).stream().map(e -> e.action()).toList(), "the export and the key's use are audited");

        // the examiner's own key re-signs a chain with one entry changed: the signature holds, the chain does not
        Path file = out.resolve(AuditChainExport.FILE);
        byte[] altered = Files.readString(file).replace("/footage/a.mp4", "/footage/x.mp4").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Files.write(file, altered);
        Files.write(out.resolve(AuditChainExport.FILE + ".sig"), key.sign(altered));
        AuditChainExporter.ChainCheck bad = AuditChainExporter.check(out, TrustedKeys.anySigner());
        assertEquals(SignatureCheck.Status.VALID, bad.signature().status());
        assertFalse(bad.ok());
        assertTrue(bad.problems().getFirst().contains("entry 2 was altered"), bad.problems().toString());
    }
}
