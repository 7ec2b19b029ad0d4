package org.sightline.indexer.footage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Decides, frame by frame, whether a sampled frame shows something the last <em>embedded</em> frame does not, so
 * that static CCTV (an empty aisle for an hour, a person reading at a table for a minute) costs a few embeddings
 * instead of one per sample. Frames are compared as 64x36 grey thumbnails ({@link GreyThumbnail}) and let through
 * in four ways, from most to least urgent:
 * <ol>
 *   <li><b>always</b>: the first frame, scene cuts, and a frame once {@link Thresholds#maxGapSeconds} passed
 *       without one, so the timeline has no long holes;</li>
 *   <li><b>new content, at once</b>: more than {@link Thresholds#newContentFraction} of the cells differ from the
 *       last embedded frame by more than {@link Thresholds#cellLevels} (a person walking in, a car arriving, the
 *       lights going off);</li>
 *   <li><b>fresh motion, after a short wait</b>: {@link FreshMotion} saw at least
 *       {@link Thresholds#freshMotionCells} cells move where all had been still, the picture differs from the last
 *       embedded frame, and {@link Thresholds#freshMotionWaitSeconds} passed (a cyclist or a pedestrian a few cells
 *       big crossing a car park);</li>
 *   <li><b>any change, after a long wait</b>: at least {@link Thresholds#changedCells} cells differ from the last
 *       embedded frame and {@link Thresholds#changeWaitSeconds} passed (someone already in view keeps moving a
 *       little: one frame per wait shows their later poses without embedding every second).</li>
 * </ol>
 * Tiers 3 and 4 measure change beyond the common shift of the whole picture
 * ({@link GreyThumbnail#changeBeyondCommonShift}), so auto-exposure drifting after someone leaves is not change.
 *
 * <p>Skipped frames are not lost: each run of them is recorded as a {@link SkippedSpan} that the last embedded
 * frame stands for, so segments without an embedded frame of their own can inherit its vector.
 *
 * <p>One instance per video, used from one thread.
 */
public final class NearDuplicateFilter {
    static final int THUMB_WIDTH = 64;
    static final int THUMB_HEIGHT = 36;

    /**
     * When a frame counts as new. Defaults ({@link #DEFAULT}) were chosen from per-sample statistics of the static
     * fixtures at 1 frame/s (the analysis behind NearDuplicateFilterTest), on 64x36 thumbnails of the 224-pixel
     * sampled frames (cells of about 6x6 pixels; at 32x18 the pedestrian in parking-lot-person-bicycle-car.mp4
     * changed its cells by 19-39 levels, too close to the 17 of an empty car park).
     *
     * @param cellLevels             a cell changed when its grey level moved by more than this (0..255). 30: empty
     *                               scenes, compared with 3 s earlier after removing the common shift, change at
     *                               most 19 (parking fixtures) or 6 (indoor); the small cyclist and pedestrian
     *                               change their cells by 46-82.
     * @param newContentFraction     tier 2: more than this fraction of cells changed (raw, not shift-corrected, so
     *                               lights going off count). 0.04, 92 of 2304 cells: a person walking into the
     *                               indoor room changes 137-310 cells against the last embedded frame, a car in
     *                               the parking aisle 151-183 (88 while only its bonnet is in view; one sample
     *                               later it is 295); a person standing and reading accumulates 10-46, and 77-102
     *                               only when they turn round, which is a pose worth embedding.
     * @param freshMotionCells       tier 3: this many cells moved where all was still. 2: the cyclist and the
     *                               pedestrian give 2-5 per sample, a single cell is too easily a compression
     *                               blotch. A reader's hands also give 1-9 now and then, hence the wait.
     * @param freshMotionWaitSeconds tier 3 waits this long after the last embedded frame. 1.5 s, that is every
     *                               second sample at 1 frame/s (allowing for timestamp jitter): a small object in
     *                               view for 3 samples is embedded, at the cost of a reader's hand movements
     *                               embedding every 2 s at worst.
     * @param changedCells           tier 4 (and tier 3's "the picture differs"): at least this many cells changed
     *                               against the last embedded frame, shift-corrected. 2, as above.
     * @param changeWaitSeconds      tier 4 waits this long. 4.5 s, every fifth sample: a person reading for 20 s
     *                               gets about four poses; 2.5 s (every third) cost 61 instead of 52 embedded
     *                               frames on indoor-people-one-by-one.mp4 without covering any more visits.
     * @param maxGapSeconds          embed at least one frame this often, even when nothing changes. 10 s as before:
     *                               the fixtures' events are all caught by the tiers above, so the heartbeat only
     *                               refreshes empty scenes, and at 10 s it costs 14 of 140 frames on a 139 s file.
     */
    public record Thresholds(double cellLevels, double newContentFraction, int freshMotionCells,
            double freshMotionWaitSeconds, int changedCells, double changeWaitSeconds, double maxGapSeconds) {
        public static final Thresholds DEFAULT = new Thresholds(30, 0.04, 2, 1.5, 2, 4.5, 10);

        public Thresholds {
            if (!(cellLevels >= 0) || !(newContentFraction >= 0 && newContentFraction < 1) || freshMotionCells < 1
                    || changedCells < 1 || !(freshMotionWaitSeconds >= 0) || !(changeWaitSeconds >= 0)
                    || !(maxGapSeconds > 0)) {
                throw new IllegalArgumentException("need cellLevels >= 0, 0 <= newContentFraction < 1, cell counts >= 1,"
                        + " waits >= 0 and maxGapSeconds > 0; got " + this);
            }
        }

        public Thresholds withMaxGapSeconds(double seconds) {
            return new Thresholds(cellLevels, newContentFraction, freshMotionCells, freshMotionWaitSeconds,
                    changedCells, changeWaitSeconds, seconds);
        }
    }

    /** Motion in a place that moved less than this many samples ago is not fresh: 3 samples, 3 s at 1 frame/s. */
    static final int FRESH_MOTION_MEMORY_SAMPLES = 3;

    /** Why a frame was embedded; {@link #SKIPPED} when it was not. */
    public enum Reason {
        FIRST, SCENE_CUT, MAX_GAP, NEW_CONTENT, FRESH_MOTION, CHANGE, SKIPPED
    }

    /**
     * A run of consecutive skipped frames.
     *
     * @param fromSeconds          offset of the first skipped frame
     * @param toSeconds            offset of the last skipped frame
     * @param frames               how many frames were skipped
     * @param representedBySeconds offset of the embedded frame that stands for them (the one before the span)
     */
    public record SkippedSpan(double fromSeconds, double toSeconds, int frames, double representedBySeconds) {
    }

    private final Thresholds thresholds;
    private final FreshMotion freshMotion;

    private GreyThumbnail lastEmbedded;
    private double lastEmbeddedOffset = Double.NaN;
    private int skippedSinceLastEmbedded;
    private double spanStart;
    private double spanEnd;
    private long embeddedTotal;
    private long skippedTotal;
    private final List<SkippedSpan> closedSpans = new ArrayList<>();

    public NearDuplicateFilter() {
        this(Thresholds.DEFAULT);
    }

    public NearDuplicateFilter(Thresholds thresholds) {
        this.thresholds = thresholds;
        this.freshMotion = new FreshMotion(thresholds.cellLevels(), FRESH_MOTION_MEMORY_SAMPLES);
    }

    /**
     * True when {@code frame} should be embedded; false when it is a near duplicate of the last embedded frame
     * (it is then counted in the current skipped span). Frames must come in offset order.
     */
    public boolean shouldEmbed(SampledFrame frame) {
        return decide(frame) != Reason.SKIPPED;
    }

    /** Same as {@link #shouldEmbed}, saying why: for logs, tests and tuning. */
    public Reason decide(SampledFrame frame) {
        GreyThumbnail thumb = GreyThumbnail.of(frame.frame(), THUMB_WIDTH, THUMB_HEIGHT);
        int freshCells = freshMotion.freshCells(thumb);
        double offset = frame.offsetSeconds();
        Reason reason = reason(thumb, freshCells, offset, frame.sceneCut());
        if (reason != Reason.SKIPPED) {
            closeSpan();
            lastEmbedded = thumb;
            lastEmbeddedOffset = offset;
            embeddedTotal++;
        } else {
            if (skippedSinceLastEmbedded == 0) {
                spanStart = offset;
            }
            spanEnd = offset;
            skippedSinceLastEmbedded++;
            skippedTotal++;
        }
        return reason;
    }

    private Reason reason(GreyThumbnail thumb, int freshCells, double offset, boolean sceneCut) {
        if (lastEmbedded == null || lastEmbedded.width() != thumb.width() || lastEmbedded.height() != thumb.height()) {
            return Reason.FIRST;
        }
        if (sceneCut) {
            return Reason.SCENE_CUT;
        }
        double waited = offset - lastEmbeddedOffset;
        if (waited >= thresholds.maxGapSeconds()) {
            return Reason.MAX_GAP;
        }
        if (thumb.fractionChanged(lastEmbedded, thresholds.cellLevels()) > thresholds.newContentFraction()) {
            return Reason.NEW_CONTENT;
        }
        boolean freshMotionDue = freshCells >= thresholds.freshMotionCells()
                && waited >= thresholds.freshMotionWaitSeconds();
        boolean changeDue = waited >= thresholds.changeWaitSeconds();
        if ((freshMotionDue || changeDue) && changedCells(thumb) >= thresholds.changedCells()) {
            return freshMotionDue ? Reason.FRESH_MOTION : Reason.CHANGE;
        }
        return Reason.SKIPPED;
    }

    private int changedCells(GreyThumbnail thumb) {
        int changed = 0;
        for (float change : thumb.changeBeyondCommonShift(lastEmbedded)) {
            if (change > thresholds.cellLevels()) {
                changed++;
            }
        }
        return changed;
    }

    /** Frames skipped since the last embedded frame (the open span); 0 right after an embedded frame. */
    public int skippedSinceLastEmbedded() {
        return skippedSinceLastEmbedded;
    }

    /** Offset of the last embedded frame, which stands for the frames skipped after it; empty before the first. */
    public OptionalDouble lastEmbeddedOffset() {
        return Double.isNaN(lastEmbeddedOffset) ? OptionalDouble.empty() : OptionalDouble.of(lastEmbeddedOffset);
    }

    /** The open span of skipped frames, if any (it closes when the next frame is embedded). */
    public Optional<SkippedSpan> openSpan() {
        return skippedSinceLastEmbedded == 0 ? Optional.empty()
                : Optional.of(new SkippedSpan(spanStart, spanEnd, skippedSinceLastEmbedded, lastEmbeddedOffset));
    }

    /** Every span of skipped frames so far, closed ones first, then the open one; in time order. */
    public List<SkippedSpan> skippedSpans() {
        List<SkippedSpan> all = new ArrayList<>(closedSpans);
        openSpan().ifPresent(all::add);
        return all;
    }

    public long embeddedCount() {
        return embeddedTotal;
    }

    public long skippedCount() {
        return skippedTotal;
    }

    /** Skipped share of all frames seen, 0..1. */
    public double skipRatio() {
        long seen = embeddedTotal + skippedTotal;
        return seen == 0 ? 0 : skippedTotal / (double) seen;
    }

    private void closeSpan() {
        openSpan().ifPresent(closedSpans::add);
        skippedSinceLastEmbedded = 0;
    }
}
