package org.sightline.models.perception.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The single output of nanodet's own ONNX export decodes as its head's {@code get_bboxes}: a box encoded as
 * distance distributions around a centre prior of the stride-32 level comes back as the same frame box through
 * letterbox and stretch; the stride set is told by the row count; a wrong shape is a plain error.
 */
class NanodetPlusDecoderTest {
    static final int SIZE = 416;
    static final int CLASSES = 2;
    static final int BINS = 8;

    /** Logits whose softmax expectation over bins 0..BINS-1 is {@code d} (weights on the two nearest bins). */
    static void encode(float[] v, int offset, float d) {
        Arrays.fill(v, offset, offset + BINS, -1e4f);
        int i = (int) Math.floor(d);
        float f = d - i;
        v[offset + i] = (float) Math.log(Math.max(1e-12, 1 - f));
        if (i + 1 < BINS) {
            v[offset + i + 1] = (float) Math.log(Math.max(1e-12, f));
        }
    }

    @ParameterizedTest
    @EnumSource(DetectorSettings.Fit.class)
    void aBoxAroundAPriorOfTheStride32LevelComesBackThroughTheFit(DetectorSettings.Fit fit) {
        InputPlacement p = YoloDecoderTest.placement(fit);
        // the 640-input placement scaled to this 416 input
        float k = SIZE / 640f;
        InputPlacement placement = new InputPlacement(p.offsetX() * k, p.offsetY() * k, p.contentWidth() * k, p.contentHeight() * k);
        NormalisedBox b = YoloDecoderTest.BOX;
        float x1 = placement.offsetX() + b.x1() * placement.contentWidth();
        float y1 = placement.offsetY() + b.y1() * placement.contentHeight();
        float x2 = placement.offsetX() + b.x2() * placement.contentWidth();
        float y2 = placement.offsetY() + b.y2() * placement.contentHeight();
        int stride = 32;
        int side = (SIZE + stride - 1) / stride;
        int gx = (int) Math.ceil(x1 / stride);
        int gy = (int) Math.ceil(y1 / stride);
        int rows = 52 * 52 + 26 * 26 + 13 * 13 + 7 * 7;
        int values = CLASSES + 4 * BINS;
        float[] v = new float[rows * values];
        int o = (52 * 52 + 26 * 26 + gy * side + gx) * values;
        v[o + 1] = 0.7f;
        float cx = gx * stride;
        float cy = gy * stride;
        float[] d = {(cx - x1) / stride, (cy - y1) / stride, (x2 - cx) / stride, (y2 - cy) / stride};
        for (int s = 0; s < 4; s++) {
            encode(v, o + CLASSES + s * BINS, d[s]);
        }
        List<CenternetDecoder.Peak> peaks = new NanodetPlusDecoder(SIZE, 100)
                .decode(new OutputTensor("output", new long[] {1, rows, values}, v), CLASSES, 0.35f);
        assertEquals(1, peaks.size(), peaks.toString());
        CenternetDecoder.Peak peak = peaks.getFirst();
        assertEquals(1, peak.classIndex());
        NormalisedBox back = placement.toFrame(peak.x1(), peak.y1(), peak.x2(), peak.y2());
        float[] e = {b.x1(), b.y1(), b.x2(), b.y2()};
        float[] a = {back.x1(), back.y1(), back.x2(), back.y2()};
        for (int i = 0; i < 4; i++) {
            assertEquals(e[i], a[i], 1e-4, "corner " + i + " of " + back);
        }
    }

    @Test
    void threeLevelExportsAreReadAndOtherRowCountsAreAPlainError() {
        int rows = 52 * 52 + 26 * 26 + 13 * 13;
        float[] v = new float[rows * (CLASSES + 4 * BINS)];
        assertEquals(List.of(), new NanodetPlusDecoder(SIZE, 100)
                .decode(new OutputTensor("output", new long[] {1, rows, CLASSES + 4 * BINS}, v), CLASSES, 0.35f));
        DetectorOutputException e = assertThrows(DetectorOutputException.class, () -> new NanodetPlusDecoder(320, 100)
                .decode(new OutputTensor("output", new long[] {1, rows, CLASSES + 4 * BINS}, v), CLASSES, 0.35f));
        assertEquals("output output has shape [1, 3549, 34], expected [1, N, 2+4×bins] with N = 2125 (strides 8, 16, 32, 64)"
                + " or 2100 (strides 8, 16, 32) for a 320-pixel input", e.getMessage());
    }
}
