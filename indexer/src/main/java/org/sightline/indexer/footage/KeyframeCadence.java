package org.sightline.indexer.footage;

/**
 * Decides when a video can be sampled from its keyframes alone. Many CCTV recorders write a keyframe every second;
 * when keyframes come at least as often as frames are sampled, decoding only keyframes gives the same sampling for
 * a fraction of the decoding (about a tenth at a 1 s GOP, 10-25 fps), and decoding is the bound on indexing speed.
 *
 * <p>Keyframe mode starts after {@value #INTERVALS_TO_TRUST} consecutive keyframe intervals between half and
 * 1.05 times the sampling interval (denser keyframes, as in all-intra video, gain nothing). It ends for the rest of
 * the file at the first longer interval, so a recorder that stretches its GOP loses at most that one interval's
 * frames before full decoding resumes.
 */
final class KeyframeCadence {
    static final int INTERVALS_TO_TRUST = 3;

    private final double sampleInterval;
    private double lastKeyframe = Double.NaN;
    private int goodIntervals;
    private boolean keyframesOnly;
    private boolean everUsed;
    private boolean ruledOut;
    private double longestInterval;

    KeyframeCadence(double sampleIntervalSeconds) {
        this.sampleInterval = sampleIntervalSeconds;
    }

    /** Decode only keyframes from now on. */
    boolean keyframesOnly() {
        return keyframesOnly;
    }

    /** Keyframe mode was used at some point of this file. */
    boolean everUsed() {
        return everUsed;
    }

    /** Largest hole in time that is not damage: a keyframe interval, with room for jitter. */
    double gapTolerance(double frameTolerance) {
        return Math.max(frameTolerance, 1.5 * Math.max(longestInterval, sampleInterval));
    }

    /** Tells the cadence a keyframe was decoded at this offset. */
    void keyframeAt(double offset) {
        if (!Double.isNaN(lastKeyframe)) {
            double interval = offset - lastKeyframe;
            boolean fits = interval >= 0.5 * sampleInterval && interval <= 1.05 * sampleInterval;
            if (keyframesOnly) {
                longestInterval = Math.max(longestInterval, interval);
                if (!fits) {
                    keyframesOnly = false;
                    ruledOut = true;
                }
            } else if (!ruledOut) {
                goodIntervals = fits ? goodIntervals + 1 : 0;
                if (goodIntervals >= INTERVALS_TO_TRUST) {
                    keyframesOnly = true;
                    everUsed = true;
                }
            }
        }
        lastKeyframe = offset;
    }
}
