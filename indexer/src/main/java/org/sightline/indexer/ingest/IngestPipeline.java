package org.sightline.indexer.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.sightline.indexer.catalog.Catalog;
import org.sightline.indexer.catalog.VideoRecord;
import org.sightline.indexer.catalog.VideoStatus;
import org.sightline.indexer.footage.FootageError;
import org.sightline.indexer.footage.FootageException;
import org.sightline.indexer.footage.SampledFrame;
import org.sightline.indexer.footage.SamplingOptions;
import org.sightline.indexer.footage.SamplingReport;
import org.sightline.indexer.footage.VideoInfo;
import org.sightline.indexer.index.IndexCommitProtocol;
import org.sightline.models.runtime.RgbFrame;
import org.sightline.models.runtime.VisionLanguageModel;

/**
 * Footage to index: scan, then per file hash (SHA-256, read-only) &rarr; skip when this content already has vectors
 * of the active model (a moved file is recognised by its hash and its path updated) &rarr; probe &rarr; sample on a
 * decode thread &rarr; near-duplicate filter &rarr; embed in batches on the calling thread &rarr; segments &rarr;
 * write through {@link IndexCommitProtocol}. A bounded queue between decoding and embedding lets both run at once.
 *
 * <p>Each file's error goes into the catalog and its {@link FileOutcome}; the others go on. A file that decodes
 * partway is indexed up to the damage. Cancelling (the supplier or an interrupt) stops within a batch; finished files
 * stay indexed and the next run resumes with the rest.
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

    public IngestPipeline(Catalog catalog, IndexCommitProtocol writer, FootageReader footage, VisionLanguageModel model, Path thumbnailsDir) {
        this.catalog = catalog;
        this.writer = writer;
        this.footage = footage;
        this.model = model;
        this.thumbnailsDir = thumbnailsDir;
    }

    public IngestReport run(IngestRequest request, IngestListener listener, BooleanSupplier cancelled) throws IOException {
        BooleanSupplier stop = () -> cancelled.getAsBoolean() || Thread.currentThread().isInterrupted();
        long t0 = System.nanoTime();
        String modelId = model.id().asString();
        List<FileOutcome> outcomes = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        if (request.paths().isEmpty() && request.reembed()) {
            catalog.videos().stream().filter(v -> v.status() == VideoStatus.DONE || v.status() == VideoStatus.PARTIAL)
                    .map(VideoRecord::path).forEach(files::add);
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
        Progress progress = new Progress(files, t0, listener);
        long runId = catalog.startRun(modelId, files.size());
        boolean wasCancelled = false;
        try (ExecutorService decoder = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sightline-decode");
            t.setDaemon(true);
            return t;
        })) {
            for (Path file : files) {
                if (stop.getAsBoolean()) {
                    wasCancelled = true;
                    break;
                }
                FileOutcome outcome = indexFile(file, request, runId, decoder, progress, stop);
                outcomes.add(outcome);
                progress.fileDone(outcome);
                listener.fileFinished(outcome);
                if (outcome.status() == FileOutcome.Status.CANCELLED) {
                    wasCancelled = true;
                    break;
                }
            }
        } finally {
            long failed = outcomes.stream().filter(o -> o.status() == FileOutcome.Status.FAILED).count();
            catalog.finishRun(runId, wasCancelled ? "cancelled" : "finished", (int) failed);
        }
        return new IngestReport(outcomes, progress.segments, progress.footageDone, (System.nanoTime() - t0) / 1e9, wasCancelled);
    }

    private FileOutcome indexFile(Path file, IngestRequest request, long runId, ExecutorService decoder, Progress progress,
            BooleanSupplier stop) throws IOException {
        Path path = file.toAbsolutePath().normalize();
        String modelId = model.id().asString();
        String camera = request.camera() != null ? request.camera() : cameraFromFolder(path);
        progress.start(path);
        String sha;
        long size;
        long mtime;
        try {
            size = Files.size(path);
            mtime = Files.getLastModifiedTime(path).toMillis();
            sha = FileHasher.sha256(path);
        } catch (NoSuchFileException e) {
            return failed(path, null, camera, FootageError.NOT_FOUND, null);
        } catch (IOException e) {
            return failed(path, null, camera, FootageError.UNREADABLE, e.getMessage());
        }
        catalog.rememberPath(sha, path);

        Optional<VideoRecord> atPath = catalog.videoByPath(path);
        if (atPath.isEmpty() || !sha.equals(atPath.get().sha256())) {
            for (VideoRecord other : catalog.videosBySha256(sha)) {
                if (other.path().equals(path)) {
                    continue;
                }
                if (!Files.exists(other.path()) && atPath.isEmpty()) {
                    catalog.moveVideo(other.id(), path);
                    if (catalog.isIndexed(other.id(), modelId, sha) && !request.reembed()) {
                        return new FileOutcome(path, FileOutcome.Status.UNCHANGED, "moved from " + other.path(), 0);
                    }
                    atPath = catalog.video(other.id());
                    break;
                }
                if (catalog.isIndexed(other.id(), modelId, sha) && !request.reembed()) {
                    return new FileOutcome(path, FileOutcome.Status.UNCHANGED, "same content as " + other.path() + ", already indexed", 0);
                }
            }
        } else if (catalog.isIndexed(atPath.get().id(), modelId, sha) && !request.reembed()) {
            return new FileOutcome(path, FileOutcome.Status.UNCHANGED, "already indexed", 0);
        }
        long videoId = catalog.registerVideo(path, sha, size, mtime, camera, archiveOf(path, request));
        if (size == 0) {
            return failed(path, videoId, camera, FootageError.EMPTY_FILE, null);
        }
        VideoInfo info;
        try {
            info = footage.probe(path);
        } catch (FootageException e) {
            catalog.markFailed(videoId, e.error().name(), e.getMessage());
            return new FileOutcome(path, FileOutcome.Status.FAILED, e.getMessage(), 0);
        }
        catalog.recordProbe(videoId, info);
        progress.probed(info.durationSeconds());

        String thumbFolder = "v" + videoId + "-" + UUID.randomUUID().toString().substring(0, 8);
        SegmentBuilder segments = new SegmentBuilder(request.segmentSeconds(), info.durationSeconds(), thumbnailsDir, thumbFolder,
                footage::jpeg);
        SamplingOptions options = new SamplingOptions(request.framesPerSecond(),
                Math.max(model.preferredShortSide(), MIN_THUMBNAIL_SHORT_SIDE), true);
        FileEmbedding result;
        try {
            result = embedFile(path, options, request.batchSize(), segments, decoder, progress, stop);
        } catch (InterruptedException | CancellationRequested e) {
            deleteFolder(thumbnailsDir.resolve(thumbFolder));
            catalog.setStatus(videoId, VideoStatus.QUEUED);
            return new FileOutcome(path, FileOutcome.Status.CANCELLED, "cancelled; the next run indexes it", 0);
        } catch (FootageException e) {
            deleteFolder(thumbnailsDir.resolve(thumbFolder));
            catalog.markFailed(videoId, e.error().name(), e.getMessage());
            return new FileOutcome(path, FileOutcome.Status.FAILED, e.getMessage(), 0);
        }
        if (segments.segmentCount() == 0) {
            deleteFolder(thumbnailsDir.resolve(thumbFolder));
            String why = result.report.damage().map(d -> d.error().description() + " (" + d.detail() + ")")
                    .orElse("no frame could be decoded");
            FootageError kind = result.report.damage().map(SamplingReport.Damage::error).orElse(FootageError.CORRUPT);
            catalog.markFailed(videoId, kind.name(), path + ": " + why);
            return new FileOutcome(path, FileOutcome.Status.FAILED, path + ": " + why, 0);
        }
        writer.write(new IndexCommitProtocol.VideoWrite(videoId, modelId, sha, camera, info.recordingStart(), runId,
                segments.drafts(), segments.framesPerSegment(), result.report.damage(), result.skipped));
        progress.written(segments.segmentCount());
        return result.report.damage()
                .map(d -> new FileOutcome(path, FileOutcome.Status.PARTIAL, path + ": " + d.error().description() + " at "
                        + String.format(Locale.ROOT, "%.1f s", d.atSeconds()) + (d.detail() == null ? "" : " (" + d.detail() + ")")
                        + "; indexed up to there", segments.segmentCount()))
                .orElseGet(() -> new FileOutcome(path, FileOutcome.Status.INDEXED, "", segments.segmentCount()));
    }

    private record FileEmbedding(SamplingReport report, int skipped) {
    }

    /** Thrown on the embedding side when the job is cancelled. */
    private static final class CancellationRequested extends Exception {
        CancellationRequested() {
            super("cancelled", null, false, false);
        }
    }

    /** Queue items: a kept frame, a skipped frame (only its offset matters) or the end of the file. */
    private record Item(SampledFrame frame, boolean keep, SamplingReport report, Throwable failure) {
        boolean isEnd() {
            return frame == null;
        }
    }

    private FileEmbedding embedFile(Path path, SamplingOptions options, int batchSize, SegmentBuilder segments, ExecutorService decoder,
            Progress progress, BooleanSupplier stop) throws FootageException, InterruptedException, CancellationRequested, IOException {
        BlockingQueue<Item> queue = new ArrayBlockingQueue<>(Math.max(4, batchSize * 2));
        Predicate<SampledFrame> keep = footage.newDuplicateFilter();
        Future<?> decoding = decoder.submit(() -> {
            Item end;
            try {
                SamplingReport report = footage.sample(path, options, frame -> queue.put(new Item(frame, keep.test(frame), null, null)), stop);
                end = new Item(null, false, report, null);
            } catch (Throwable t) {
                end = new Item(null, false, null, t);
            }
            try {
                queue.put(end);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
        List<Item> pending = new ArrayList<>();
        int kept = 0;
        int skipped = 0;
        try {
            while (true) {
                if (stop.getAsBoolean()) {
                    throw new CancellationRequested();
                }
                Item item = queue.take();
                if (item.isEnd()) {
                    embed(pending, segments, progress);
                    segments.finish();
                    if (item.failure() != null) {
                        return rethrow(item.failure());
                    }
                    if (stop.getAsBoolean()) {
                        throw new CancellationRequested();
                    }
                    return new FileEmbedding(item.report(), skipped);
                }
                pending.add(item);
                if (item.keep()) {
                    kept++;
                } else {
                    skipped++;
                }
                if (kept >= batchSize) {
                    embed(pending, segments, progress);
                    kept = 0;
                }
            }
        } finally {
            decoding.cancel(true);
            queue.clear();
        }
    }

    private static FileEmbedding rethrow(Throwable t) throws FootageException, InterruptedException {
        if (t instanceof FootageException fe) {
            throw fe;
        }
        if (t instanceof InterruptedException ie) {
            throw ie;
        }
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error err) {
            throw err;
        }
        throw new IllegalStateException(t);
    }

    private void embed(List<Item> pending, SegmentBuilder segments, Progress progress) throws IOException {
        List<RgbFrame> pictures = pending.stream().filter(Item::keep).map(i -> i.frame().frame()).toList();
        float[][] vectors = pictures.isEmpty() ? new float[0][] : model.embedImages(pictures);
        int v = 0;
        for (Item item : pending) {
            if (item.keep()) {
                segments.embedded(item.frame().offsetSeconds(), vectors[v++], item.frame().frame());
            } else {
                segments.skipped(item.frame().offsetSeconds());
            }
        }
        if (!pending.isEmpty()) {
            progress.frames(pictures.size(), pending.size() - pictures.size(), pending.getLast().frame().offsetSeconds());
        }
        pending.clear();
    }

    private FileOutcome failed(Path path, Long videoId, String camera, FootageError error, String detail) {
        FootageException e = new FootageException(path, error, detail);
        long id = videoId != null ? videoId : catalog.registerVideo(path, null, 0, 0, camera, null);
        catalog.markFailed(id, error.name(), e.getMessage());
        return new FileOutcome(path, FileOutcome.Status.FAILED, e.getMessage(), 0);
    }

    /** The archive a file belongs to: the named folder it was found under, if any. */
    private Long archiveOf(Path file, IngestRequest request) {
        for (Path root : request.paths()) {
            Path r = root.toAbsolutePath().normalize();
            if (Files.isDirectory(r) && file.startsWith(r)) {
                return catalog.archive(r);
            }
        }
        return null;
    }

    static String cameraFromFolder(Path path) {
        Path parent = path.getParent();
        return parent == null || parent.getFileName() == null ? "" : parent.getFileName().toString();
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

    /**
     * Running totals, turned into {@link IngestProgress} snapshots. Footage not yet probed is estimated from file sizes
     * at the seconds-per-byte of the files probed so far (archives hold footage of similar bit rates), which is far
     * closer than extrapolating per-file durations when file lengths differ.
     */
    private static final class Progress {
        final int filesTotal;
        final long t0;
        final IngestListener listener;
        final Map<Path, Long> sizes = new HashMap<>();
        long bytesNotStarted;
        long probedBytes;
        int filesDone;
        int filesFailed;
        Path current;
        double currentDuration;
        double currentOffset;
        long segments;
        long embedded;
        long skipped;
        double footageDone;
        double footageBefore;
        double probedTotal;
        int probedFiles;

        Progress(List<Path> files, long t0, IngestListener listener) {
            this.filesTotal = files.size();
            this.t0 = t0;
            this.listener = listener;
            for (Path file : files) {
                Path f = file.toAbsolutePath().normalize(); // as indexFile() names it
                long size;
                try {
                    size = Files.size(f);
                } catch (IOException e) {
                    size = 0;
                }
                sizes.put(f, size);
                bytesNotStarted += size;
            }
        }

        void start(Path file) {
            bytesNotStarted -= sizes.getOrDefault(file, 0L);
            current = file;
            currentDuration = 0;
            currentOffset = 0;
            footageBefore = footageDone;
            emit();
        }

        void probed(double duration) {
            currentDuration = duration;
            probedTotal += duration;
            probedFiles++;
            probedBytes += current == null ? 0 : sizes.getOrDefault(current, 0L);
        }

        void frames(int kept, int dup, double offset) {
            embedded += kept;
            skipped += dup;
            currentOffset = offset;
            footageDone = footageBefore + offset;
            emit();
        }

        void written(int segs) {
            segments += segs;
        }

        void fileDone(FileOutcome o) {
            filesDone++;
            if (o.status() == FileOutcome.Status.FAILED) {
                filesFailed++;
            }
            if (currentDuration > 0 && (o.status() == FileOutcome.Status.INDEXED)) {
                footageDone = footageBefore + currentDuration;
            }
            current = null;
            emit();
        }

        void emit() {
            double elapsed = (System.nanoTime() - t0) / 1e9;
            double notStarted = probedBytes > 0 ? bytesNotStarted * (probedTotal / probedBytes)
                    : Math.max(0, filesTotal - filesDone - (current == null ? 0 : 1)) * (probedFiles == 0 ? 0 : probedTotal / probedFiles);
            double total = footageBefore + Math.max(currentDuration, currentOffset) + notStarted;
            total = Math.max(total, footageDone);
            double rate = elapsed > 0 ? footageDone / elapsed : 0;
            OptionalDouble eta = rate > 0 && footageDone > 0 ? OptionalDouble.of((total - footageDone) / rate) : OptionalDouble.empty();
            double fraction = currentDuration > 0 ? Math.min(1, currentOffset / currentDuration) : 0;
            listener.progress(new IngestProgress(filesTotal, filesDone, filesFailed, current, fraction, segments, embedded, skipped,
                    footageDone, total, rate, eta));
        }
    }
}
