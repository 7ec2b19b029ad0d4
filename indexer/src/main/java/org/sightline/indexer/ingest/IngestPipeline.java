package org.sightline.indexer.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.sightline.indexer.catalog.Catalog;
import org.sightline.indexer.catalog.RunStatus;
import org.sightline.indexer.catalog.VideoRecord;
import org.sightline.indexer.catalog.VideoStatus;
import org.sightline.indexer.footage.FootageError;
import org.sightline.indexer.footage.FootageException;
import org.sightline.indexer.footage.SamplingReport;
import org.sightline.indexer.index.IndexCommitProtocol;
import org.sightline.indexer.ingest.IngestTimings.Clock.Stage;
import org.sightline.indexer.perception.ClockStart;
import org.sightline.indexer.perception.FrameDetections;
import org.sightline.indexer.perception.FrameInspector;
import org.sightline.indexer.perception.VideoPerception;
import org.sightline.models.runtime.PreparedImage;
import org.sightline.models.runtime.VisionLanguageModel;
import org.sightline.indexer.footage.PathText;

/**
 * Footage to index. Two threads work at once:
 * <ul>
 *   <li>the {@link FileFeeder} goes through the files in order: hash (SHA-256, read-only) &rarr; skip when this
 *       content already has vectors of the active model (a moved file is recognised by its hash and its path
 *       updated) &rarr; probe &rarr; decode and sample &rarr; near-duplicate filter &rarr; prepare the kept frames
 *       for the model;</li>
 *   <li>the calling thread embeds the frames in batches, which may span the end of one file and the start of the
 *       next;</li>
 *   <li>a writing thread builds each file's segments and thumbnails from the vectors and writes every finished file
 *       through {@link IndexCommitProtocol}, in file order, so commits never hold up the model.</li>
 * </ul>
 * A bounded queue joins the first two, so the next file's start-up and decoding overlap the model's work on the
 * previous one. Outcomes and progress are reported on the calling thread.
 *
 * <p>Each file's error goes into the catalog and its {@link FileOutcome}; the others go on. A file that decodes
 * partway is indexed up to the damage. Cancelling (the supplier or an interrupt) stops within a batch; finished files
 * stay indexed, files in flight go back to queued, and the next run resumes with them. A full disk stops the job the
 * same way and ends it with a {@link DiskFullException} listing what was and was not indexed.
 */
public final class IngestPipeline {
    /**
     * Frames are decoded at least this large (short side) even for a model that wants less, so thumbnails stay
     * legible; the model's preprocessing scales them down.
     */
    public static final int MIN_THUMBNAIL_SHORT_SIDE = 224;

    private final Catalog catalog;
    private final IndexCommitProtocol writer;
    private final FootageReader footage;
    private final VisionLanguageModel model;
    private final Path thumbnailsDir;
    private final FrameInspector inspector;

    public IngestPipeline(Catalog catalog, IndexCommitProtocol writer, FootageReader footage, VisionLanguageModel model, Path thumbnailsDir) {
        this(catalog, writer, footage, model, thumbnailsDir, null);
    }

    /**
     * @param inspector runs the object detector on some frames (their detections are written with the video's
     *                  segments); null for none. Used by this pipeline's feeding thread only, one run at a time.
     */
    public IngestPipeline(Catalog catalog, IndexCommitProtocol writer, FootageReader footage, VisionLanguageModel model, Path thumbnailsDir,
            FrameInspector inspector) {
        this.catalog = catalog;
        this.writer = writer;
        this.footage = footage;
        this.model = model;
        this.thumbnailsDir = thumbnailsDir;
        this.inspector = inspector;
    }

    public IngestReport run(IngestRequest request, IngestListener listener, BooleanSupplier cancelled) throws IOException {
        long t0 = System.nanoTime();
        List<FileOutcome> outcomes = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        if (request.paths().isEmpty() && request.reembed()) {
            catalog.videos().stream().filter(v -> v.status() == VideoStatus.DONE || v.status() == VideoStatus.PARTIAL)
                    .map(VideoRecord::path).forEach(files::add);
            // and those whose vectors were lost from the index (a rebuilt index loses them all)
            catalog.videosAwaitingReembedding().stream().map(VideoRecord::path).forEach(files::add);
        } else {
            FootageReader.Scan scan = footage.scan(request.paths(), request.recursive());
            files.addAll(scan.files());
            for (FileOutcome skipped : scan.skipped()) {
                if (skipped.status() == FileOutcome.Status.FAILED && Files.isRegularFile(skipped.path())) {
                    Path p = skipped.path().toAbsolutePath().normalize();
                    long id = catalog.registerVideo(p, null, 0, 0, request.camera() != null ? request.camera() : cameraFromFolder(p), null);
                    catalog.markFailed(id, FootageError.UNREADABLE.name(), skipped.message());
                }
                outcomes.add(skipped);
                listener.fileFinished(skipped);
            }
        }
        ProgressTracker progress = new ProgressTracker(files, t0, listener);
        long runId = catalog.startRun(model.id().asString(), files.size());
        IngestTimings.Clock clock = new IngestTimings.Clock();
        Run run = new Run(request, runId, progress, clock, outcomes, listener);
        boolean wasCancelled = true;
        Throwable diskFull = null;
        try {
            wasCancelled = run.embedAll(files, cancelled);
        } catch (IOException | RuntimeException e) {
            if (!DiskFullException.isDiskFull(e)) {
                throw e;
            }
            diskFull = e;
        } finally {
            long failed = outcomes.stream().filter(o -> o.status() == FileOutcome.Status.FAILED).count();
            RunStatus status = diskFull != null ? RunStatus.DISK_FULL : wasCancelled ? RunStatus.CANCELLED : RunStatus.FINISHED;
            try {
                catalog.finishRun(runId, status, (int) failed);
            } catch (RuntimeException e) {
                if (diskFull == null) {
                    throw e;
                }
                diskFull.addSuppressed(e); // the catalog may not take even this on a full disk
            }
        }
        if (diskFull != null) {
            throw stoppedByFullDisk(diskFull, files, outcomes, listener, progress, t0, clock);
        }
        return new IngestReport(outcomes, progress.segments(), progress.footageDone(), (System.nanoTime() - t0) / 1e9, wasCancelled,
                clock.snapshot());
    }

    /** The report of a run the full disk stopped: files it never reached are listed as not indexed. */
    private DiskFullException stoppedByFullDisk(Throwable cause, List<Path> files, List<FileOutcome> outcomes,
                                                 IngestListener listener, ProgressTracker progress, long t0,
                                                 IngestTimings.Clock clock) {
        java.util.Set<Path> settled = new java.util.HashSet<>();
        outcomes.forEach(o -> settled.add(o.path()));
        for (Path f : files) {
            if (!settled.contains(f)) {
                FileOutcome notReached = new FileOutcome(f, FileOutcome.Status.CANCELLED, NOT_REACHED_ON_FULL_DISK, 0);
                outcomes.add(notReached);
                listener.fileFinished(notReached);
            }
        }
        IngestReport report = new IngestReport(outcomes, progress.segments(), progress.footageDone(),
                (System.nanoTime() - t0) / 1e9, true, clock.snapshot());
        Path dataFolder = thumbnailsDir.toAbsolutePath().getParent();
        IOException io = cause instanceof IOException e ? e
                : cause.getCause() instanceof IOException e ? e : new IOException(cause.getMessage(), cause);
        return new DiskFullException(DiskFullException.describe(dataFolder, cause, report), report, io);
    }

    static final String NOT_REACHED_ON_FULL_DISK = "not indexed: the run stopped before it, the data folder's disk "
            + "being full; the next run on the same folders indexes it";
    static final String STOPPED_ON_FULL_DISK = "not indexed: the data folder's disk filled up while it was written; "
            + "nothing of it was kept, and the next index run does it again";

    /** The embedding side of one job, on the calling thread. */
    private final class Run {
        private final IngestRequest request;
        private final long runId;
        private final ProgressTracker progress;
        private final IngestTimings.Clock clock;
        private final List<FileOutcome> outcomes;
        private final IngestListener listener;
        /** Files opened and not yet written or given up, in feeding order. */
        private final List<FileJob> open = new ArrayList<>();
        /** Frames delivered and not yet embedded, in order (kept and skipped ones). */
        private final List<FeedEvent.Frame> pending = new ArrayList<>();
        private int keptPending;
        /**
         * Work handed to the writing thread, oldest first (a single thread runs it in this order); each task gives
         * the outcome of the file it finished, or null.
         */
        private final ArrayDeque<Future<FileOutcome>> written = new ArrayDeque<>();
        private final ExecutorService writing =
                Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().name("sightline-write").daemon(true).unstarted(r));
        /**
         * Set by the writing thread when a task failed: later tasks then do nothing, so a file whose segments could
         * not all be built (a thumbnail that could not be written, say) is never committed with some missing.
         */
        private volatile boolean writeFailed;
        /** The job stops because the disk is full: files in flight are queued again with that reason. */
        private boolean diskFull;
        /** The file whose write (commit) failed, set on the writing thread; it is in flight too. */
        private volatile FileJob failedWrite;
        /** Files whose write was skipped because an earlier write failed (see {@link #writeFailed}). */
        private final List<FileJob> unwritten = new java.util.concurrent.CopyOnWriteArrayList<>();

        Run(IngestRequest request, long runId, ProgressTracker progress, IngestTimings.Clock clock, List<FileOutcome> outcomes,
                IngestListener listener) {
            this.request = request;
            this.runId = runId;
            this.progress = progress;
            this.clock = clock;
            this.outcomes = outcomes;
            this.listener = listener;
        }

        /** @return true when the job was cancelled */
        boolean embedAll(List<Path> files, BooleanSupplier cancelled) throws IOException {
            AtomicBoolean abandon = new AtomicBoolean();
            BooleanSupplier stop = () -> abandon.get() || cancelled.getAsBoolean() || Thread.currentThread().isInterrupted();
            BlockingQueue<FeedEvent> queue = new ArrayBlockingQueue<>(Math.max(16, request.batchSize() * 3));
            FileFeeder feeder = new FileFeeder(catalog, footage, model, request, files, queue, stop, clock, thumbnailsDir, inspector);
            Thread feeding = Thread.ofPlatform().name("sightline-feed").daemon(true).start(feeder);
            boolean interrupted = false;
            boolean finished = false;
            try {
                while (true) {
                    awaitWrites(false);
                    if (stop.getAsBoolean()) {
                        break;
                    }
                    FeedEvent event = queue.poll();
                    if (event == null) {
                        long t = System.nanoTime();
                        event = queue.poll(20, TimeUnit.MILLISECONDS); // a bounded wait keeps cancel and outcomes prompt
                        clock.lap(Stage.WAITING_FOR_FRAMES, t);
                        if (event == null) {
                            continue;
                        }
                    }
                    if (event instanceof FeedEvent.Exhausted(Throwable crash)) {
                        if (crash != null) {
                            rethrow(crash);
                        }
                        if (stop.getAsBoolean()) {
                            break;
                        }
                        embedPending();
                        writeReadyFiles();
                        awaitWrites(true);
                        finished = true;
                        break;
                    }
                    handle(event, queue);
                }
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (IOException | RuntimeException e) {
                diskFull = DiskFullException.isDiskFull(e);
                throw e;
            } finally {
                abandon.set(true);
                try {
                    if (!finished) {
                        stopFeeder(feeding, queue);
                    }
                } finally {
                    // never interrupt the writing thread: an interrupt inside Lucene's file I/O breaks the index writer
                    writing.shutdown();
                    if (interrupted) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
            return !finished;
        }

        private void handle(FeedEvent event, BlockingQueue<FeedEvent> queue) throws IOException {
            switch (event) {
                case FeedEvent.Settled(FileOutcome outcome) -> submitWrite(() -> outcome); // keeps the outcomes in file order
                case FeedEvent.Opened(FileJob job) -> {
                    open.add(job);
                    progress.started(job.path, job.info.durationSeconds());
                }
                case FeedEvent.Frame frame -> {
                    pending.add(frame);
                    frame.job().pendingFrames++;
                    if (frame.keep()) {
                        keptPending++;
                    } else {
                        frame.job().skippedFrames++;
                    }
                    if (keptPending >= request.batchSize()) {
                        embedPending();
                        writeReadyFiles();
                    }
                }
                case FeedEvent.Closed(FileJob job, SamplingReport report, FootageException failure) -> {
                    if (failure != null) {
                        dropPending(job);
                        open.remove(job);
                        submitWrite(() -> {
                            deleteFolder(thumbnailsDir.resolve(job.thumbnailFolder));
                            catalog.markFailed(job.videoId, failure.error().name(), failure.getMessage());
                            return new FileOutcome(job.path, FileOutcome.Status.FAILED, failure.getMessage(), 0);
                        });
                        return;
                    }
                    job.report = report;
                    // batch across files only when frames of the next file are already waiting; otherwise embed the
                    // rest now so this file is written without waiting for the next one's start-up
                    if (queue.stream().noneMatch(e -> e instanceof FeedEvent.Frame f && f.keep())) {
                        embedPending();
                    }
                    writeReadyFiles();
                }
                case FeedEvent.Exhausted exhausted -> throw new IllegalStateException("handled by the loop");
            }
        }

        /** Embeds every pending frame that is to be kept, and hands all pending frames to their files' segments. */
        private void embedPending() throws IOException {
            if (pending.isEmpty()) {
                return;
            }
            long t = System.nanoTime();
            List<PreparedImage> images = new ArrayList<>(keptPending);
            for (FeedEvent.Frame f : pending) {
                if (f.keep()) {
                    images.add(f.image());
                }
            }
            float[][] vectors = images.isEmpty() ? new float[0][] : model.embedPrepared(images);
            clock.lap(Stage.EMBEDDING, t);
            List<FeedEvent.Frame> frames = List.copyOf(pending);
            int kept = 0;
            int skipped = 0;
            FileJob job = null;
            double offset = 0;
            for (FeedEvent.Frame f : frames) {
                if (f.job() != job && job != null) {
                    progress.frames(job.path, kept, skipped, offset);
                    kept = 0;
                    skipped = 0;
                }
                job = f.job();
                offset = f.frame().offsetSeconds();
                if (f.keep()) {
                    kept++;
                } else {
                    skipped++;
                }
                job.pendingFrames--;
            }
            progress.frames(job.path, kept, skipped, offset);
            pending.clear();
            keptPending = 0;
            progress.emit();
            submitWrite(() -> {
                long started = System.nanoTime();
                long cpu = IngestTimings.Clock.threadCpuNanos();
                int v = 0;
                for (FeedEvent.Frame f : frames) {
                    if (f.detections() != null) {
                        f.job().detections.add(f.detections());
                        f.job().labels = f.detections().labels();
                    }
                    try {
                        if (f.keep()) {
                            f.job().segments.embedded(f.frame().offsetSeconds(), vectors[v++], f.frame().frame(), f.job().labels);
                        } else {
                            f.job().segments.skipped(f.frame().offsetSeconds());
                        }
                    } catch (Throwable e) {
                        failedWrite = f.job(); // a thumbnail that could not be written, say
                        throw e;
                    }
                }
                clock.lap(Stage.WRITING, started);
                clock.add(Stage.WRITING_CPU, IngestTimings.Clock.threadCpuNanos() - cpu);
                return null;
            });
        }

        private void dropPending(FileJob job) {
            pending.removeIf(f -> {
                if (f.job() != job) {
                    return false;
                }
                if (f.keep()) {
                    keptPending--;
                }
                return true;
            });
            job.pendingFrames = 0;
        }

        /** Hands the writing thread, in order, the files whose frames have all been embedded. */
        private void writeReadyFiles() {
            while (!open.isEmpty() && open.getFirst().readyToWrite()) {
                FileJob job = open.removeFirst();
                submitWrite(job, () -> {
                    long t = System.nanoTime();
                    long cpu = IngestTimings.Clock.threadCpuNanos();
                    FileOutcome outcome;
                    try {
                        outcome = write(job);
                    } catch (Throwable e) {
                        failedWrite = job;
                        throw e;
                    }
                    clock.lap(Stage.WRITING, t);
                    clock.add(Stage.WRITING_CPU, IngestTimings.Clock.threadCpuNanos() - cpu);
                    return outcome;
                });
            }
        }

        /** Queues work for the writing thread; after a failed task, later ones are skipped (see {@link #writeFailed}). */
        private void submitWrite(Callable<FileOutcome> task) {
            submitWrite(null, task);
        }

        /** @param job the file the task writes, remembered as unwritten when the task is skipped; or null */
        private void submitWrite(FileJob job, Callable<FileOutcome> task) {
            written.add(writing.submit(() -> {
                if (writeFailed) {
                    if (job != null) {
                        unwritten.add(job);
                    }
                    return null;
                }
                try {
                    return task.call();
                } catch (Throwable t) {
                    writeFailed = true;
                    throw t;
                }
            }));
        }

        /**
         * Reports the files the writing thread has finished, in order; with {@code all}, waits for everything handed
         * to it. A write that failed (disk full, I/O error) fails the job here.
         */
        private void awaitWrites(boolean all) throws IOException, InterruptedException {
            while (!written.isEmpty() && (all || written.peekFirst().isDone())) {
                FileOutcome outcome;
                try {
                    outcome = written.peekFirst().get();
                } catch (ExecutionException e) {
                    written.removeFirst();
                    rethrow(e.getCause());
                    return;
                }
                written.removeFirst();
                if (outcome != null) {
                    finish(outcome);
                }
            }
        }

        private FileOutcome write(FileJob job) throws IOException {
            job.segments.finish();
            Path path = job.path;
            SamplingReport report = job.report;
            if (job.segments.segmentCount() == 0) {
                deleteFolder(thumbnailsDir.resolve(job.thumbnailFolder));
                String why = report.damage().map(d -> d.error().description() + " (" + d.detail() + ")")
                        .orElse("no frame could be decoded");
                FootageError kind = report.damage().map(SamplingReport.Damage::error).orElse(FootageError.CORRUPT);
                catalog.markFailed(job.videoId, kind.name(), path + ": " + why);
                return new FileOutcome(path, FileOutcome.Status.FAILED, path + ": " + why, 0);
            }
            writer.write(new IndexCommitProtocol.VideoWrite(job.videoId, model.id().asString(), job.sha256, job.camera,
                    job.info.recordingStart(), runId, job.segments.drafts(), job.segments.framesPerSegment(), report.damage(),
                    job.skippedFrames, perceptionOf(job)));
            return report.damage()
                    .map(d -> new FileOutcome(path, FileOutcome.Status.PARTIAL, path + ": " + d.error().description() + " at "
                            + String.format(Locale.ROOT, "%.1f s", d.atSeconds()) + (d.detail() == null ? "" : " (" + d.detail() + ")")
                            + (d.error() == FootageError.TRUNCATED ? "; indexed up to there" : "; the rest was indexed"),
                            job.segments.segmentCount()))
                    .orElseGet(() -> new FileOutcome(path, FileOutcome.Status.INDEXED, "", job.segments.segmentCount()));
        }

        /** What perception found in the file: carried over from an earlier generation, or found by the packs now. */
        private VideoPerception perceptionOf(FileJob job) {
            if (inspector == null) {
                return VideoPerception.NONE;
            }
            List<FrameDetections> frames = job.carriedPerception != null ? job.carriedPerception : job.detections;
            return new VideoPerception(frames, ClockStart.estimate(frames, ZoneId.systemDefault()), inspector.packs());
        }

        private void finish(FileOutcome outcome) {
            progress.written(outcome.segments());
            outcomes.add(outcome);
            progress.finished(outcome);
            listener.fileFinished(outcome);
        }

        /** A file that will not be written in this run: its thumbnails go, and the next run indexes it again. */
        private void giveUp(FileJob job) {
            open.remove(job);
            deleteFolder(thumbnailsDir.resolve(job.thumbnailFolder));
        }

        /**
         * Stops the feeder after a cancel or an error and puts every file in flight back to queued (the next run
         * indexes it), including files the feeder opened whose events were never taken.
         */
        private void stopFeeder(Thread feeding, BlockingQueue<FeedEvent> queue) {
            boolean interrupted = Thread.interrupted();
            feeding.interrupt();
            List<FileJob> inFlight = new ArrayList<>(open);
            while (feeding.isAlive() || !queue.isEmpty()) {
                FeedEvent event;
                try {
                    event = queue.poll(50, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                    continue;
                }
                if (event instanceof FeedEvent.Opened(FileJob job)) {
                    inFlight.add(job);
                }
            }
            pending.clear();
            keptPending = 0;
            // files already handed to the writing thread are complete: let them be written and reported; and no
            // thumbnail of a file given up below may be written after its folder is deleted
            while (!written.isEmpty()) {
                try {
                    FileOutcome outcome = written.peekFirst().get();
                    if (outcome != null) {
                        finish(outcome);
                    }
                } catch (ExecutionException e) {
                    // the error that stopped the job is already on its way up, or this write's file stays queued
                } catch (InterruptedException e) {
                    interrupted = true;
                    continue;
                }
                written.removeFirst();
            }
            if (diskFull) {
                // the file whose write failed, and files whose writes were skipped after it, are in flight too
                List<FileJob> unfinished = new ArrayList<>();
                if (failedWrite != null) {
                    unfinished.add(failedWrite);
                }
                unfinished.addAll(unwritten);
                for (FileJob job : unfinished.reversed()) {
                    if (!inFlight.contains(job)) {
                        inFlight.addFirst(job);
                    }
                }
            }
            for (FileJob job : inFlight) {
                giveUp(job);
                if (diskFull) {
                    try {
                        catalog.requeue(job.videoId, "disk-full", STOPPED_ON_FULL_DISK);
                    } catch (RuntimeException e) {
                        // a catalog on the full disk may refuse even this; the video stays 'indexing', which the next
                        // process marks as interrupted and does again
                    }
                    finish(new FileOutcome(job.path, FileOutcome.Status.CANCELLED, STOPPED_ON_FULL_DISK, 0));
                    continue;
                }
                catalog.setStatus(job.videoId, VideoStatus.QUEUED);
                finish(new FileOutcome(job.path, FileOutcome.Status.CANCELLED, "cancelled; the next run indexes it", 0));
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void rethrow(Throwable t) throws IOException {
        if (t instanceof IOException io) {
            throw io;
        }
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error err) {
            throw err;
        }
        throw new IllegalStateException("indexing failed: " + t, t);
    }

    static String cameraFromFolder(Path path) {
        Path parent = path.getParent();
        return parent == null || parent.getFileName() == null ? "" : PathText.escaped(parent.getFileName());
    }

    private static void deleteFolder(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // leftover thumbnails are harmless: nothing refers to them
        }
    }
}
