package org.sightline.indexer.index.solr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sightline.indexer.catalog.FinishedGeneration;
import org.sightline.indexer.index.ArchiveHit;
import org.sightline.indexer.index.CameraZones;
import org.sightline.indexer.index.FrameFilter;
import org.sightline.indexer.index.FrameHit;
import org.sightline.indexer.index.FrameThumbnail;
import org.sightline.indexer.index.IndexStore;
import org.sightline.indexer.index.IndexedFrame;
import org.sightline.indexer.index.VideoVectors;
import org.sightline.indexer.index.Vectors;

/**
 * The frame vectors of several workstations in one SolrCloud collection (the configset in
 * {@code resources/…/index/solr/configset}): the same documents and filter fields as the embedded Lucene index, plus
 * the workstation that wrote them.
 *
 * <p><b>No duplicates.</b> A document's id is derived from its content: {@code SHA256/MODEL/OFFSET_MS}. Re-running an
 * index, or two workstations indexing the same file, overwrite the same documents instead of adding new ones.
 *
 * <p><b>The crash protocol.</b> Solr has no commit user data, so each workstation keeps a marker document
 * ({@code marker/WORKSTATION}) naming its last durable generation. {@link #replaceVideo} deletes the video's stale
 * documents, adds the new ones and commits; only then writes the marker and commits again. A crash before the marker
 * leaves the generation unnamed, and {@link org.sightline.indexer.index.IndexCommitProtocol#reconcile} deletes its
 * documents by generation; after the marker it rolls forward. Whether a finished generation is still held is judged by
 * content ({@link #framesHeld}), so a file indexed by two workstations counts for both.
 *
 * <p>Several processes may write a collection, but only one per data directory: a file lock in the data
 * directory's index folder plays the part of Lucene's write lock, and a second process opens read-only.
 */
public final class SolrIndexStore implements IndexStore {
    static final String ID = "id";
    static final String KIND = "kind";
    static final String WORKSTATION = "workstation";
    static final String MODEL = "model";
    static final String SHA = "sha";
    static final String CAMERA = "camera";
    static final String VIDEO = "video";
    static final String SEGMENT = "segment";
    static final String GENERATION = "generation";
    static final String TIME = "time_ms";
    static final String TIME_OF_DAY = "time_of_day_s";
    /**
     * The IANA zone of the frame's camera clock on the workstation that wrote it (its camera's zone there, else that
     * workstation's zone): how other workstations read its time of day when their own camera table does not name the
     * camera.
     */
    static final String ZONE = "zone";
    static final String OFFSET = "offset_ms";
    static final String DIMS = "dims";
    static final String LABEL = "label";
    static final String FILE_NAME = "file_name";
    static final String ARCHIVE_PATH = "archive_path";
    static final String SIZE = "size_bytes";
    /** The segment's thumbnail (base64 JPEG, stored only) on its representative frame's document. */
    static final String THUMBNAIL = "thumbnail";
    /** The thumbnail's size in bytes (indexed: finds the documents that carry one). */
    static final String THUMBNAIL_BYTES = "thumbnail_bytes";
    /** Vector dimensions the shipped schema declares a field for ({@code vector_DIM}). */
    static final List<Integer> DIMENSIONS = List.of(256, 384, 512, 640, 768, 1024);

    private static final int BATCH = 500;

    private final SolrLocation location;
    private final String workstation;
    private final SolrHttp http;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private volatile java.util.function.Supplier<CameraZones> writerZones;

    private SolrIndexStore(SolrLocation location, String workstation, SolrHttp http, FileChannel lockChannel, FileLock lock) {
        this.location = location;
        this.workstation = workstation;
        this.http = http;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Opens the collection for one workstation (a data directory), checking that it exists. Read-only when another
     * process of this data directory holds {@code lockFile}.
     */
    public static SolrIndexStore open(SolrLocation location, String workstation, Path lockFile) throws IOException {
        return open(location, java.util.Optional.empty(), workstation, lockFile);
    }

    /** As {@link #open(SolrLocation, String, Path)}, sending {@code credentials} with every request when present. */
    public static SolrIndexStore open(SolrLocation location, java.util.Optional<SolrCredentials> credentials, String workstation,
            Path lockFile) throws IOException {
        return open(location, credentials, java.util.Optional.empty(), workstation, lockFile);
    }

    /** As {@link #open(SolrLocation, String, Path)}, with credentials and a truststore for an HTTPS cluster, when present. */
    public static SolrIndexStore open(SolrLocation location, java.util.Optional<SolrCredentials> credentials,
            java.util.Optional<SolrTrust> trust, String workstation, Path lockFile) throws IOException {
        if (workstation == null || workstation.isBlank() || workstation.contains("/")) {
            throw new IllegalArgumentException("a workstation id must be a non-empty word without '/': " + workstation);
        }
        Files.createDirectories(lockFile.toAbsolutePath().getParent());
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        SolrHttp http = new SolrHttp(location.zkHost(), credentials, trust);
        SolrIndexStore store = new SolrIndexStore(location, workstation, http, channel, lock);
        try {
            store.count("*:*");
        } catch (IOException | RuntimeException e) {
            store.close();
            if (e instanceof SolrStoreException s && s.httpStatus() == 404) {
                throw new SolrStoreException("the SolrCloud at " + location.zkHost() + " has no collection "
                        + location.collection() + "; create it with `sightline solr init`", e);
            }
            throw e;
        }
        return store;
    }

    public SolrLocation location() {
        return location;
    }

    public String workstation() {
        return workstation;
    }

    /**
     * Where the zone recorded with each written frame comes from: this workstation's cameras (asked at each write, so
     * a changed zone is recorded by the next index run). Without it no zone is recorded, and other workstations read
     * these frames in their own workstation zone.
     */
    public void recordZonesFrom(java.util.function.Supplier<CameraZones> zones) {
        this.writerZones = zones;
    }

    @Override
    public boolean readOnly() {
        return lock == null;
    }

    static String documentId(String sha256, String modelId, long offsetMs) {
        return sha256 + "/" + modelId + "/" + offsetMs;
    }

    private String markerId() {
        return "marker/" + workstation;
    }

    /**
     * The smallest declared dimension that holds {@code dimension}: a shorter vector is stored padded with zeros,
     * which changes no dot product (the model filter keeps models of different sizes apart).
     */
    static int fieldDimension(int dimension) throws SolrStoreException {
        for (int d : DIMENSIONS) {
            if (d >= dimension) {
                return d;
            }
        }
        throw new SolrStoreException("the Solr configset has no vector field for " + dimension
                + "-dimensional vectors (the largest is " + DIMENSIONS.getLast() + "); add one to schema.xml and upload it again");
    }

    static String vectorField(int dimension) throws SolrStoreException {
        return "vector_" + fieldDimension(dimension);
    }

    private static void addPadded(ArrayNode out, float[] v, int to) {
        for (float x : v) {
            out.add(x);
        }
        for (int i = v.length; i < to; i++) {
            out.add(0f);
        }
    }

    @Override
    public void replaceVideo(VideoVectors v) throws IOException {
        requireWriter();
        java.util.function.Supplier<CameraZones> zones = writerZones;
        java.time.ZoneId zone = zones == null ? null : zones.get().zoneOf(v.camera());
        // stale: this workstation's documents of the video for this model, and for any model of other content
        http.postJson(update(false), Map.of("delete", Map.of("query",
                "+" + term(KIND, "frame") + " +" + term(WORKSTATION, workstation) + " +" + term(VIDEO, v.videoId())
                        + " +(" + term(MODEL, v.modelId()) + " (*:* -" + term(SHA, v.sha256()) + "))")));
        List<IndexedFrame> frames = v.frames();
        for (int from = 0; from < frames.size(); from += BATCH) {
            ArrayNode docs = SolrHttp.json().createArrayNode();
            for (IndexedFrame f : frames.subList(from, Math.min(frames.size(), from + BATCH))) {
                docs.add(document(v, f, zone));
            }
            try {
                http.postJson(update(false), docs);
            } catch (SolrStoreException e) {
                if (e.getMessage() != null && e.getMessage().contains("unknown field")) {
                    throw new SolrStoreException("the collection " + location.collection() + " was set up by an older "
                            + "Sightline (its schema lacks a field this version writes); bring it up to date with "
                            + "`sightline solr upgrade --zk " + location.zkHost() + " --collection " + location.collection()
                            + "` (" + e.getMessage() + ")", e);
                }
                throw e;
            }
        }
        http.postJson(update(true), Map.of("commit", Map.of()));
        writeMarker(v.generation());
    }

    private ObjectNode document(VideoVectors v, IndexedFrame f, java.time.ZoneId zone) throws SolrStoreException {
        long offsetMs = Math.round(f.offsetSeconds() * 1000);
        ObjectNode d = SolrHttp.json().createObjectNode();
        d.put(ID, documentId(v.sha256(), v.modelId(), offsetMs));
        d.put(KIND, "frame");
        d.put(WORKSTATION, workstation);
        d.put(MODEL, v.modelId());
        d.put(SHA, v.sha256());
        d.put(CAMERA, v.camera() == null ? "" : v.camera());
        d.put(VIDEO, v.videoId());
        d.put(SEGMENT, f.segmentId());
        d.put(GENERATION, v.generation());
        d.put(OFFSET, offsetMs);
        d.put(DIMS, f.vector().length);
        if (!f.labels().isEmpty()) {
            ArrayNode labels = d.putArray(LABEL);
            f.labels().stream().sorted().forEach(labels::add);
        }
        d.put(FILE_NAME, v.file().fileName());
        if (v.file().archivePath() != null) {
            d.put(ARCHIVE_PATH, v.file().archivePath());
        }
        d.put(SIZE, v.file().sizeBytes());
        FrameThumbnail thumbnail = v.thumbnails().get(f.segmentId());
        if (thumbnail != null && Math.round(thumbnail.offsetSeconds() * 1000) == offsetMs) {
            byte[] jpeg = thumbnail.jpeg();
            d.put(THUMBNAIL, java.util.Base64.getEncoder().encodeToString(jpeg));
            d.put(THUMBNAIL_BYTES, jpeg.length);
        }
        addPadded(d.putArray(vectorField(f.vector().length)), f.vector(), fieldDimension(f.vector().length));
        v.recordingStart().ifPresent(start -> {
            Instant at = start.plusMillis(offsetMs);
            d.put(TIME, at.toEpochMilli());
            d.put(TIME_OF_DAY, at.atOffset(ZoneOffset.UTC).toLocalTime().toSecondOfDay());
            if (zone != null) {
                d.put(ZONE, zone.getId());
            }
        });
        return d;
    }

    private void writeMarker(long generation) throws IOException {
        ObjectNode marker = SolrHttp.json().createObjectNode();
        marker.put(ID, markerId());
        marker.put(KIND, "marker");
        marker.put(WORKSTATION, workstation);
        marker.put(GENERATION, generation);
        http.postJson(update(true), List.of(marker));
    }

    private String update(boolean commit) {
        return "/" + location.collection() + "/update" + (commit ? "?commit=true" : "");
    }

    @Override
    public void deleteGeneration(long generation) throws IOException {
        requireWriter();
        http.postJson(update(true), Map.of("delete", Map.of("query",
                "+" + term(KIND, "frame") + " +" + term(WORKSTATION, workstation) + " +" + term(GENERATION, generation))));
        writeMarker(-1);
    }

    @Override
    public long lastCommittedGeneration() throws IOException {
        // real-time get: sees the last acknowledged write even before a searcher opened on it
        JsonNode doc = http.get("/" + location.collection() + "/get?id=" + java.net.URLEncoder.encode(markerId(),
                java.nio.charset.StandardCharsets.UTF_8)).path("doc");
        return doc.isMissingNode() || doc.isNull() ? -1 : doc.path(GENERATION).asLong(-1);
    }

    @Override
    public int countGeneration(long generation) throws IOException {
        return count("+" + term(KIND, "frame") + " +" + term(WORKSTATION, workstation) + " +" + term(GENERATION, generation));
    }

    /** Frames of the generation's content (its file and model), whichever workstation wrote them last. */
    @Override
    public int framesHeld(FinishedGeneration g) throws IOException {
        if (g.sha256() == null) {
            return countGeneration(g.number());
        }
        return count("+" + term(KIND, "frame") + " +" + term(SHA, g.sha256()) + " +" + term(MODEL, g.modelId()));
    }

    @Override
    public int frameCountWithLabel(String label) throws IOException {
        return count("+" + term(KIND, "frame") + " +" + term(WORKSTATION, workstation) + " +" + term(LABEL, label));
    }

    /**
     * Whether this workstation's documents of the video and model were written from content with this SHA-256 (a
     * catalog row whose hash was edited afterwards no longer matches).
     */
    @Override
    public boolean indexedWithHash(long videoId, String modelId, String sha256) throws IOException {
        if (sha256 == null) {
            return false;
        }
        return count("+" + term(KIND, "frame") + " +" + term(WORKSTATION, workstation) + " +" + term(VIDEO, videoId)
                + " +" + term(MODEL, modelId) + " +" + term(SHA, sha256)) > 0;
    }

    @Override
    public int frameCount(String modelId) throws IOException {
        return count("+" + term(KIND, "frame") + (modelId == null ? "" : " +" + term(MODEL, modelId)));
    }

    int count(String q) throws IOException {
        JsonNode r = http.postForm("/" + location.collection() + "/select", List.of("q", q, "rows", "0"));
        return r.path("response").path("numFound").asInt();
    }

    @Override
    public List<StoredFrame> storedFrames() throws IOException {
        List<StoredFrame> out = new ArrayList<>();
        String cursor = "*";
        while (true) {
            JsonNode r = http.postForm("/" + location.collection() + "/select", List.of(
                    "q", "+" + term(KIND, "frame") + " +" + term(WORKSTATION, workstation),
                    "fl", String.join(",", VIDEO, SEGMENT, GENERATION, OFFSET), "sort", ID + " asc", "rows", "1000",
                    "cursorMark", cursor));
            for (JsonNode d : r.path("response").path("docs")) {
                out.add(new StoredFrame(d.path(VIDEO).asLong(), d.path(SEGMENT).asLong(), d.path(GENERATION).asLong(),
                        d.path(OFFSET).asLong()));
            }
            String nextCursor = r.path("nextCursorMark").asText(cursor);
            if (nextCursor.equals(cursor)) {
                return out;
            }
            cursor = nextCursor;
        }
    }

    @Override
    public void refresh() {
        // every write commits and opens a new searcher; nothing to do
    }

    /**
     * Frames of this data directory's own footage (whose video and segment ids its catalog knows). The footage other
     * workstations wrote is found by {@link #searchArchive}.
     */
    @Override
    public List<FrameHit> search(float[] vector, int k, FrameFilter filter) throws IOException {
        List<FrameHit> hits = new ArrayList<>();
        for (JsonNode d : knn(vector, k, filter, true)) {
            hits.add(new FrameHit(d.path(VIDEO).asLong(), d.path(SEGMENT).asLong(), d.path(OFFSET).asLong() / 1000.0,
                    cosine(d)));
        }
        return hits;
    }

    /** The {@code k} frames nearest to {@code vector} in the whole collection (every workstation's), best first. */
    @Override
    public List<ArchiveHit> searchArchive(float[] vector, int k, FrameFilter filter) throws IOException {
        List<ArchiveHit> hits = new ArrayList<>();
        for (JsonNode d : knn(vector, k, filter, false)) {
            hits.add(new ArchiveHit(d.path(SHA).asText(), d.path(MODEL).asText(), d.path(CAMERA).asText(),
                    d.path(WORKSTATION).asText(), d.path(OFFSET).asLong() / 1000.0, cosine(d),
                    new VideoVectors.SourceFile(d.path(FILE_NAME).asText(""),
                            d.hasNonNull(ARCHIVE_PATH) ? d.path(ARCHIVE_PATH).asText() : null, d.path(SIZE).asLong(0)),
                    d.path(SEGMENT).asLong(-1)));
        }
        return hits;
    }

    /** Files per request when reading their frames (keeps the query short). */
    private static final int FILES_PER_REQUEST = 20;

    /** The frame documents of these segments of these files for the model (vectors and stills left out), any order. */
    @Override
    public List<org.sightline.indexer.index.ArchiveFrame> archiveFrames(Map<String, java.util.Set<Long>> segmentsBySha256,
            String modelId) throws IOException {
        List<String> all = segmentsBySha256.keySet().stream().sorted().toList();
        List<org.sightline.indexer.index.ArchiveFrame> out = new ArrayList<>();
        for (int from = 0; from < all.size(); from += FILES_PER_REQUEST) {
            StringBuilder files = new StringBuilder();
            for (String sha : all.subList(from, Math.min(all.size(), from + FILES_PER_REQUEST))) {
                StringBuilder segments = new StringBuilder();
                segmentsBySha256.get(sha).stream().sorted()
                        .forEach(seg -> segments.append(segments.isEmpty() ? "" : " ").append(term(SEGMENT, seg)));
                files.append(files.isEmpty() ? "" : " ").append("(+").append(term(SHA, sha)).append(" +(").append(segments).append("))");
            }
            String cursor = "*";
            while (true) {
                JsonNode r = http.postForm("/" + location.collection() + "/select", List.of(
                        "q", "+" + term(KIND, "frame") + " +" + term(MODEL, modelId) + " +(" + files + ")",
                        "fl", String.join(",", SHA, WORKSTATION, SEGMENT, OFFSET, LABEL, TIME, ZONE), "sort", ID + " asc",
                        "rows", "2000", "cursorMark", cursor));
                for (JsonNode d : r.path("response").path("docs")) {
                    java.util.Set<String> labels = new java.util.TreeSet<>();
                    d.path(LABEL).forEach(l -> labels.add(l.asText()));
                    out.add(new org.sightline.indexer.index.ArchiveFrame(d.path(SHA).asText(), d.path(WORKSTATION).asText(),
                            d.path(SEGMENT).asLong(-1), d.path(OFFSET).asLong() / 1000.0, labels,
                            d.hasNonNull(TIME) ? java.util.Optional.of(Instant.ofEpochMilli(d.path(TIME).asLong()))
                                    : java.util.Optional.empty(),
                            recordedZone(d.path(ZONE).asText(""))));
                }
                String next = r.path("nextCursorMark").asText(cursor);
                if (next.equals(cursor)) {
                    break;
                }
                cursor = next;
            }
        }
        return out;
    }

    /** A zone recorded with a document, or empty when none was (older documents) or this JDK does not know it. */
    private static java.util.Optional<java.time.ZoneId> recordedZone(String id) {
        if (id.isEmpty()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(java.time.ZoneId.of(id));
        } catch (java.time.DateTimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** The last frame's offset of each file (by content, for the model), from one terms facet per request. */
    @Override
    public Map<String, Double> archiveLastOffsets(java.util.Collection<String> sha256s, String modelId) throws IOException {
        List<String> all = sha256s.stream().distinct().sorted().toList();
        Map<String, Double> out = new java.util.HashMap<>();
        for (int from = 0; from < all.size(); from += FILES_PER_REQUEST) {
            StringBuilder shas = new StringBuilder();
            all.subList(from, Math.min(all.size(), from + FILES_PER_REQUEST))
                    .forEach(sha -> shas.append(shas.isEmpty() ? "" : " ").append(term(SHA, sha)));
            JsonNode r = http.postForm("/" + location.collection() + "/select", List.of(
                    "q", "+" + term(KIND, "frame") + " +" + term(MODEL, modelId) + " +(" + shas + ")", "rows", "0",
                    "json.facet", "{files:{type:terms,field:" + SHA + ",limit:-1,facet:{last:\"max(" + OFFSET + ")\"}}}"));
            for (JsonNode bucket : r.path("facets").path("files").path("buckets")) {
                out.put(bucket.path("val").asText(), bucket.path("last").asDouble() / 1000.0);
            }
        }
        return out;
    }

    @Override
    public boolean keepsThumbnails() {
        return true;
    }

    /**
     * The thumbnail stored with the file's (content and model) frame documents nearest to {@code offsetSeconds},
     * whichever workstation wrote it. A collection set up before thumbnails were kept has none (empty).
     */
    @Override
    public java.util.Optional<FrameThumbnail> archiveThumbnail(String sha256, String modelId, double offsetSeconds) throws IOException {
        long at = Math.round(offsetSeconds * 1000);
        JsonNode docs;
        try {
            docs = http.postForm("/" + location.collection() + "/select", List.of(
                    "q", "+" + term(KIND, "frame") + " +" + term(SHA, sha256) + " +" + term(MODEL, modelId)
                            + " +" + THUMBNAIL_BYTES + ":[1 TO *]",
                    "sort", "abs(sub(" + OFFSET + "," + at + ")) asc," + ID + " asc", "rows", "1",
                    "fl", String.join(",", OFFSET, THUMBNAIL))).path("response").path("docs");
        } catch (SolrStoreException e) {
            if (e.getMessage() != null && e.getMessage().contains(THUMBNAIL_BYTES)) {
                return java.util.Optional.empty(); // an older schema: no thumbnails kept (`sightline solr upgrade` adds them)
            }
            throw e;
        }
        for (JsonNode d : docs) {
            String b64 = d.path(THUMBNAIL).asText("");
            if (!b64.isEmpty()) {
                return java.util.Optional.of(new FrameThumbnail(d.path(OFFSET).asLong() / 1000.0,
                        java.util.Base64.getDecoder().decode(b64)));
            }
        }
        return java.util.Optional.empty();
    }

    private static float cosine(JsonNode d) {
        // Solr, like Lucene, scores DOT_PRODUCT as (1 + dot) / 2; report the cosine itself
        return (float) (2 * d.path("score").asDouble() - 1);
    }

    private JsonNode knn(float[] vector, int k, FrameFilter filter, boolean ownOnly) throws IOException {
        StringBuilder q = new StringBuilder("{!knn f=").append(vectorField(vector.length)).append(" topK=").append(k).append("}[");
        int padded = fieldDimension(vector.length);
        for (int i = 0; i < padded; i++) {
            q.append(i == 0 ? "" : ",").append(i < vector.length ? vector[i] : 0f);
        }
        q.append(']');
        List<String> p = new ArrayList<>(List.of("q", q.toString(), "rows", Integer.toString(k),
                "fl", String.join(",", VIDEO, SEGMENT, OFFSET, SHA, MODEL, CAMERA, WORKSTATION, FILE_NAME, ARCHIVE_PATH,
                        SIZE, "score")));
        for (String fq : filterQueries(filter, filter.dayFrom() == null ? null : timeSpan(filter))) {
            p.add("fq");
            p.add(fq);
        }
        if (ownOnly) {
            p.add("fq");
            p.add(term(WORKSTATION, workstation));
        }
        return http.postForm("/" + location.collection() + "/select", p).path("response").path("docs");
    }

    /**
     * The filter as Solr filter queries; with a kNN main query Solr runs them inside the vector search. A time-of-day
     * window is read on each camera's clock ({@link SolrTimeOfDayFilter}) over the frames' time {@code span}.
     */
    private List<String> filterQueries(FrameFilter f, SolrTimeOfDayFilter.Span span) {
        List<String> fq = new ArrayList<>();
        fq.add(term(KIND, "frame"));
        fq.add(term(MODEL, f.modelId()));
        if (!f.cameras().isEmpty()) {
            StringBuilder cams = new StringBuilder();
            f.cameras().stream().sorted().forEach(c -> cams.append(cams.isEmpty() ? "" : " ").append(term(CAMERA, c)));
            fq.add(cams.toString());
        }
        if (f.from() != null || f.to() != null) {
            String lo = f.from() == null ? "*" : Long.toString(f.from().toEpochMilli());
            String hi = f.to() == null ? "*" : Long.toString(f.to().toEpochMilli());
            fq.add(TIME + ":[" + lo + " TO " + hi + "}");
        }
        f.labels().stream().sorted().forEach(label -> fq.add(term(LABEL, label)));
        if (f.dayFrom() != null) {
            fq.add(SolrTimeOfDayFilter.query(f, workstation, span));
        }
        return fq;
    }

    /**
     * The earliest and latest absolute time of the model's frames and the zones recorded with them (null when none has
     * a time), which the time-of-day filter's periods of constant offset must cover. A collection set up before zones
     * were recorded is refused in plain words naming {@code sightline solr upgrade}.
     */
    private SolrTimeOfDayFilter.Span timeSpan(FrameFilter f) throws IOException {
        JsonNode r;
        try {
            r = http.postForm("/" + location.collection() + "/select", List.of("q", term(KIND, "frame"),
                    "fq", term(MODEL, f.modelId()), "fq", TIME + ":[* TO *]", "rows", "0",
                    "stats", "true", "stats.field", TIME, "facet", "true", "facet.field", ZONE, "facet.mincount", "1",
                    "facet.limit", "-1"));
        } catch (SolrStoreException e) {
            if (e.getMessage() != null && e.getMessage().contains("undefined field") && e.getMessage().contains(ZONE)) {
                throw new SolrStoreException("the collection " + location.collection() + " was set up by an older Sightline "
                        + "(its schema lacks the camera zone that time-of-day searches read); bring it up to date with "
                        + "`sightline solr upgrade --zk " + location.zkHost() + " --collection " + location.collection() + "`", e);
            }
            throw e;
        }
        JsonNode stats = r.path("stats").path("stats_fields").path(TIME);
        if (stats.path("count").asLong(0) == 0 || !stats.path("min").isNumber()) {
            return null;
        }
        java.util.Set<String> zones = new java.util.HashSet<>();
        JsonNode counts = r.path("facet_counts").path("facet_fields").path(ZONE);
        for (int i = 0; i + 1 < counts.size(); i += 2) {
            zones.add(counts.get(i).asText());
        }
        return new SolrTimeOfDayFilter.Span(stats.path("min").asLong(), stats.path("max").asLong(), zones);
    }

    /** A term query on a string field, quoted so that any value (spaces, colons, slashes) is taken literally. */
    static String term(String field, String value) {
        return field + ":\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** A term query on a numeric field (quoted, so that a negative number is not read as an operator). */
    static String term(String field, long value) {
        return field + ":\"" + value + "\"";
    }

    @Override
    public float[] segmentMeanVector(long segmentId) throws IOException {
        JsonNode docs = http.postForm("/" + location.collection() + "/select", List.of(
                "q", "+" + term(KIND, "frame") + " +" + term(WORKSTATION, workstation) + " +" + term(SEGMENT, segmentId),
                "fl", "vector_*," + DIMS, "rows", "10000")).path("response").path("docs");
        List<float[]> vectors = new ArrayList<>();
        for (JsonNode d : docs) {
            d.properties().forEach(e -> {
                if (e.getKey().startsWith("vector_") && e.getValue().isArray()) {
                    float[] v = new float[d.path(DIMS).asInt(e.getValue().size())];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = (float) e.getValue().get(i).asDouble();
                    }
                    vectors.add(v);
                }
            });
        }
        return vectors.isEmpty() ? null : Vectors.mean(vectors);
    }

    @Override
    public long sizeBytes() {
        return 0;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "SolrCloud collection %s at ZooKeeper %s (this workstation: %s%s)",
                location.collection(), location.zkHost(), workstation, readOnly() ? ", read-only" : "");
    }

    private void requireWriter() throws IOException {
        if (readOnly()) {
            throw new IOException("another Sightline process of this data directory is writing to " + location
                    + "; this one can only search");
        }
    }

    @Override
    public void close() throws IOException {
        try {
            http.close();
        } finally {
            try {
                if (lock != null) {
                    lock.release();
                }
            } finally {
                lockChannel.close();
            }
        }
    }
}
