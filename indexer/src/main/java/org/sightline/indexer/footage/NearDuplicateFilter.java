package org.sightline.indexer.footage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Decides, frame by frame, whether a sampled frame shows something the last <em>embedded</em> frame does not, so
 * that static CCTV (an empty aisle for an hour) costs one embedding per {@code maxGapSeconds} instead of one per
 * sample. Frames it lets through: the first, scene cuts, any frame where enough of a 32x18 grey thumbnail changed
 * against the last embedded frame, and one at least every {@code maxGapSeconds} so the timeline has no long holes.
 *
 * <p>Skipped frames are not lost: each run of them is recorded as a {@link SkippedSpan} that the last embedded
 * frame stands for, so segments without an embedded frame of their own can inherit its vector.
 *
 * <p>One instance per video, used from one thread.
 */
public final class NearDuplicateFilter {
    /** A thumbnail cell counts as changed when its grey level moved by more than this (0..255). */
    public static final double DEFAULT_CELL_LEVELS = 10;
    /**
     * A frame is new when more than this fraction of cells changed: 1% of 32x18 is 6 cells, about one person
     * at a few metres in a 768x432 indoor view. Tuned on the static fixtures (see NearDuplicateFilterTest).
     */
    public static final double DEFAULT_CHANGED_FRACTION = 0.01;
    /** Embed at least one frame this often, even when nothing changes. */
    public static final double DEFAULT_MAX_GAP_SECONDS = 10;

    static final int THUMB_WIDTH = 32;
    static final int THUMB_HEIGHT = 18;

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

    private final double cellLevels;
    private final double changedFraction;
    private final double maxGapSeconds;

    private GreyThumbnail lastEmbedded;
    private double lastEmbeddedOffset = Double.NaN;
    private int skippedSinceLastEmbedded;
    private double spanStart;
    private double spanEnd;
    private long embeddedTotal;
    private long skippedTotal;
    private final List<SkippedSpan> closedSpans = new ArrayList<>();

    public NearDuplicateFilter() {
        this(DEFAULT_CELL_LEVELS, DEFAULT_CHANGED_FRACTION, DEFAULT_MAX_GAP_SECONDS);
    }

    public NearDuplicateFilter(double cellLevels, double changedFraction, double maxGapSeconds) {
        if (!(cellLevels >= 0) || !(changedFraction >= 0 && changedFraction < 1) || !(maxGapSeconds > 0)) {
            throw new IllegalArgumentException("need cellLevels >= 0, 0 <= changedFraction < 1, maxGapSeconds > 0; got "
                    + cellLevels + ", " + changedFraction + ", " + maxGapSeconds);
        }
        this.cellLevels = cellLevels;
        this.changedFraction = changedFraction;
        this.maxGapSeconds = maxGapSeconds;
    }

    /**
     * True when {@code frame} should be embedded; false when it is a near duplicate of the last embedded frame
     * (it is then counted in the current skipped span). Frames must come in offset order.
     */
    public boolean shouldEmbed(SampledFrame frame) {
        GreyThumbnail thumb = GreyThumbnail.of(frame.frame(), THUMB_WIDTH, THUMB_HEIGHT);
        double offset = frame.offsetSeconds();
        boolean embed = lastEmbedded == null
                || frame.sceneCut()
                || offset - lastEmbeddedOffset >= maxGapSeconds
                || lastEmbedded.width() != thumb.width() || lastEmbedded.height() != thumb.height()
                || thumb.fractionChanged(lastEmbedded, cellLevels) > changedFraction;
        if (embed) {
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
        return embed;
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
