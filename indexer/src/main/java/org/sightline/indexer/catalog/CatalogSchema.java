package org.sightline.indexer.catalog;

import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Every table in {@code catalog.sqlite} (the catalog's, the cases' and the audit log's), versioned through SQLite's
 * {@code user_version}: migration {@code i} takes the file from version {@code i} to {@code i + 1}. Add migrations
 * at the end; never edit one that has shipped.
 *
 * <p>Version 1 is the catalog as first shipped. Before version 2 the cases and the audit log created their own
 * tables and kept their versions in {@code component_schema}; version 2 creates those tables when missing (with the
 * same definitions, so files where they exist keep them and their rows) and drops {@code component_schema}.
 * Version 3 adds perception, per generation: the object detector's examined frames and detections, scene text and
 * burned-in clock readings, object tracks; and the video's recording start according to its clock. Version 4 adds
 * {@code cameras}: a display name and a time zone per camera key.
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
    ), List.of(
            "CREATE TABLE IF NOT EXISTS cases ("
                    + "id INTEGER PRIMARY KEY, name TEXT NOT NULL, reference TEXT NOT NULL UNIQUE, "
                    + "examiner TEXT NOT NULL, description TEXT NOT NULL, status TEXT NOT NULL, "
                    + "created TEXT NOT NULL, updated TEXT NOT NULL)",
            "CREATE TABLE IF NOT EXISTS case_items ("
                    + "id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL REFERENCES cases(id), position INTEGER NOT NULL, "
                    + "video_path TEXT NOT NULL, video_sha256 TEXT NOT NULL, camera TEXT, "
                    + "in_seconds REAL NOT NULL, out_seconds REAL NOT NULL, hit_seconds REAL NOT NULL, "
                    + "note TEXT NOT NULL, tags TEXT NOT NULL, found_kind TEXT NOT NULL, found_query TEXT, score REAL, "
                    + "model_id TEXT, index_version TEXT, thumbnail TEXT, added TEXT NOT NULL)",
            "CREATE INDEX IF NOT EXISTS case_items_case ON case_items(case_id, position)",
            "CREATE INDEX IF NOT EXISTS case_items_sha ON case_items(video_sha256)",
            "CREATE TABLE IF NOT EXISTS audit_log ("
                    + "seq INTEGER PRIMARY KEY, "
                    + "time TEXT NOT NULL, "
                    + "user TEXT NOT NULL, "
                    + "action TEXT NOT NULL, "
                    + "case_id INTEGER, "
                    + "details TEXT NOT NULL, "
                    + "prev_hash TEXT NOT NULL, "
                    + "hash TEXT NOT NULL)",
            "CREATE INDEX IF NOT EXISTS audit_log_case ON audit_log(case_id)",
            "CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log "
                    + "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
            "CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log "
                    + "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
            "DROP TABLE IF EXISTS component_schema"
    ), List.of(
            // perception (issue 13): the frames the object detector examined and what it found, per generation, so they
            // are written in step 1 of the commit protocol and go with the generation (ON DELETE CASCADE)
            """
            CREATE TABLE examined_frames(
              generation INTEGER NOT NULL REFERENCES generations(id) ON DELETE CASCADE,
              video_id INTEGER NOT NULL REFERENCES videos(id) ON DELETE CASCADE,
              offset_s REAL NOT NULL,
              PRIMARY KEY (generation, offset_s))""",
            """
            CREATE TABLE detections(
              id INTEGER PRIMARY KEY,
              generation INTEGER NOT NULL REFERENCES generations(id) ON DELETE CASCADE,
              video_id INTEGER NOT NULL REFERENCES videos(id) ON DELETE CASCADE,
              offset_s REAL NOT NULL,
              label TEXT NOT NULL,
              score REAL NOT NULL,
              x1 REAL NOT NULL, y1 REAL NOT NULL, x2 REAL NOT NULL, y2 REAL NOT NULL,
              colour TEXT)""",
            "CREATE INDEX detections_generation ON detections(generation, offset_s)",
            "CREATE INDEX detections_label ON detections(label, video_id)",
            """
            CREATE TABLE scene_texts(
              id INTEGER PRIMARY KEY,
              generation INTEGER NOT NULL REFERENCES generations(id) ON DELETE CASCADE,
              video_id INTEGER NOT NULL REFERENCES videos(id) ON DELETE CASCADE,
              offset_s REAL NOT NULL,
              text TEXT NOT NULL,
              confidence REAL NOT NULL,
              x1 REAL NOT NULL, y1 REAL NOT NULL, x2 REAL NOT NULL, y2 REAL NOT NULL)""",
            "CREATE INDEX scene_texts_generation ON scene_texts(generation, offset_s)",
            """
            CREATE TABLE clock_readings(
              generation INTEGER NOT NULL REFERENCES generations(id) ON DELETE CASCADE,
              video_id INTEGER NOT NULL REFERENCES videos(id) ON DELETE CASCADE,
              offset_s REAL NOT NULL,
              text TEXT NOT NULL,
              shown TEXT NOT NULL,
              format TEXT NOT NULL,
              PRIMARY KEY (generation, offset_s))""",
            """
            CREATE TABLE tracks(
              id INTEGER PRIMARY KEY,
              generation INTEGER NOT NULL REFERENCES generations(id) ON DELETE CASCADE,
              video_id INTEGER NOT NULL REFERENCES videos(id) ON DELETE CASCADE,
              label TEXT NOT NULL,
              colour TEXT,
              first_s REAL NOT NULL,
              last_s REAL NOT NULL,
              direction TEXT NOT NULL,
              path TEXT NOT NULL)""",
            "CREATE INDEX tracks_generation ON tracks(generation, first_s)",
            // which perception packs (name, version, manifest SHA-256) found a generation's detections
            "ALTER TABLE generations ADD COLUMN perception_packs TEXT",
            // the recording start the burned-in clock implies, kept beside the one from metadata or the file name
            "ALTER TABLE videos ADD COLUMN clock_start_ms INTEGER"
    ), List.of(
            // cameras (issue 15): the name shown for a camera key (videos.camera) and the IANA zone of its wall clock;
            // a key without a row is named by itself and read in the workstation's zone
            """
            CREATE TABLE cameras(
              key TEXT PRIMARY KEY,
              name TEXT NOT NULL,
              zone TEXT,
              updated_at INTEGER NOT NULL)"""
    ));

    private CatalogSchema() {
    }

    /** The schema version this Sightline writes. */
    static int currentVersion() {
        return MIGRATIONS.size();
    }

    /** Brings the file to {@link #currentVersion()}; runs inside the caller's write transaction. */
    static Void migrate(Handle h) {
        int version = h.createQuery("PRAGMA user_version").mapTo(Integer.class).one();
        if (version > MIGRATIONS.size()) {
            throw new CatalogException("its schema version " + version + " is newer than this Sightline knows ("
                    + MIGRATIONS.size() + "); use a newer Sightline");
        }
        for (int v = version; v < MIGRATIONS.size(); v++) {
            for (String sql : MIGRATIONS.get(v)) {
                h.execute(sql);
            }
            h.execute("PRAGMA user_version=" + (v + 1));
        }
        return null;
    }
}
