package org.sightline.models.perception.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.sightline.models.runtime.RgbFrame;

class DetectorPreprocessorTest {

    @Test
    void letterboxKeepsTheAspectRatioAndMapsBoxesBack() {
        // a 200x100 frame, left half black, right half white
        byte[] rgb = new byte[200 * 100 * 3];
        for (int y = 0; y < 100; y++) {
            for (int x = 100; x < 200; x++) {
                for (int c = 0; c < 3; c++) {
                    rgb[(y * 200 + x) * 3 + c] = (byte) 255;
                }
            }
        }
        DetectorSettings settings = DetectorSettings.centernet();
        DetectorPreprocessor pre = new DetectorPreprocessor(settings);
        float[] input = new float[pre.inputLength()];
        InputPlacement placement = pre.prepare(new RgbFrame(200, 100, rgb), input);

        assertEquals(0f, placement.offsetX());
        assertEquals(128f, placement.offsetY());
        assertEquals(512f, placement.contentWidth());
        assertEquals(256f, placement.contentHeight());
        assertEquals(0f, input[(10 * 512 + 400) * 3], "bars above the picture are black");
        assertEquals(255f, input[(256 * 512 + 400) * 3], "the right half is white");
        assertEquals(0f, input[(256 * 512 + 100) * 3], "the left half is black");

        NormalisedBox box = placement.toFrame(256, 128, 512, 256);
        assertEquals(new NormalisedBox(0.5f, 0f, 1f, 0.5f), box);
    }

    @Test
    void stretchFillsTheWholeInput() {
        DetectorSettings settings = DetectorSettings.centernet().withFit(DetectorSettings.Fit.STRETCH);
        DetectorPreprocessor pre = new DetectorPreprocessor(settings);
        byte[] rgb = new byte[64 * 32 * 3];
        java.util.Arrays.fill(rgb, (byte) 10);
        float[] input = new float[pre.inputLength()];
        InputPlacement placement = pre.prepare(new RgbFrame(64, 32, rgb), input);
        assertEquals(new InputPlacement(0, 0, 512, 512), placement);
        assertEquals(10f, input[0]);
        assertEquals(10f, input[input.length - 1]);
    }

    @Test
    void yoloLetterboxBarsAreTheGrey114OfTheirOwnLetterboxOthersBlack() {
        RgbFrame wide = new RgbFrame(200, 100, new byte[200 * 100 * 3]);
        DetectorPreprocessor yolo = new DetectorPreprocessor(DetectorSettings.yolov8());
        float[] in = new float[yolo.inputLength()];
        InputPlacement p = yolo.prepare(wide, in);
        assertEquals(160f, p.offsetY(), "a 2:1 frame in a 640 square: bars of 160 rows above and below");
        assertEquals(114f / 255, in[0], 1e-6, "first value of the top bar, NCHW red plane");
        assertEquals(0f, in[640 * 320], "the black picture in the middle");
        DetectorPreprocessor yolox = new DetectorPreprocessor(DetectorSettings.yolox());
        float[] x = new float[yolox.inputLength()];
        yolox.prepare(wide, x);
        assertEquals(114f, x[0], "YOLOX takes 0-255 values");
        DetectorPreprocessor centernet = new DetectorPreprocessor(DetectorSettings.centernet());
        float[] c = new float[centernet.inputLength()];
        centernet.prepare(new RgbFrame(200, 100, filled(200 * 100 * 3, (byte) 200)), c);
        assertEquals(0f, c[0], "centernet's bars stay black");
    }

    private static byte[] filled(int n, byte v) {
        byte[] b = new byte[n];
        Arrays.fill(b, v);
        return b;
    }
}
