package org.sightline.indexer.catalog;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.sightline.indexer.footage.SamplingReport;
import org.sightline.indexer.footage.VideoInfo;

/**
 * The SQLite catalog ({@code catalog.sqlite}, WAL, foreign keys on): archives, videos, the paths each content hash
 * was seen at, index runs, generations (one attempt to write one video's vectors for one model) and segments.
 * The vectors themselves live in the Lucene index; see {@code IndexCommitProtocol} for how the two are kept in step.
 *
 * <p>Other services keep their own tables in the same file through {@link #openConnection()}. Thread safe: every
 * method runs on one connection under this object's lock.
 */
public final class Catalog implements AutoCloseable {
    private final Path file;
    private final Connection db;

    private Catalog(Path file, Connection db) {
        this.file = file;
        this.db = db;
    }

    /** Opens (creating and migrating as needed) the catalog file. */
    public static Catalog open(Path file) {
        try {
            Connection c = connect(file);
            CatalogSchema.migrate(c);
            return new Catalog(file, c);
        } catch (SQLException e) {
            throw new CatalogException("cannot open the catalog " + file + ": " + e.getMessage(), e);
        }
    }

    private static Connection connect(Path file) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        CatalogSchema.configure(c);
        return c;
    }

    public Path file() {
        return file;
    }

    /**
     * A new connection to the catalog file, with WAL and foreign keys on, for services that keep their own tables
     * here (cases, audit). The caller closes it.
     */
    public Connection openConnection() {
        try {
            return connect(file);
        } catch (SQLException e) {
            throw new CatalogException("cannot connect to the catalog " + file + ": " + e.getMessage(), e);
        }
    }

    // ---- archives and runs -------------------------------------------------------------------------------

    /** The id of the archive rooted at {@code root}, adding it when new. */
    public synchronized long archive(Path root) {
        String r = root.toAbsolutePath().normalize().toString();
        return sql("record archive " + r, () -> {
            try (var ps = db.prepareStatement("INSERT OR IGNORE INTO archives(root, added_at) VALUES (?, ?)")) {
                ps.setString(1, r);
                ps.setLong(2, System.currentTimeMillis());
                ps.executeUpdate();
            }
            try (var ps = db.prepareStatement("SELECT id FROM archives WHERE root = ?")) {
                ps.setString(1, r);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    public synchronized long startRun(String modelId, int filesTotal) {
        return sql("start an index run", () -> {
            try (var ps = db.prepareStatement("INSERT INTO index_runs(started_at, model_id, files_total) VALUES (?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, System.currentTimeMillis());
                ps.setString(2, modelId);
                ps.setInt(3, filesTotal);
                ps.executeUpdate();
                return generatedKey(ps);
            }
        });
    }

    /** @param status "finished", "cancelled" or "failed" */
    public synchronized void finishRun(long runId, String status, int filesFailed) {
        update("finish index run " + runId, "UPDATE index_runs SET finished_at = ?, status = ?, files_failed = ? WHERE id = ?",
                System.currentTimeMillis(), status, filesFailed, runId);
    }

    // ---- videos ------------------------------------------------------------------------------------------

    public synchronized Optional<VideoRecord> video(long id) {
        return queryVideos("SELECT * FROM videos WHERE id = ?", id).stream().findFirst();
    }

    /** The videos with these ids (missing ids are left out). */
    public synchronized Map<Long, VideoRecord> videos(Collection<Long> ids) {
        Map<Long, VideoRecord> out = new HashMap<>();
        List<Long> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += 500) {
            List<Long> part = all.subList(from, Math.min(all.size(), from + 500));
            StringJoiner in = new StringJoiner(",", "(", ")");
            part.forEach(x -> in.add("?"));
            for (VideoRecord v : queryVideos("SELECT * FROM videos WHERE id IN " + in, part.toArray())) {
                out.put(v.id(), v);
            }
        }
        return out;
    }

    public synchronized Optional<VideoRecord> videoByPath(Path path) {
        return queryVideos("SELECT * FROM videos WHERE path = ?", key(path)).stream().findFirst();
    }

    public synchronized List<VideoRecord> videosBySha256(String sha256) {
        return queryVideos("SELECT * FROM videos WHERE sha256 = ? ORDER BY id", sha256);
    }

    public synchronized List<VideoRecord> videos() {
        return queryVideos("SELECT * FROM videos ORDER BY path");
    }

    public synchronized List<VideoRecord> failedVideos() {
        return queryVideos("SELECT * FROM videos WHERE status IN ('failed', 'partial') ORDER BY path");
    }

    /**
     * Videos queued again for a reason the user should see: their vectors were lost from the index (see
     * {@link #discardLostGeneration}), or a run stopped while indexing them (see {@link #markInterruptedRuns}).
     */
    public synchronized List<VideoRecord> videosAwaitingReembedding() {
        return queryVideos("SELECT * FROM videos WHERE status = 'queued' AND error_kind IN ('index-lost', 'interrupted') ORDER BY path");
    }

    /**
     * Runs left {@code running} and videos left {@code indexing} by a process that stopped (crash, kill, power cut):
     * the runs become {@code interrupted} and the videos queued with the reason. Call only while holding the index for
     * writing, when no other process can be indexing.
     *
     * @return how many runs and videos were marked (0 when nothing was interrupted)
     */
    public synchronized int markInterruptedRuns() {
        return transaction("mark interrupted runs", () -> {
            long now = System.currentTimeMillis();
            int runs = execute("UPDATE index_runs SET status = 'interrupted', finished_at = ? WHERE status = 'running'", now);
            return runs + execute("UPDATE videos SET status = 'queued', error_kind = 'interrupted', error_message = ?, updated_at = ? "
                    + "WHERE status = 'indexing'", "an index run stopped (the process ended) while indexing it; the next index run does it again", now);
        });
    }

    /** Every path a file with this content was seen at, most recent first (export uses it when a source moved). */
    public synchronized List<Path> knownPaths(String sha256) {
        return sql("look up paths of " + sha256, () -> {
            List<Path> out = new ArrayList<>();
            try (var ps = db.prepareStatement("SELECT path FROM video_paths WHERE sha256 = ? ORDER BY last_seen DESC, path")) {
                ps.setString(1, sha256);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(Path.of(rs.getString(1)));
                    }
                }
            }
            return out;
        });
    }

    /** Notes that content {@code sha256} was seen at {@code path} now. */
    public synchronized void rememberPath(String sha256, Path path) {
        update("remember path " + path, "INSERT INTO video_paths(sha256, path, last_seen) VALUES (?, ?, ?) "
                + "ON CONFLICT(sha256, path) DO UPDATE SET last_seen = excluded.last_seen", sha256, key(path), System.currentTimeMillis());
    }

    /**
     * Records a file at {@code path}: adds a video or updates the one already at that path. When the content hash
     * changed, the old probe data, error and status are reset (the caller re-indexes it).
     *
     * @param sha256 content hash, null when the file could not be read
     * @return the video id
     */
    public synchronized long registerVideo(Path path, String sha256, long sizeBytes, long mtimeMillis, String camera, Long archiveId) {
        return sql("record video " + path, () -> {
            Optional<VideoRecord> existing = queryVideos("SELECT * FROM videos WHERE path = ?", key(path)).stream().findFirst();
            long now = System.currentTimeMillis();
            if (existing.isEmpty()) {
                try (var ps = db.prepareStatement("INSERT INTO videos(path, sha256, size_bytes, mtime_ms, camera, archive_id, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                    bind(ps, key(path), sha256, sizeBytes, mtimeMillis, camera, archiveId, now);
                    ps.executeUpdate();
                    return generatedKey(ps);
                }
            }
            VideoRecord v = existing.get();
            boolean changed = sha256 == null || !sha256.equals(v.sha256());
            if (changed) {
                execute("UPDATE videos SET sha256 = ?, size_bytes = ?, mtime_ms = ?, camera = ?, archive_id = COALESCE(?, archive_id), "
                        + "status = 'queued', error_kind = NULL, error_message = NULL, damage_at_s = NULL, damage_detail = NULL, "
                        + "updated_at = ? WHERE id = ?", sha256, sizeBytes, mtimeMillis, camera, archiveId, now, v.id());
            } else {
                execute("UPDATE videos SET size_bytes = ?, mtime_ms = ?, camera = ?, archive_id = COALESCE(?, archive_id), updated_at = ? "
                        + "WHERE id = ?", sizeBytes, mtimeMillis, camera, archiveId, now, v.id());
            }
            return v.id();
        });
    }

    /** The file with this content moved: the video now lives at {@code newPath}. */
    public synchronized void moveVideo(long videoId, Path newPath) {
        update("move video " + videoId + " to " + newPath, "UPDATE videos SET path = ?, updated_at = ? WHERE id = ?",
                key(newPath), System.currentTimeMillis(), videoId);
    }

    public synchronized void setCamera(long videoId, String camera) {
        update("set camera of video " + videoId, "UPDATE videos SET camera = ? WHERE id = ?", camera, videoId);
    }

    /** Stores what probing found and marks the video as being indexed. */
    public synchronized void recordProbe(long videoId, VideoInfo info) {
        update("record probe of video " + videoId,
                "UPDATE videos SET container = ?, codec = ?, width = ?, height = ?, fps = ?, duration_s = ?, recording_start_ms = ?, "
                        + "recording_start_source = ?, status = 'indexing', error_kind = NULL, error_message = NULL, updated_at = ? "
                        + "WHERE id = ?",
                info.container(), info.codec(), info.width(), info.height(), info.framesPerSecond(), info.durationSeconds(),
                info.recordingStart().map(Instant::toEpochMilli).orElse(null), info.recordingStartSource(),
                System.currentTimeMillis(), videoId);
    }

    public synchronized void setStatus(long videoId, VideoStatus status) {
        update("set status of video " + videoId, "UPDATE videos SET status = ?, updated_at = ? WHERE id = ?",
                status.dbValue(), System.currentTimeMillis(), videoId);
    }

    /** @param errorKind a {@code FootageError} name (or another short kind) */
    public synchronized void markFailed(long videoId, String errorKind, String message) {
        update("record failure of video " + videoId,
                "UPDATE videos SET status = 'failed', error_kind = ?, error_message = ?, updated_at = ? WHERE id = ?",
                errorKind, message, System.currentTimeMillis(), videoId);
    }

    // ---- generations and segments ------------------------------------------------------------------------

    /** A generation just written as {@code writing}, with the ids of its segments in the order given. */
    public record StartedGeneration(Generation generation, List<Long> segmentIds) {
    }

    /**
     * Step 1 of the commit protocol: records a generation as {@code writing} together with its segments, in one
     * transaction.
     */
    public synchronized StartedGeneration beginGeneration(long videoId, String modelId, String sha256, Long runId,
            List<SegmentDraft> segments, Optional<SamplingReport.Damage> damage, int framesEmbedded, int framesSkipped) {
        return transaction("begin writing video " + videoId, () -> {
            long gen;
            try (var ps = db.prepareStatement("INSERT INTO generations(video_id, model_id, sha256, run_id, status, outcome, "
                    + "damage_kind, damage_at_s, damage_detail, frames_embedded, frames_skipped, created_at) "
                    + "VALUES (?, ?, ?, ?, 'writing', ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                bind(ps, videoId, modelId, sha256, runId, damage.isPresent() ? "partial" : "done",
                        damage.map(d -> d.error().name()).orElse(null), damage.map(SamplingReport.Damage::atSeconds).orElse(null),
                        damage.map(SamplingReport.Damage::detail).orElse(null), framesEmbedded, framesSkipped,
                        System.currentTimeMillis());
                ps.executeUpdate();
                gen = generatedKey(ps);
            }
            List<Long> ids = new ArrayList<>(segments.size());
            try (var ps = db.prepareStatement("INSERT INTO segments(video_id, generation, model_id, start_s, end_s, rep_offset_s, "
                    + "thumbnail, frames_embedded, frames_skipped) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                for (SegmentDraft s : segments) {
                    bind(ps, videoId, gen, modelId, s.startSeconds(), s.endSeconds(), s.representativeOffset(), s.thumbnail(),
                            s.framesEmbedded(), s.framesSkipped());
                    ps.executeUpdate();
                    ids.add(generatedKey(ps));
                }
            }
            return new StartedGeneration(new Generation(gen, videoId, modelId, sha256, false), ids);
        });
    }

    /**
     * Step 3 of the commit protocol (after the index committed the generation's documents): the generation becomes
     * the video's vectors for its model, older generations of that model (and of any model for older content) go,
     * and the video takes the generation's outcome (done or partial, with its damage).
     */
    public synchronized List<String> completeGeneration(long generation) {
        return transaction("complete generation " + generation, () -> {
            Generation g = generation(generation).orElseThrow(() -> new SQLException("no generation " + generation));
            List<String> thumbs = thumbnails("SELECT s.thumbnail FROM segments s JOIN generations g ON g.id = s.generation "
                    + "WHERE g.video_id = ? AND g.id <> ? AND (g.model_id = ? OR g.sha256 <> ?)",
                    g.videoId(), generation, g.modelId(), g.sha256());
            execute("DELETE FROM generations WHERE video_id = ? AND id <> ? AND (model_id = ? OR sha256 <> ?)",
                    g.videoId(), generation, g.modelId(), g.sha256());
            execute("UPDATE generations SET status = 'done' WHERE id = ?", generation);
            execute("UPDATE videos SET status = (SELECT outcome FROM generations WHERE id = ?), "
                    + "error_kind = (SELECT damage_kind FROM generations WHERE id = ?), "
                    + "error_message = (SELECT damage_detail FROM generations WHERE id = ?), "
                    + "damage_at_s = (SELECT damage_at_s FROM generations WHERE id = ?), "
                    + "damage_detail = (SELECT damage_detail FROM generations WHERE id = ?), updated_at = ? WHERE id = ?",
                    generation, generation, generation, generation, generation, System.currentTimeMillis(), g.videoId());
            return thumbs;
        });
    }

    /**
     * Undoes step 1: the generation and its segments go; the video goes back to queued.
     *
     * @return thumbnails of the removed segments (relative to the thumbnails folder), for the caller to delete
     */
    public synchronized List<String> rollbackGeneration(long generation) {
        return transaction("roll back generation " + generation, () -> {
            Optional<Generation> g = generation(generation);
            List<String> thumbs = thumbnails("SELECT thumbnail FROM segments WHERE generation = ?", generation);
            execute("DELETE FROM generations WHERE id = ? AND status = 'writing'", generation);
            if (g.isPresent()) {
                execute("UPDATE videos SET status = 'queued', updated_at = ? WHERE id = ? AND status = 'indexing'",
                        System.currentTimeMillis(), g.get().videoId());
            }
            return thumbs;
        });
    }

    /** The thumbnail of every segment (relative to the thumbnails folder), to find files no segment refers to. */
    public synchronized java.util.Set<String> referencedThumbnails() {
        return sql("read thumbnails", () -> new java.util.HashSet<>(thumbnails("SELECT thumbnail FROM segments")));
    }

    /** Every finished generation with its frame count, for checking the index against the catalog. */
    public synchronized List<FinishedGeneration> finishedGenerations() {
        return sql("read finished generations", () -> {
            List<FinishedGeneration> out = new ArrayList<>();
            try (var ps = db.prepareStatement("SELECT g.id, g.video_id, v.path, g.model_id, g.frames_embedded "
                    + "FROM generations g JOIN videos v ON v.id = g.video_id WHERE g.status = 'done' ORDER BY g.id");
                 var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new FinishedGeneration(rs.getLong("id"), rs.getLong("video_id"), Path.of(rs.getString("path")),
                            rs.getString("model_id"), rs.getInt("frames_embedded")));
                }
            }
            return out;
        });
    }

    /**
     * A finished generation whose documents the index no longer holds (index folder deleted, damaged and rebuilt):
     * the generation and its segments go, and the video goes back to queued with the reason, so that the next index
     * run embeds it again.
     *
     * @return thumbnails of the removed segments (relative to the thumbnails folder), for the caller to delete
     */
    public synchronized List<String> discardLostGeneration(long generation, String reason) {
        return transaction("discard lost generation " + generation, () -> {
            Optional<Generation> g = generation(generation);
            List<String> thumbs = thumbnails("SELECT thumbnail FROM segments WHERE generation = ?", generation);
            execute("DELETE FROM generations WHERE id = ?", generation);
            if (g.isPresent()) {
                execute("UPDATE videos SET status = 'queued', error_kind = 'index-lost', error_message = ?, updated_at = ? "
                        + "WHERE id = ? AND NOT EXISTS (SELECT 1 FROM generations WHERE video_id = ? AND status = 'done')",
                        reason, System.currentTimeMillis(), g.get().videoId(), g.get().videoId());
            }
            return thumbs;
        });
    }

    public synchronized Optional<Generation> generation(long number) {
        return queryGenerations("SELECT * FROM generations WHERE id = ?", number).stream().findFirst();
    }

    /** Generations left in {@code writing} by a run that stopped (crash, kill) between steps 1 and 3. */
    public synchronized List<Generation> unfinishedGenerations() {
        return queryGenerations("SELECT * FROM generations WHERE status = 'writing' ORDER BY id");
    }

    /** True when this content has vectors of this model. */
    public synchronized boolean isIndexed(long videoId, String modelId, String sha256) {
        return sql("check video " + videoId, () -> {
            try (var ps = db.prepareStatement("SELECT 1 FROM generations g JOIN videos v ON v.id = g.video_id "
                    + "WHERE g.video_id = ? AND g.model_id = ? AND g.sha256 = ? AND g.status = 'done' AND v.sha256 = g.sha256 "
                    + "AND v.status IN ('done', 'partial')")) {
                bind(ps, videoId, modelId, sha256);
                try (var rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** Video ids with finished vectors of some other model but none of {@code modelId}. */
    public synchronized List<VideoRecord> videosMissingModel(String modelId) {
        return queryVideos("SELECT * FROM videos v WHERE v.status IN ('done', 'partial') AND NOT EXISTS (SELECT 1 FROM generations g "
                + "WHERE g.video_id = v.id AND g.model_id = ? AND g.status = 'done' AND g.sha256 = v.sha256) ORDER BY path", modelId);
    }

    public synchronized Map<Long, SegmentRecord> segments(Collection<Long> ids) {
        Map<Long, SegmentRecord> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        List<Long> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += 500) {
            List<Long> part = all.subList(from, Math.min(all.size(), from + 500));
            StringJoiner in = new StringJoiner(",", "(", ")");
            part.forEach(x -> in.add("?"));
            for (SegmentRecord s : querySegments("SELECT * FROM segments WHERE id IN " + in, part.toArray())) {
                out.put(s.id(), s);
            }
        }
        return out;
    }

    public synchronized Optional<SegmentRecord> segment(long id) {
        return querySegments("SELECT * FROM segments WHERE id = ?", id).stream().findFirst();
    }

    /** Finished segments of a video for a model, in time order. */
    public synchronized List<SegmentRecord> segmentsOf(long videoId, String modelId) {
        return querySegments("SELECT s.* FROM segments s JOIN generations g ON g.id = s.generation "
                + "WHERE s.video_id = ? AND s.model_id = ? AND g.status = 'done' ORDER BY s.start_s", videoId, modelId);
    }

    /** Finished segments, of one model or (null) of all. */
    public synchronized long segmentCount(String modelId) {
        return sql("count segments", () -> {
            String q = "SELECT COUNT(*) FROM segments s JOIN generations g ON g.id = s.generation WHERE g.status = 'done'"
                    + (modelId == null ? "" : " AND s.model_id = ?");
            try (var ps = db.prepareStatement(q)) {
                if (modelId != null) {
                    ps.setString(1, modelId);
                }
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    public synchronized Map<String, Long> videoCountsByStatus() {
        return sql("count videos", () -> {
            Map<String, Long> out = new LinkedHashMap<>();
            for (VideoStatus s : VideoStatus.values()) {
                out.put(s.dbValue(), 0L);
            }
            try (var st = db.createStatement(); var rs = st.executeQuery("SELECT status, COUNT(*) FROM videos GROUP BY status")) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
            return out;
        });
    }

    /** Seconds of footage in videos that are done or partial (up to the damage for partial ones). */
    public synchronized double indexedFootageSeconds() {
        return sql("sum footage", () -> {
            try (var st = db.createStatement(); var rs = st.executeQuery(
                    "SELECT COALESCE(SUM(COALESCE(damage_at_s, duration_s)), 0) FROM videos WHERE status IN ('done', 'partial')")) {
                rs.next();
                return rs.getDouble(1);
            }
        });
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new CatalogException("cannot close the catalog " + file + ": " + e.getMessage(), e);
        }
    }

    // ---- plumbing ----------------------------------------------------------------------------------------

    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    private <T> T sql(String what, SqlWork<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new CatalogException("catalog " + file + ": cannot " + what + ": " + e.getMessage(), e);
        }
    }

    private <T> T transaction(String what, SqlWork<T> work) {
        return sql(what, () -> {
            db.setAutoCommit(false);
            try {
                T result = work.run();
                db.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        });
    }

    private void update(String what, String statement, Object... args) {
        sql(what, () -> {
            execute(statement, args);
            return null;
        });
    }

    private int execute(String statement, Object... args) throws SQLException {
        try (var ps = db.prepareStatement(statement)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    private List<String> thumbnails(String q, Object... args) throws SQLException {
        List<String> out = new ArrayList<>();
        try (var ps = db.prepareStatement(q)) {
            bind(ps, args);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(1) != null) {
                        out.add(rs.getString(1));
                    }
                }
            }
        }
        return out;
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a == null) {
                ps.setNull(i + 1, Types.NULL);
            } else {
                ps.setObject(i + 1, a);
            }
        }
    }

    private static long generatedKey(PreparedStatement ps) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("no id was generated");
            }
            return keys.getLong(1);
        }
    }

    private static String key(Path path) {
        return path.toAbsolutePath().normalize().toString();
    }

    private List<VideoRecord> queryVideos(String q, Object... args) {
        return sql("read videos", () -> {
            List<VideoRecord> out = new ArrayList<>();
            try (var ps = db.prepareStatement(q)) {
                bind(ps, args);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long start = rs.getLong("recording_start_ms");
                        Optional<Instant> rec = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(start));
                        double dmg = rs.getDouble("damage_at_s");
                        if (rs.wasNull()) {
                            dmg = Double.NaN;
                        }
                        out.add(new VideoRecord(rs.getLong("id"), Path.of(rs.getString("path")), rs.getString("sha256"),
                                rs.getLong("size_bytes"), rs.getLong("mtime_ms"), rs.getString("container"), rs.getString("codec"),
                                rs.getInt("width"), rs.getInt("height"), rs.getDouble("fps"), rs.getDouble("duration_s"),
                                rs.getString("camera"), rec, rs.getString("recording_start_source"),
                                VideoStatus.fromDb(rs.getString("status")), rs.getString("error_kind"), rs.getString("error_message"),
                                dmg, rs.getString("damage_detail")));
                    }
                }
            }
            return out;
        });
    }

    private List<Generation> queryGenerations(String q, Object... args) {
        return sql("read generations", () -> {
            List<Generation> out = new ArrayList<>();
            try (var ps = db.prepareStatement(q)) {
                bind(ps, args);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Generation(rs.getLong("id"), rs.getLong("video_id"), rs.getString("model_id"),
                                rs.getString("sha256"), "done".equals(rs.getString("status"))));
                    }
                }
            }
            return out;
        });
    }

    private List<SegmentRecord> querySegments(String q, Object... args) {
        return sql("read segments", () -> {
            List<SegmentRecord> out = new ArrayList<>();
            try (var ps = db.prepareStatement(q)) {
                bind(ps, args);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new SegmentRecord(rs.getLong("id"), rs.getLong("video_id"), rs.getLong("generation"),
                                rs.getString("model_id"), rs.getDouble("start_s"), rs.getDouble("end_s"), rs.getDouble("rep_offset_s"),
                                rs.getString("thumbnail"), rs.getInt("frames_embedded"), rs.getInt("frames_skipped")));
                    }
                }
            }
            return out;
        });
    }
}
