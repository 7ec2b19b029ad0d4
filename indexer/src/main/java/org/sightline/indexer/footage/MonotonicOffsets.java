package org.sightline.indexer.footage;

/**
 * Turns decoder timestamps into offsets that never go backwards. Offsets count from the container's start time
 * (or from the first frame when the container has none). A timestamp that is missing, repeated or earlier than
 * the previous frame's becomes the previous offset plus one frame duration. Also remembers the largest forward
 * jump between frames, where damage that dropped frames usually sits.
 *
 * <p>Frames the decoder was told to skip leave no trace here: a decoded frame keeps its own timestamp, however many
 * skipped frames came before it. Only a missing or backward timestamp is repaired, by one frame duration.
 */
final class MonotonicOffsets {
    private final double frameSeconds;
    private long origin;
    private boolean started;
    private double last = Double.NaN;
    private double largestGap;
    private double largestGapStart;
    private double largestGapBefore;
    private double largestGapStartBefore;

    /**
     * @param originMicros  the container's start time in microseconds, or {@code Long.MIN_VALUE} when unknown
     * @param frameSeconds  one frame's duration, used to step over bad timestamps
     */
    MonotonicOffsets(long originMicros, double frameSeconds) {
        this.origin = originMicros;
        this.started = originMicros != Long.MIN_VALUE;
        this.frameSeconds = frameSeconds;
    }

    /** The offset in seconds for the next frame's timestamp (microseconds; {@code Long.MIN_VALUE} when missing). */
    double next(long timestampMicros) {
        boolean missing = timestampMicros == Long.MIN_VALUE;
        if (!started && !missing) {
            origin = timestampMicros;
            started = true;
        }
        double offset = missing || !started ? Double.NaN : Math.max(0, (timestampMicros - origin) / 1e6);
        largestGapBefore = largestGap;
        largestGapStartBefore = largestGapStart;
        if (Double.isNaN(last)) {
            offset = Double.isNaN(offset) ? 0 : offset;
        } else if (!(offset > last)) {
            offset = last + frameSeconds;
        } else if (offset - last > largestGap) {
            largestGap = offset - last;
            largestGapStart = last;
        }
        last = offset;
        return offset;
    }

    /**
     * The step to the last offset handed out was frames skipped on purpose, not lost: it does not count as a gap.
     * Only the last step can be excused.
     */
    void excuseLastStep() {
        largestGap = largestGapBefore;
        largestGapStart = largestGapStartBefore;
    }

    /** The last offset handed out, or 0 before the first frame. */
    double last() {
        return Double.isNaN(last) ? 0 : last;
    }

    boolean any() {
        return !Double.isNaN(last);
    }

    double largestGap() {
        return largestGap;
    }

    double largestGapStart() {
        return largestGapStart;
    }
}
