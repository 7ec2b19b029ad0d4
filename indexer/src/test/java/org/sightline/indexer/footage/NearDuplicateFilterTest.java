package org.sightline.indexer.footage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sightline.models.runtime.RgbFrame;
import org.sightline.models.testing.SharedData;

class NearDuplicateFilterTest {
    /** Visits in indoor-people-one-by-one.mp4 (fixture README), seconds. */
    private static final double[][] VISITS = {{5, 15}, {24, 40}, {50, 65}, {76, 84}, {94, 118}, {120, 137}};
    /** Stretches where the room is empty, read from the same notes with a margin for walking in and out. */
    private static final double[][] EMPTY = {{0, 4}, {17, 22}, {42, 49}, {72, 74}, {89, 92}};

    @Test
    void staticRoomIsSkippedButEveryVisitIsEmbedded() throws Exception {
        List<SampledFrame> frames = sample("indoor-people-one-by-one.mp4");
        NearDuplicateFilter filter = new NearDuplicateFilter();
        List<Double> embedded = new ArrayList<>();
        int emptySeen = 0;
        int emptySkipped = 0;
        for (SampledFrame frame : frames) {
            boolean embed = filter.shouldEmbed(frame);
            if (embed) {
                embedded.add(frame.offsetSeconds());
            }
            if (within(EMPTY, frame.offsetSeconds())) {
                emptySeen++;
                emptySkipped += embed ? 0 : 1;
            }
        }
        for (double[] visit : VISITS) {
            assertTrue(embedded.stream().anyMatch(t -> t >= visit[0] && t <= visit[1]),
                    "visit " + visit[0] + "-" + visit[1] + " s has an embedded frame; embedded: " + embedded);
        }
        System.out.printf("indoor-people-one-by-one.mp4: %d of %d frames skipped (%.0f%%), empty-room frames skipped %d of %d%n",
                filter.skippedCount(), frames.size(), 100 * filter.skipRatio(), emptySkipped, emptySeen);
        assertTrue(emptySkipped > emptySeen / 2, "most empty-room frames skipped: " + emptySkipped + " of " + emptySeen);
        assertTrue(filter.skipRatio() > 0.2, "static footage saves work: " + filter.skipRatio());
    }

    @ParameterizedTest
    @ValueSource(strings = {"parking-aisle-cars.mp4", "parking-lot-person-bicycle-car.mp4",
        "residential-street-vehicles.mp4", "motorway-cctv-cyclist.avi"})
    void skipRatioPerFixtureAndNoHoleLongerThanTheMaxGap(String name) throws Exception {
        NearDuplicateFilter filter = new NearDuplicateFilter();
        double lastEmbedded = 0;
        for (SampledFrame frame : sample(name)) {
            if (filter.shouldEmbed(frame)) {
                assertTrue(frame.offsetSeconds() - lastEmbedded <= NearDuplicateFilter.DEFAULT_MAX_GAP_SECONDS + 1.01);
                lastEmbedded = frame.offsetSeconds();
            }
        }
        System.out.printf("%s: %d embedded, %d skipped (%.0f%%), %d skipped spans%n", name, filter.embeddedCount(),
                filter.skippedCount(), 100 * filter.skipRatio(), filter.skippedSpans().size());
        long spanFrames = filter.skippedSpans().stream().mapToLong(NearDuplicateFilter.SkippedSpan::frames).sum();
        assertEquals(filter.skippedCount(), spanFrames, "every skipped frame is in a span");
    }

    @Test
    void recordsSkippedSpansAndTheMaxGap() {
        NearDuplicateFilter filter = new NearDuplicateFilter(10, 0.01, 5);
        RgbFrame grey = solid(100);
        assertTrue(filter.shouldEmbed(new SampledFrame(0, grey, false)), "first frame");
        assertFalse(filter.shouldEmbed(new SampledFrame(1, grey, false)));
        assertFalse(filter.shouldEmbed(new SampledFrame(2, solid(103), false)), "small drift is a duplicate");
        assertEquals(2, filter.skippedSinceLastEmbedded());
        assertEquals(0.0, filter.lastEmbeddedOffset().orElseThrow());
        assertTrue(filter.shouldEmbed(new SampledFrame(3, solid(160), false)), "the picture changed");
        assertEquals(0, filter.skippedSinceLastEmbedded());
        assertEquals(List.of(new NearDuplicateFilter.SkippedSpan(1, 2, 2, 0)), filter.skippedSpans());
        assertFalse(filter.shouldEmbed(new SampledFrame(4, solid(160), false)));
        assertTrue(filter.shouldEmbed(new SampledFrame(5, solid(160), true)), "scene cuts are always embedded");
        assertFalse(filter.shouldEmbed(new SampledFrame(9, solid(160), false)));
        assertTrue(filter.shouldEmbed(new SampledFrame(10, solid(160), false)), "max gap reached");
        assertEquals(List.of(new NearDuplicateFilter.SkippedSpan(1, 2, 2, 0), new NearDuplicateFilter.SkippedSpan(4, 4, 1, 3),
                new NearDuplicateFilter.SkippedSpan(9, 9, 1, 5)), filter.skippedSpans());
        assertEquals(4, filter.embeddedCount());
        assertEquals(4, filter.skippedCount());
    }

    private static RgbFrame solid(int level) {
        byte[] rgb = new byte[3 * 64 * 36];
        java.util.Arrays.fill(rgb, (byte) level);
        return new RgbFrame(64, 36, rgb);
    }

    private static boolean within(double[][] spans, double t) {
        for (double[] span : spans) {
            if (t >= span[0] && t <= span[1]) {
                return true;
            }
        }
        return false;
    }

    private static List<SampledFrame> sample(String name) throws Exception {
        List<SampledFrame> frames = new ArrayList<>();
        new FrameSampler().sample(SharedData.footage(name), SamplingOptions.DEFAULT, frames::add, () -> false);
        return frames;
    }
}
