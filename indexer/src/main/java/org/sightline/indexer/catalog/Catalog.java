package org.sightline.indexer.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.result.ResultIterable;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.sightline.indexer.footage.PathText;
import org.sightline.indexer.footage.SamplingReport;
import org.sightline.indexer.footage.VideoInfo;
import org.sightline.indexer.perception.ClockSighting;
import org.sightline.indexer.perception.ClockStart;
import org.sightline.indexer.perception.FrameDetections;
import org.sightline.indexer.perception.ObjectSighting;
import org.sightline.indexer.perception.ObjectTrack;
import org.sightline.indexer.perception.PerceptionSummary;
import org.sightline.indexer.perception.SceneTextSighting;
import org.sightline.indexer.perception.TrackLinker;
import org.sightline.indexer.perception.VideoPerception;
import org.sightline.models.perception.detect.NormalisedBox;

/**
 * The SQLite catalog ({@code catalog.sqlite}, WAL, foreign keys on): archives, videos, the paths each content hash
 * was seen at, index runs, generations (one attempt to write one video's vectors for one model) and segments.
 * The vectors themselves live in the Lucene index; see {@code IndexCommitProtocol} for how the two are kept in step.
 *
 * <p>Cases and the audit log keep their tables in the same file through {@link #database()}. Thread safe: each
 * method is one unit of work on the file's connection (see {@link CatalogDatabase}).
 */
public final class Catalog implements AutoCloseable {
    private static final int IN_LIST_CHUNK = 500;

    private static final RowMapper<VideoRecord> VIDEO = (rs, ctx) -> {
        long start = rs.getLong("recording_start_ms");
        Optional<Instant> recorded = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(start));
        double damage = rs.getDouble("damage_at_s");
        if (rs.wasNull()) {
            damage = Double.NaN;
        }
        return new VideoRecord(rs.getLong("id"), PathText.fromStored(rs.getString("path")), rs.getString("sha256"),
                rs.getLong("size_bytes"), rs.getLong("mtime_ms"), rs.getString("container"), rs.getString("codec"),
                rs.getInt("width"), rs.getInt("height"), rs.getDouble("fps"), rs.getDouble("duration_s"),
                rs.getString("camera"), recorded, rs.getString("recording_start_source"),
                VideoStatus.fromDb(rs.getString("status")), rs.getString("error_kind"), rs.getString("error_message"),
                damage, rs.getString("damage_detail"));
    };

    private static final RowMapper<Generation> GENERATION = (rs, ctx) -> new Generation(rs.getLong("id"),
            rs.getLong("video_id"), rs.getString("model_id"), rs.getString("sha256"), "done".equals(rs.getString("status")));

    private static final RowMapper<SegmentRecord> SEGMENT = (rs, ctx) -> new SegmentRecord(rs.getLong("id"),
            rs.getLong("video_id"), rs.getLong("generation"), rs.getString("model_id"), rs.getDouble("start_s"),
            rs.getDouble("end_s"), rs.getDouble("rep_offset_s"), rs.getString("thumbnail"), rs.getInt("frames_embedded"),
            rs.getInt("frames_skipped"));

    private final CatalogDatabase db;

    private Catalog(CatalogDatabase db) {
        this.db = db;
    }

    /** Opens (creating and migrating as needed) the catalog file. */
    public static Catalog open(Path file) {
        return new Catalog(CatalogDatabase.open(file));
    }

    public Path file() {
        return db.file();
    }

    /** Changes whenever another process commits to the catalog file (see {@link CatalogDatabase#dataVersion()}). */
    public long changesByOthers() {
        return db.dataVersion();
    }

    /** The catalog file, for the services that keep their own tables in it (cases, audit). */
    public CatalogDatabase database() {
        return db;
    }

    // ---- archives and runs -------------------------------------------------------------------------------

    /** The id of the archive rooted at {@code root}, adding it when new. */
    public long archive(Path root) {
        String r = key(root);
        return run("record archive " + r, h -> {
            h.createUpdate("INSERT OR IGNORE INTO archives(root, added_at) VALUES (:root, :now)")
                    .bind("root", r).bind("now", System.currentTimeMillis()).execute();
            return h.createQuery("SELECT id FROM archives WHERE root = :root").bind("root", r).mapTo(Long.class).one();
        });
    }

    /** The folders footage was indexed from (each archive's root), in the order they were first indexed. */
    public List<Path> archiveRoots() {
        return run("read the archive folders", h -> h.createQuery("SELECT root FROM archives ORDER BY id")
                .map((rs, ctx) -> PathText.fromStored(rs.getString("root"))).list());
    }

    public long startRun(String modelId, int filesTotal) {
        return run("start an index run", h -> h.createUpdate(
                        "INSERT INTO index_runs(started_at, model_id, files_total) VALUES (:now, :model, :total)")
                .bind("now", System.currentTimeMillis()).bind("model", modelId).bind("total", filesTotal)
                .executeAndReturnGeneratedKeys().mapTo(Long.class).one());
    }

    public void finishRun(long runId, RunStatus status, int filesFailed) {
        run("finish index run " + runId, h -> h.createUpdate(
                        "UPDATE index_runs SET finished_at = :now, status = :status, files_failed = :failed WHERE id = :id")
                .bind("now", System.currentTimeMillis()).bind("status", status.dbValue()).bind("failed", filesFailed).bind("id", runId)
                .execute());
    }

    /** The latest index run, if any. */
    public Optional<IndexRun> lastRun() {
        return run("read the last index run", h -> h.createQuery("SELECT * FROM index_runs ORDER BY id DESC LIMIT 1")
                .map((rs, ctx) -> {
                    long finished = rs.getLong("finished_at");
                    return new IndexRun(rs.getLong("id"), java.time.Instant.ofEpochMilli(rs.getLong("started_at")),
                            rs.wasNull() || finished == 0 ? null : java.time.Instant.ofEpochMilli(finished),
                            rs.getString("status"), rs.getInt("files_total"), rs.getInt("files_failed"));
                }).findOne());
    }

    /**
     * Puts a video back in the queue with the reason the user should see (in {@code status}); the next index run
     * does it again whatever folders it is given.
     *
     * @param reasonKind a short kind, e.g. {@code disk-full}
     */
    public void requeue(long videoId, String reasonKind, String message) {
        run("queue video " + videoId + " again", h -> h.createUpdate("UPDATE videos SET status = :queued, error_kind = :kind, "
                        + "error_message = :message, updated_at = :now WHERE id = :id")
                .bind("queued", VideoStatus.QUEUED.dbValue()).bind("kind", reasonKind).bind("message", message)
                .bind("now", System.currentTimeMillis()).bind("id", videoId).execute());
    }

    // ---- videos ------------------------------------------------------------------------------------------

    public Optional<VideoRecord> video(long id) {
        return run("read video " + id, h -> h.createQuery("SELECT * FROM videos WHERE id = :id").bind("id", id)
                .map(VIDEO).findOne());
    }

    /** The videos with these ids (missing ids are left out). */
    public Map<Long, VideoRecord> videos(Collection<Long> ids) {
        return run("read videos", h -> byId(ids, part -> h.createQuery("SELECT * FROM videos WHERE id IN (<ids>)")
                .bindList("ids", part).map(VIDEO), VideoRecord::id));
    }

    public Optional<VideoRecord> videoByPath(Path path) {
        return run("read video " + path, h -> videoAt(h, path));
    }

    public List<VideoRecord> videosBySha256(String sha256) {
        return run("read videos of " + sha256, h -> h.createQuery("SELECT * FROM videos WHERE sha256 = :sha ORDER BY id")
                .bind("sha", sha256).map(VIDEO).list());
    }

    public List<VideoRecord> videos() {
        return run("read videos", h -> h.createQuery("SELECT * FROM videos ORDER BY path").map(VIDEO).list());
    }

    public List<VideoRecord> failedVideos() {
        return run("read failed videos", h -> h.createQuery("SELECT * FROM videos WHERE status IN (:failed, :partial) "
                + "ORDER BY path").bind("failed", VideoStatus.FAILED.dbValue()).bind("partial", VideoStatus.PARTIAL.dbValue())
                .map(VIDEO).list());
    }

    /**
     * Videos queued again for a reason the user should see: their vectors were lost from the index (see
     * {@link #discardLostGeneration}), a run stopped while indexing them (see {@link #markInterruptedRuns}), or the
     * disk filled up while they were written (see {@link #requeue}).
     */
    public List<VideoRecord> videosAwaitingReembedding() {
        return run("read videos awaiting re-embedding", h -> h.createQuery("SELECT * FROM videos WHERE status = :queued "
                + "AND error_kind IN ('index-lost', 'interrupted', 'disk-full') ORDER BY path")
                .bind("queued", VideoStatus.QUEUED.dbValue()).map(VIDEO).list());
    }

    /**
     * Runs left {@code running} and videos left {@code indexing} by a process that stopped (crash, kill, power cut):
     * the runs become {@code interrupted} and the videos queued with the reason. Call only while holding the index for
     * writing, when no other process can be indexing.
     *
     * @return how many runs and videos were marked (0 when nothing was interrupted)
     */
    public int markInterruptedRuns() {
        return transaction("mark interrupted runs", h -> {
            long now = System.currentTimeMillis();
            int runs = h.createUpdate("UPDATE index_runs SET status = :interrupted, finished_at = :now WHERE status = 'running'")
                    .bind("interrupted", RunStatus.INTERRUPTED.dbValue()).bind("now", now).execute();
            return runs + h.createUpdate("UPDATE videos SET status = :queued, error_kind = 'interrupted', error_message = :why, "
                            + "updated_at = :now WHERE status = :indexing")
                    .bind("queued", VideoStatus.QUEUED.dbValue()).bind("indexing", VideoStatus.INDEXING.dbValue())
                    .bind("why", "an index run stopped (the process ended) while indexing it; the next index run does it again")
                    .bind("now", now).execute();
        });
    }

    /** Every path a file with this content was seen at, most recent first (export uses it when a source moved). */
    public List<Path> knownPaths(String sha256) {
        return run("look up paths of " + sha256, h -> h.createQuery(
                        "SELECT path FROM video_paths WHERE sha256 = :sha ORDER BY last_seen DESC, path")
                .bind("sha", sha256).map((rs, ctx) -> PathText.fromStored(rs.getString("path"))).list());
    }

    /** Notes that content {@code sha256} was seen at {@code path} now. */
    public void rememberPath(String sha256, Path path) {
        run("remember path " + path, h -> h.createUpdate("INSERT INTO video_paths(sha256, path, last_seen) "
                        + "VALUES (:sha, :path, :now) ON CONFLICT(sha256, path) DO UPDATE SET last_seen = excluded.last_seen")
                .bind("sha", sha256).bind("path", key(path)).bind("now", System.currentTimeMillis()).execute());
    }

    /**
     * Records a file at {@code path}: adds a video or updates the one already at that path. When the content hash
     * changed, the old probe data, error and status are reset (the caller re-indexes it).
     *
     * @param sha256 content hash, null when the file could not be read
     * @return the video id
     */
    public long registerVideo(Path path, String sha256, long sizeBytes, long mtimeMillis, String camera, Long archiveId) {
        return run("record video " + path, h -> {
            Optional<VideoRecord> existing = videoAt(h, path);
            long now = System.currentTimeMillis();
            if (existing.isEmpty()) {
                return h.createUpdate("INSERT INTO videos(path, sha256, size_bytes, mtime_ms, camera, archive_id, updated_at) "
                                + "VALUES (:path, :sha, :size, :mtime, :camera, :archive, :now)")
                        .bind("path", key(path)).bind("sha", sha256).bind("size", sizeBytes).bind("mtime", mtimeMillis)
                        .bind("camera", camera).bind("archive", archiveId).bind("now", now)
                        .executeAndReturnGeneratedKeys().mapTo(Long.class).one();
            }
            VideoRecord v = existing.get();
            boolean changed = sha256 == null || !sha256.equals(v.sha256());
            String sql = changed
                    ? "UPDATE videos SET sha256 = :sha, size_bytes = :size, mtime_ms = :mtime, camera = :camera, "
                            + "archive_id = COALESCE(:archive, archive_id), status = :queued, error_kind = NULL, "
                            + "error_message = NULL, damage_at_s = NULL, damage_detail = NULL, updated_at = :now WHERE id = :id"
                    : "UPDATE videos SET size_bytes = :size, mtime_ms = :mtime, camera = :camera, "
                            + "archive_id = COALESCE(:archive, archive_id), updated_at = :now WHERE id = :id";
            var update = h.createUpdate(sql).bind("size", sizeBytes).bind("mtime", mtimeMillis).bind("camera", camera)
                    .bind("archive", archiveId).bind("now", now).bind("id", v.id());
            if (changed) {
                update.bind("sha", sha256).bind("queued", VideoStatus.QUEUED.dbValue());
            }
            update.execute();
            return v.id();
        });
    }

    /** The file with this content moved: the video now lives at {@code newPath}. */
    public void moveVideo(long videoId, Path newPath) {
        run("move video " + videoId + " to " + newPath, h -> h.createUpdate(
                        "UPDATE videos SET path = :path, updated_at = :now WHERE id = :id")
                .bind("path", key(newPath)).bind("now", System.currentTimeMillis()).bind("id", videoId).execute());
    }

    public void setCamera(long videoId, String camera) {
        run("set camera of video " + videoId, h -> h.createUpdate("UPDATE videos SET camera = :camera WHERE id = :id")
                .bind("camera", camera).bind("id", videoId).execute());
    }

    /** Stores what probing found and marks the video as being indexed. */
    public void recordProbe(long videoId, VideoInfo info) {
        run("record probe of video " + videoId, h -> h.createUpdate(
                        "UPDATE videos SET container = :container, codec = :codec, width = :width, height = :height, fps = :fps, "
                                + "duration_s = :duration, recording_start_ms = :start, recording_start_source = :startSource, clock_start_ms = NULL, "
                                + "status = :indexing, error_kind = NULL, error_message = NULL, updated_at = :now WHERE id = :id")
                .bind("container", info.container()).bind("codec", info.codec()).bind("width", info.width())
                .bind("height", info.height()).bind("fps", info.framesPerSecond()).bind("duration", info.durationSeconds())
                .bind("start", info.recordingStart().map(Instant::toEpochMilli).orElse(null))
                .bind("startSource", info.recordingStartSource()).bind("indexing", VideoStatus.INDEXING.dbValue())
                .bind("now", System.currentTimeMillis()).bind("id", videoId).execute());
    }

    public void setStatus(long videoId, VideoStatus status) {
        run("set status of video " + videoId, h -> h.createUpdate(
                        "UPDATE videos SET status = :status, updated_at = :now WHERE id = :id")
                .bind("status", status.dbValue()).bind("now", System.currentTimeMillis()).bind("id", videoId).execute());
    }

    /** @param errorKind a {@code FootageError} name (or another short kind) */
    public void markFailed(long videoId, String errorKind, String message) {
        run("record failure of video " + videoId, h -> h.createUpdate("UPDATE videos SET status = :failed, "
                        + "error_kind = :kind, error_message = :message, updated_at = :now WHERE id = :id")
                .bind("failed", VideoStatus.FAILED.dbValue()).bind("kind", errorKind).bind("message", message)
                .bind("now", System.currentTimeMillis()).bind("id", videoId).execute());
    }

    // ---- generations and segments ------------------------------------------------------------------------

    /** A generation just written as {@code writing}, with the ids of its segments in the order given. */
    public record StartedGeneration(Generation generation, List<Long> segmentIds) {
    }

    /**
     * Step 1 of the commit protocol: records a generation as {@code writing} together with its segments, in one
     * transaction.
     */
    public StartedGeneration beginGeneration(long videoId, String modelId, String sha256, Long runId,
            List<SegmentDraft> segments, Optional<SamplingReport.Damage> damage, int framesEmbedded, int framesSkipped) {
        return beginGeneration(videoId, modelId, sha256, runId, segments, damage, framesEmbedded, framesSkipped, VideoPerception.NONE);
    }

    /**
     * Step 1 of the commit protocol with what perception found: the examined frames, their detections, text and clock
     * readings, and the tracks linking the detections are rows of the generation, written in the same transaction and
     * removed with it. The recording start the burned-in clock implies is stored beside the start from metadata or the
     * file name, and taken as the recording start (source {@value ClockStart#SOURCE}) when there is none.
     */
    public StartedGeneration beginGeneration(long videoId, String modelId, String sha256, Long runId,
            List<SegmentDraft> segments, Optional<SamplingReport.Damage> damage, int framesEmbedded, int framesSkipped,
            VideoPerception perception) {
        List<FrameDetections> detections = perception.frames();
        Optional<Instant> clockStart = perception.clockStart();
        return transaction("begin writing video " + videoId, h -> {
            long gen = h.createUpdate("INSERT INTO generations(video_id, model_id, sha256, run_id, status, outcome, "
                            + "damage_kind, damage_at_s, damage_detail, frames_embedded, frames_skipped, created_at, perception_packs) "
                            + "VALUES (:video, :model, :sha, :run, 'writing', :outcome, :damageKind, :damageAt, :damageDetail, "
                            + ":embedded, :skipped, :now, :packs)")
                    .bind("video", videoId).bind("model", modelId).bind("sha", sha256).bind("run", runId)
                    .bind("outcome", (damage.isPresent() ? VideoStatus.PARTIAL : VideoStatus.DONE).dbValue())
                    .bind("damageKind", damage.map(d -> d.error().name()).orElse(null))
                    .bind("damageAt", damage.map(SamplingReport.Damage::atSeconds).orElse(null))
                    .bind("damageDetail", damage.map(SamplingReport.Damage::detail).orElse(null))
                    .bind("embedded", framesEmbedded).bind("skipped", framesSkipped).bind("now", System.currentTimeMillis())
                    .bind("packs", perception.packs().isEmpty() ? null : perception.packs())
                    .executeAndReturnGeneratedKeys().mapTo(Long.class).one();
            List<Long> ids = new ArrayList<>(segments.size());
            for (SegmentDraft s : segments) {
                ids.add(h.createUpdate("INSERT INTO segments(video_id, generation, model_id, start_s, end_s, rep_offset_s, "
                                + "thumbnail, frames_embedded, frames_skipped) "
                                + "VALUES (:video, :gen, :model, :start, :end, :rep, :thumb, :embedded, :skipped)")
                        .bind("video", videoId).bind("gen", gen).bind("model", modelId).bind("start", s.startSeconds())
                        .bind("end", s.endSeconds()).bind("rep", s.representativeOffset()).bind("thumb", s.thumbnail())
                        .bind("embedded", s.framesEmbedded()).bind("skipped", s.framesSkipped())
                        .executeAndReturnGeneratedKeys().mapTo(Long.class).one());
            }
            insertDetections(h, videoId, gen, detections);
            if (clockStart.isPresent()) {
                h.createUpdate("UPDATE videos SET clock_start_ms = :clock, "
                                + "recording_start_source = CASE WHEN recording_start_ms IS NULL THEN :source ELSE recording_start_source END, "
                                + "recording_start_ms = COALESCE(recording_start_ms, :clock) WHERE id = :video")
                        .bind("clock", clockStart.get().toEpochMilli()).bind("source", ClockStart.SOURCE).bind("video", videoId).execute();
            }
            return new StartedGeneration(new Generation(gen, videoId, modelId, sha256, false), ids);
        });
    }

    private static void insertDetections(Handle h, long videoId, long gen, List<FrameDetections> detections) {
        if (detections.isEmpty()) {
            return;
        }
        PreparedBatch frames = h.prepareBatch("INSERT INTO examined_frames(generation, video_id, offset_s) VALUES (:gen, :video, :offset)");
        PreparedBatch objects = h.prepareBatch("INSERT INTO detections(generation, video_id, offset_s, label, score, x1, y1, x2, y2, colour) "
                + "VALUES (:gen, :video, :offset, :label, :score, :x1, :y1, :x2, :y2, :colour)");
        int objectCount = 0;
        for (FrameDetections f : detections) {
            frames.bind("gen", gen).bind("video", videoId).bind("offset", f.offsetSeconds()).add();
            for (ObjectSighting o : f.objects()) {
                objects.bind("gen", gen).bind("video", videoId).bind("offset", f.offsetSeconds()).bind("label", o.label())
                        .bind("score", o.score()).bind("x1", o.box().x1()).bind("y1", o.box().y1()).bind("x2", o.box().x2())
                        .bind("y2", o.box().y2()).bind("colour", o.colour()).add();
                objectCount++;
            }
        }
        frames.execute();
        if (objectCount > 0) {
            objects.execute();
        }
        PreparedBatch texts = h.prepareBatch("INSERT INTO scene_texts(generation, video_id, offset_s, text, confidence, x1, y1, x2, y2) "
                + "VALUES (:gen, :video, :offset, :text, :confidence, :x1, :y1, :x2, :y2)");
        PreparedBatch clocks = h.prepareBatch("INSERT INTO clock_readings(generation, video_id, offset_s, text, shown, format) "
                + "VALUES (:gen, :video, :offset, :text, :shown, :format)");
        int textCount = 0;
        int clockCount = 0;
        for (FrameDetections f : detections) {
            for (SceneTextSighting t : f.texts()) {
                texts.bind("gen", gen).bind("video", videoId).bind("offset", f.offsetSeconds()).bind("text", t.text())
                        .bind("confidence", t.confidence()).bind("x1", t.box().x1()).bind("y1", t.box().y1()).bind("x2", t.box().x2())
                        .bind("y2", t.box().y2()).add();
                textCount++;
            }
            if (f.clock() != null) {
                clocks.bind("gen", gen).bind("video", videoId).bind("offset", f.offsetSeconds()).bind("text", f.clock().text())
                        .bind("shown", f.clock().time().toString()).bind("format", f.clock().format()).add();
                clockCount++;
            }
        }
        if (textCount > 0) {
            texts.execute();
        }
        // tracks follow from the detections (deterministically) and are stored with them, in the same generation
        for (ObjectTrack t : TrackLinker.link(detections)) {
            h.createUpdate("INSERT INTO tracks(generation, video_id, label, colour, first_s, last_s, direction, path) "
                            + "VALUES (:gen, :video, :label, :colour, :first, :last, :direction, :path)")
                    .bind("gen", gen).bind("video", videoId).bind("label", t.label()).bind("colour", t.colour())
                    .bind("first", t.firstSeen()).bind("last", t.lastSeen()).bind("direction", t.direction().name())
                    .bind("path", pathJson(t.path())).execute();
        }
        if (clockCount > 0) {
            clocks.execute();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<ObjectTrack.Point>> PATH = new TypeReference<>() {
    };

    private static String pathJson(List<ObjectTrack.Point> path) {
        try {
            return JSON.writeValueAsString(path);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a track's path as JSON", e);
        }
    }

    /** The object tracks of a video's finished generation with detections, by first sighting. */
    public List<ObjectTrack> tracksOf(long videoId) {
        return run("read tracks of video " + videoId, h -> tracksOn(h.createQuery("SELECT * FROM tracks WHERE generation = "
                        + DETECTION_GENERATION + " ORDER BY id").bind("video", videoId), "video " + videoId));
    }

    /**
     * For each video whose detections count (see {@link #detectionsOf}), the number of the generation they come from:
     * what perception found in a video changes only with it.
     */
    public Map<Long, Long> perceptionGenerations() {
        return run("list the generations with perception", h -> {
            Map<Long, Long> out = new LinkedHashMap<>();
            h.createQuery("SELECT g.video_id, MAX(g.id) FROM generations g WHERE g.status = 'done' "
                            + "AND EXISTS (SELECT 1 FROM examined_frames e WHERE e.generation = g.id) GROUP BY g.video_id")
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getLong(2))).forEach(e -> out.put(e.getKey(), e.getValue()));
            return out;
        });
    }

    /** What perception found in one generation (examined frames, tracks, packs), summed up. */
    public PerceptionSummary perceptionSummaryOfGeneration(long generation) {
        return run("sum up the perception of generation " + generation, h -> PerceptionSummary.of(detectionsOfGeneration(h, generation),
                tracksOn(h.createQuery("SELECT * FROM tracks WHERE generation = :gen ORDER BY id").bind("gen", generation),
                        "generation " + generation),
                h.createQuery("SELECT perception_packs FROM generations WHERE id = :gen").bind("gen", generation)
                        .mapTo(String.class).findOne().orElse("")));
    }

    private List<ObjectTrack> tracksOn(org.jdbi.v3.core.statement.Query query, String of) {
        return query.map((rs, ctx) -> {
                    try {
                        return new ObjectTrack(rs.getString("label"), rs.getString("colour"), JSON.readValue(rs.getString("path"), PATH),
                                ObjectTrack.Direction.valueOf(rs.getString("direction")));
                    } catch (JsonProcessingException e) {
                        throw new CatalogException("catalog " + file() + ": a track of " + of + " has an unreadable path: "
                                + e.getOriginalMessage(), e);
                    }
                }).list();
    }

    /** Which perception packs found a video's detections (name, version, manifest SHA-256), when any ran. */
    public Optional<String> perceptionPacks(long videoId) {
        return run("read the perception packs of video " + videoId, h -> h.createQuery("SELECT perception_packs FROM generations "
                + "WHERE id = " + DETECTION_GENERATION).bind("video", videoId).mapTo(String.class).findOne());
    }

    /** The recording start the video's burned-in clock implies, when one was read. */
    public Optional<Instant> clockStart(long videoId) {
        return run("read the clock start of video " + videoId, h -> h.createQuery("SELECT clock_start_ms FROM videos WHERE id = :id")
                .bind("id", videoId).mapTo(Long.class).findOne().map(Instant::ofEpochMilli));
    }

    // ---- perception ----------------------------------------------------------------------------------------

    /** The finished generation of a video whose detections count (the newest done one that examined frames). */
    private static final String DETECTION_GENERATION = "(SELECT MAX(g.id) FROM generations g WHERE g.video_id = :video "
            + "AND g.status = 'done' AND EXISTS (SELECT 1 FROM examined_frames e WHERE e.generation = g.id))";

    /** True when some finished generation has frames the object detector examined (perception ran at indexing). */
    public boolean hasDetections() {
        return run("look for detections", h -> h.createQuery("SELECT 1 FROM examined_frames e JOIN generations g ON g.id = e.generation "
                + "WHERE g.status = 'done' LIMIT 1").mapTo(Integer.class).findFirst().isPresent());
    }

    /**
     * Every frame the object detector examined in a video, with what it found, in time order (empty when the video has
     * no finished generation with detections).
     */
    public List<FrameDetections> detectionsOf(long videoId) {
        return run("read detections of video " + videoId, h -> detectionsOn(h, videoId));
    }

    /** For each video with at least one detection of {@code label} (finished generations only): its examined frames. */
    public Map<Long, List<FrameDetections>> detectionsOfVideosWith(String label) {
        return run("read videos with " + label, h -> {
            List<Long> videos = h.createQuery("SELECT DISTINCT video_id FROM detections d WHERE label = :label "
                            + "AND generation = " + DETECTION_GENERATION.replace(":video", "d.video_id") + " ORDER BY video_id")
                    .bind("label", label).mapTo(Long.class).list();
            Map<Long, List<FrameDetections>> out = new LinkedHashMap<>();
            for (long v : videos) {
                out.put(v, detectionsOn(h, v));
            }
            return out;
        });
    }

    /**
     * What perception found in the video's newest finished generation made from the same content ({@code sha256}) by
     * the same perception packs ({@code packs}: name, version and manifest SHA-256 of each, as recorded): the same
     * packs on the same file find the same things, so a new generation (another model, a re-embedding) takes these
     * instead of running the packs again. Empty when there is no such generation (the packs differ, or none ran).
     */
    public Optional<List<FrameDetections>> perceptionToCarry(long videoId, String sha256, String packs) {
        if (packs == null || packs.isEmpty() || sha256 == null) {
            return Optional.empty();
        }
        return run("read the perception of video " + videoId + " to carry over", h -> h.createQuery(
                        "SELECT MAX(g.id) FROM generations g WHERE g.video_id = :video AND g.sha256 = :sha AND g.status = 'done' "
                                + "AND g.perception_packs = :packs AND EXISTS (SELECT 1 FROM examined_frames e WHERE e.generation = g.id)")
                .bind("video", videoId).bind("sha", sha256).bind("packs", packs).mapTo(Long.class).findOne()
                .map(gen -> detectionsOfGeneration(h, gen)));
    }

    private static List<FrameDetections> detectionsOn(Handle h, long videoId) {
        Long gen = h.createQuery("SELECT " + DETECTION_GENERATION).bind("video", videoId).mapTo(Long.class).findOne().orElse(null);
        if (gen == null) {
            return List.of();
        }
        return detectionsOfGeneration(h, gen);
    }

    private static List<FrameDetections> detectionsOfGeneration(Handle h, long gen) {
        Map<Double, List<ObjectSighting>> byFrame = new java.util.TreeMap<>();
        h.createQuery("SELECT offset_s FROM examined_frames WHERE generation = :gen").bind("gen", gen).mapTo(Double.class)
                .forEach(o -> byFrame.put(o, new ArrayList<>()));
        h.createQuery("SELECT * FROM detections WHERE generation = :gen ORDER BY offset_s, score DESC, id").bind("gen", gen)
                .map((rs, ctx) -> Map.entry(rs.getDouble("offset_s"), new ObjectSighting(rs.getString("label"), rs.getFloat("score"),
                        new NormalisedBox(rs.getFloat("x1"), rs.getFloat("y1"), rs.getFloat("x2"), rs.getFloat("y2")),
                        rs.getString("colour"))))
                .forEach(e -> byFrame.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<Double, List<SceneTextSighting>> texts = new HashMap<>();
        h.createQuery("SELECT * FROM scene_texts WHERE generation = :gen ORDER BY offset_s, id").bind("gen", gen)
                .map((rs, ctx) -> Map.entry(rs.getDouble("offset_s"), new SceneTextSighting(rs.getString("text"),
                        new NormalisedBox(rs.getFloat("x1"), rs.getFloat("y1"), rs.getFloat("x2"), rs.getFloat("y2")),
                        rs.getFloat("confidence"))))
                .forEach(e -> texts.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<Double, ClockSighting> clocks = new HashMap<>();
        h.createQuery("SELECT * FROM clock_readings WHERE generation = :gen").bind("gen", gen)
                .map((rs, ctx) -> Map.entry(rs.getDouble("offset_s"), new ClockSighting(rs.getString("text"),
                        java.time.LocalDateTime.parse(rs.getString("shown")), rs.getString("format"))))
                .forEach(e -> clocks.put(e.getKey(), e.getValue()));
        List<FrameDetections> out = new ArrayList<>(byFrame.size());
        byFrame.forEach((offset, objects) -> out.add(new FrameDetections(offset, objects, texts.getOrDefault(offset, List.of()),
                clocks.get(offset))));
        return out;
    }

    /**
     * Step 3 of the commit protocol (after the index committed the generation's documents): the generation becomes
     * the video's vectors for its model, older generations of that model (and of any model for older content) go,
     * and the video takes the generation's outcome (done or partial, with its damage).
     */
    public List<String> completeGeneration(long generation) {
        return transaction("complete generation " + generation, h -> {
            Generation g = generationOn(h, generation)
                    .orElseThrow(() -> new CatalogException("catalog " + file() + ": no generation " + generation));
            String others = "g.video_id = :video AND g.id <> :gen AND (g.model_id = :model OR g.sha256 <> :sha)";
            List<String> thumbs = h.createQuery("SELECT s.thumbnail FROM segments s JOIN generations g ON g.id = s.generation "
                            + "WHERE s.thumbnail IS NOT NULL AND " + others)
                    .bind("video", g.videoId()).bind("gen", generation).bind("model", g.modelId()).bind("sha", g.sha256())
                    .mapTo(String.class).list();
            h.createUpdate("DELETE FROM generations WHERE video_id = :video AND id <> :gen AND (model_id = :model OR sha256 <> :sha)")
                    .bind("video", g.videoId()).bind("gen", generation).bind("model", g.modelId()).bind("sha", g.sha256())
                    .execute();
            h.createUpdate("UPDATE generations SET status = 'done' WHERE id = :gen").bind("gen", generation).execute();
            h.createUpdate("UPDATE videos SET status = (SELECT outcome FROM generations WHERE id = :gen), "
                            + "error_kind = (SELECT damage_kind FROM generations WHERE id = :gen), "
                            + "error_message = (SELECT damage_detail FROM generations WHERE id = :gen), "
                            + "damage_at_s = (SELECT damage_at_s FROM generations WHERE id = :gen), "
                            + "damage_detail = (SELECT damage_detail FROM generations WHERE id = :gen), updated_at = :now "
                            + "WHERE id = :video")
                    .bind("now", System.currentTimeMillis()).bind("gen", generation).bind("video", g.videoId()).execute();
            return thumbs;
        });
    }

    /**
     * Undoes step 1: the generation and its segments go; the video goes back to queued.
     *
     * @return thumbnails of the removed segments (relative to the thumbnails folder), for the caller to delete
     */
    public List<String> rollbackGeneration(long generation) {
        return transaction("roll back generation " + generation, h -> {
            Optional<Generation> g = generationOn(h, generation);
            List<String> thumbs = h.createQuery("SELECT thumbnail FROM segments WHERE generation = :gen AND thumbnail IS NOT NULL")
                    .bind("gen", generation).mapTo(String.class).list();
            h.createUpdate("DELETE FROM generations WHERE id = :gen AND status = 'writing'").bind("gen", generation).execute();
            if (g.isPresent()) {
                h.createUpdate("UPDATE videos SET status = :queued, updated_at = :now WHERE id = :video AND status = :indexing")
                        .bind("queued", VideoStatus.QUEUED.dbValue()).bind("indexing", VideoStatus.INDEXING.dbValue())
                        .bind("now", System.currentTimeMillis()).bind("video", g.get().videoId()).execute();
            }
            return thumbs;
        });
    }

    /** The thumbnail of every segment (relative to the thumbnails folder), to find files no segment refers to. */
    public java.util.Set<String> referencedThumbnails() {
        return run("read thumbnails", h -> new java.util.HashSet<>(h.createQuery(
                "SELECT thumbnail FROM segments WHERE thumbnail IS NOT NULL").mapTo(String.class).list()));
    }

    /** Every finished generation with its frame count, for checking the index against the catalog. */
    public List<FinishedGeneration> finishedGenerations() {
        return run("read finished generations", h -> h.createQuery("SELECT g.id, g.video_id, v.path, g.model_id, g.frames_embedded, g.sha256 "
                        + "FROM generations g JOIN videos v ON v.id = g.video_id WHERE g.status = 'done' ORDER BY g.id")
                .map((rs, ctx) -> new FinishedGeneration(rs.getLong("id"), rs.getLong("video_id"), PathText.fromStored(rs.getString("path")),
                        rs.getString("model_id"), rs.getInt("frames_embedded"), rs.getString("sha256"))).list());
    }

    /**
     * A finished generation whose documents the index no longer holds (index folder deleted, damaged and rebuilt):
     * the generation and its segments go, and the video goes back to queued with the reason, so that the next index
     * run embeds it again.
     *
     * @return thumbnails of the removed segments (relative to the thumbnails folder), for the caller to delete
     */
    public List<String> discardLostGeneration(long generation, String reason) {
        return transaction("discard lost generation " + generation, h -> {
            Optional<Generation> g = generationOn(h, generation);
            List<String> thumbs = h.createQuery("SELECT thumbnail FROM segments WHERE generation = :gen AND thumbnail IS NOT NULL")
                    .bind("gen", generation).mapTo(String.class).list();
            h.createUpdate("DELETE FROM generations WHERE id = :gen").bind("gen", generation).execute();
            if (g.isPresent()) {
                h.createUpdate("UPDATE videos SET status = :queued, error_kind = 'index-lost', error_message = :why, updated_at = :now "
                                + "WHERE id = :video AND NOT EXISTS (SELECT 1 FROM generations WHERE video_id = :video AND status = 'done')")
                        .bind("queued", VideoStatus.QUEUED.dbValue()).bind("why", reason).bind("now", System.currentTimeMillis())
                        .bind("video", g.get().videoId()).execute();
            }
            return thumbs;
        });
    }

    public Optional<Generation> generation(long number) {
        return run("read generation " + number, h -> generationOn(h, number));
    }

    /** Generations left in {@code writing} by a run that stopped (crash, kill) between steps 1 and 3. */
    public List<Generation> unfinishedGenerations() {
        return run("read unfinished generations", h -> h.createQuery(
                "SELECT * FROM generations WHERE status = 'writing' ORDER BY id").map(GENERATION).list());
    }

    /** True when this content has vectors of this model. */
    public boolean isIndexed(long videoId, String modelId, String sha256) {
        return run("check video " + videoId, h -> h.createQuery("SELECT 1 FROM generations g JOIN videos v ON v.id = g.video_id "
                        + "WHERE g.video_id = :video AND g.model_id = :model AND g.sha256 = :sha AND g.status = 'done' "
                        + "AND v.sha256 = g.sha256 AND v.status IN (:done, :partial)")
                .bind("video", videoId).bind("model", modelId).bind("sha", sha256)
                .bind("done", VideoStatus.DONE.dbValue()).bind("partial", VideoStatus.PARTIAL.dbValue())
                .mapTo(Integer.class).findFirst().isPresent());
    }

    /** Video ids with finished vectors of some other model but none of {@code modelId}. */
    public List<VideoRecord> videosMissingModel(String modelId) {
        return run("read videos missing " + modelId, h -> h.createQuery("SELECT * FROM videos v WHERE v.status IN (:done, :partial) "
                        + "AND NOT EXISTS (SELECT 1 FROM generations g WHERE g.video_id = v.id AND g.model_id = :model "
                        + "AND g.status = 'done' AND g.sha256 = v.sha256) ORDER BY path")
                .bind("done", VideoStatus.DONE.dbValue()).bind("partial", VideoStatus.PARTIAL.dbValue()).bind("model", modelId)
                .map(VIDEO).list());
    }

    public Map<Long, SegmentRecord> segments(Collection<Long> ids) {
        return run("read segments", h -> byId(ids, part -> h.createQuery("SELECT * FROM segments WHERE id IN (<ids>)")
                .bindList("ids", part).map(SEGMENT), SegmentRecord::id));
    }

    public Optional<SegmentRecord> segment(long id) {
        return run("read segment " + id, h -> h.createQuery("SELECT * FROM segments WHERE id = :id").bind("id", id)
                .map(SEGMENT).findOne());
    }

    /** Finished segments of a video for a model, in time order. */
    public List<SegmentRecord> segmentsOf(long videoId, String modelId) {
        return run("read segments of video " + videoId, h -> h.createQuery("SELECT s.* FROM segments s "
                        + "JOIN generations g ON g.id = s.generation "
                        + "WHERE s.video_id = :video AND s.model_id = :model AND g.status = 'done' ORDER BY s.start_s")
                .bind("video", videoId).bind("model", modelId).map(SEGMENT).list());
    }

    /** Finished segments, of one model or (null) of all. */
    public long segmentCount(String modelId) {
        return run("count segments", h -> h.createQuery("SELECT COUNT(*) FROM segments s JOIN generations g "
                        + "ON g.id = s.generation WHERE g.status = 'done' AND (:model IS NULL OR s.model_id = :model)")
                .bind("model", modelId).mapTo(Long.class).one());
    }

    public Map<String, Long> videoCountsByStatus() {
        return run("count videos", h -> {
            Map<String, Long> out = new LinkedHashMap<>();
            for (VideoStatus s : VideoStatus.values()) {
                out.put(s.dbValue(), 0L);
            }
            h.createQuery("SELECT status, COUNT(*) AS n FROM videos GROUP BY status")
                    .map((rs, ctx) -> Map.entry(rs.getString("status"), rs.getLong("n")))
                    .forEach(e -> out.put(e.getKey(), e.getValue()));
            return out;
        });
    }

    /** Seconds of footage in videos that are done or partial (up to the damage for partial ones). */
    public double indexedFootageSeconds() {
        return run("sum footage", h -> h.createQuery("SELECT COALESCE(SUM(COALESCE(damage_at_s, duration_s)), 0) "
                        + "FROM videos WHERE status IN (:done, :partial)")
                .bind("done", VideoStatus.DONE.dbValue()).bind("partial", VideoStatus.PARTIAL.dbValue())
                .mapTo(Double.class).one());
    }

    /** Closes the catalog file's connection (the cases and audit log on {@link #database()} with it). */
    @Override
    public void close() {
        db.close();
    }

    // ---- plumbing ----------------------------------------------------------------------------------------

    private <T> T run(String what, HandleCallback<T, RuntimeException> work) {
        try {
            return db.withHandle(work);
        } catch (JdbiException e) {
            throw failure(what, e);
        }
    }

    private <T> T transaction(String what, HandleCallback<T, RuntimeException> work) {
        try {
            return db.inTransaction(work);
        } catch (JdbiException e) {
            throw failure(what, e);
        }
    }

    private CatalogException failure(String what, JdbiException e) {
        return new CatalogException("catalog " + file() + ": cannot " + what + ": " + CatalogDatabase.message(e), e);
    }

    private static Optional<VideoRecord> videoAt(Handle h, Path path) {
        return h.createQuery("SELECT * FROM videos WHERE path = :path").bind("path", key(path)).map(VIDEO).findOne();
    }

    private static Optional<Generation> generationOn(Handle h, long number) {
        return h.createQuery("SELECT * FROM generations WHERE id = :id").bind("id", number).map(GENERATION).findOne();
    }

    private static <R> Map<Long, R> byId(Collection<Long> ids, Function<List<Long>, ResultIterable<R>> query,
                                         Function<R, Long> id) {
        Map<Long, R> out = new HashMap<>();
        List<Long> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += IN_LIST_CHUNK) {
            query.apply(all.subList(from, Math.min(all.size(), from + IN_LIST_CHUNK))).forEach(r -> out.put(id.apply(r), r));
        }
        return out;
    }

    private static String key(Path path) {
        return PathText.stored(path);
    }
}
