package org.sightline.indexer.perception;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.models.convert.tfjs.TfjsGraphConverter;
import org.sightline.models.perception.detect.Detection;
import org.sightline.models.perception.detect.DetectorSettings;
import org.sightline.models.perception.detect.ObjectDetector;
import org.sightline.models.perception.detect.PublishedDetector;
import org.sightline.models.runtime.RuntimeOptions;
import org.sightline.models.testing.PublishedWeights;

/**
 * Measures the converted NanoDet on the same hand-labelled frames as {@link CenternetQualityTest}: recall and
 * precision per class at several thresholds, both fits, printed, with a floor asserted at the default settings.
 */
class NanodetQualityTest {
    private static final float[] THRESHOLDS = {0.2f, 0.25f, 0.3f, 0.35f, 0.4f, 0.5f};

    @TempDir
    Path tmp;

    @Test
    void nanodetFindsPeopleCarsAndBicyclesOnLabelledFrames() throws Exception {
        double minWidth = CenternetQualityTest.minWidth();
        List<CenternetQualityTest.LabelledFrame> frames = CenternetQualityTest.labelledFrames();
        Path onnx = tmp.resolve("nanodet.onnx");
        TfjsGraphConverter.convert(PublishedWeights.nanodetModelJson(), PublishedDetector.NANODET.outputs(),
                PublishedDetector.NANODET.layout(), onnx);
        byte[] model = Files.readAllBytes(onnx);
        Map<String, CenternetQualityTest.Tally> atDefault = null;
        DetectorSettings defaults = DetectorSettings.nanodet();
        for (DetectorSettings.Fit fit : DetectorSettings.Fit.values()) {
            DetectorSettings settings = defaults.withFit(fit);
            try (ObjectDetector detector = ObjectDetector.open("nanodet", model, settings, RuntimeOptions.defaults())) {
                detector.detect(frames.getFirst().frame()); // warm-up, not timed
                List<List<Detection>> found = new ArrayList<>();
                long start = System.nanoTime();
                for (CenternetQualityTest.LabelledFrame f : frames) {
                    found.add(detector.detect(f.frame(), THRESHOLDS[0]));
                }
                System.out.printf("nanodet %s: %.0f ms per frame (%d frames, default runtime options)%n", fit,
                        (System.nanoTime() - start) / 1e6 / frames.size(), frames.size());
                for (float threshold : THRESHOLDS) {
                    Map<String, CenternetQualityTest.Tally> tallies = CenternetQualityTest.score(frames, found, threshold, minWidth,
                            fit == defaults.fit() ? defaults.scoreThreshold() : -1);
                    StringBuilder line = new StringBuilder(String.format("nanodet %-9s threshold %.2f:", fit, threshold));
                    tallies.forEach((c, t) -> line.append(String.format("  %s recall %.2f precision %.2f (%d/%d/%d)",
                            c, t.recall(), t.precision(), t.matched, t.extra, t.missed)));
                    System.out.println(line);
                    if (fit == defaults.fit() && threshold == defaults.scoreThreshold()) {
                        atDefault = tallies;
                    }
                }
            }
        }
        assertNotNull(atDefault);
        CenternetQualityTest.Tally person = atDefault.get("person");
        CenternetQualityTest.Tally car = atDefault.get("car");
        // measured 2026-11-29 (letterbox 0.35): person 0.81/1.00, car 0.89/0.96 (bicycles from above: 0/4, reported only)
        assertTrue(person.recall() >= 0.75 && person.precision() >= 0.9, "person recall/precision fell to "
                + person.recall() + "/" + person.precision());
        assertTrue(car.recall() >= 0.85 && car.precision() >= 0.9, "car recall/precision fell to "
                + car.recall() + "/" + car.precision());
    }
}
