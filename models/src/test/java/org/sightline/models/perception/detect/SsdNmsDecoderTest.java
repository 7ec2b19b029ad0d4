package org.sightline.models.perception.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sightline.models.runtime.RgbFrame;

/**
 * SSD outputs with NMS in the graph: normalised boxes in TensorFlow's (ymin, xmin, ymax, xmax) order or the
 * recorded other order, 1-based class ids, only {@code num_detections} rows read; the single {@code [1,1,N,7]} form;
 * plain errors for a wrong shape or an unknown class id.
 */
class SsdNmsDecoderTest {
    static final int SIZE = 320;

    static InputPlacement placement(DetectorSettings.Fit fit) {
        DetectorSettings s = DetectorSettings.ssdNms().withFit(fit);
        DetectorPreprocessor pre = new DetectorPreprocessor(s);
        return pre.prepare(new RgbFrame(768, 432, new byte[768 * 432 * 3]), new float[pre.inputLength()]);
    }

    /** {@link YoloDecoderTest#BOX} normalised to the input: x1, y1, x2, y2. */
    static float[] normalisedInputBox(InputPlacement p) {
        NormalisedBox b = YoloDecoderTest.BOX;
        return new float[] {(p.offsetX() + b.x1() * p.contentWidth()) / SIZE, (p.offsetY() + b.y1() * p.contentHeight()) / SIZE,
                (p.offsetX() + b.x2() * p.contentWidth()) / SIZE, (p.offsetY() + b.y2() * p.contentHeight()) / SIZE};
    }

    static OutputTensor t(String name, long[] shape, float... values) {
        return new OutputTensor(name, shape, values);
    }

    @ParameterizedTest
    @EnumSource(DetectorSettings.Fit.class)
    void theBoxComesBackInEitherOrderAndOnlyCountedRowsAreRead(DetectorSettings.Fit fit) {
        InputPlacement p = placement(fit);
        float[] b = normalisedInputBox(p);
        for (DecodingOptions.BoxOrder order : DecodingOptions.BoxOrder.values()) {
            float[] first = order == DecodingOptions.BoxOrder.YMIN_XMIN_YMAX_XMAX ? new float[] {b[1], b[0], b[3], b[2]} : b;
            float[] boxes = new float[12];
            System.arraycopy(first, 0, boxes, 0, 4);
            boxes[4] = 0.1f;
            boxes[6] = 0.2f;
            boxes[7] = 0.2f;
            List<CenternetDecoder.Peak> peaks = new SsdNmsDecoder(SIZE, new DecodingOptions(null, order, 1)).decode(
                    t("detection_boxes", new long[] {1, 3, 4}, boxes),
                    t("detection_scores", new long[] {1, 3}, 0.9f, 0.8f, 0.7f),
                    t("detection_classes", new long[] {1, 3}, 3f, 1f, 0f),
                    t("num_detections", new long[] {1}, 2f), 90, 0.5f);
            assertEquals(2, peaks.size(), "the third row is past num_detections: " + peaks);
            CenternetDecoder.Peak peak = peaks.getFirst();
            assertEquals(2, peak.classIndex(), "id 3 of a 1-based map is index 2 (car in COCO's 90-id map)");
            assertEquals("car", CocoClasses.NINETY_IDS.get(peak.classIndex()));
            assertEquals(0.9f, peak.score());
            YoloDecoderTest.assertSameBox(YoloDecoderTest.BOX, p.toFrame(peak.x1(), peak.y1(), peak.x2(), peak.y2()));
        }
    }

    @ParameterizedTest
    @EnumSource(DetectorSettings.Fit.class)
    void theSingleOutputFormStopsAtANegativeImageId(DetectorSettings.Fit fit) {
        InputPlacement p = placement(fit);
        float[] b = normalisedInputBox(p);
        float[] rows = {
            0, 1, 0.95f, b[0], b[1], b[2], b[3],
            0, 2, 0.30f, 0, 0, 0.5f, 0.5f,
            -1, 0, 0.99f, 0, 0, 1, 1};
        List<CenternetDecoder.Peak> peaks = new SsdNmsDecoder(SIZE, new DecodingOptions(null, null, 1)).decode(
                t("detection_out", new long[] {1, 1, 3, 7}, rows), 2, 0.5f);
        assertEquals(1, peaks.size(), peaks.toString());
        assertEquals(0, peaks.getFirst().classIndex());
        CenternetDecoder.Peak peak = peaks.getFirst();
        YoloDecoderTest.assertSameBox(YoloDecoderTest.BOX, p.toFrame(peak.x1(), peak.y1(), peak.x2(), peak.y2()));
    }

    @Test
    void wrongShapesAndUnknownClassIdsArePlainErrors() {
        SsdNmsDecoder decoder = new SsdNmsDecoder(SIZE, new DecodingOptions(null, null, 1));
        DetectorOutputException shape = assertThrows(DetectorOutputException.class, () -> decoder.decode(
                t("detection_boxes", new long[] {1, 4, 2}, new float[8]), t("detection_scores", new long[] {1, 2}, 1, 1),
                t("detection_classes", new long[] {1, 2}, 1, 1), t("num_detections", new long[] {1}, 1), 90, 0.5f));
        assertEquals("output detection_boxes has shape [1, 4, 2], expected [1, N, 4]", shape.getMessage());
        DetectorOutputException id = assertThrows(DetectorOutputException.class, () -> decoder.decode(
                t("detection_boxes", new long[] {1, 1, 4}, 0, 0, 1, 1), t("detection_scores", new long[] {1, 1}, 0.9f),
                t("detection_classes", new long[] {1, 1}, 91f), t("num_detections", new long[] {1}, 1), 90, 0.5f));
        assertEquals("output detection_classes gives class id 91.0, which with the class id offset 1 is not one of the 90"
                + " class names", id.getMessage());
        DetectorOutputException single = assertThrows(DetectorOutputException.class,
                () -> decoder.decode(t("detection_out", new long[] {1, 100, 7}, new float[700]), 90, 0.5f));
        assertEquals("output detection_out has shape [1, 100, 7], expected [1, 1, N, 7] (image id, label, confidence,"
                + " xmin, ymin, xmax, ymax)", single.getMessage());
    }
}
