package org.sightline.indexer.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.indexer.audit.AuditEntry;
import org.sightline.indexer.audit.AuditVerification;
import org.sightline.indexer.audit.AuditVerifier;
import org.sightline.indexer.cases.Case;
import org.sightline.indexer.cases.CaseItem;
import org.sightline.indexer.cases.CaseStatus;

/**
 * A {@code catalog.sqlite} written by the code before the single migration list (catalog tables at
 * {@code user_version} 1; cases and audit tables made by their services and versioned in {@code component_schema};
 * an audit chain hashed by the map-based log) opens, migrates and keeps working. The old file is built here with the
 * raw SQL that code ran, copied rather than shared, so later changes to the migrations cannot change the fixture.
 */
class CatalogMigrationTest {
    static final String SHA = "ab".repeat(32);

    /** The catalog tables as version 1 created them. */
    static final List<String> CATALOG_V1 = List.of(
            "CREATE TABLE archives(id INTEGER PRIMARY KEY, root TEXT NOT NULL UNIQUE, added_at INTEGER NOT NULL)",
            """
            CREATE TABLE videos(
              id INTEGER PRIMARY KEY,
              archive_id INTEGER REFERENCES archives(id) ON DELETE SET NULL,
              path TEXT NOT NULL UNIQUE,
              sha256 TEXT,
              size_bytes INTEGER NOT NULL DEFAULT 0,
              mtime_ms INTEGER NOT NULL DEFAULT 0,
              container TEXT, codec TEXT,
              width INTEGER NOT NULL DEFAULT 0, height INTEGER NOT NULL DEFAULT 0,
              fps REAL NOT NULL DEFAULT 0, duration_s REAL NOT NULL DEFAULT 0,
              camera TEXT,
              recording_start_ms INTEGER,
              recording_start_source TEXT NOT NULL DEFAULT 'unknown',
              status TEXT NOT NULL DEFAULT 'queued'
                CHECK (status IN ('queued','indexing','done','partial','failed')),
              error_kind TEXT, error_message TEXT,
              damage_at_s REAL, damage_detail TEXT,
              updated_at INTEGER NOT NULL)""",
            "CREATE INDEX videos_sha256 ON videos(sha256)",
            "CREATE TABLE video_paths(sha256 TEXT NOT NULL, path TEXT NOT NULL, last_seen INTEGER NOT NULL, PRIMARY KEY (sha256, path))",
            """
            CREATE TABLE index_runs(id INTEGER PRIMARY KEY, started_at INTEGER NOT NULL, finished_at INTEGER,
              model_id TEXT NOT NULL, files_total INTEGER NOT NULL DEFAULT 0, files_failed INTEGER NOT NULL DEFAULT 0,
              status TEXT NOT NULL DEFAULT 'running')""",
            """
            CREATE TABLE generations(
              id INTEGER PRIMARY KEY,
              video_id INTEGER NOT NULL REFERENCES videos(id) ON DELETE CASCADE,
              model_id TEXT NOT NULL,
              sha256 TEXT NOT NULL,
              run_id INTEGER REFERENCES index_runs(id) ON DELETE SET NULL,
              status TEXT NOT NULL CHECK (status IN ('writing','done')),
              outcome TEXT NOT NULL CHECK (outcome IN ('done','partial')),
              damage_kind TEXT, damage_at_s REAL, damage_detail TEXT,
              frames_embedded INTEGER NOT NULL DEFAULT 0,
              frames_skipped INTEGER NOT NULL DEFAULT 0,
              created_at INTEGER NOT NULL)""",
            "CREATE INDEX generations_video ON generations(video_id, model_id)",
            """
            CREATE TABLE segments(
              id INTEGER PRIMARY KEY,
              video_id INTEGER NOT NULL REFERENCES videos(id) ON DELETE CASCADE,
              generation INTEGER NOT NULL REFERENCES generations(id) ON DELETE CASCADE,
              model_id TEXT NOT NULL, start_s REAL NOT NULL, end_s REAL NOT NULL, rep_offset_s REAL NOT NULL,
              thumbnail TEXT, frames_embedded INTEGER NOT NULL, frames_skipped INTEGER NOT NULL,
              UNIQUE (generation, start_s))""",
            "CREATE INDEX segments_video ON segments(video_id, model_id, start_s)");

    /** What the old {@code CaseService} created, versioned as component {@code cases} 1. */
    static final List<String> CASES_V1 = List.of(
            "CREATE TABLE IF NOT EXISTS cases (id INTEGER PRIMARY KEY, name TEXT NOT NULL, reference TEXT NOT NULL UNIQUE, "
                    + "examiner TEXT NOT NULL, description TEXT NOT NULL, status TEXT NOT NULL, "
                    + "created TEXT NOT NULL, updated TEXT NOT NULL)",
            "CREATE TABLE IF NOT EXISTS case_items (id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL REFERENCES cases(id), "
                    + "position INTEGER NOT NULL, video_path TEXT NOT NULL, video_sha256 TEXT NOT NULL, camera TEXT, "
                    + "in_seconds REAL NOT NULL, out_seconds REAL NOT NULL, hit_seconds REAL NOT NULL, "
                    + "note TEXT NOT NULL, tags TEXT NOT NULL, found_kind TEXT NOT NULL, found_query TEXT, score REAL, "
                    + "model_id TEXT, index_version TEXT, thumbnail TEXT, added TEXT NOT NULL)",
            "CREATE INDEX IF NOT EXISTS case_items_case ON case_items(case_id, position)",
            "CREATE INDEX IF NOT EXISTS case_items_sha ON case_items(video_sha256)");

    /** What the old {@code AuditLog} created, versioned as component {@code audit} 1. */
    static final List<String> AUDIT_V1 = List.of(
            "CREATE TABLE IF NOT EXISTS audit_log (seq INTEGER PRIMARY KEY, time TEXT NOT NULL, user TEXT NOT NULL, "
                    + "action TEXT NOT NULL, case_id INTEGER, details TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL)",
            "CREATE INDEX IF NOT EXISTS audit_log_case ON audit_log(case_id)",
            "CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log "
                    + "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
            "CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log "
                    + "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END");

    /** The mapper the map-based audit log wrote details with. */
    static final ObjectMapper OLD_DETAILS = JsonMapper.builder()
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .build();

    @TempDir
    Path tmp;

    @Test
    void aCatalogFromTheOldSchemaOpensMigratesAndKeepsItsDataAndChain() throws Exception {
        Path file = tmp.resolve("catalog.sqlite");
        Path video = tmp.resolve("gate.mp4");
        try (Connection c = raw(file); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            run(s, CATALOG_V1);
            s.execute("PRAGMA user_version=1");
            s.execute("CREATE TABLE IF NOT EXISTS component_schema (component TEXT PRIMARY KEY, version INTEGER NOT NULL)");
            run(s, CASES_V1);
            s.execute("INSERT INTO component_schema VALUES ('cases', 1)");
            run(s, AUDIT_V1);
            s.execute("INSERT INTO component_schema VALUES ('audit', 1)");
            s.execute("INSERT INTO archives(id, root, added_at) VALUES (1, '" + tmp + "', 1)");
            s.execute("INSERT INTO videos(id, archive_id, path, sha256, size_bytes, duration_s, camera, status, updated_at) "
                    + "VALUES (1, 1, '" + video + "', '" + SHA + "', 10, 20.0, 'gate', 'done', 1)");
            s.execute("INSERT INTO generations(id, video_id, model_id, sha256, status, outcome, created_at) "
                    + "VALUES (1, 1, 'm@1#abc', '" + SHA + "', 'done', 'done', 1)");
            s.execute("INSERT INTO segments(video_id, generation, model_id, start_s, end_s, rep_offset_s, frames_embedded, "
                    + "frames_skipped) VALUES (1, 1, 'm@1#abc', 0, 4, 2, 4, 0)");
            s.execute("INSERT INTO cases VALUES (1, 'Gate', 'OP-1', 'Ann', 'night', 'OPEN', "
                    + "'2026-01-01T10:00:00Z', '2026-01-01T10:00:00Z')");
            s.execute("INSERT INTO case_items VALUES (1, 1, 1, '" + video + "', '" + SHA + "', 'gate', 1.0, 5.0, 3.0, "
                    + "'a van', '[\"van\"]', 'prompt', 'a white van', 0.3100000023841858, 'm@1#abc', 'gen-1', NULL, "
                    + "'2026-01-01T10:01:00.5Z')");
            Map<String, Object> created = new LinkedHashMap<>();
            created.put("name", "Gate");
            created.put("reference", "OP-1");
            created.put("examiner", "Ann");
            created.put("description", "night");
            created.put("op", "create");
            Map<String, Object> search = new LinkedHashMap<>();
            search.put("query", "a white van");
            search.put("results", 3);
            String prev = oldEntry(c, 1, "2026-01-01T10:00:00Z", "case-change", 1L, created, AuditEntry.GENESIS);
            oldEntry(c, 2, "2026-01-01T10:00:30.250Z", "search", null, search, prev);
        }

        try (Catalog catalog = Catalog.open(file)) {
            assertEquals(CatalogSchema.currentVersion(), userVersion(catalog));
            assertFalse(tableExists(catalog, "component_schema"), "the per-component versions are folded into user_version");
            VideoRecord v = catalog.video(1).orElseThrow();
            assertEquals(VideoStatus.DONE, v.status());
            assertEquals("gate", v.camera());
            assertEquals(1, catalog.segmentsOf(1, "m@1#abc").size());
            assertTrue(catalog.isIndexed(1, "m@1#abc", SHA));

            Services services = Services.on(catalog);
            AuditVerification before = services.auditVerifier().verify();
            assertTrue(before.intact(), before.problem());
            assertEquals(2, before.entriesChecked());

            Case gate = services.cases().resolve("OP-1");
            assertEquals(CaseStatus.OPEN, gate.status());
            CaseItem item = services.cases().items(gate.id()).getFirst();
            assertEquals(List.of("van"), item.tags());
            assertEquals(0.31f, item.foundBy().score());
            assertEquals(video, item.video());

            services.cases().rename(gate.id(), "Gate at night");
            services.cases().setNote(item.id(), "a white van");
            AuditVerification after = services.auditVerifier().verify();
            assertTrue(after.intact(), after.problem());
            assertEquals(4, after.entriesChecked());
            assertEquals(3, services.audit().entriesForCase(gate.id()).size());
        }
        try (Catalog again = Catalog.open(file)) {
            assertEquals(CatalogSchema.currentVersion(), userVersion(again), "opening a migrated file changes nothing");
            assertEquals(4, Services.on(again).auditVerifier().verify().entriesChecked());
        }
    }

    @Test
    void aFileThatHadOnlyTheAuditLogGainsTheCatalogTables() throws Exception {
        // the command line's model commands once opened the audit log on a data directory with no catalog yet
        Path file = tmp.resolve("catalog.sqlite");
        try (Connection c = raw(file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS component_schema (component TEXT PRIMARY KEY, version INTEGER NOT NULL)");
            run(s, AUDIT_V1);
            s.execute("INSERT INTO component_schema VALUES ('audit', 1)");
            oldEntry(c, 1, "2026-01-01T09:00:00Z", "model-import", null, Map.of("modelId", "m@1#abc"), AuditEntry.GENESIS);
        }
        try (Catalog catalog = Catalog.open(file)) {
            assertEquals(CatalogSchema.currentVersion(), userVersion(catalog));
            assertEquals(List.of(), catalog.videos());
            Services services = Services.on(catalog);
            services.cases().create("First", "", "", "");
            AuditVerification v = services.auditVerifier().verify();
            assertTrue(v.intact(), v.problem());
            assertEquals(2, v.entriesChecked());
        }
    }

    @Test
    void aCatalogFromANewerSightlineIsRefusedNamingTheFile() throws Exception {
        Path file = tmp.resolve("catalog.sqlite");
        try (Connection c = raw(file); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version=99");
        }
        CatalogException e = assertThrows(CatalogException.class, () -> Catalog.open(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("newer"), e.getMessage());
    }

    private static Connection raw(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    private static void run(Statement s, List<String> sql) throws SQLException {
        for (String q : sql) {
            s.execute(q);
        }
    }

    /** Appends an entry the way the map-based log did; returns its hash. */
    private static String oldEntry(Connection c, long seq, String time, String action, Long caseId, Map<String, ?> details,
                                   String prev) throws Exception {
        String json = OLD_DETAILS.writeValueAsString(details);
        String hash = AuditEntry.chainHash(prev, AuditEntry.canonical(seq, time, "olduser", action, caseId, json));
        try (PreparedStatement p = c.prepareStatement("INSERT INTO audit_log(seq, time, user, action, case_id, details, "
                + "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setLong(1, seq);
            p.setString(2, time);
            p.setString(3, "olduser");
            p.setString(4, action);
            p.setObject(5, caseId);
            p.setString(6, json);
            p.setString(7, prev);
            p.setString(8, hash);
            p.executeUpdate();
        }
        return hash;
    }

    private static int userVersion(Catalog catalog) {
        return catalog.database().withHandle(h -> h.createQuery("PRAGMA user_version").mapTo(Integer.class).one());
    }

    private static boolean tableExists(Catalog catalog, String table) {
        return catalog.database().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' "
                + "AND name = :name").bind("name", table).mapTo(Integer.class).one() > 0);
    }

    /** The case and audit services on a catalog, as the application layer wires them. */
    private record Services(org.sightline.indexer.audit.AuditLog audit, AuditVerifier auditVerifier,
                            org.sightline.indexer.cases.CaseService cases) {
        static Services on(Catalog catalog) {
            org.sightline.indexer.audit.AuditLog audit = new org.sightline.indexer.audit.AuditLog(catalog.database());
            return new Services(audit, new AuditVerifier(catalog.database()),
                    new org.sightline.indexer.cases.CaseService(catalog.database(), audit));
        }
    }
}
