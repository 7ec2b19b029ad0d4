package org.sightline.models.perception;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sightline.models.generate.StandInDetectors;
import org.sightline.models.generate.StandInDetectors.Layout;
import org.sightline.models.perception.detect.Detection;
import org.sightline.models.perception.detect.NormalisedBox;
import org.sightline.models.perception.detect.ObjectDetector;
import org.sightline.models.runtime.RgbFrame;
import org.sightline.models.runtime.RuntimeOptions;

/**
 * Each stand-in detector pack (real export layout, generated weights) verifies, opens through
 * {@link PackedDetector} with its family's decoding and finds a red rectangle painted on a grey frame where it is,
 * and nothing in the plain grey frame. Footage: {@code StandInDetectorFootageTest} (indexer).
 */
class StandInDetectorPacksTest {
    @TempDir
    Path dir;

    /** A 480×270 grey frame with a red rectangle over x 150..270, y 60..210 (none when {@code red} is false). */
    static RgbFrame frame(boolean red) {
        int w = 480;
        int h = 270;
        byte[] rgb = new byte[w * h * 3];
        Arrays.fill(rgb, (byte) 110);
        if (red) {
            for (int y = 60; y < 210; y++) {
                for (int x = 150; x < 270; x++) {
                    int i = (y * w + x) * 3;
                    rgb[i] = (byte) 200;
                    rgb[i + 1] = 30;
                    rgb[i + 2] = 40;
                }
            }
        }
        return new RgbFrame(w, h, rgb);
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void findsTheRedRectangleWhereItIsAndNothingInGrey(Layout layout) {
        VerifiedPerceptionPack pack = new PerceptionPackVerifier().verify(StandInDetectorPacks.write(layout, dir));
        try (ObjectDetector detector = PackedDetector.open(pack, new RuntimeOptions(1, 1, 1))) {
            List<Detection> found = detector.detect(frame(true));
            assertEquals(1, found.size(), layout + ": " + found);
            Detection d = found.getFirst();
            assertEquals(StandInDetectors.CLASS_NAME, d.label());
            NormalisedBox truth = new NormalisedBox(150 / 480f, 60 / 270f, 270 / 480f, 210 / 270f);
            assertTrue(d.box().iou(truth) > 0.8, layout + ": " + d.box() + " against " + truth);
            assertEquals(List.of(), detector.detect(frame(false)), layout + " in a grey frame");
        }
    }
}
