package org.sightline.indexer.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.util.VectorUtil;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * The Lucene vector index: one document per embedded frame, holding its vector (8-bit scalar-quantized HNSW, dot
 * product on normalised vectors) and the fields searches filter on inside the kNN query: model id, camera, absolute
 * time (when the recording start is known), time of day. Searches go through a near-real-time searcher, so they see
 * each video as soon as it is committed, while indexing goes on.
 *
 * <p>Only one process can write the index. When another holds it (the desktop indexing while the command line
 * searches), this opens read-only and sees the other's commits on {@link #refresh()}.
 */
public final class SegmentIndex implements IndexStore {
    static final String VECTOR = "vector";
    static final String MODEL = "model";
    static final String SHA = "sha";
    static final String CAMERA = "camera";
    static final String VIDEO = "video";
    static final String SEGMENT = "segment";
    static final String GENERATION = "generation";
    static final String TIME = "time_ms";
    static final String TIME_OF_DAY = "time_of_day_s";
    static final String OFFSET = "offset_ms";
    /** Keyword field, one value per object label the detector saw at the frame ({@link IndexedFrame#labels()}). */
    static final String LABEL = "label";

    /** Commit user data key naming the generation whose documents the commit made durable. */
    public static final String COMMITTED_GENERATION = "sightline.generation";

    private final Path dir;
    private final Directory directory;
    /** Replaced (with {@link #searchers}) only after a failed write, see {@link #discardUncommitted}. */
    private volatile IndexWriter writer;
    private volatile ReferenceManager<IndexSearcher> searchers;

    private SegmentIndex(Path dir, Directory directory, IndexWriter writer, ReferenceManager<IndexSearcher> searchers) {
        this.dir = dir;
        this.directory = directory;
        this.writer = writer;
        this.searchers = searchers;
    }

    /** Opens the index for writing, or read-only when another process holds the write lock. */
    public static SegmentIndex open(Path dir) throws IOException {
        Files.createDirectories(dir);
        Directory directory = FSDirectory.open(dir);
        try {
            IndexWriter writer = new IndexWriter(directory, writerConfig());
            return new SegmentIndex(dir, directory, writer, new SearcherManager(writer, null));
        } catch (LockObtainFailedException locked) {
            if (!DirectoryReader.indexExists(directory)) {
                directory.close();
                throw new IOException("another Sightline process is indexing into " + dir.getParent() + " (it is creating the search index); try again when it is done", locked);
            }
            return new SegmentIndex(dir, directory, null, new SearcherManager(directory, null));
        } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException
                 | NoSuchFileException | java.io.FileNotFoundException e) {
            directory.close();
            throw new DamagedIndexException(dir, e);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /**
     * Every change is committed explicitly, with the generation it makes durable; nothing is committed on close, so
     * that what a failed write left in memory is never made durable by closing.
     */
    private static IndexWriterConfig writerConfig() {
        return new IndexWriterConfig().setCodec(new QuantizedVectorCodec())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(64)
                .setCommitOnClose(false);
    }

    /**
     * After a write that failed (a full disk, an I/O error), drops what it left uncommitted in the writer, so that no
     * later commit makes it durable and no search sees it: the writer is rolled back to the last commit and opened
     * again. A search running on another thread at that moment may fail and can be repeated.
     */
    private void discardUncommitted(Exception cause) {
        try {
            searchers.close();
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
        try {
            writer.rollback();
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
        try {
            IndexWriter reopened = new IndexWriter(directory, writerConfig());
            searchers = new SearcherManager(reopened, null);
            writer = reopened;
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
            writer = null; // read-only from here: a later write says so rather than committing a half-written one
            try {
                searchers = new SearcherManager(directory, null);
            } catch (IOException | RuntimeException again) {
                cause.addSuppressed(again);
            }
        }
    }

    /**
     * Moves an index folder aside (to {@code index.damaged-TIMESTAMP} beside it; nothing is deleted, so it can still be
     * examined), so that the next open starts an empty index. Refused while another process holds it for writing.
     *
     * @return where the old index now is, or empty when there was none
     */
    public static java.util.Optional<Path> setAside(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return java.util.Optional.empty();
        }
        try (Directory d = FSDirectory.open(dir); org.apache.lucene.store.Lock lock = d.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            lock.ensureValid();
        } catch (LockObtainFailedException e) {
            throw new IOException("another Sightline process is using the index " + dir + "; close it and try again", e);
        }
        String stamp = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", java.util.Locale.ROOT)
                .withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.now());
        Path target = dir.resolveSibling(dir.getFileName() + ".damaged-" + stamp);
        Files.move(dir, target);
        return java.util.Optional.of(target);
    }

    @Override
    public boolean readOnly() {
        return writer == null;
    }

    /**
     * Takes the write lock when this process does not hold it (after {@link #releaseWriting()}, or when another process
     * held it at open); searches then go through the writer's near-real-time searcher.
     *
     * @throws IndexBusyException another Sightline process holds it (it is indexing)
     */
    @Override
    public synchronized void holdForWriting() throws IOException {
        if (writer != null) {
            return;
        }
        IndexWriter opened;
        try {
            opened = new IndexWriter(directory, writerConfig());
        } catch (LockObtainFailedException locked) {
            throw new IndexBusyException(dir.getParent(), locked);
        }
        ReferenceManager<IndexSearcher> before = searchers;
        try {
            searchers = new SearcherManager(opened, null);
        } catch (IOException | RuntimeException e) {
            opened.close();
            throw e;
        }
        writer = opened;
        closeQuietly(before);
    }

    /**
     * Gives the write lock back (every write is already committed), so another process can index; searches go on
     * read-only and see other processes' commits after {@link #refresh()}.
     */
    @Override
    public synchronized void releaseWriting() throws IOException {
        IndexWriter held = writer;
        if (held == null) {
            return;
        }
        if (!DirectoryReader.indexExists(directory)) {
            held.commit(); // a fresh index: its first, empty commit, so that readers can open it
        }
        ReferenceManager<IndexSearcher> before = searchers;
        searchers = new SearcherManager(directory, null);
        writer = null;
        try {
            closeQuietly(before);
        } finally {
            held.close();
        }
    }

    private static void closeQuietly(ReferenceManager<IndexSearcher> m) {
        try {
            m.close();
        } catch (IOException | RuntimeException e) {
            // searches still holding its searcher release it themselves; nothing is lost
        }
    }

    /**
     * Writes the frames of one generation of a video and commits, recording the generation in the commit's user
     * data. In the same commit it deletes the video's older documents of the same model, and those of any model
     * made from other content of the file.
     */
    @Override
    public void replaceVideo(VideoVectors v) throws IOException {
        requireWriter();
        BooleanQuery.Builder stale = new BooleanQuery.Builder()
                .add(LongField.newExactQuery(VIDEO, v.videoId()), Occur.FILTER)
                .add(new BooleanQuery.Builder()
                        .add(new TermQuery(new Term(MODEL, v.modelId())), Occur.SHOULD)
                        .add(new BooleanQuery.Builder().add(MatchAllDocsQuery.INSTANCE, Occur.FILTER)
                                .add(new TermQuery(new Term(SHA, v.sha256())), Occur.MUST_NOT).build(), Occur.SHOULD)
                        .build(), Occur.FILTER);
        List<Document> docs = new ArrayList<>(v.frames().size());
        for (IndexedFrame f : v.frames()) {
            docs.add(document(v, f));
        }
        try {
            writer.deleteDocuments(stale.build());
            writer.addDocuments(docs);
        } catch (IOException | RuntimeException e) {
            discardUncommitted(e);
            throw e;
        }
        commit(v.generation());
    }

    private static Document document(VideoVectors v, IndexedFrame f) {
        Document d = new Document();
        d.add(new KnnFloatVectorField(VECTOR, f.vector(), VectorSimilarityFunction.DOT_PRODUCT));
        d.add(new StringField(MODEL, v.modelId(), Field.Store.NO));
        d.add(new StringField(SHA, v.sha256(), Field.Store.NO));
        d.add(new StringField(CAMERA, v.camera() == null ? "" : v.camera(), Field.Store.NO));
        d.add(new LongField(VIDEO, v.videoId(), Field.Store.NO));
        d.add(new LongField(SEGMENT, f.segmentId(), Field.Store.NO));
        d.add(new LongField(GENERATION, v.generation(), Field.Store.NO));
        long offsetMs = Math.round(f.offsetSeconds() * 1000);
        d.add(new LongField(OFFSET, offsetMs, Field.Store.NO));
        for (String label : f.labels()) {
            d.add(new StringField(LABEL, label, Field.Store.NO));
        }
        v.recordingStart().ifPresent(start -> {
            Instant at = start.plusMillis(offsetMs);
            d.add(new LongField(TIME, at.toEpochMilli(), Field.Store.NO));
            d.add(new IntField(TIME_OF_DAY, at.atOffset(ZoneOffset.UTC).toLocalTime().toSecondOfDay(), Field.Store.NO));
        });
        return d;
    }

    /** Deletes the documents of one generation (a write that never completed) and commits. */
    @Override
    public void deleteGeneration(long generation) throws IOException {
        requireWriter();
        try {
            writer.deleteDocuments(LongField.newExactQuery(GENERATION, generation));
        } catch (IOException | RuntimeException e) {
            discardUncommitted(e);
            throw e;
        }
        commit(-1);
    }

    /** Commits (a failed commit leaves nothing behind, see {@link #discardUncommitted}), then refreshes searches. */
    private void commit(long generation) throws IOException {
        try {
            writer.setLiveCommitData(Map.of(COMMITTED_GENERATION, Long.toString(generation)).entrySet());
            writer.commit();
        } catch (IOException | RuntimeException e) {
            discardUncommitted(e);
            throw e;
        }
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            // the commit is durable and the caller records it as such; the next write refreshes searches again
        }
    }

    /** The generation named by the last durable commit, or -1. */
    @Override
    public long lastCommittedGeneration() throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return -1;
        }
        List<org.apache.lucene.index.IndexCommit> commits = DirectoryReader.listCommits(directory);
        String g = commits.getLast().getUserData().get(COMMITTED_GENERATION);
        return g == null ? -1 : Long.parseLong(g);
    }

    /** Number of committed documents of this generation. */
    @Override
    public int countGeneration(long generation) throws IOException {
        return count(LongField.newExactQuery(GENERATION, generation));
    }

    /** Number of frame documents carrying this object label (for checks and tests). */
    @Override
    public int frameCountWithLabel(String label) throws IOException {
        return count(new TermQuery(new Term(LABEL, label)));
    }

    /**
     * Whether the video's frame vectors of this model were indexed from content with this SHA-256 (a catalog row
     * whose hash was edited afterwards no longer matches).
     */
    @Override
    public boolean indexedWithHash(long videoId, String modelId, String sha256) throws IOException {
        if (sha256 == null) {
            return false;
        }
        return count(new BooleanQuery.Builder()
                .add(LongField.newExactQuery(VIDEO, videoId), Occur.FILTER)
                .add(new TermQuery(new Term(MODEL, modelId)), Occur.FILTER)
                .add(new TermQuery(new Term(SHA, sha256)), Occur.FILTER).build()) > 0;
    }

    /** Number of frame vectors, of one model or (null) all. */
    @Override
    public int frameCount(String modelId) throws IOException {
        return count(modelId == null ? MatchAllDocsQuery.INSTANCE : new TermQuery(new Term(MODEL, modelId)));
    }

    private int count(Query q) throws IOException {
        IndexSearcher s = acquire();
        try {
            return s.count(q);
        } finally {
            release(s);
        }
    }

    /**
     * A searcher of the current manager; the manager is replaced when this process takes or gives back the write lock
     * ({@link #holdForWriting}, {@link #releaseWriting}), so a search that raced the swap takes the new one.
     */
    private IndexSearcher acquire() throws IOException {
        while (true) {
            ReferenceManager<IndexSearcher> m = searchers;
            try {
                return m.acquire();
            } catch (org.apache.lucene.store.AlreadyClosedException e) {
                if (m == searchers) {
                    throw e;
                }
            }
        }
    }

    /** Gives back a searcher from {@link #acquire()}, whichever manager handed it out. */
    private static void release(IndexSearcher s) throws IOException {
        s.getIndexReader().decRef();
    }

    /** Every live frame document (for consistency checks and tests; reads all doc values). */
    @Override
    public List<StoredFrame> storedFrames() throws IOException {
        IndexSearcher s = acquire();
        try {
            List<StoredFrame> out = new ArrayList<>();
            for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                var live = leaf.reader().getLiveDocs();
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    out.add(new StoredFrame(value(leaf, VIDEO, doc), value(leaf, SEGMENT, doc), value(leaf, GENERATION, doc),
                            value(leaf, OFFSET, doc)));
                }
            }
            return out;
        } finally {
            release(s);
        }
    }

    /** Makes commits of this or another process visible to searches. */
    @Override
    public void refresh() throws IOException {
        ReferenceManager<IndexSearcher> m = searchers;
        try {
            m.maybeRefreshBlocking();
        } catch (org.apache.lucene.store.AlreadyClosedException e) {
            if (m == searchers) {
                throw e;
            }
        }
    }

    /**
     * The {@code k} frames nearest to {@code vector} among those the filter allows, best first.
     *
     * @param vector a normalised query vector of the filter's model
     */
    @Override
    public List<FrameHit> search(float[] vector, int k, FrameFilter filter) throws IOException {
        if (readOnly()) {
            refresh();
        }
        IndexSearcher s = acquire();
        try {
            TopDocs top = s.search(new KnnFloatVectorQuery(VECTOR, vector, k, filterQuery(filter)), k);
            // read doc values leaf by leaf in doc order (one iterator per field and leaf), then restore score order
            ScoreDoc[] byDoc = top.scoreDocs.clone();
            java.util.Arrays.sort(byDoc, java.util.Comparator.comparingInt(sd -> sd.doc));
            java.util.Map<Integer, FrameHit> hitsByDoc = new java.util.HashMap<>();
            List<LeafReaderContext> leaves = s.getIndexReader().leaves();
            int i = 0;
            while (i < byDoc.length) {
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(byDoc[i].doc, leaves));
                SortedNumericDocValues video = leaf.reader().getSortedNumericDocValues(VIDEO);
                SortedNumericDocValues segment = leaf.reader().getSortedNumericDocValues(SEGMENT);
                SortedNumericDocValues offset = leaf.reader().getSortedNumericDocValues(OFFSET);
                FloatVectorValues stored = leaf.reader().getFloatVectorValues(VECTOR);
                KnnVectorValues.DocIndexIterator storedAt = stored == null ? null : stored.iterator();
                int end = leaf.docBase + leaf.reader().maxDoc();
                for (; i < byDoc.length && byDoc[i].doc < end; i++) {
                    int doc = byDoc[i].doc - leaf.docBase;
                    // Lucene scores DOT_PRODUCT as (1 + dot) / 2 from the 8-bit quantized vectors, whose quantization
                    // depends on the Lucene segment's other vectors: report the exact cosine of the stored float vector,
                    // so that re-embedding the same footage gives the same scores (docs/benchmarks.md)
                    float cosine = storedAt != null && storedAt.advance(doc) == doc
                            ? VectorUtil.dotProduct(vector, stored.vectorValue(storedAt.index())) : 2 * byDoc[i].score - 1;
                    hitsByDoc.put(byDoc[i].doc, new FrameHit(next(video, VIDEO, doc), next(segment, SEGMENT, doc),
                            next(offset, OFFSET, doc) / 1000.0, cosine));
                }
            }
            List<FrameHit> hits = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc sd : top.scoreDocs) {
                hits.add(hitsByDoc.get(sd.doc));
            }
            hits.sort(java.util.Comparator.comparingDouble((FrameHit h) -> -h.score()).thenComparingLong(FrameHit::videoId)
                    .thenComparingDouble(FrameHit::offsetSeconds));
            return hits;
        } finally {
            release(s);
        }
    }

    private static long next(SortedNumericDocValues dv, String field, int doc) throws IOException {
        if (dv == null || !dv.advanceExact(doc)) {
            throw new IOException("index document lacks its " + field + " field");
        }
        return dv.nextValue();
    }

    private static long value(LeafReaderContext leaf, String field, int doc) throws IOException {
        // LongField keeps its value as sorted-numeric doc values
        SortedNumericDocValues dv = leaf.reader().getSortedNumericDocValues(field);
        if (dv == null || !dv.advanceExact(doc)) {
            throw new IOException("index document lacks its " + field + " field");
        }
        return dv.nextValue();
    }

    static Query filterQuery(FrameFilter f) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(new TermQuery(new Term(MODEL, f.modelId())), Occur.FILTER);
        if (!f.cameras().isEmpty()) {
            BooleanQuery.Builder cams = new BooleanQuery.Builder();
            f.cameras().forEach(c -> cams.add(new TermQuery(new Term(CAMERA, c)), Occur.SHOULD));
            b.add(cams.build(), Occur.FILTER);
        }
        for (String label : f.labels()) {
            b.add(new TermQuery(new Term(LABEL, label)), Occur.FILTER);
        }
        if (f.from() != null || f.to() != null) {
            long lo = f.from() == null ? Long.MIN_VALUE : f.from().toEpochMilli();
            long hi = f.to() == null ? Long.MAX_VALUE : f.to().toEpochMilli() - 1;
            b.add(LongField.newRangeQuery(TIME, lo, hi), Occur.FILTER);
        }
        if (f.dayFrom() != null) {
            b.add(timeOfDay(f), Occur.FILTER);
        }
        return b.build();
    }

    /**
     * Frames whose time of day, on their camera's clock, is inside the filter's window: for each zone in use, the
     * cameras read in it and the window on that zone's clock (daylight saving included); cameras not named by the
     * filter's zones are read in its fallback zone.
     */
    private static Query timeOfDay(FrameFilter f) {
        CameraZones zones = f.zones();
        Map<ZoneId, List<String>> byZone = new HashMap<>();
        zones.byCamera().forEach((camera, zone) -> {
            if (!zone.equals(zones.fallback())) {
                byZone.computeIfAbsent(zone, z -> new ArrayList<>()).add(camera);
            }
        });
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        BooleanQuery.Builder rest = new BooleanQuery.Builder()
                .add(new TimeOfDayQuery(TIME, zones.fallback(), f.dayFrom(), f.dayTo()), Occur.FILTER);
        byZone.forEach((zone, cameras) -> {
            BooleanQuery.Builder named = new BooleanQuery.Builder();
            cameras.forEach(c -> named.add(new TermQuery(new Term(CAMERA, c)), Occur.SHOULD));
            Query inZone = named.build();
            any.add(new BooleanQuery.Builder().add(inZone, Occur.FILTER)
                    .add(new TimeOfDayQuery(TIME, zone, f.dayFrom(), f.dayTo()), Occur.FILTER).build(), Occur.SHOULD);
            rest.add(inZone, Occur.MUST_NOT);
        });
        any.add(rest.build(), Occur.SHOULD);
        return any.build();
    }

    /**
     * The normalised mean of the stored vectors of a segment's frames, or null when the segment has none in the
     * index.
     */
    @Override
    public float[] segmentMeanVector(long segmentId) throws IOException {
        IndexSearcher s = acquire();
        try {
            TopDocs top = s.search(LongField.newExactQuery(SEGMENT, segmentId), 10_000);
            List<LeafReaderContext> leaves = s.getIndexReader().leaves();
            float[] sum = null;
            for (ScoreDoc sd : top.scoreDocs) {
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
                FloatVectorValues values = leaf.reader().getFloatVectorValues(VECTOR);
                if (values == null) {
                    continue;
                }
                KnnVectorValues.DocIndexIterator it = values.iterator();
                if (it.advance(sd.doc - leaf.docBase) != sd.doc - leaf.docBase) {
                    continue;
                }
                float[] v = values.vectorValue(it.index());
                if (sum == null) {
                    sum = new float[v.length];
                }
                for (int i = 0; i < v.length; i++) {
                    sum[i] += v[i];
                }
            }
            return sum == null ? null : Vectors.normalise(sum);
        } finally {
            release(s);
        }
    }

    /** Bytes the index takes on disk. */
    @Override
    public long sizeBytes() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the index folder " + dir, e);
        }
    }

    @Override
    public String describe() {
        return "embedded Lucene index in " + dir;
    }

    /** Merges the index down to one segment (fewer segments, faster queries); for benchmarks and after big runs. */
    public void forceMerge() throws IOException {
        requireWriter();
        writer.forceMerge(1);
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    private void requireWriter() throws IOException {
        if (writer == null) {
            throw new IOException("the index " + dir + " is open read-only: another Sightline process is writing it");
        }
    }

    @Override
    public void close() throws IOException {
        try {
            searchers.close();
        } finally {
            try {
                if (writer != null) {
                    writer.close();
                }
            } finally {
                directory.close();
            }
        }
    }
}
