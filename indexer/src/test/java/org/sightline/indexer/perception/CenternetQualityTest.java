package org.sightline.indexer.perception;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.indexer.footage.FrameAt;
import org.sightline.models.convert.tfjs.TfjsGraphConverter;
import org.sightline.models.perception.detect.Detection;
import org.sightline.models.perception.detect.DetectorSettings;
import org.sightline.models.perception.detect.ObjectDetector;
import org.sightline.models.runtime.RgbFrame;
import org.sightline.models.runtime.RuntimeOptions;
import org.sightline.models.testing.PublishedWeights;
import org.sightline.models.testing.SharedData;

/**
 * Measures the converted centernet on frames of {@code ../shared/footage} labelled by hand
 * ({@code perception/labelled-frames.json} in the models test resources): recall and precision per class at
 * several score thresholds, printed, with a floor asserted at the default threshold so a regression in the
 * converter, preprocessing or decoding shows.
 */
class CenternetQualityTest {
    // -DdebugDetections=1 also prints every detection of the frames whose counts disagree
    static final List<String> CLASSES = List.of("person", "bicycle", "car");
    private static final float[] THRESHOLDS = {0.1f, 0.15f, 0.2f, 0.3f, 0.4f};

    @TempDir
    Path tmp;

    /** Counts for one class. */
    static final class Tally {
        int matched;
        int extra;
        int missed;

        double recall() {
            return matched + missed == 0 ? 1 : (double) matched / (matched + missed);
        }

        double precision() {
            return matched + extra == 0 ? 1 : (double) matched / (matched + extra);
        }
    }

    record LabelledFrame(String video, double seconds, Map<String, Integer> counts, RgbFrame frame) {
    }

    /** The labelled frames of {@code perception/labelled-frames.json}, decoded, and the smallest counted width. */
    static List<LabelledFrame> labelledFrames() throws Exception {
        JsonNode labels;
        try (InputStream in = CenternetQualityTest.class.getResourceAsStream("/perception/labelled-frames.json")) {
            assertNotNull(in, "perception/labelled-frames.json is missing from the models test resources");
            labels = new ObjectMapper().readTree(in);
        }
        List<LabelledFrame> frames = new ArrayList<>();
        for (JsonNode f : labels.path("frames")) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (String c : CLASSES) {
                counts.put(c, f.path(c).asInt());
            }
            Path video = SharedData.footage(f.path("video").asText());
            double seconds = f.path("seconds").asDouble();
            frames.add(new LabelledFrame(video.getFileName().toString(), seconds, counts, FrameAt.frameAt(video, seconds, 4096)));
        }
        return frames;
    }

    /** Objects narrower than this fraction of the frame are neither counted nor scored. */
    static double minWidth() throws Exception {
        try (InputStream in = CenternetQualityTest.class.getResourceAsStream("/perception/labelled-frames.json")) {
            assertNotNull(in, "perception/labelled-frames.json is missing from the models test resources");
            return new ObjectMapper().readTree(in).path("minWidthFraction").asDouble();
        }
    }

    @Test
    void centernetFindsPeopleCarsAndBicyclesOnLabelledFrames() throws Exception {
        double minWidth = minWidth();
        List<LabelledFrame> frames = labelledFrames();
        Path onnx = tmp.resolve("centernet.onnx");
        TfjsGraphConverter.convert(PublishedWeights.centernetModelJson(), List.of("tower_0/keypoints", "tower_0/wh"), onnx);
        byte[] model = Files.readAllBytes(onnx);
        Map<String, Tally> atDefault = null;
        for (DetectorSettings.Fit fit : DetectorSettings.Fit.values()) {
            DetectorSettings settings = DetectorSettings.centernet().withFit(fit);
            try (ObjectDetector detector = ObjectDetector.open("centernet", model, settings, RuntimeOptions.defaults())) {
                detector.detect(frames.getFirst().frame()); // warm-up, not timed
                List<List<Detection>> found = new ArrayList<>();
                long start = System.nanoTime();
                for (LabelledFrame f : frames) {
                    found.add(detector.detect(f.frame(), THRESHOLDS[0]));
                }
                System.out.printf("centernet %s: %.0f ms per frame (%d frames, default runtime options)%n", fit,
                        (System.nanoTime() - start) / 1e6 / frames.size(), frames.size());
                for (float threshold : THRESHOLDS) {
                    Map<String, Tally> tallies = score(frames, found, threshold, minWidth, DetectorSettings.CENTERNET_DEFAULT_THRESHOLD);
                    StringBuilder line = new StringBuilder(String.format("centernet %-9s threshold %.2f:", fit, threshold));
                    tallies.forEach((c, t) -> line.append(String.format("  %s recall %.2f precision %.2f (%d/%d/%d)",
                            c, t.recall(), t.precision(), t.matched, t.extra, t.missed)));
                    System.out.println(line);
                    if (fit == DetectorSettings.centernet().fit() && threshold == DetectorSettings.CENTERNET_DEFAULT_THRESHOLD) {
                        atDefault = tallies;
                    }
                }
            }
        }
        assertNotNull(atDefault);
        Tally person = atDefault.get("person");
        Tally car = atDefault.get("car");
        // measured 2026-11-29: person 0.81/1.00, car 0.92/0.83 (bicycles from above are not found: 0/4, reported only)
        assertTrue(person.recall() >= 0.75 && person.precision() >= 0.9, "person recall/precision fell to "
                + person.recall() + "/" + person.precision());
        assertTrue(car.recall() >= 0.85 && car.precision() >= 0.75, "car recall/precision fell to "
                + car.recall() + "/" + car.precision());
    }

    /** Scores by count per frame and class; frames whose counts disagree at {@code reported} are printed. */
    static Map<String, Tally> score(List<LabelledFrame> frames, List<List<Detection>> found, float threshold, double minWidth,
                                    float reported) {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        CLASSES.forEach(c -> tallies.put(c, new Tally()));
        for (int i = 0; i < frames.size(); i++) {
            Map<String, Integer> seen = new LinkedHashMap<>();
            CLASSES.forEach(c -> seen.put(c, 0));
            for (Detection d : found.get(i)) {
                String c = switch (d.label()) {
                    case "truck", "bus" -> "car";
                    default -> d.label();
                };
                if (d.score() >= threshold && seen.containsKey(c) && d.box().width() >= minWidth) {
                    seen.merge(c, 1, Integer::sum);
                }
            }
            for (String c : CLASSES) {
                int want = frames.get(i).counts().get(c);
                int got = seen.get(c);
                Tally t = tallies.get(c);
                t.matched += Math.min(want, got);
                t.extra += Math.max(0, got - want);
                t.missed += Math.max(0, want - got);
                if (want != got && threshold == reported) {
                    System.out.printf("  %s @%.1fs %s: labelled %d, found %d%n", frames.get(i).video(), frames.get(i).seconds(), c, want, got);
                    if (System.getProperty("debugDetections") != null) {
                        for (Detection d : found.get(i)) {
                            if (d.score() >= threshold) {
                                System.out.printf("      %s %.2f %s%n", d.label(), d.score(), d.box());
                            }
                        }
                    }
                }
            }
        }
        return tallies;
    }
}
