package org.sightline.indexer.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The catalog's tables, versioned through SQLite's {@code user_version}: migration {@code i} takes the schema from
 * version {@code i} to {@code i + 1}. Add migrations at the end; never edit one that has shipped.
 */
final class CatalogSchema {
    static final List<List<String>> MIGRATIONS = List.of(List.of(
            """
            CREATE TABLE archives(
              id INTEGER PRIMARY KEY,
              root TEXT NOT NULL UNIQUE,
              added_at INTEGER NOT NULL)""",
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
            """
            CREATE TABLE video_paths(
              sha256 TEXT NOT NULL,
              path TEXT NOT NULL,
              last_seen INTEGER NOT NULL,
              PRIMARY KEY (sha256, path))""",
            """
            CREATE TABLE index_runs(
              id INTEGER PRIMARY KEY,
              started_at INTEGER NOT NULL,
              finished_at INTEGER,
              model_id TEXT NOT NULL,
              files_total INTEGER NOT NULL DEFAULT 0,
              files_failed INTEGER NOT NULL DEFAULT 0,
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
              model_id TEXT NOT NULL,
              start_s REAL NOT NULL,
              end_s REAL NOT NULL,
              rep_offset_s REAL NOT NULL,
              thumbnail TEXT,
              frames_embedded INTEGER NOT NULL,
              frames_skipped INTEGER NOT NULL,
              UNIQUE (generation, start_s))""",
            "CREATE INDEX segments_video ON segments(video_id, model_id, start_s)"
    ));

    private CatalogSchema() {
    }

    static void configure(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA foreign_keys=ON");
            s.execute("PRAGMA synchronous=NORMAL");
            s.execute("PRAGMA busy_timeout=10000");
        }
    }

    static void migrate(Connection c) throws SQLException {
        int version;
        try (Statement s = c.createStatement(); var rs = s.executeQuery("PRAGMA user_version")) {
            version = rs.next() ? rs.getInt(1) : 0;
        }
        if (version > MIGRATIONS.size()) {
            throw new SQLException("catalog schema version " + version + " is newer than this Sightline knows ("
                    + MIGRATIONS.size() + "); use a newer Sightline");
        }
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (int v = version; v < MIGRATIONS.size(); v++) {
                for (String sql : MIGRATIONS.get(v)) {
                    s.execute(sql);
                }
                s.execute("PRAGMA user_version=" + (v + 1));
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }
}
