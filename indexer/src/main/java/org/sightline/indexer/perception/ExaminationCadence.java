package org.sightline.indexer.perception;

import java.util.ArrayDeque;
import java.util.Objects;
import org.sightline.indexer.footage.FreshMotion;
import org.sightline.indexer.footage.GreyThumbnail;
import org.sightline.models.runtime.RgbFrame;

/**
 * Decides which sampled frames of a video the detector examines ({@link Examination}): a frame the near-duplicate filter
 * kept once {@link Examination#stillSeconds()} passed since the last examined one; and, while something travels through
 * the picture, any frame once {@link Examination#movingSeconds()} passed, within {@link Examination#maxExtraPerMinute()}
 * such extra examinations in any minute of video. Something travels when cells moved in this sample ({@link MovingCells},
 * at least {@value #MIN_MOVING_CELLS}) and the one before (at least one: the lot's cyclist entering moves one cell, then
 * 3, 6, 9), and at least {@value #MIN_MOVING_CELLS} of them moved where all was still for the last 3 samples
 * ({@link FreshMotion}, the near-duplicate filter's own measure): a cyclist or someone walking out moves into still places
 * every second; someone standing and reading keeps moving where they already moved and spends no extra examinations.
 *
 * <p>Also keeps what moved since the previous sample, for {@link LookCloser}. One video at a time, one thread;
 * {@link #startFile()} before each video, then {@link #observe} every sampled frame in order.
 */
public final class ExaminationCadence {
    /** Moving (and fresh) cells in a sample that count as something travelling. */
    static final int MIN_MOVING_CELLS = 2;
    /** Samples of earlier motion that make a place "moving" rather than still, as the near-duplicate filter's. */
    private static final int FRESH_MEMORY_SAMPLES = 3;

    private final Examination examination;
    private final boolean measuresMotion;
    private double lastExamined = Double.NaN;
    private GreyThumbnail previous;
    private MovingCells moving = MovingCells.none();
    private boolean movedBefore;
    private FreshMotion fresh;
    private int freshCells;
    private long extraExamined;
    /** Offsets of the examinations beyond the still cadence in the last minute of video. */
    private final ArrayDeque<Double> extraInLastMinute = new ArrayDeque<>();

    /** @param measuresMotion also measure motion when not following it (for looking closer) */
    public ExaminationCadence(Examination examination, boolean measuresMotion) {
        this.examination = Objects.requireNonNull(examination, "examination");
        this.measuresMotion = measuresMotion || examination.followsMotion();
        startFile();
    }

    /** Starts a new video: its first kept frame is examined. */
    public void startFile() {
        lastExamined = Double.NaN;
        previous = null;
        moving = MovingCells.none();
        movedBefore = false;
        fresh = new FreshMotion(MovingCells.CELL_LEVELS, FRESH_MEMORY_SAMPLES);
        freshCells = 0;
        extraInLastMinute.clear();
    }

    /**
     * Measures what moved since the previous sampled frame; call for every sampled frame, in order, before
     * {@link #due}. Does nothing when neither following motion nor looking closer needs it.
     */
    public void observe(RgbFrame frame) {
        if (!measuresMotion) {
            return;
        }
        GreyThumbnail now = MovingCells.thumbnail(frame);
        movedBefore = moving.count() >= 1;
        moving = previous == null ? MovingCells.none() : MovingCells.between(previous, now);
        freshCells = fresh.freshCells(now);
        previous = now;
    }

    /** What moved between the previous sample and the last one observed. */
    public MovingCells moving() {
        return moving;
    }

    /**
     * Whether the frame at {@code offsetSeconds} is to be examined; when it is, the caller examines it and says so with
     * {@link #examined}.
     *
     * @param kept the near-duplicate filter kept the frame (it is embedded)
     */
    public boolean due(double offsetSeconds, boolean kept) {
        if (Double.isNaN(lastExamined)) {
            return kept;
        }
        double waited = offsetSeconds - lastExamined;
        if (kept && waited >= examination.stillSeconds() - 1e-9) {
            return true;
        }
        if (!examination.followsMotion() || waited < examination.movingSeconds() - 1e-9 || !movedBefore
                || moving.count() < MIN_MOVING_CELLS || freshCells < MIN_MOVING_CELLS) {
            return false;
        }
        while (!extraInLastMinute.isEmpty() && extraInLastMinute.peekFirst() <= offsetSeconds - 60) {
            extraInLastMinute.removeFirst();
        }
        if (extraInLastMinute.size() >= examination.maxExtraPerMinute()) {
            return false;
        }
        extraInLastMinute.addLast(offsetSeconds);
        extraExamined++;
        return true;
    }

    /** The frame at this offset was examined. */
    public void examined(double offsetSeconds) {
        lastExamined = offsetSeconds;
    }

    /** Frames examined beyond the still cadence because something travelled, so far (over all files). */
    public long extraExamined() {
        return extraExamined;
    }
}
