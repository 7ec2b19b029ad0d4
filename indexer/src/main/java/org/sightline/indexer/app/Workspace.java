package org.sightline.indexer.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.sightline.indexer.catalog.Catalog;
import org.sightline.indexer.catalog.VideoRecord;
import org.sightline.indexer.index.IndexCommitProtocol;
import org.sightline.indexer.index.SegmentIndex;
import org.sightline.indexer.ingest.FileOutcome;
import org.sightline.indexer.ingest.FootageReader;
import org.sightline.indexer.ingest.IngestListener;
import org.sightline.indexer.ingest.IngestPipeline;
import org.sightline.indexer.ingest.IngestReport;
import org.sightline.indexer.ingest.IngestRequest;
import org.sightline.indexer.search.SearchResult;
import org.sightline.indexer.search.SearchService;
import org.sightline.models.pack.NoActiveModelException;
import org.sightline.models.store.ModelStore;
import org.sightline.models.runtime.VisionLanguageModel;

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
    private final SegmentIndex index;
    private final IndexCommitProtocol protocol;

    private final List<Consumer<SearchResult>> searchListeners = new CopyOnWriteArrayList<>();
    private CaseEvidence evidence;
    private VisionLanguageModel model;
    private String modelKey;
    private SearchService search;

    private Workspace(DataDirectory dataDirectory, ActiveModelSource models, FootageReader footage, Catalog catalog, SegmentIndex index) {
        this.dataDirectory = dataDirectory;
        this.models = models;
        this.footage = footage;
        this.catalog = catalog;
        this.index = index;
        this.protocol = new IndexCommitProtocol(catalog, index, dataDirectory.thumbnailsDir());
        this.library = new IndexedFootage(catalog, index);
        this.modelLibrary = new ModelLibrary(new ModelStore(dataDirectory.modelsDir()), () -> evidence().audit());
    }

    /** Opens the data directory with its installed model packs, creating the folders when missing. */
    public static Workspace open(DataDirectory dir) throws IOException {
        return open(dir, DefaultServices.modelSource(new ModelStore(dir.modelsDir())), DefaultServices.footageReader());
    }

    /** Opens the data directory with the given model source (tests, benchmarks). */
    public static Workspace open(DataDirectory dir, ActiveModelSource models) throws IOException {
        return open(dir, models, DefaultServices.footageReader());
    }

    /** Opens the data directory with the given model source and footage reader. */
    public static Workspace open(DataDirectory dir, ActiveModelSource models, FootageReader footage) throws IOException {
        dir.create();
        Catalog catalog = Catalog.open(dir.catalogFile());
        SegmentIndex index;
        try {
            index = SegmentIndex.open(dir.indexDir());
        } catch (IOException | RuntimeException e) {
            catalog.close();
            throw e;
        }
        Workspace w = new Workspace(dir, models, footage, catalog, index);
        try {
            w.protocol.reconcile();
            // Every search made through this workspace goes into the audit trail; a search that cannot be
            // logged fails rather than going unrecorded.
            w.addSearchListener(result -> w.evidence().audit().recordSearch(result));
        } catch (IOException | RuntimeException e) {
            w.close();
            throw e;
        }
        return w;
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

    SegmentIndex index() {
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
            search.addListener(result -> searchListeners.forEach(l -> l.accept(result)));
        }
        return search;
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

    /**
     * Indexes footage with the active model; blocks until done or cancelled.
     *
     * <p>The work runs on its own thread: interrupting the caller (e.g. a cancelled desktop task) cancels the job
     * cleanly instead of interrupting Lucene's file I/O, which would break the index writer. The caller's interrupt
     * status is restored on return. Close the workspace only after this has returned.
     *
     * @param cancelled polled between frame batches; the calling thread's interrupt also cancels
     */
    public IngestReport ingest(IngestRequest request, IngestListener listener, BooleanSupplier cancelled) throws IOException {
        Objects.requireNonNull(footage, "this workspace has no footage reader");
        IngestPipeline pipeline = new IngestPipeline(catalog, protocol, footage, activeModel(), dataDirectory.thumbnailsDir());
        AtomicBoolean interrupted = new AtomicBoolean();
        BooleanSupplier stop = cancelled == null ? interrupted::get : () -> interrupted.get() || cancelled.getAsBoolean();
        FutureTask<IngestReport> job = new FutureTask<>(() -> pipeline.run(request, listener == null ? IngestListener.NONE : listener, stop));
        Thread.ofPlatform().name("sightline-ingest").daemon(true).start(job);
        try {
            while (true) {
                try {
                    IngestReport report = job.get();
                    recordIndexRun(request, report);
                    return report;
                } catch (InterruptedException e) {
                    interrupted.set(true);
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
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

    private void recordIndexRun(IngestRequest request, IngestReport report) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("paths", request.paths().stream().map(p -> p.toAbsolutePath().toString()).toList());
        for (FileOutcome.Status status : FileOutcome.Status.values()) {
            details.put(status.name().toLowerCase(Locale.ROOT), report.count(status));
        }
        details.put("segments", report.segmentsWritten());
        details.put("modelId", model == null ? null : model.id().asString());
        evidence().audit().recordIndexRun(details);
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
        return new WorkspaceStatus(dataDirectory.root(), videos, counts, catalog.segmentCount(active.orElse(null)),
                catalog.indexedFootageSeconds() / 3600.0, failed, index.sizeBytes(), active);
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
