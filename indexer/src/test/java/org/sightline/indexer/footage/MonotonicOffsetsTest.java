package org.sightline.indexer.footage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MonotonicOffsetsTest {
    private static final double FRAME = 0.04;

    @Test
    void backwardsRepeatedAndMissingTimestampsStepOneFrameForward() {
        MonotonicOffsets offsets = new MonotonicOffsets(0, FRAME);
        assertEquals(0.00, offsets.next(0), 1e-9);
        assertEquals(0.04, offsets.next(40_000), 1e-9);
        assertEquals(0.08, offsets.next(40_000), 1e-9, "repeated");
        assertEquals(0.12, offsets.next(20_000), 1e-9, "backwards");
        assertEquals(0.16, offsets.next(Long.MIN_VALUE), 1e-9, "missing");
        assertEquals(0.20, offsets.next(200_000), 1e-9, "back on the real timeline");
        assertEquals(0.24, offsets.next(0), 1e-9, "a flush frame stamped 0 at the end");
    }

    @Test
    void countsFromTheContainerStartOrTheFirstFrame() {
        MonotonicOffsets transportStream = new MonotonicOffsets(1_400_000, FRAME);
        assertEquals(0.0, transportStream.next(1_400_000), 1e-9);
        assertEquals(1.0, transportStream.next(2_400_000), 1e-9);

        MonotonicOffsets unknownStart = new MonotonicOffsets(Long.MIN_VALUE, FRAME);
        assertEquals(0.0, unknownStart.next(5_000_000), 1e-9);
        assertEquals(0.5, unknownStart.next(5_500_000), 1e-9);
    }

    @Test
    void remembersTheLargestHole() {
        MonotonicOffsets offsets = new MonotonicOffsets(0, FRAME);
        offsets.next(0);
        offsets.next(40_000);
        offsets.next(3_040_000);
        offsets.next(3_080_000);
        assertEquals(3.0, offsets.largestGap(), 1e-9);
        assertEquals(0.04, offsets.largestGapStart(), 1e-9);
    }

    @Test
    void skippedFramesKeepTheirTimestampsAndAnExcusedHoleIsNoGap() {
        MonotonicOffsets offsets = new MonotonicOffsets(0, FRAME);
        offsets.next(0);
        assertEquals(0.12, offsets.next(120_000), 1e-9, "two skipped B-frames do not shift the next offset");
        offsets.next(1_120_000);
        assertEquals(1.0, offsets.largestGap(), 1e-9);
        offsets.excuseLastStep();
        assertEquals(0.12, offsets.largestGap(), 1e-9, "the excused step no longer counts");
        assertEquals(0.0, offsets.largestGapStart(), 1e-9);
        offsets.next(1_160_000);
        offsets.next(2_660_000);
        assertEquals(1.5, offsets.largestGap(), 1e-9, "later holes still count");
    }
}
