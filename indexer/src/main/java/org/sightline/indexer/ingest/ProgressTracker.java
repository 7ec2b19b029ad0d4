package org.sightline.indexer.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Running totals of an index job, turned into {@link IngestProgress} snapshots. Several files can be in flight at
 * once (one being embedded while the next is decoded); the current file is the one embedded most recently.
 *
 * <p>Footage not yet probed is estimated from file sizes at the seconds-per-byte of the files probed so far
 * (archives hold footage of similar bit rates), which is far closer than extrapolating per-file durations when file
 * lengths differ. Used from the embedding thread only.
 */
final class ProgressTracker {
    private final int filesTotal;
    private final long t0;
    private final IngestListener listener;
    private final Map<Path, Long> sizes = new HashMap<>();
    /** Files started and not finished: duration and offset embedded so far. */
    private final Map<Path, double[]> inFlight = new LinkedHashMap<>();
    private long bytesNotStarted;
    private long probedBytes;
    private double probedSeconds;
    private int probedFiles;
    private int filesDone;
    private int filesFailed;
    private Path current;
    private long segments;
    private long embedded;
    private long skipped;
    private double finishedFootage;

    ProgressTracker(List<Path> files, long t0, IngestListener listener) {
        this.filesTotal = files.size();
        this.t0 = t0;
        this.listener = listener;
        for (Path file : files) {
            Path f = file.toAbsolutePath().normalize(); // as the feeder names it
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

    /** A file was probed and its frames are coming. */
    void started(Path file, double durationSeconds) {
        long size = sizes.getOrDefault(file, 0L);
        bytesNotStarted -= size;
        probedSeconds += durationSeconds;
        probedFiles++;
        probedBytes += size;
        inFlight.put(file, new double[] {durationSeconds, 0});
        current = file;
        emit();
    }

    /** Frames of {@code file} were embedded or skipped, up to {@code offset}. */
    void frames(Path file, int kept, int duplicates, double offset) {
        embedded += kept;
        skipped += duplicates;
        double[] state = inFlight.get(file);
        if (state != null) {
            state[1] = Math.max(state[1], offset);
        }
    }

    void written(long segmentCount) {
        segments += segmentCount;
    }

    /** A file is finished, whatever the outcome (also files that never started: unchanged, failed early). */
    void finished(FileOutcome outcome) {
        Path file = outcome.path();
        double[] state = inFlight.remove(file);
        if (state == null) {
            bytesNotStarted -= sizes.getOrDefault(file, 0L);
        } else {
            finishedFootage += outcome.status() == FileOutcome.Status.INDEXED && state[0] > 0 ? state[0] : state[1];
        }
        filesDone++;
        if (outcome.status() == FileOutcome.Status.FAILED) {
            filesFailed++;
        }
        if (file.equals(current)) {
            current = inFlight.isEmpty() ? null : inFlight.keySet().stream().reduce((a, b) -> b).orElse(null);
        }
        emit();
    }

    long segments() {
        return segments;
    }

    double footageDone() {
        double done = finishedFootage;
        for (double[] state : inFlight.values()) {
            done += state[1];
        }
        return done;
    }

    void emit() {
        double elapsed = (System.nanoTime() - t0) / 1e9;
        double notStarted = probedBytes > 0 ? bytesNotStarted * (probedSeconds / probedBytes)
                : Math.max(0, filesTotal - filesDone - inFlight.size()) * (probedFiles == 0 ? 0 : probedSeconds / probedFiles);
        double done = footageDone();
        double total = finishedFootage + notStarted;
        for (double[] state : inFlight.values()) {
            total += Math.max(state[0], state[1]);
        }
        total = Math.max(total, done);
        double rate = elapsed > 0 ? done / elapsed : 0;
        OptionalDouble eta = rate > 0 && done > 0 ? OptionalDouble.of((total - done) / rate) : OptionalDouble.empty();
        double[] now = current == null ? null : inFlight.get(current);
        double fraction = now != null && now[0] > 0 ? Math.min(1, now[1] / now[0]) : 0;
        listener.progress(new IngestProgress(filesTotal, filesDone, filesFailed, current, fraction, segments, embedded, skipped,
                done, total, rate, eta));
    }
}
