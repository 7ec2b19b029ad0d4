package org.sightline.indexer.perception;

/**
 * Which frames the detector examines and how closely ({@link FrameInspector}).
 *
 * @param stillSeconds      seconds of video between examined frames while nothing moves (or when following motion is
 *                          off): 6
 * @param movingSeconds     seconds between examined frames while the picture keeps moving (motion in this sample and
 *                          the one before, {@link MovingCells}): 2. Equal to {@code stillSeconds} turns it off
 * @param maxExtraPerMinute examined frames beyond the still cadence allowed per minute of video (a scene moving all
 *                          the time costs at most this many more detector runs a minute): 8
 * @param lookCloser        crops around unexplained motion ({@link LookCloser}), or null for the whole frame only
 */
public record Examination(double stillSeconds, double movingSeconds, int maxExtraPerMinute, LookCloser.Settings lookCloser) {
    /** Every 6 s, every 2 s while something moves (at most 8 more a minute), looking closer at small moving things. */
    public static final Examination DEFAULT = new Examination(6.0, 2.0, 8, LookCloser.Settings.DEFAULT);

    public Examination {
        if (!(stillSeconds >= 0) || !(movingSeconds >= 0) || movingSeconds > stillSeconds || maxExtraPerMinute < 0) {
            throw new IllegalArgumentException("need 0 <= movingSeconds <= stillSeconds and maxExtraPerMinute >= 0; got "
                    + stillSeconds + ", " + movingSeconds + ", " + maxExtraPerMinute);
        }
    }

    /** One examined frame every {@code seconds} at most, whole frames only (the cadence before looking closer). */
    public static Examination every(double seconds) {
        return new Examination(seconds, seconds, 0, null);
    }

    /** Whether more frames are examined while something moves. */
    public boolean followsMotion() {
        return movingSeconds < stillSeconds && maxExtraPerMinute > 0;
    }

    public Examination withLookCloser(boolean on) {
        return new Examination(stillSeconds, movingSeconds, maxExtraPerMinute, on ? LookCloser.Settings.DEFAULT : null);
    }

    public Examination withFollowMotion(boolean on) {
        return on ? new Examination(stillSeconds, DEFAULT.movingSeconds(), DEFAULT.maxExtraPerMinute(), lookCloser)
                : new Examination(stillSeconds, stillSeconds, 0, lookCloser);
    }

    /**
     * How this examines frames, in words recorded beside the packs with what they find: a different examination finds
     * different things, so an earlier generation's findings are taken over only when this is the same. Empty for the
     * plain cadence of one frame every 6 s (what generations before this setting recorded).
     */
    public String described() {
        if (!followsMotion() && lookCloser == null && stillSeconds == 6.0) {
            return "";
        }
        StringBuilder s = new StringBuilder("examined every " + stillSeconds + " s");
        if (followsMotion()) {
            s.append(", every ").append(movingSeconds).append(" s while moving (at most ").append(maxExtraPerMinute)
                    .append(" more a minute)");
        }
        if (lookCloser != null) {
            s.append(", closer at moving areas (").append(lookCloser).append(')');
        }
        return s.toString();
    }
}
