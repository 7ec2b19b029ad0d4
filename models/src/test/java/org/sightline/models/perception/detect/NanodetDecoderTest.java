package org.sightline.models.perception.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** NanoDet's distribution-focal-loss decoding: softmax expectation of each side's bins times the stride, from the cell's centre. */
class NanodetDecoderTest {
    private static final int CLASSES = 3;
    private static final int BINS = 11;

    @Test
    void aBoxSpansFromItsCellCentreByTheExpectedDistances() {
        NanodetDecoder d = new NanodetDecoder(416, 100);
        int[] cells = {52 * 52, 26 * 26, 13 * 13};
        float[][] scores = new float[3][];
        float[][] dists = new float[3][];
        for (int l = 0; l < 3; l++) {
            scores[l] = new float[cells[l] * CLASSES];
            dists[l] = new float[cells[l] * 4 * BINS];
        }
        // stride 16, row 2, column 5: centre (88, 40); class 1 at 0.7
        int cell = 2 * 26 + 5;
        scores[1][cell * CLASSES + 1] = 0.7f;
        // left: all weight on bin 2 -> 2 x 16; top: bins 1 and 3 equal -> 2 x 16; right: bin 0 -> 0; bottom: bin 10 -> 160
        float big = 50f;
        dists[1][(cell * 4) * BINS + 2] = big;
        dists[1][(cell * 4 + 1) * BINS + 1] = big;
        dists[1][(cell * 4 + 1) * BINS + 3] = big;
        dists[1][(cell * 4 + 2) * BINS] = big;
        dists[1][(cell * 4 + 3) * BINS + 10] = big;
        List<CenternetDecoder.Peak> found = d.decode(List.of(scores), List.of(dists), CLASSES, 0.5f);
        assertEquals(1, found.size());
        CenternetDecoder.Peak p = found.getFirst();
        assertEquals(1, p.classIndex());
        assertEquals(0.7f, p.score(), 1e-6);
        assertEquals(88 - 32, p.x1(), 1e-3);
        assertEquals(40 - 32, p.y1(), 1e-3);
        assertEquals(88, p.x2(), 1e-3);
        assertEquals(40 + 160, p.y2(), 1e-3);
    }

    @Test
    void outputsOfTheWrongSizeAreRefused() {
        NanodetDecoder d = new NanodetDecoder(416, 100);
        assertThrows(IllegalArgumentException.class, () -> d.decode(List.of(new float[5], new float[26 * 26 * CLASSES], new float[13 * 13 * CLASSES]),
                List.of(new float[52 * 52 * 44], new float[26 * 26 * 44], new float[13 * 13 * 44]), CLASSES, 0.5f));
    }
}
