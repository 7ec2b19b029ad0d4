package org.sightline.models.perception.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * YOLOX raw grid outputs decode as YOLOX's {@code demo_postprocess}: a box encoded on a cell of the stride-16 level
 * (offset from the cell, log of size over stride) comes back as the same frame box through letterbox and stretch.
 */
class YoloxGridTest {
    static final int CLASSES = 2;

    @ParameterizedTest
    @EnumSource(DetectorSettings.Fit.class)
    void aBoxEncodedOnTheGridComesBackThroughTheFit(DetectorSettings.Fit fit) {
        InputPlacement p = YoloDecoderTest.placement(fit);
        float[] box = YoloDecoderTest.inputBox(p);
        YoloxGrid grid = new YoloxGrid(640);
        assertEquals(80 * 80 + 40 * 40 + 20 * 20, grid.rows());
        int stride = 16;
        int cx = (int) (box[0] / stride);
        int cy = (int) (box[1] / stride);
        int row = 80 * 80 + cy * 40 + cx;
        int values = 5 + CLASSES;
        float[] v = new float[grid.rows() * values];
        int o = row * values;
        v[o] = box[0] / stride - cx;
        v[o + 1] = box[1] / stride - cy;
        v[o + 2] = (float) Math.log(box[2] / stride);
        v[o + 3] = (float) Math.log(box[3] / stride);
        v[o + 4] = 0.9f;
        v[o + 5 + 1] = 0.8f;
        OutputTensor raw = new OutputTensor("output", new long[] {1, grid.rows(), values}, v);
        List<CenternetDecoder.Peak> peaks = new YoloDecoder(true).decode(grid.decode(raw, CLASSES), CLASSES, 0.3f);
        assertEquals(1, peaks.size(), peaks.toString());
        CenternetDecoder.Peak peak = peaks.getFirst();
        assertEquals(1, peak.classIndex());
        assertEquals(0.72f, peak.score(), 1e-6);
        NormalisedBox back = p.toFrame(peak.x1(), peak.y1(), peak.x2(), peak.y2());
        float[] e = {YoloDecoderTest.BOX.x1(), YoloDecoderTest.BOX.y1(), YoloDecoderTest.BOX.x2(), YoloDecoderTest.BOX.y2()};
        float[] a = {back.x1(), back.y1(), back.x2(), back.y2()};
        for (int i = 0; i < 4; i++) {
            assertEquals(e[i], a[i], 1e-4, "corner " + i + " of " + back);
        }
    }

    @Test
    void aRawOutputForAnotherInputSizeIsAPlainError() {
        OutputTensor raw = new OutputTensor("output", new long[] {1, 3549, 7}, new float[3549 * 7]);
        DetectorOutputException e = assertThrows(DetectorOutputException.class, () -> new YoloxGrid(640).decode(raw, CLASSES));
        assertEquals("output output has shape [1, 3549, 7], expected [1, 8400, 5+2] (a raw-grid YOLOX output for a"
                + " 640-pixel input and 2 classes)", e.getMessage());
    }
}
