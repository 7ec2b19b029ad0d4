package org.sightline.indexer.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.sightline.indexer.audit.AuditDetails;
import org.sightline.indexer.catalog.Catalog;
import org.sightline.indexer.catalog.VideoRecord;
import org.sightline.indexer.index.IndexCommitProtocol;
import org.sightline.indexer.index.IndexStore;
import org.sightline.indexer.index.LostVectors;
import org.sightline.indexer.index.SegmentIndex;
import org.sightline.indexer.index.solr.SolrIndexStore;
import org.sightline.indexer.index.solr.SolrLocation;
import org.sightline.indexer.ingest.DiskFullException;
import org.sightline.indexer.ingest.FileOutcome;
import org.sightline.indexer.ingest.FootageReader;
import org.sightline.indexer.ingest.IngestListener;
import org.sightline.indexer.ingest.IngestPipeline;
import org.sightline.indexer.ingest.IngestReport;
import org.sightline.indexer.ingest.IngestRequest;
import org.sightline.indexer.search.ExplainedQuery;
import org.sightline.indexer.search.ExplainedResult;
import org.sightline.indexer.search.ExplainedSearch;
import org.sightline.indexer.search.MotionQuery;
import org.sightline.indexer.search.MotionSearch;
import org.sightline.indexer.perception.Examination;
import org.sightline.indexer.perception.FrameInspector;
import org.sightline.indexer.perception.TextInspector;
import org.sightline.indexer.search.SearchResult;
import org.sightline.indexer.search.SearchService;
import org.sightline.models.pack.NoActiveModelException;
import org.sightline.models.perception.detect.ObjectDetector;
import org.sightline.models.perception.text.SceneTextReader;
import org.sightline.models.perception.install.PerceptionPacks;
import org.sightline.models.store.ModelStore;
import org.sightline.models.runtime.VisionLanguageModel;
import org.sightline.indexer.footage.PathText;

/**
 * The application layer of one open data directory: the catalog, the vector index, the active model and the use
 * cases built on them, by concern: {@link #library() indexed footage} and {@link #ingest indexing},
 * {@link #search() search}, {@link #evidence() cases, export and the audit trail} and {@link #models() model packs}.
 * Every entry point (the command line, the desktop's services, the benchmarks) works through it; none touches the
 * catalog, the index or the audit log directly. Opening it repairs whatever an interrupted index run left (see
 * {@link IndexCommitProtocol}). The desktop and the command line each open one and close it when done. Thread safe.
 */
public final class Workspace implements AutoCloseable {
    private final DataDirectory dataDirectory;
    private final ModelLibrary modelLibrary;
    private final IndexedFootage library;
    private final ActiveModelSource models;
    private final FootageReader footage;
    private final Catalog catalog;
    private final IndexStore index;
    private final IndexCommitProtocol protocol;
    private final PerceptionSource perception;
    private ObjectDetector detector;
    private SceneTextReader textReader;
    private boolean detectorOpened;

    private final List<Consumer<SearchResult>> searchListeners = new CopyOnWriteArrayList<>();
    private CaseEvidence evidence;
    private VisionLanguageModel model;
    private String modelKey;
    private SearchService search;
    private List<LostVectors> lostAtOpen = List.of();
    /** Set by {@link #holdIndexOnlyWhileIndexing()}: the write lock is taken per {@link #ingest} run and given back. */
    private volatile boolean indexHeldOnlyWhileIndexing;
    /** Taking and giving back the write lock, one index run at a time. */
    private final Object indexHold = new Object();

    private Workspace(DataDirectory dataDirectory, ActiveModelSource models, FootageReader footage, Catalog catalog, IndexStore index,
            PerceptionSource perception) {
        this.dataDirectory = dataDirectory;
        this.perception = perception;
        this.models = models;
        this.footage = footage;
        this.catalog = catalog;
        this.index = index;
        this.protocol = new IndexCommitProtocol(catalog, index, dataDirectory.thumbnailsDir());
        this.library = new IndexedFootage(catalog, index);
        this.modelLibrary = new ModelLibrary(new ModelStore(dataDirectory.modelsDir()), (r, source) -> evidence().audit().recordModelImport(r, source),
                PerceptionPacks.in(dataDirectory.perceptionDir()), details -> evidence().audit().recordPerceptionImport(details));
    }

    /**
     * Opens the data directory with its installed model packs and the built-in starter detector (objects are detected
     * while indexing, with or without a CLIP pack), creating the folders when missing.
     */
    public static Workspace open(DataDirectory dir) throws IOException {
        return open(dir, DefaultServices.modelSource(new ModelStore(dir.modelsDir())), DefaultServices.footageReader(),
                PerceptionSource.of(PerceptionPacks.in(dir.perceptionDir())));
    }

    /** Opens the data directory with the given model source (tests, benchmarks). */
    public static Workspace open(DataDirectory dir, ActiveModelSource models) throws IOException {
        return open(dir, models, DefaultServices.footageReader());
    }

    /** Opens the data directory with the given model source and object detector source (benchmarks, tests). */
    public static Workspace open(DataDirectory dir, ActiveModelSource models, PerceptionSource perception) throws IOException {
        return open(dir, models, DefaultServices.footageReader(), perception);
    }

    /** Opens the data directory with the given model source and footage reader, without perception. */
    public static Workspace open(DataDirectory dir, ActiveModelSource models, FootageReader footage) throws IOException {
        return open(dir, models, footage, PerceptionSource.none());
    }

    /** Opens the data directory with the given model source, footage reader and object detector source. */
    public static Workspace open(DataDirectory dir, ActiveModelSource models, FootageReader footage, PerceptionSource perception)
            throws IOException {
        dir.create();
        Catalog catalog = Catalog.open(dir.catalogFile());
        IndexStore index;
        try {
            index = openStore(dir);
        } catch (IOException | RuntimeException e) {
            catalog.close();
            throw e;
        }
        Workspace w = new Workspace(dir, models, footage, catalog, index, Objects.requireNonNull(perception, "perception"));
        if (index instanceof SolrIndexStore solr) {
            solr.recordZonesFrom(() -> w.cameras().zones()); // other workstations read its frames' time of day in these
        }
        try {
            w.protocol.reconcile();
            w.lostAtOpen = w.protocol.checkAgainstIndex();
            // Every search made through this workspace goes into the audit trail; a search that cannot be
            // logged fails rather than going unrecorded.
            w.addSearchListener(result -> w.evidence().audit().recordSearch(result));
            if (!w.lostAtOpen.isEmpty()) {
                w.evidence().audit().recordIndexRepair(new AuditDetails.IndexRepair(w.lostAtOpen.stream().map(LostVectors::describe).toList()));
            }
        } catch (IOException | RuntimeException e) {
            w.close();
            throw e;
        }
        return w;
    }

    /** The store the data directory's settings name: the embedded Lucene index, or a SolrCloud collection. */
    private static IndexStore openStore(DataDirectory dir) throws IOException {
        Optional<SolrLocation> solr = DataDirectorySettings.solrStore(dir);
        if (solr.isPresent()) {
            return SolrIndexStore.open(solr.get(), DataDirectorySettings.solrCredentials(dir), DataDirectorySettings.solrTrust(dir),
                    DataDirectorySettings.workstation(dir),
                    dir.indexDir().resolve("solr-writer.lock"));
        }
        return SegmentIndex.open(dir.indexDir());
    }

    public DataDirectory dataDirectory() {
        return dataDirectory;
    }

    /** The model packs installed in this data directory; installs are audited. */
    public ModelLibrary models() {
        return modelLibrary;
    }

    /** Where the active model comes from (the model store, unless the workspace was opened with another source). */
    public ActiveModelSource modelSource() {
        return models;
    }

    /** The footage the catalog and the index hold. */
    public IndexedFootage library() {
        return library;
    }

    /** For tests of this layer's internals (see the test sources' {@code WorkspaceInternals}). */
    Catalog catalog() {
        return catalog;
    }

    IndexStore index() {
        return index;
    }

    /**
     * The search service over the active model, opened on first use and reopened when the active model changed.
     * Fails with {@link NoActiveModelException} when no model pack is active.
     */
    public synchronized SearchService search() {
        activeModel();
        if (search == null) {
            search = new SearchService(catalog, index, model, dataDirectory.thumbnailsDir());
            Cameras zones = cameras();
            search.useWorkstationZone(zones::workstationZone);
            search.addListener(result -> searchListeners.forEach(l -> l.accept(result)));
        }
        return search;
    }

    /**
     * A prompt search that explains itself: tiers instead of a cut-off, why each clip matched, which words were
     * ignored and which parts this data directory cannot answer yet. Needs an active model like {@link #search()};
     * audited like it.
     *
     * @throws org.sightline.models.runtime.PromptNotUnderstoodException nothing in the prompt can be answered here
     */
    public ExplainedResult explainedSearch(ExplainedQuery query) throws IOException {
        return new ExplainedSearch(search()).search(query);
    }

    /**
     * Every moment the picture changed inside regions of the indexed videos, model-free (works with no model pack
     * installed); the videos are decoded on demand, read-only. Audited as a search.
     *
     * @param cancelled polled while decoding; null for never
     */
    public ExplainedResult motionSearch(MotionQuery query, BooleanSupplier cancelled) throws InterruptedException {
        ExplainedResult result = new MotionSearch(catalog).find(query, cancelled);
        evidence().audit().recordMotionSearch(query, result);
        return result;
    }

    /**
     * Searches every workstation's footage of a team archive (the data directory's store must be a SolrCloud
     * collection; the embedded index refuses in plain words). Recorded in the audit trail like any search.
     */
    public org.sightline.indexer.search.ArchiveSearchResult searchArchive(org.sightline.indexer.search.SearchQuery query) throws IOException {
        return searchArchive(query, 0);
    }

    /**
     * As {@link #searchArchive(org.sightline.indexer.search.SearchQuery)}: one page of clips, in tiers with why each
     * matched, from the {@code offset}-th clip of the whole result.
     *
     * @throws org.sightline.models.runtime.PromptNotUnderstoodException the model reads none of the prompt's words
     */
    public org.sightline.indexer.search.ArchiveSearchResult searchArchive(org.sightline.indexer.search.SearchQuery query, int offset)
            throws IOException {
        var result = search().searchArchive(query, offset, DataDirectorySettings.sharedRoots(dataDirectory));
        evidence().audit().recordSearch(query, result.clips().size(), result.framesHit(), result.modelId());
        return result;
    }

    /**
     * Called after every search made through {@link #search()}, whichever model is active (the audit trail logs
     * searches through this). Prefer it to {@link SearchService#addListener}, which a model switch forgets.
     */
    public void addSearchListener(Consumer<SearchResult> listener) {
        searchListeners.add(listener);
    }

    public void removeSearchListener(Consumer<SearchResult> listener) {
        searchListeners.remove(listener);
    }

    /** Cases, evidence export and the audit trail, on this workspace's catalog (set up on first use). */
    public synchronized CaseEvidence evidence() {
        if (evidence == null) {
            evidence = CaseEvidence.on(catalog);
        }
        return evidence;
    }

    /** The cameras of this data directory: names and time zones (see {@link Cameras}). */
    public Cameras cameras() {
        return evidence().cameras();
    }

    /** Starts loading the footage decoder's native parts in the background (see {@link FootageReader#warmUp}). */
    public void warmUpFootage() {
        if (footage != null) {
            footage.warmUp();
        }
    }

    /** The active model, opened on first use and reopened when it changed. */
    public synchronized VisionLanguageModel activeModel() {
        Optional<String> key = models.activeKey();
        if (model != null && key.isPresent() && key.get().equals(modelKey)) {
            return model;
        }
        VisionLanguageModel opened = models.openActive();
        if (model != null) {
            model.close();
        }
        model = opened;
        modelKey = key.orElse(opened.id().asString());
        search = null;
        return model;
    }

    /** The object detector indexing runs, opened (and verified) on first use; empty when there is none. */
    private synchronized Optional<ObjectDetector> detector() {
        if (!detectorOpened) {
            detector = perception.openDetector().orElse(null);
            if (detector != null) {
                textReader = perception.openTextReader().orElse(null);
            }
            detectorOpened = true;
        }
        return Optional.ofNullable(detector);
    }

    /**
     * The perception stages of an index run, or null when there is no detector. When the packs are known without
     * opening them, the detector and text reader are loaded only once a file needs them (not when every file takes over
     * what the same packs found in an earlier generation).
     */
    private FrameInspector perceptionInspector() {
        Examination examination = examination();
        String known = detectorOpened ? "" : perception.packsBeforeOpening();
        if (known.isEmpty()) {
            return detector().map(d -> new FrameInspector(() -> d,
                    () -> textReader == null ? null : new TextInspector(textReader, TextInspector.DEFAULT_FULL_READ_EVERY),
                    examination, perception.packs())).orElse(null);
        }
        return new FrameInspector(() -> detector().orElseThrow(() -> new IllegalStateException(
                        "the perception packs " + known + " were found, but no object detector could be opened from them")),
                () -> textReader == null ? null : new TextInspector(textReader, TextInspector.DEFAULT_FULL_READ_EVERY),
                examination, known);
    }

    /**
     * How the perception source examines frames, with looking closer and following motion turned off where the data
     * directory's settings say so ({@link DataDirectorySettings#LOOK_CLOSER}, {@link DataDirectorySettings#FOLLOW_MOTION}).
     */
    private Examination examination() {
        Examination e = perception.examination();
        try {
            if (!DataDirectorySettings.lookCloser(dataDirectory)) {
                e = e.withLookCloser(false);
            }
            if (!DataDirectorySettings.followMotion(dataDirectory)) {
                e = e.withFollowMotion(false);
            }
        } catch (IOException unreadable) {
            throw new java.io.UncheckedIOException(unreadable);
        }
        return e;
    }

    /**
     * Indexes footage with the active model and, when the workspace has a detector, finds objects in some of the
     * frames (stored with the video's segments; see {@link IndexedFootage#detections}); blocks until done or cancelled.
     *
     * <p>The work runs on its own thread: interrupting the caller (e.g. a cancelled desktop task) cancels the job
     * cleanly instead of interrupting Lucene's file I/O, which would break the index writer. The caller's interrupt
     * status is restored on return. Close the workspace only after this has returned.
     *
     * @param cancelled polled between frame batches; the calling thread's interrupt also cancels
     * @throws org.sightline.indexer.index.IndexBusyException after {@link #holdIndexOnlyWhileIndexing()}: another
     *         process is indexing into this data directory
     */
    public IngestReport ingest(IngestRequest request, IngestListener listener, BooleanSupplier cancelled) throws IOException {
        Objects.requireNonNull(footage, "this workspace has no footage reader");
        if (!indexHeldOnlyWhileIndexing) {
            return ingestHoldingIndex(request, listener, cancelled);
        }
        synchronized (indexHold) {
            index.holdForWriting(); // IndexBusyException: another process is indexing
            try {
                protocol.reconcile(); // what another process's interrupted run left, now that no other one writes
                return ingestHoldingIndex(request, listener, cancelled);
            } finally {
                index.releaseWriting();
            }
        }
    }

    /**
     * From now on this workspace holds the search index for writing only while {@link #ingest} runs (the desktop,
     * open for hours, lets the command line index in between); otherwise it searches read-only and sees other
     * processes' commits (see {@link #refreshIndex()}). Gives the write lock back now.
     *
     * @return this workspace
     */
    public Workspace holdIndexOnlyWhileIndexing() throws IOException {
        synchronized (indexHold) {
            indexHeldOnlyWhileIndexing = true;
            index.releaseWriting();
        }
        return this;
    }

    /** Makes what other processes committed to the search index visible to this workspace's searches. */
    public void refreshIndex() throws IOException {
        index.refresh();
    }

    /**
     * A number that changes whenever another process (the command line, another window) commits a change to this data
     * directory's catalog, cases or audit trail (SQLite's {@code PRAGMA data_version}); cheap enough to poll every second.
     */
    public long catalogChanges() {
        return catalog.changesByOthers();
    }

    private IngestReport ingestHoldingIndex(IngestRequest request, IngestListener listener, BooleanSupplier cancelled) throws IOException {
        IngestRequest effective = withVideosAwaitingReembedding(request);
        FrameInspector inspector = perceptionInspector();
        IngestPipeline pipeline = new IngestPipeline(catalog, protocol, footage, activeModel(), dataDirectory.thumbnailsDir(), inspector);
        AtomicBoolean interrupted = new AtomicBoolean();
        BooleanSupplier stop = cancelled == null ? interrupted::get : () -> interrupted.get() || cancelled.getAsBoolean();
        FutureTask<IngestReport> job = new FutureTask<>(() -> pipeline.run(effective, listener == null ? IngestListener.NONE : listener, stop));
        Thread.ofPlatform().name("sightline-ingest").daemon(true).start(job);
        try {
            while (true) {
                try {
                    IngestReport report = job.get();
                    recordIndexRun(effective, report);
                    return report;
                } catch (InterruptedException e) {
                    interrupted.set(true);
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof DiskFullException full) {
                try {
                    recordIndexRun(effective, full.report());
                } catch (RuntimeException notRecorded) {
                    full.addSuppressed(notRecorded); // the audit log shares the full disk
                }
                throw full;
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IOException("indexing failed: " + cause.getMessage(), cause);
        } finally {
            if (interrupted.get()) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Videos whose vectors were lost from the index are embedded again by the next run, whatever folders it was
     * given (a run over the whole catalog already covers them).
     */
    private IngestRequest withVideosAwaitingReembedding(IngestRequest request) {
        if (request.paths().isEmpty()) {
            return request;
        }
        List<Path> paths = new java.util.ArrayList<>(request.paths());
        for (VideoRecord v : catalog.videosAwaitingReembedding()) {
            if (java.nio.file.Files.isRegularFile(v.path()) && paths.stream().noneMatch(p -> v.path().startsWith(p.toAbsolutePath()))) {
                paths.add(v.path());
            }
        }
        return paths.size() == request.paths().size() ? request : request.withPaths(paths);
    }

    /**
     * Sets a damaged (or any) search index aside, so that the next open starts an empty one and every catalogued
     * video is queued to be embedded again. The old folder is kept beside the new one for examination.
     *
     * @return where the old index was moved, or empty when there was none
     */
    public static Optional<Path> setIndexAside(DataDirectory dir) throws IOException {
        return SegmentIndex.setAside(dir.indexDir());
    }

    /**
     * How many indexed videos have vectors of other models but none of the active one (the footage was indexed before
     * the active pack was chosen, or the pack was re-imported under a new id): a search cannot find anything in them.
     */
    public int videosWithoutActiveModel() {
        return catalog.videosMissingModel(activeModel().id().asString()).size();
    }

    /** Videos found without their vectors when this workspace opened, now queued to be embedded again. */
    public List<LostVectors> vectorsLostAtOpen() {
        return lostAtOpen;
    }

    private void recordIndexRun(IngestRequest request, IngestReport report) {
        evidence().audit().recordIndexRun(new AuditDetails.Index(
                request.paths().stream().map(PathText::stored).toList(),
                report.count(FileOutcome.Status.INDEXED), report.count(FileOutcome.Status.PARTIAL),
                report.count(FileOutcome.Status.UNCHANGED), report.count(FileOutcome.Status.FAILED),
                report.count(FileOutcome.Status.NOT_VIDEO), report.count(FileOutcome.Status.CANCELLED),
                report.segmentsWritten(), model == null ? null : model.id().asString()));
    }

    /** Counts for {@code sightline status} and the library view. */
    public WorkspaceStatus status() {
        Optional<String> active;
        try {
            active = models.activeKey().isPresent() ? Optional.of(activeModel().id().asString()) : Optional.empty();
        } catch (RuntimeException e) {
            active = Optional.empty();
        }
        var counts = catalog.videoCountsByStatus();
        long videos = counts.values().stream().mapToLong(Long::longValue).sum();
        List<WorkspaceStatus.FailedFile> failed = catalog.failedVideos().stream()
                .map(v -> new WorkspaceStatus.FailedFile(v.path(), v.errorKind(), describe(v))).toList();
        List<WorkspaceStatus.FailedFile> lost = catalog.videosAwaitingReembedding().stream()
                .map(v -> new WorkspaceStatus.FailedFile(v.path(), v.errorKind(), describe(v))).toList();
        return new WorkspaceStatus(dataDirectory.root(), videos, counts, catalog.segmentCount(active.orElse(null)),
                catalog.indexedFootageSeconds() / 3600.0, failed, index.sizeBytes(), active, lost,
                new WorkspaceStatus.StoreInUse(index instanceof SolrIndexStore, index.describe()),
                catalog.lastRun().map(r -> new WorkspaceStatus.LastRun(r.started(), r.finished(), r.status(), r.filesTotal(),
                        r.filesFailed())));
    }

    private static String describe(VideoRecord v) {
        return v.errorMessage() != null ? v.errorMessage() : v.status().dbValue();
    }

    @Override
    public synchronized void close() {
        try {
            if (model != null) {
                model.close();
                model = null;
            }
            if (detector != null) {
                detector.close();
                detector = null;
            }
            if (textReader != null) {
                textReader.close();
                textReader = null;
            }
        } finally {
            try {
                index.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close the index in " + dataDirectory.indexDir(), e);
            } finally {
                catalog.close();
            }
        }
    }
}
