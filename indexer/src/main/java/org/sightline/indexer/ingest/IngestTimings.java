package org.sightline.indexer.ingest;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Where an index job's time went, in seconds per stage, summed over files. The feeding thread (hash, probe, decode,
 * prepare), the embedding thread (embed) and the writing thread (segments, thumbnails, commits) run at once, so the
 * stages add up to more than the wall time.
 * {@code waitingForFrames} is how long the model sat idle for want of frames; {@code feederBlocked} how long
 * decoding waited because the model was busy. Used by {@code sightline bench index} to show what bounds indexing.
 */
public record IngestTimings(double hashing, double probing, double decoding, double filtering, double preparing,
        double feederBlocked, double waitingForFrames, double embedding, double writing) {

    public static final IngestTimings NONE = new IngestTimings(0, 0, 0, 0, 0, 0, 0, 0, 0);

    public String describe() {
        return String.format(Locale.ROOT, "feeding thread: hash %.2f s, probe %.2f s, decode %.2f s, near-duplicate filter %.2f s, prepare %.2f s, "
                        + "blocked on the model %.2f s; embedding thread: embed %.2f s, idle waiting for frames %.2f s; writing thread: "
                        + "segments, thumbnails and commits %.2f s",
                hashing, probing, decoding, filtering, preparing, feederBlocked, embedding, waitingForFrames, writing);
    }

    /** Thread-safe accumulator, one slot per stage. */
    static final class Clock {
        enum Stage { HASHING, PROBING, DECODING, FILTERING, PREPARING, FEEDER_BLOCKED, WAITING_FOR_FRAMES, EMBEDDING, WRITING }

        private final AtomicLongArray nanos = new AtomicLongArray(Stage.values().length);

        void add(Stage stage, long nanosSpent) {
            nanos.addAndGet(stage.ordinal(), nanosSpent);
        }

        /** Adds the time since {@code startNanos} to {@code stage} and returns now. */
        long lap(Stage stage, long startNanos) {
            long now = System.nanoTime();
            add(stage, now - startNanos);
            return now;
        }

        long nanos(Stage stage) {
            return nanos.get(stage.ordinal());
        }

        IngestTimings snapshot() {
            return new IngestTimings(s(Stage.HASHING), s(Stage.PROBING), s(Stage.DECODING), s(Stage.FILTERING), s(Stage.PREPARING),
                    s(Stage.FEEDER_BLOCKED), s(Stage.WAITING_FOR_FRAMES), s(Stage.EMBEDDING), s(Stage.WRITING));
        }

        private double s(Stage stage) {
            return nanos.get(stage.ordinal()) / 1e9;
        }
    }
}
