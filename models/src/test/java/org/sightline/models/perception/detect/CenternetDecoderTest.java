package org.sightline.models.perception.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CenternetDecoderTest {
    private static final int ROWS = 8;
    private static final int COLUMNS = 8;
    private static final int CLASSES = 2;

    @Test
    void localMaximaAboveTheThresholdBecomeBoxesAroundTheirCell() {
        float[] heat = new float[ROWS * COLUMNS * CLASSES];
        float[] extents = new float[ROWS * COLUMNS * 4];
        set(heat, 2, 3, 0, 0.9f);
        set(heat, 2, 4, 0, 0.5f); // beside a higher score of its class: not a peak
        set(heat, 2, 4, 1, 0.6f); // another class at the same place: a peak
        set(heat, 7, 7, 1, 0.1f); // below the threshold
        int e = (2 * COLUMNS + 3) * 4;
        extents[e] = 5;
        extents[e + 1] = 6;
        extents[e + 2] = 7;
        extents[e + 3] = 8;

        List<CenternetDecoder.Peak> peaks = new CenternetDecoder(10).decode(heat, extents, ROWS, COLUMNS, CLASSES, 4, 0.3f);

        assertEquals(2, peaks.size());
        CenternetDecoder.Peak first = peaks.getFirst();
        assertEquals(0, first.classIndex());
        assertEquals(0.9f, first.score());
        // centre (column 3, row 2) at stride 4 = (12, 8), then left 5, top 6, right 7, bottom 8
        assertEquals(7f, first.x1());
        assertEquals(2f, first.y1());
        assertEquals(19f, first.x2());
        assertEquals(16f, first.y2());
        assertEquals(1, peaks.get(1).classIndex());
    }

    @Test
    void atMostTheLimitOfPeaksHighestFirst() {
        float[] heat = new float[ROWS * COLUMNS * CLASSES];
        for (int r = 0; r < ROWS; r += 2) {
            for (int c = 0; c < COLUMNS; c += 2) {
                set(heat, r, c, 0, 0.4f + 0.01f * (r * COLUMNS + c));
            }
        }
        List<CenternetDecoder.Peak> peaks = new CenternetDecoder(3).decode(heat, new float[ROWS * COLUMNS * 4], ROWS,
                COLUMNS, CLASSES, 4, 0.3f);
        assertEquals(3, peaks.size());
        assertEquals(0.4f + 0.01f * (6 * COLUMNS + 6), peaks.getFirst().score(), 1e-6f);
    }

    private static void set(float[] heat, int row, int column, int cls, float v) {
        heat[(row * COLUMNS + column) * CLASSES + cls] = v;
    }
}
