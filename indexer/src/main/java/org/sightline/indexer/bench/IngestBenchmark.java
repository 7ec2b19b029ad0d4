package org.sightline.indexer.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.sightline.indexer.app.ActiveModelSource;
import org.sightline.indexer.app.DataDirectory;
import org.sightline.indexer.app.PerceptionSource;
import org.sightline.indexer.app.Workspace;
import org.sightline.indexer.ingest.FileOutcome;
import org.sightline.indexer.ingest.IngestListener;
import org.sightline.indexer.ingest.IngestProgress;
import org.sightline.indexer.ingest.IngestReport;
import org.sightline.indexer.ingest.IngestRequest;
import org.sightline.indexer.ingest.IngestTimings;
import org.sightline.models.runtime.VisionLanguageModel;

/**
 * End-to-end indexing speed: the real pipeline (hash, probe, decode, near-duplicate filter, object detection when a
 * detector is given, embed, write) over
 * some footage into a temporary data directory, reported as seconds of footage indexed per wall-clock second.
 */
public final class IngestBenchmark {
    private IngestBenchmark() {
    }

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    public record Result(int files, long segments, long framesEmbedded, long framesSkipped, double footageSeconds, double wallSeconds,
            IngestTimings timings) {
        public double realtimeFactor() {
            return wallSeconds > 0 ? footageSeconds / wallSeconds : 0;
        }

        public String describe() {
            return String.format(Locale.ROOT, "indexed %d files, %.1f s of footage, %d frames embedded, %d skipped as near-duplicates, "
                            + "%d segments in %.2f s: %.1fx realtime%n  %s (%d cores x %.2f s = %.2f CPU seconds to spend)",
                    files, footageSeconds, framesEmbedded, framesSkipped, segments, wallSeconds, realtimeFactor(), timings.describe(),
                    CORES, wallSeconds, CORES * wallSeconds);
        }
    }

    /**
     * @param workDir an empty temporary folder used as the data directory (the caller deletes it)
     * @param model   the model to embed with (not closed here)
     */
    public static Result run(List<Path> footage, Path workDir, VisionLanguageModel model) throws IOException {
        return run(footage, workDir, model, IngestRequest.DEFAULT_BATCH, PerceptionSource.none());
    }

    /**
     * @param batch      frames per model call
     * @param perception the object detector indexing runs (the perception stages are timed separately)
     */
    public static Result run(List<Path> footage, Path workDir, VisionLanguageModel model, int batch, PerceptionSource perception)
            throws IOException {
        long[] frames = {0, 0};
        try (Workspace w = Workspace.open(new DataDirectory(workDir), ActiveModelSource.of(model), perception)) {
            IngestReport r = w.ingest(IngestRequest.of(footage).withRecursive(true).withBatchSize(batch), new IngestListener() {
                @Override
                public void progress(IngestProgress p) {
                    frames[0] = p.framesEmbedded();
                    frames[1] = p.framesSkippedAsDuplicates();
                }
            }, () -> false);
            int files = (int) (r.count(FileOutcome.Status.INDEXED) + r.count(FileOutcome.Status.PARTIAL));
            double footageSeconds = w.library().indexedFootageSeconds();
            return new Result(files, r.segmentsWritten(), frames[0], frames[1], footageSeconds, r.elapsedSeconds(), r.timings());
        }
    }
}
