package org.sightline.indexer.ingest;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
        double feederBlocked, double waitingForFrames, double embedding, double writing, CpuUse cpu, Perception perception) {

    /**
     * The perception stages (issue 13), on the feeding thread: object detection on examined frames (including the
     * box colours) and reading their scene text and burned-in clock.
     *
     * @param detecting      seconds spent detecting objects
     * @param readingText    seconds spent reading text and clocks
     * @param framesExamined frames the detector ran on
     * @param framesCarried  examined frames taken over from an earlier generation of the same content made by the same
     *                       packs (a re-embedding or another model), on which nothing ran again
     * @param lookingCloser  seconds of {@code detecting} spent on crops around moving areas ({@code LookCloser})
     * @param crops          crops the detector ran on
     * @param framesFollowingMotion examined frames beyond the still cadence, because something kept moving
     */
    public record Perception(double detecting, double readingText, int framesExamined, int framesCarried, double lookingCloser,
            long crops, long framesFollowingMotion) {
        /** Nothing carried over. */
        public Perception(double detecting, double readingText, int framesExamined) {
            this(detecting, readingText, framesExamined, 0);
        }

        /** Whole frames at the still cadence only. */
        public Perception(double detecting, double readingText, int framesExamined, int framesCarried) {
            this(detecting, readingText, framesExamined, framesCarried, 0, 0, 0);
        }
    }

    /**
     * CPU seconds spent, as the operating system counts them: by the whole process during the job, by the feeding
     * thread and by the writing thread. The rest of the process's CPU is the model (ONNX Runtime's threads and the
     * embedding thread) plus the JVM's own work (JIT, garbage collection). On a machine with {@code cores} cores the
     * job had {@code cores x wall} CPU seconds to spend; what feeding and writing take is not there for the model.
     */
    public record CpuUse(double process, double feeding, double writing) {
        public double modelAndOther() {
            return Math.max(0, process - feeding - writing);
        }
    }

    public String describe() {
        return String.format(Locale.ROOT, "CPU: process %.2f s = model and JVM %.2f s + feeding %.2f s + writing %.2f s%n  "
                        + "feeding thread: hash %.2f s, probe %.2f s, decode %.2f s, near-duplicate filter %.2f s, prepare %.2f s, "
                        + "blocked on the model %.2f s; embedding thread: embed %.2f s, idle waiting for frames %.2f s; writing thread: "
                        + "segments, thumbnails and commits %.2f s%n  "
                        + "perception (feeding thread): object detection %.2f s, scene text and clock %.2f s, on %d examined frames"
                        + " (%d of them because something kept moving; %d more taken over from an earlier generation by the same"
                        + " packs), of which looking closer %.2f s on %d crops",
                cpu.process(), cpu.modelAndOther(), cpu.feeding(), cpu.writing(),
                hashing, probing, decoding, filtering, preparing, feederBlocked, embedding, waitingForFrames, writing,
                perception.detecting(), perception.readingText(), perception.framesExamined(),
                perception.framesFollowingMotion(), perception.framesCarried(), perception.lookingCloser(), perception.crops());
    }

    /** Thread-safe accumulator, one slot per stage. */
    static final class Clock {
        enum Stage {
            HASHING, PROBING, DECODING, FILTERING, PREPARING, FEEDER_BLOCKED, WAITING_FOR_FRAMES, EMBEDDING, WRITING, DETECTING, READING_TEXT,
            /** part of DETECTING: crops around moving areas */
            LOOKING_CLOSER,
            /** CPU time, not wall time, of the feeding and the writing thread */
            FEEDING_CPU, WRITING_CPU
        }

        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        private final long processCpuAtStart = processCpuNanos();

        private final AtomicLongArray nanos = new AtomicLongArray(Stage.values().length);
        private final java.util.concurrent.atomic.AtomicInteger framesExamined = new java.util.concurrent.atomic.AtomicInteger();
        private final java.util.concurrent.atomic.AtomicInteger framesCarried = new java.util.concurrent.atomic.AtomicInteger();
        private final java.util.concurrent.atomic.AtomicLong crops = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.atomic.AtomicLong framesFollowingMotion = new java.util.concurrent.atomic.AtomicLong();

        void examined() {
            framesExamined.incrementAndGet();
        }

        void perceptionExtras(long cropsSeen, long followingMotion) {
            crops.set(cropsSeen);
            framesFollowingMotion.set(followingMotion);
        }

        void carried(int frames) {
            framesCarried.addAndGet(frames);
        }

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
            long process = processCpuNanos();
            return new IngestTimings(s(Stage.HASHING), s(Stage.PROBING), s(Stage.DECODING), s(Stage.FILTERING), s(Stage.PREPARING),
                    s(Stage.FEEDER_BLOCKED), s(Stage.WAITING_FOR_FRAMES), s(Stage.EMBEDDING), s(Stage.WRITING),
                    new CpuUse(process < 0 ? 0 : (process - processCpuAtStart) / 1e9, s(Stage.FEEDING_CPU), s(Stage.WRITING_CPU)),
                    new Perception(s(Stage.DETECTING), s(Stage.READING_TEXT), framesExamined.get(), framesCarried.get(),
                            s(Stage.LOOKING_CLOSER), crops.get(), framesFollowingMotion.get()));
        }

        /** CPU time of the calling thread so far, in nanoseconds (0 where the JVM cannot tell). */
        static long threadCpuNanos() {
            return THREADS.isCurrentThreadCpuTimeSupported() ? Math.max(0, THREADS.getCurrentThreadCpuTime()) : 0;
        }

        private static long processCpuNanos() {
            return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os.getProcessCpuTime() : -1;
        }

        private double s(Stage stage) {
            return nanos.get(stage.ordinal()) / 1e9;
        }
    }
}
