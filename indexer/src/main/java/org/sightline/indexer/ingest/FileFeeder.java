package org.sightline.indexer.ingest;

import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
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
import org.sightline.indexer.ingest.IngestTimings.Clock.Stage;
import org.sightline.indexer.perception.FrameDetections;
import org.sightline.indexer.perception.FrameInspector;
import org.sightline.models.integrity.Sha256;
import org.sightline.models.runtime.PreparedImage;
import org.sightline.models.runtime.VisionLanguageModel;
import org.sightline.indexer.footage.PathText;

/**
 * The producing half of the {@link IngestPipeline}, on its own thread: for each file in turn it hashes (read-only
 * SHA-256), decides from the catalog whether the content needs embedding (unchanged, moved, a copy), registers and
 * probes it, then decodes and samples it, filters near-duplicates and prepares the kept frames for the model
 * (resize, crop, normalise), and runs the object detector on some kept frames when one is used ({@link FrameInspector}).
 * Everything goes into one bounded queue as {@link FeedEvent}s, so the next file is
 * hashed, probed and decoded while the model still embeds the previous one, and the model never waits on a file's
 * start-up. The bounded queue keeps it at most a few batches ahead.
 */
final class FileFeeder implements Runnable {
    private final Catalog catalog;
    private final FootageReader footage;
    private final VisionLanguageModel model;
    private final IngestRequest request;
    private final List<Path> files;
    private final BlockingQueue<FeedEvent> queue;
    private final BooleanSupplier stop;
    private final IngestTimings.Clock clock;
    private final Path thumbnailsDir;
    /** Runs the object detector on some kept frames; null when no detector is used. */
    private final FrameInspector inspector;
    /** Identity of the file being fed, taken before it was hashed (feeding is one file at a time, on one thread). */
    private FileIdentity hashedIdentity;
    /** Content hashes already sent for embedding in this run, so that a second copy is not embedded again. */
    private final Map<String, Path> fedThisRun = new HashMap<>();

    FileFeeder(Catalog catalog, FootageReader footage, VisionLanguageModel model, IngestRequest request, List<Path> files,
            BlockingQueue<FeedEvent> queue, BooleanSupplier stop, IngestTimings.Clock clock, Path thumbnailsDir,
            FrameInspector inspector) {
        this.catalog = catalog;
        this.footage = footage;
        this.model = model;
        this.request = request;
        this.files = files;
        this.queue = queue;
        this.stop = stop;
        this.clock = clock;
        this.thumbnailsDir = thumbnailsDir;
        this.inspector = inspector;
    }

    @Override
    public void run() {
        long cpuAtStart = IngestTimings.Clock.threadCpuNanos();
        Throwable crash = null;
        try {
            for (Path file : files) {
                if (stop.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                    break;
                }
                feed(file.toAbsolutePath().normalize());
            }
        } catch (InterruptedException e) {
            // cancelled while waiting for the model: the embedding side cleans up
        } catch (Throwable t) {
            crash = t;
        }
        clock.add(Stage.FEEDING_CPU, IngestTimings.Clock.threadCpuNanos() - cpuAtStart);
        try {
            queue.put(new FeedEvent.Exhausted(crash));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void feed(Path path) throws InterruptedException {
        FeedEvent opening = open(path);
        queue.put(opening);
        if (!(opening instanceof FeedEvent.Opened(FileJob job))) {
            return;
        }
        int shortSide = Math.max(model.preferredShortSide(), IngestPipeline.MIN_THUMBNAIL_SHORT_SIDE);
        // the same packs on the same content find the same things: an earlier generation's findings are taken over
        List<FrameDetections> carried = inspector == null ? null
                : catalog.perceptionToCarry(job.videoId, job.sha256, inspector.packs()).orElse(null);
        job.carriedPerception = carried;
        if (carried != null) {
            clock.carried(carried.size());
        }
        if (inspector != null) {
            // decoded as when the packs run even when they do not: the same frames, so the same vectors and scores
            // as a first index (issue 11)
            shortSide = Math.max(shortSide, FrameInspector.PREFERRED_SHORT_SIDE);
            if (carried == null) {
                inspector.startFile();
            }
        }
        int[] nextCarried = {0};
        SamplingOptions options = new SamplingOptions(request.framesPerSecond(), shortSide, true);
        Predicate<SampledFrame> keep = footage.newDuplicateFilter();
        long start = System.nanoTime();
        long elsewhereBefore = elsewhere();
        FeedEvent.Closed closed;
        try {
            SamplingReport report = footage.sample(path, options, frame -> {
                PreparedImage image = null;
                long f = System.nanoTime();
                boolean kept = keep.test(frame);
                clock.lap(Stage.FILTERING, f);
                if (kept) {
                    long t = System.nanoTime();
                    image = model.prepareImage(frame.frame());
                    clock.lap(Stage.PREPARING, t);
                }
                FrameDetections detections = null;
                if (carried != null) {
                    // the latest carried finding at or before this frame gives the labels of the frames from here on
                    while (nextCarried[0] < carried.size() && carried.get(nextCarried[0]).offsetSeconds() <= frame.offsetSeconds() + 1e-6) {
                        detections = carried.get(nextCarried[0]++);
                    }
                } else if (inspector != null && observedAndDue(frame, kept)) {
                    long t = System.nanoTime();
                    long text = inspector.textNanos();
                    long closer = inspector.closerNanos();
                    detections = inspector.inspect(frame.offsetSeconds(), frame.frame());
                    long reading = inspector.textNanos() - text;
                    clock.add(Stage.DETECTING, System.nanoTime() - t - reading);
                    clock.add(Stage.READING_TEXT, reading);
                    clock.add(Stage.LOOKING_CLOSER, inspector.closerNanos() - closer);
                    clock.examined();
                    clock.perceptionExtras(inspector.crops(), inspector.extraExamined());
                }
                long t = System.nanoTime();
                queue.put(new FeedEvent.Frame(job, frame, image, detections));
                clock.lap(Stage.FEEDER_BLOCKED, t);
            }, stop);
            String changed = changedSinceHashing(path);
            closed = changed.isEmpty() ? new FeedEvent.Closed(job, report, null)
                    : new FeedEvent.Closed(job, null, new FootageException(path, FootageError.CHANGED_WHILE_READ, changed));
        } catch (FootageException e) {
            closed = new FeedEvent.Closed(job, null, e);
        } finally {
            clock.add(Stage.DECODING, System.nanoTime() - start - (elsewhere() - elsewhereBefore));
        }
        queue.put(closed);
    }

    /**
     * Lets the inspector measure what moved since the previous sample (timed as filtering; every sampled frame, in
     * order), then says whether it examines this frame.
     */
    private boolean observedAndDue(SampledFrame frame, boolean kept) {
        long t = System.nanoTime();
        inspector.observe(frame.frame());
        clock.lap(Stage.FILTERING, t);
        return inspector.due(frame.offsetSeconds(), kept);
    }

    /** Time of the feeding thread's stages other than decoding, which happen inside the decoding loop. */
    private long elsewhere() {
        return clock.nanos(Stage.PREPARING) + clock.nanos(Stage.FEEDER_BLOCKED) + clock.nanos(Stage.FILTERING)
                + clock.nanos(Stage.DETECTING) + clock.nanos(Stage.READING_TEXT);
    }

    /** Hash, catalog decisions, registration and probe: {@link FeedEvent.Opened} to decode, or {@link FeedEvent.Settled}. */
    private FeedEvent open(Path path) throws InterruptedException {
        String modelId = model.id().asString();
        String camera = request.camera() != null ? request.camera() : IngestPipeline.cameraFromFolder(path);
        String sha;
        long size;
        long mtime;
        VideoInfo probedFirst = null;
        try {
            FileIdentity before = FileIdentity.of(path);
            Optional<VideoRecord> known = catalog.videoByPath(path);
            boolean seenUnchanged = known.isPresent() && known.get().sha256() != null
                    && known.get().sizeBytes() == before.size() && known.get().mtimeMillis() == before.modifiedMillis();
            if (!seenUnchanged && before.size() > 0) {
                // a new or changed file: is it video at all? Probing reads a few megabytes, hashing reads all of it
                // (a 50 GB non-video was hashed for a minute before being refused)
                long p = System.nanoTime();
                try {
                    probedFirst = footage.probe(path);
                } catch (FootageException e) {
                    long id = catalog.registerVideo(path, null, before.size(), before.modifiedMillis(), camera, archiveOf(path));
                    catalog.markFailed(id, e.error().name(), e.getMessage());
                    return settle(new FileOutcome(path, FileOutcome.Status.FAILED, e.getMessage(), 0));
                } finally {
                    clock.lap(Stage.PROBING, p);
                }
            }
        } catch (NoSuchFileException e) {
            return settle(failed(path, null, camera, FootageError.NOT_FOUND, null));
        } catch (IOException e) {
            return settle(failed(path, null, camera, FootageError.UNREADABLE, e.getMessage()));
        }
        long t = System.nanoTime();
        try {
            hashedIdentity = FileIdentity.of(path);
            size = hashedIdentity.size();
            mtime = hashedIdentity.modifiedMillis();
            sha = Sha256.of(path);
            String changed = changedSinceHashing(path);
            if (!changed.isEmpty()) {
                return settle(failed(path, null, camera, FootageError.CHANGED_WHILE_READ, changed));
            }
        } catch (NoSuchFileException e) {
            return settle(failed(path, null, camera, FootageError.NOT_FOUND, null));
        } catch (ClosedByInterruptException e) {
            throw new InterruptedException("hashing of " + path + " cancelled");
        } catch (IOException e) {
            return settle(failed(path, null, camera, FootageError.UNREADABLE, e.getMessage()));
        } finally {
            clock.lap(Stage.HASHING, t);
        }
        catalog.rememberPath(sha, path);
        Path copyOf = fedThisRun.get(sha);
        if (copyOf != null) {
            return settle(new FileOutcome(path, FileOutcome.Status.UNCHANGED, FileOutcome.SAME_CONTENT_AS + PathText.shown(copyOf) + ", indexed in this run", 0));
        }

        Optional<VideoRecord> atPath = catalog.videoByPath(path);
        if (atPath.isEmpty() || !sha.equals(atPath.get().sha256())) {
            for (VideoRecord other : catalog.videosBySha256(sha)) {
                if (other.path().equals(path) || other.status() == VideoStatus.FAILED) {
                    continue; // a failure record stays the record of its own file: never taken over as a move
                }
                if (!Files.exists(other.path()) && atPath.isEmpty()) {
                    catalog.moveVideo(other.id(), path);
                    if (catalog.isIndexed(other.id(), modelId, sha) && !request.reembed() && !examinedByOtherPacks(other.id())) {
                        return settle(new FileOutcome(path, FileOutcome.Status.UNCHANGED, "moved from " + PathText.shown(other.path()), 0));
                    }
                    atPath = catalog.video(other.id());
                    break;
                }
                if (catalog.isIndexed(other.id(), modelId, sha) && !request.reembed() && !examinedByOtherPacks(other.id())) {
                    return settle(new FileOutcome(path, FileOutcome.Status.UNCHANGED, FileOutcome.SAME_CONTENT_AS + PathText.shown(other.path()) + ", already indexed", 0));
                }
            }
        } else if (catalog.isIndexed(atPath.get().id(), modelId, sha) && !request.reembed() && !examinedByOtherPacks(atPath.get().id())) {
            return settle(new FileOutcome(path, FileOutcome.Status.UNCHANGED, "already indexed", 0));
        }
        long videoId = catalog.registerVideo(path, sha, size, mtime, camera, archiveOf(path));
        if (size == 0) {
            return settle(failed(path, videoId, camera, FootageError.EMPTY_FILE, null));
        }
        VideoInfo info = probedFirst;
        t = System.nanoTime();
        try {
            if (info == null) {
                info = footage.probe(path);
            }
        } catch (FootageException e) {
            catalog.markFailed(videoId, e.error().name(), e.getMessage());
            return settle(new FileOutcome(path, FileOutcome.Status.FAILED, e.getMessage(), 0));
        } finally {
            clock.lap(Stage.PROBING, t);
        }
        catalog.recordProbe(videoId, info);
        fedThisRun.put(sha, path);
        String thumbFolder = "v" + videoId + "-" + UUID.randomUUID().toString().substring(0, 8);
        SegmentBuilder segments = new SegmentBuilder(request.segmentSeconds(), info.durationSeconds(), thumbnailsDir, thumbFolder,
                footage::jpeg);
        return new FeedEvent.Opened(new FileJob(path, videoId, sha, camera, info, thumbFolder, segments));
    }

    /** How the file differs from when its hash was taken (empty when it does not), e.g. replaced during decoding. */
    private String changedSinceHashing(Path path) {
        try {
            return hashedIdentity.changesTo(FileIdentity.of(path));
        } catch (IOException e) {
            return "it can no longer be read (" + e.getMessage() + ")";
        }
    }

    private static FeedEvent settle(FileOutcome outcome) {
        return new FeedEvent.Settled(outcome);
    }

    private FileOutcome failed(Path path, Long videoId, String camera, FootageError error, String detail) {
        FootageException e = new FootageException(path, error, detail);
        long id = videoId != null ? videoId : catalog.registerVideo(path, null, 0, 0, camera, null);
        catalog.markFailed(id, error.name(), e.getMessage());
        return new FileOutcome(path, FileOutcome.Status.FAILED, e.getMessage(), 0);
    }

    /** The archive a file belongs to: the named folder it was found under, if any. */
    private Long archiveOf(Path file) {
        for (Path root : request.paths()) {
            Path r = root.toAbsolutePath().normalize();
            if (Files.isDirectory(r) && file.startsWith(r)) {
                return catalog.archive(r);
            }
        }
        return null;
    }

    /**
     * Whether the video's detections were made by other perception packs than this run's (another detector chosen with
     * {@code models use}): it is then indexed again, so its detections are those of the chosen packs. A video indexed
     * without perception, or a run without it, never counts.
     */
    private boolean examinedByOtherPacks(long videoId) {
        if (inspector == null || inspector.packs() == null || inspector.packs().isEmpty()) {
            return false;
        }
        return catalog.perceptionPacks(videoId).filter(p -> !p.isEmpty()).map(p -> !p.equals(inspector.packs())).orElse(false);
    }
}
