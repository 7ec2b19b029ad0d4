package org.sightline.models.perception.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.sightline.models.runtime.RgbFrame;

/**
 * Exact decoding of YOLOv5 and YOLOv8/YOLO11 outputs on hand-made tensors: one box in (a box of the frame, put into
 * input pixels through the letterbox or stretch the preprocessor chose), the same box out; the best class, score
 * = objectness × class score for YOLOv5; both YOLOv8 orientations; plain errors for a wrong shape.
 */
class YoloDecoderTest {
    static final NormalisedBox BOX = new NormalisedBox(0.25f, 0.3f, 0.5f, 0.8f);
    static final int CLASSES = 3;
    static final int ROWS = 10;

    /** Where a 768×432 frame goes in a 640 input with {@code fit}. */
    static InputPlacement placement(DetectorSettings.Fit fit) {
        DetectorSettings s = DetectorSettings.yolov8().withFit(fit);
        return new DetectorPreprocessor(s).prepare(new RgbFrame(768, 432, new byte[768 * 432 * 3]),
                new float[new DetectorPreprocessor(s).inputLength()]);
    }

    /** The frame box {@link #BOX} as centre x, centre y, width, height in input pixels. */
    static float[] inputBox(InputPlacement p) {
        float x1 = p.offsetX() + BOX.x1() * p.contentWidth();
        float x2 = p.offsetX() + BOX.x2() * p.contentWidth();
        float y1 = p.offsetY() + BOX.y1() * p.contentHeight();
        float y2 = p.offsetY() + BOX.y2() * p.contentHeight();
        return new float[] {(x1 + x2) / 2, (y1 + y2) / 2, x2 - x1, y2 - y1};
    }

    static void assertSameBox(NormalisedBox expected, NormalisedBox actual) {
        float[] e = {expected.x1(), expected.y1(), expected.x2(), expected.y2()};
        float[] a = {actual.x1(), actual.y1(), actual.x2(), actual.y2()};
        for (int i = 0; i < 4; i++) {
            assertEquals(e[i], a[i], 1e-5, "corner " + i + " of " + actual);
        }
    }

    /** Rows of {@code 4 [+1] + CLASSES} values, row 6 holding the box, class 2 at 0.9 (class 0 at 0.3), objectness 0.8. */
    static float[][] rows(float[] box, boolean objectness) {
        int values = (objectness ? 5 : 4) + CLASSES;
        float[][] rows = new float[ROWS][values];
        for (int r = 0; r < ROWS; r++) {
            rows[r][0] = 10 * r;
            rows[r][1] = 10 * r;
            rows[r][2] = 5;
            rows[r][3] = 5;
        }
        System.arraycopy(box, 0, rows[6], 0, 4);
        int first = objectness ? 5 : 4;
        if (objectness) {
            rows[6][4] = 0.8f;
            rows[3][4] = 0.1f;
            rows[3][first] = 0.99f;
        }
        rows[6][first] = 0.3f;
        rows[6][first + 2] = 0.9f;
        return rows;
    }

    static OutputTensor rowsFirst(float[][] rows) {
        int values = rows[0].length;
        float[] v = new float[rows.length * values];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, v, r * values, values);
        }
        return new OutputTensor("output0", new long[] {1, rows.length, values}, v);
    }

    static OutputTensor valuesFirst(float[][] rows) {
        int values = rows[0].length;
        float[] v = new float[rows.length * values];
        for (int r = 0; r < rows.length; r++) {
            for (int k = 0; k < values; k++) {
                v[k * rows.length + r] = rows[r][k];
            }
        }
        return new OutputTensor("output0", new long[] {1, values, rows.length}, v);
    }

    @ParameterizedTest
    @EnumSource(DetectorSettings.Fit.class)
    void yolov5BoxComesBackThroughTheFitWithObjectnessTimesClassScore(DetectorSettings.Fit fit) {
        InputPlacement p = placement(fit);
        List<CenternetDecoder.Peak> peaks = new YoloDecoder(true).decode(rowsFirst(rows(inputBox(p), true)), CLASSES, 0.25f);
        assertEquals(1, peaks.size(), "row 3's class score is high but its objectness 0.1 is below the threshold: " + peaks);
        CenternetDecoder.Peak peak = peaks.getFirst();
        assertEquals(2, peak.classIndex());
        assertEquals(0.8f * 0.9f, peak.score(), 1e-6);
        assertSameBox(BOX, p.toFrame(peak.x1(), peak.y1(), peak.x2(), peak.y2()));
    }

    @ParameterizedTest
    @EnumSource(DetectorSettings.Fit.class)
    void yolov8BoxComesBackInBothOrientations(DetectorSettings.Fit fit) {
        InputPlacement p = placement(fit);
        float[][] rows = rows(inputBox(p), false);
        for (OutputTensor out : List.of(valuesFirst(rows), rowsFirst(rows))) {
            List<CenternetDecoder.Peak> peaks = new YoloDecoder(false).decode(out, CLASSES, 0.25f);
            assertEquals(1, peaks.size(), out.shapeText() + ": " + peaks);
            assertEquals(2, peaks.getFirst().classIndex());
            assertEquals(0.9f, peaks.getFirst().score(), 1e-6);
            CenternetDecoder.Peak peak = peaks.getFirst();
            assertSameBox(BOX, p.toFrame(peak.x1(), peak.y1(), peak.x2(), peak.y2()));
        }
    }

    @Test
    void aWrongShapeNamesTheOutputTheExpectedAndTheActualShape() {
        OutputTensor wrong = new OutputTensor("output0", new long[] {1, 84, 10}, new float[840]);
        DetectorOutputException e = assertThrows(DetectorOutputException.class,
                () -> new YoloDecoder(false).decode(wrong, CLASSES, 0.25f));
        assertEquals("output output0 has shape [1, 84, 10], expected [1, 4+3, N] or [1, N, 4+3] for 3 classes", e.getMessage());
        DetectorOutputException v5 = assertThrows(DetectorOutputException.class,
                () -> new YoloDecoder(true).decode(new OutputTensor("output0", new long[] {1, 8, 10}, new float[80]), CLASSES, 0.25f));
        assertEquals("output output0 has shape [1, 8, 10], expected [1, N, 5+3] for 3 classes", v5.getMessage());
        assertTrue(assertThrows(DetectorOutputException.class, () -> new YoloDecoder(true)
                .decode(new OutputTensor("output0", new long[] {25200, 8}, new float[25200 * 8]), CLASSES, 0.25f))
                .getMessage().contains("[25200, 8]"));
    }
}
