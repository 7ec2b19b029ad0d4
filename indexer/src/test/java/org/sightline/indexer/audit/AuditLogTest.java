package org.sightline.indexer.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.indexer.catalog.CatalogDatabase;

class AuditLogTest {
    @TempDir
    Path tmp;

    static final String SHA = "ab".repeat(32);

    Path db;
    CatalogDatabase database;
    AuditLog log;

    @BeforeEach
    void setUp() {
        db = tmp.resolve("catalog.sqlite");
        database = CatalogDatabase.open(db);
        log = new AuditLog(database);
        log.record(null, new AuditDetails.ExportFailed("/tmp/y", "a red car"));
        log.record(null, new AuditDetails.View("/footage/a.mp4", SHA, 3.5, 7.0));
        log.record(7L, new CaseChange.Created("Test", "REF-7", "Ann", ""));
        log.record(7L, new AuditDetails.Export("/tmp/x", SHA, 3, 1000));
        log.record(null, new AuditDetails.ModelImport("m@1#abc", SHA, "/packs/m", "/data/models/m", false));
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    private Connection raw() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + db);
    }

    @Test
    void chainsEntriesAndVerifies() {
        List<AuditEntry> entries = log.entries();
        assertEquals(5, entries.size());
        assertEquals(AuditEntry.GENESIS, entries.getFirst().prevHash());
        for (int i = 1; i < entries.size(); i++) {
            assertEquals(entries.get(i - 1).hash(), entries.get(i).prevHash());
            assertEquals(entries.get(i).expectedHash(), entries.get(i).hash());
        }
        assertEquals("{\"error\":\"a red car\",\"out\":\"/tmp/y\"}", entries.getFirst().details(), "sorted keys");
        assertEquals("{\"description\":\"\",\"examiner\":\"Ann\",\"name\":\"Test\",\"op\":\"create\",\"reference\":\"REF-7\"}",
                entries.get(2).details(), "the op among the sorted keys");
        assertEquals(java.util.Optional.of(AuditAction.CASE_CHANGE), entries.get(2).knownAction());
        assertEquals(System.getProperty("user.name"), entries.getFirst().user());
        assertEquals(2, log.entriesForCase(7).size());
        AuditVerification v = new AuditVerifier(database).verify();
        assertTrue(v.intact());
        assertEquals(5, v.entriesChecked());
        assertEquals(entries.getLast().hash(), v.lastHash());
    }

    @Test
    void triggersRefuseUpdateAndDelete() throws SQLException {
        try (Connection c = raw(); Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE audit_log SET user = 'x' WHERE seq = 2"));
            assertTrue(e.getMessage().contains("append-only"), e.getMessage());
            assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM audit_log WHERE seq = 2"));
        }
    }

    @Test
    void aRawEditIsFoundAtThatRow() throws SQLException {
        try (Connection c = raw(); Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER audit_log_no_update");
            s.executeUpdate("UPDATE audit_log SET details = '{\"query\":\"a blue car\",\"results\":12}' WHERE seq = 3");
        }
        AuditVerification v = new AuditVerifier(database).verify();
        assertFalse(v.intact());
        assertEquals(3, v.brokenSeq());
        assertEquals(2, v.entriesChecked());
        assertTrue(v.problem().contains("altered"), v.problem());
    }

    @Test
    void aDeletedRowIsFound() throws SQLException {
        try (Connection c = raw(); Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER audit_log_no_delete");
            s.executeUpdate("DELETE FROM audit_log WHERE seq = 2");
        }
        AuditVerification v = new AuditVerifier(database).verify();
        assertEquals(3, v.brokenSeq());
        assertTrue(v.problem().contains("missing"), v.problem());
    }

    @Test
    void aRewrittenChainLinkIsFound() throws SQLException {
        // an attacker who recomputes the edited row's own hash still breaks the next link
        List<AuditEntry> entries = log.entries();
        AuditEntry e = entries.get(1);
        String details = "{\"fromSeconds\":9.9,\"video\":\"/footage/a.mp4\"}";
        String forged = AuditEntry.chainHash(e.prevHash(),
                AuditEntry.canonical(e.seq(), e.time().toString(), e.user(), e.action(), e.caseId(), details));
        try (Connection c = raw(); Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER audit_log_no_update");
            s.executeUpdate("UPDATE audit_log SET details = '" + details + "', hash = '" + forged + "' WHERE seq = 2");
        }
        AuditVerification v = new AuditVerifier(database).verify();
        assertEquals(3, v.brokenSeq());
        assertTrue(v.problem().contains("prev_hash"), v.problem());
    }

    @Test
    void concurrentWritersKeepOneChain() throws Exception {
        List<Thread> threads = new java.util.ArrayList<>();
        List<Throwable> errors = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        List<CatalogDatabase> own = new java.util.ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int id = t;
            own.add(CatalogDatabase.open(db));
            AuditLog ownLog = new AuditLog(own.getLast());
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    for (int i = 0; i < 20; i++) {
                        ownLog.record(null, new AuditDetails.View("/footage/" + id + ".mp4", SHA, i, i + 1));
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        own.forEach(CatalogDatabase::close);
        assertEquals(List.of(), errors);
        AuditVerification v = new AuditVerifier(database).verify();
        assertTrue(v.intact(), v.problem());
        assertEquals(85, v.entriesChecked());
    }

    @Test
    void recordsSearchesAndViewsWithTheirDetails() {
        var query = org.sightline.indexer.search.SearchQuery.prompt("two people at the gate").withCameras(java.util.Set.of("gate", "aisle")).withLimit(20);
        AuditEntry search = log.recordSearch(new org.sightline.indexer.search.SearchResult(query, List.of(), "m@1#abc", 7, 12));
        assertEquals("search", search.action());
        assertTrue(search.details().contains("\"prompt\":\"two people at the gate\""), search.details());
        assertTrue(search.details().contains("\"cameras\":[\"aisle\",\"gate\"]"), search.details());
        assertTrue(search.details().contains("\"results\":0") && search.details().contains("\"modelId\":\"m@1#abc\""), search.details());
        AuditEntry view = log.recordView(Path.of("/footage/a.mp4"), "ab".repeat(32), 1.5, 4.0);
        assertEquals("view", view.action());
        assertTrue(new AuditVerifier(database).verify().intact());
    }

    @Test
    void reopeningKeepsTheChain() {
        AuditEntry e;
        try (CatalogDatabase reopened = CatalogDatabase.open(db)) {
            e = new AuditLog(reopened).record(null, new AuditDetails.ExportFailed("/tmp/z", "cancelled"));
        }
        assertEquals(6, e.seq());
        assertNull(e.caseId());
        assertTrue(new AuditVerifier(database).verify().intact());
    }
}
