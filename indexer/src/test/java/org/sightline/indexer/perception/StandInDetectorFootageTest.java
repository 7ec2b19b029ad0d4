package org.sightline.indexer.perception;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sightline.indexer.footage.SeekableVideo;
import org.sightline.models.generate.StandInDetectors;
import org.sightline.models.generate.StandInDetectors.Layout;
import org.sightline.models.perception.PackedDetector;
import org.sightline.models.perception.PerceptionPackVerifier;
import org.sightline.models.perception.StandInDetectorPacks;
import org.sightline.models.perception.VerifiedPerceptionPack;
import org.sightline.models.perception.detect.Detection;
import org.sightline.models.perception.detect.NormalisedBox;
import org.sightline.models.perception.detect.ObjectDetector;
import org.sightline.models.runtime.RgbFrame;
import org.sightline.models.runtime.RuntimeOptions;
import org.sightline.models.testing.SharedData;

/**
 * A stand-in detector pack in each export layout (YOLOv5, YOLOv8, YOLOv8 transposed, YOLOX raw and decoded, SSD with
 * NMS in TensorFlow's four outputs and in Caffe's one {@code detection_out}, nanodet's own export), opened through {@link PackedDetector} as a user's pack would be, finds the red car of
 * {@code parking-aisle-cars.mp4} at 17 s where it is (box measured by eye on the frame decoded at 768×432:
 * x 310–466, y 64–314), and nothing at 2 s (empty grey tarmac). This checks each family's decoding and the way
 * back through the letterbox on real footage.
 */
class StandInDetectorFootageTest {
    /** The red car at 17 s, normalised (measured on the 768×432 frame). */
    static final NormalisedBox RED_CAR = new NormalisedBox(310 / 768f, 64 / 432f, 466 / 768f, 314 / 432f);
    /**
     * IoU the stand-in's box must reach with the measured box. The stand-ins box the red paint, not the grey
     * windows and glare, so their box lies inside the car's: measured 0.72 for the YOLO layouts (640 input), 0.64 for
     * the NanoDet export (416), 0.58 and 0.55 for the SSDs (they work on 320 and 300 pixels), all within the car's box.
     */
    static final float IOU_FLOOR = 0.5f;
    /** How far (normalised) a found box may reach outside the measured one. */
    static final float MARGIN = 0.02f;

    static RgbFrame withRedCar;
    static RgbFrame withoutRed;

    @TempDir
    Path dir;

    @BeforeAll
    static void decodeFrames() throws Exception {
        try (SeekableVideo video = SeekableVideo.open(SharedData.footage("parking-aisle-cars.mp4"), 768)) {
            withRedCar = video.seek(17).toRgb();
            withoutRed = video.seek(2).toRgb();
        }
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void findsTheRedCarWhereItIsAndNothingOnEmptyTarmac(Layout layout) {
        VerifiedPerceptionPack pack = new PerceptionPackVerifier().verify(StandInDetectorPacks.write(layout, dir));
        try (ObjectDetector detector = PackedDetector.open(pack, new RuntimeOptions(1, 1, 1))) {
            List<Detection> found = detector.detect(withRedCar);
            assertEquals(1, found.size(), layout + " at 17 s: " + found);
            Detection car = found.getFirst();
            assertEquals(StandInDetectors.CLASS_NAME, car.label());
            float iou = car.box().iou(RED_CAR);
            System.out.printf("%s: red car %s score %.2f IoU %.2f%n", layout, car.box(), car.score(), iou);
            assertTrue(iou >= IOU_FLOOR, layout + ": " + car.box() + " has IoU " + iou + " with the red car " + RED_CAR);
            NormalisedBox b = car.box();
            assertTrue(b.x1() >= RED_CAR.x1() - MARGIN && b.y1() >= RED_CAR.y1() - MARGIN && b.x2() <= RED_CAR.x2() + MARGIN
                    && b.y2() <= RED_CAR.y2() + MARGIN, layout + ": " + b + " reaches outside the red car " + RED_CAR);
            assertEquals(List.of(), detector.detect(withoutRed), layout + " at 2 s (no red)");
        }
    }
}
