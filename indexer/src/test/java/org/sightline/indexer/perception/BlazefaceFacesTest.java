package org.sightline.indexer.perception;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
 * The converted BlazeFace, run through the same {@link ObjectDetector} API as the object detector, finds the faces
 * counted by hand on frames of {@code indoor-people-one-by-one.mp4} ({@code perception/labelled-faces.json} in the
 * models test resources): each labelled face lies inside a box at the default threshold, and frames of the empty
 * room give no face.
 */
class BlazefaceFacesTest {
    @TempDir
    Path tmp;

    @Test
    void findsTheCountedFacesAndNoneInTheEmptyRoom() throws Exception {
        JsonNode labels;
        try (InputStream in = getClass().getResourceAsStream("/perception/labelled-faces.json")) {
            assertNotNull(in, "perception/labelled-faces.json is missing from the models test resources");
            labels = new ObjectMapper().readTree(in);
        }
        Path onnx = tmp.resolve("blazeface.onnx");
        DetectorSettings settings = DetectorSettings.blazeface();
        TfjsGraphConverter.convert(PublishedWeights.blazefaceModelJson(), settings.outputs(), onnx);
        Path video = SharedData.footage("indoor-people-one-by-one.mp4");
        int faces = 0;
        try (ObjectDetector detector = ObjectDetector.open("blazeface", Files.readAllBytes(onnx), settings, RuntimeOptions.defaults())) {
            for (JsonNode f : labels.path("frames")) {
                double seconds = f.path("seconds").asDouble();
                RgbFrame frame = FrameAt.frameAt(video, seconds, 4096);
                List<Detection> found = detector.detect(frame);
                System.out.printf("faces @%.0fs: labelled %d, found %s%n", seconds, f.path("faces").size(), found);
                assertEquals(f.path("faces").size(), found.size(), "faces at " + seconds + " s: " + found);
                for (JsonNode face : f.path("faces")) {
                    float x = (float) face.path("x").asDouble();
                    float y = (float) face.path("y").asDouble();
                    assertTrue(found.stream().anyMatch(d -> d.label().equals("face") && d.box().x1() <= x && x <= d.box().x2()
                            && d.box().y1() <= y && y <= d.box().y2()), "the face at " + x + "," + y + " (" + seconds + " s) is not in " + found);
                    faces++;
                }
            }
        }
        assertEquals(3, faces, "three labelled faces");
    }
}
