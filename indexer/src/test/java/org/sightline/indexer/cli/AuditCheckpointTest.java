package org.sightline.indexer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.indexer.testing.ForgedAuditChain;

/**
 * Issue 11, item 4: with the log's triggers dropped, a log cut short or rewritten with recomputed hashes still
 * passes the chain check, but not a signed checkpoint kept in the data directory or off the workstation.
 */
class AuditCheckpointTest {
    @TempDir
    Path tmp;

    private String data;
    private Path kept;

    @BeforeEach
    void caseActivityAndACheckpoint() {
        data = tmp.resolve("data").toString();
        assertEquals(0, CliRun.of("key", "create", "--data", data, "--name", "DC Smith").exitCode());
        for (int i = 1; i <= 3; i++) {
            assertEquals(0, CliRun.of("case", "create", "--data", data, "--name", "Case " + i).exitCode());
        }
        kept = tmp.resolve("usb/checkpoint.json");
        CliRun written = CliRun.of("audit", "checkpoint", "--data", data, "--out", kept.toString());
        assertEquals(0, written.exitCode(), written.err());
        assertTrue(written.out().contains("checkpoint of audit entry 4"), written.out());
        assertEquals(0, CliRun.of("case", "create", "--data", data, "--name", "Case 4").exitCode());
    }

    private Connection catalog() throws Exception {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("data/catalog.sqlite"));
        try (Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER IF EXISTS audit_log_no_update");
            s.execute("DROP TRIGGER IF EXISTS audit_log_no_delete");
        }
        return c;
    }

    @Test
    void anIntactLogAgreesWithItsCheckpoints() {
        CliRun verified = CliRun.of("audit", "verify", "--data", data, "--checkpoint", kept.toString());
        assertEquals(0, verified.exitCode(), verified.out());
        assertTrue(verified.out().contains("anchored: 2 anchor(s) agree, the newest at entry 4"), verified.out());
        assertTrue(verified.out().contains("entries after it are not anchored yet"), verified.out());
        assertTrue(CliRun.of("audit", "show", "--data", data).out().contains("audit-checkpoint"));
    }

    @Test
    void entriesCutOffAfterTheCheckpointAreFound() throws Exception {
        try (Connection c = catalog(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM audit_log WHERE seq >= 3");
        }
        CliRun verified = CliRun.of("audit", "verify", "--data", data);
        assertEquals(1, verified.exitCode(), verified.out());
        assertTrue(verified.out().contains("audit trail intact"), "the chain alone cannot tell: " + verified.out());
        assertTrue(verified.out().contains("entry 3 is missing (and every entry up to 4): the log ends at entry 2, cut short"),
                verified.out());
    }

    @Test
    void aChainRewrittenWithRecomputedHashesIsFound() throws Exception {
        assertEquals(1, ForgedAuditChain.rewrite(tmp.resolve("data/catalog.sqlite"), 2, "Case 1", "Forged case"));
        CliRun chainOnly = CliRun.of("audit", "verify", "--data", data, "--json");
        assertTrue(chainOnly.out().contains("\"brokenSeq\" : -1"), "the chain was recomputed: " + chainOnly.out());
        CliRun verified = CliRun.of("audit", "verify", "--data", data);
        assertEquals(1, verified.exitCode(), verified.out());
        assertTrue(verified.out().contains("entry 4 has hash"), verified.out());
        assertTrue(verified.out().contains("the log was rewritten"), verified.out());

        // the copy in the data directory removed too: the checkpoint kept off the workstation still tells
        try (var files = Files.list(tmp.resolve("data/audit-checkpoints"))) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        CliRun unanchored = CliRun.of("audit", "verify", "--data", data);
        assertEquals(0, unanchored.exitCode(), unanchored.out());
        assertTrue(unanchored.out().contains("no anchors"), unanchored.out());
        CliRun withFile = CliRun.of("audit", "verify", "--data", data, "--checkpoint", kept.toString());
        assertEquals(1, withFile.exitCode(), withFile.out());
        assertTrue(withFile.out().contains("but checkpoint " + kept.toAbsolutePath()), withFile.out());
    }

    @Test
    void anAlteredCheckpointIsNotUsed() throws Exception {
        Files.writeString(kept, Files.readString(kept).replaceFirst("\"seq\" : 4", "\"seq\" : 3"));
        CliRun verified = CliRun.of("audit", "verify", "--data", data, "--checkpoint", kept.toString());
        assertEquals(1, verified.exitCode(), verified.out());
        assertTrue(verified.out().contains("is not usable: the signature does not match"), verified.out());
    }
}
