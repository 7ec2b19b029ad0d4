package org.sightline.indexer.footage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Finds every moment the picture changed inside given rectangles ("what happened at this door"), model-free: the
 * video is decoded (read-only, through {@link FrameSampler}) at a few samples a second, each sample becomes a grey
 * thumbnail, and a region moved when enough of its cells changed since the previous sample beyond the common shift
 * of the whole picture (auto-exposure, clouds: {@link GreyThumbnail#changeBeyondCommonShift}). Samples that moved
 * are joined into spans while the gap between them is short. Thread safe; each call decodes on its own.
 */
public final class RegionMotion {
    static final int THUMB_WIDTH = 48;
    static final int THUMB_HEIGHT = 27;
    /** Short side of decoded samples: 27 thumbnail rows of about 4 pixels each. */
    static final int SAMPLE_SHORT_SIDE = 108;

    /**
     * How readily change counts as motion.
     *
     * @param samplesPerSecond  how often the picture is compared
     * @param cellLevels        a cell changed when its grey level moved by more than this (0..255) beyond the common shift
     * @param minChangedFraction a region moved when at least this fraction of its cells changed
     * @param joinGapSeconds    moving samples at most this far apart form one span
     */
    public record Settings(double samplesPerSecond, double cellLevels, double minChangedFraction, double joinGapSeconds) {
        public static final double DEFAULT_SENSITIVITY = 0.5;

        /**
         * Settings for a sensitivity from 0 (only large, strong change) to 1 (the faintest change): at 0.5 a cell must
         * change by 20 grey levels and a tenth of the region's cells must change.
         */
        public static Settings sensitivity(double s) {
            if (!(s >= 0 && s <= 1)) {
                throw new IllegalArgumentException("the sensitivity must be a number from 0 (least) to 1 (most); got " + s);
            }
            double cellLevels = 36 - 32 * s;
            double fraction = 0.25 * Math.pow(0.16, s);
            return new Settings(4, cellLevels, fraction, 1.0);
        }
    }

    /**
     * Motion in one region of one video.
     *
     * @param startSeconds  the sample before the first change
     * @param endSeconds    the last sample that changed
     * @param peakSeconds   the sample where most of the region changed
     * @param peakFraction  that fraction of the region's cells (0..1)
     */
    public record Span(FrameRegion region, double startSeconds, double endSeconds, double peakSeconds, double peakFraction) {
        public String describe() {
            return String.format(Locale.ROOT, "%.0f%% of region %s changed at %.1f s (motion %.1f-%.1f s)", 100 * peakFraction,
                    region, peakSeconds, startSeconds, endSeconds);
        }
    }

    private final FrameSampler sampler = new FrameSampler(1);

    /**
     * Motion in each region of {@code video}, spans in time order (all regions together).
     *
     * @throws FootageException     the video cannot be opened or decoded (nothing of it could be read)
     * @throws InterruptedException cancelled
     */
    public List<Span> scan(Path video, List<FrameRegion> regions, Settings settings, BooleanSupplier cancelled)
            throws FootageException, InterruptedException {
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("motion needs at least one region of the picture");
        }
        List<Tracker> trackers = regions.stream().map(r -> new Tracker(r, settings)).toList();
        GreyThumbnail[] previous = new GreyThumbnail[1];
        double[] previousAt = new double[1];
        sampler.sample(video, new SamplingOptions(settings.samplesPerSecond(), SAMPLE_SHORT_SIDE, false), sample -> {
            GreyThumbnail thumb = GreyThumbnail.of(sample.frame(), THUMB_WIDTH, THUMB_HEIGHT);
            if (previous[0] != null && previous[0].width() == thumb.width() && previous[0].height() == thumb.height()) {
                float[] change = thumb.changeBeyondCommonShift(previous[0]);
                for (Tracker t : trackers) {
                    t.accept(previousAt[0], sample.offsetSeconds(), change, thumb.width(), thumb.height());
                }
            }
            previous[0] = thumb;
            previousAt[0] = sample.offsetSeconds();
        }, cancelled == null ? () -> false : cancelled);
        List<Span> spans = new ArrayList<>();
        for (Tracker t : trackers) {
            t.finish();
            spans.addAll(t.spans);
        }
        spans.sort(java.util.Comparator.comparingDouble(Span::startSeconds).thenComparingDouble(Span::endSeconds));
        return spans;
    }

    /** Fraction of the region's cells that changed by more than {@code levels}: cells whose centre lies inside. */
    static double changedFraction(FrameRegion region, float[] change, int width, int height, double levels) {
        int inside = 0;
        int changed = 0;
        for (int cy = 0; cy < height; cy++) {
            for (int cx = 0; cx < width; cx++) {
                if (region.contains((cx + 0.5) / width, (cy + 0.5) / height)) {
                    inside++;
                    if (change[cy * width + cx] > levels) {
                        changed++;
                    }
                }
            }
        }
        if (inside == 0) {
            // a region smaller than a cell: the cell under its centre
            int cx = Math.min(width - 1, (int) ((region.x() + region.width() / 2) * width));
            int cy = Math.min(height - 1, (int) ((region.y() + region.height() / 2) * height));
            return change[cy * width + cx] > levels ? 1 : 0;
        }
        return changed / (double) inside;
    }

    /** Spans of one region, built sample by sample. */
    private static final class Tracker {
        private final FrameRegion region;
        private final Settings settings;
        private final List<Span> spans = new ArrayList<>();
        private double start = Double.NaN;
        private double end;
        private double peakAt;
        private double peak;

        Tracker(FrameRegion region, Settings settings) {
            this.region = region;
            this.settings = settings;
        }

        void accept(double previousAt, double at, float[] change, int width, int height) {
            double fraction = changedFraction(region, change, width, height, settings.cellLevels());
            if (fraction < settings.minChangedFraction()) {
                return;
            }
            if (!Double.isNaN(start) && previousAt - end > settings.joinGapSeconds() + 1e-9) {
                finish();
            }
            if (Double.isNaN(start)) {
                start = previousAt;
                peak = 0;
            }
            end = at;
            if (fraction > peak) {
                peak = fraction;
                peakAt = at;
            }
        }

        void finish() {
            if (!Double.isNaN(start)) {
                spans.add(new Span(region, start, end, peakAt, peak));
                start = Double.NaN;
            }
        }
    }
}
