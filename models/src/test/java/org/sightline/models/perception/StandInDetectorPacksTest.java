package org.sightline.models.perception;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sightline.models.generate.StandInDetectors;
import org.sightline.models.generate.StandInDetectors.Layout;
import org.sightline.models.pack.OnnxSignature;
import org.sightline.models.pack.PackVerificationException;
import org.sightline.models.perception.detect.DecodingOptions;
import org.sightline.models.perception.detect.Detection;
import org.sightline.models.perception.detect.DetectorOutputException;
import org.sightline.models.perception.detect.PixelFormat;
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

    /** Rewrites the pack's manifest with {@code change} applied to its detector entry and class names. */
    private static void rewrite(Path pack, UnaryOperator<PerceptionManifest> change) throws Exception {
        Path file = pack.resolve(PerceptionManifest.FILE_NAME);
        Files.write(file, change.apply(PerceptionManifest.parse(Files.readAllBytes(file))).toJson());
    }

    private static PerceptionManifest withModel(PerceptionManifest m, PerceptionManifest.ModelEntry e, List<String> classes) {
        return new PerceptionManifest(m.format(), m.name(), m.version(), m.kind(), m.licence(), m.description(), m.provenance(),
                List.of(e), classes, m.characterSet(), m.files());
    }

    @Test
    void anOutputOfTheWrongShapeForTheClassListNamesTheOutputAndBothShapes() throws Exception {
        Path packDir = StandInDetectorPacks.write(Layout.YOLOV8, dir);
        rewrite(packDir, m -> withModel(m, m.models().getFirst(), List.of("red object", "blue object", "green object")));
        VerifiedPerceptionPack pack = new PerceptionPackVerifier().verify(packDir);
        try (ObjectDetector detector = PackedDetector.open(pack, new RuntimeOptions(1, 1, 1))) {
            DetectorOutputException e = assertThrows(DetectorOutputException.class, () -> detector.detect(frame(true)));
            assertEquals("detector stand-in-yolov8 (yolov8 decoding): output output0 has shape [1, 5, 8400], expected"
                    + " [1, 4+3, N] or [1, N, 4+3] for 3 classes", e.getMessage());
        }
    }

    @Test
    void aYoloxPackMustSayWhetherItsOutputIsOnTheGrid() throws Exception {
        Path packDir = StandInDetectorPacks.write(Layout.YOLOX_RAW, dir);
        rewrite(packDir, m -> {
            PerceptionManifest.ModelEntry e = m.models().getFirst();
            return withModel(m, new PerceptionManifest.ModelEntry(e.role(), e.file(), e.input(), e.outputs(), e.image(),
                    e.decoding()), m.classNames());
        });
        String json = Files.readString(packDir.resolve(PerceptionManifest.FILE_NAME));
        assertFalse(json.contains("yoloxOutput") || json.contains("inputValues") || json.contains("boxOrder")
                || json.contains("classIdOffset"), "absent optional fields are not written:\n" + json);
        VerifiedPerceptionPack pack = new PerceptionPackVerifier().verify(packDir);
        PackVerificationException e = assertThrows(PackVerificationException.class, () -> PackedDetector.settings(pack));
        assertTrue(e.getMessage().contains("names a yolox detector without \"yoloxOutput\""), e.getMessage());
    }

    @Test
    void theOptionalFieldsAreWrittenAndReadBack() throws Exception {
        Path packDir = StandInDetectorPacks.write(Layout.SSD_NMS, dir);
        String json = Files.readString(packDir.resolve(PerceptionManifest.FILE_NAME));
        assertTrue(json.contains("\"inputValues\" : \"uint8\"") && json.contains("\"boxOrder\" : \"ymin-xmin-ymax-xmax\"")
                && json.contains("\"classIdOffset\" : 1") && !json.contains("yoloxOutput"), json);
        PerceptionManifest.ModelEntry e = new PerceptionPackVerifier().verify(packDir).manifest().models().getFirst();
        assertEquals(PixelFormat.InputValues.UINT8, e.inputValues());
        assertEquals(DecodingOptions.BoxOrder.YMIN_XMIN_YMAX_XMAX, e.boxOrder());
        assertEquals(1, e.classIdOffset());
    }

    @Test
    void anEightBitInputWrittenAsFloatIsAPlainErrorNamingTheInput() throws Exception {
        Path packDir = StandInDetectorPacks.write(Layout.SSD_NMS, dir);
        rewrite(packDir, m -> {
            PerceptionManifest.ModelEntry e = m.models().getFirst();
            return withModel(m, new PerceptionManifest.ModelEntry(e.role(), e.file(), e.input(), e.outputs(), e.image(),
                    e.decoding(), null, null, null, 1), m.classNames());
        });
        VerifiedPerceptionPack pack = new PerceptionPackVerifier().verify(packDir);
        PackVerificationException e = assertThrows(PackVerificationException.class, () -> PackedDetector.settings(pack));
        assertTrue(e.getMessage().endsWith("stand-in-ssd-nms.onnx: input input_tensor [1, height, width, 3] takes uint8 values"
                + " but the manifest says nothing (float32); write \"inputValues\" : \"uint8\" with scale 1, mean 0 and std 1"),
                e.getMessage());
    }

    @Test
    void aManifestSizeOtherThanTheModelsFixedSizeIsAPlainError() throws Exception {
        Path packDir = StandInDetectorPacks.write(Layout.YOLOV5, dir);
        rewrite(packDir, m -> {
            PerceptionManifest.ModelEntry e = m.models().getFirst();
            PerceptionManifest.ImageInput i = e.image();
            return withModel(m, new PerceptionManifest.ModelEntry(e.role(), e.file(), e.input(), e.outputs(),
                    new PerceptionManifest.ImageInput(i.layout(), i.channels(), 416, 416, 1, 0, i.scale(), i.mean(), i.std()),
                    e.decoding()), m.classNames());
        });
        VerifiedPerceptionPack pack = new PerceptionPackVerifier().verify(packDir);
        PackVerificationException e = assertThrows(PackVerificationException.class, () -> PackedDetector.settings(pack));
        assertTrue(e.getMessage().endsWith("input images [1, 3, 640, 640] takes a 640-pixel square but the manifest's"
                + " image.width is 416"), e.getMessage());
    }

    @Test
    void theDefaultEntriesOfTheYoloFamiliesAreTheUltralyticsAndYoloxExportConventions() {
        PerceptionManifest.ModelEntry v8 = PackedDetector.defaultEntry(PerceptionManifest.Decoding.YOLOV8, "yolov8n.onnx");
        assertEquals("images", v8.input());
        assertEquals(List.of("output0"), v8.outputs());
        assertEquals(640, v8.image().width());
        assertEquals(1.0 / 255, v8.image().scale(), 1e-9);
        PerceptionManifest.ModelEntry x = PackedDetector.defaultEntry(PerceptionManifest.Decoding.YOLOX, "yolox_s.onnx");
        assertEquals(PerceptionManifest.ChannelOrder.BGR, x.image().channels());
        assertEquals(DecodingOptions.YoloxOutput.RAW_GRID, x.yoloxOutput());
        PerceptionManifest.ModelEntry ssd = PackedDetector.defaultEntry(PerceptionManifest.Decoding.SSD_NMS, "ssd.onnx");
        assertEquals(PixelFormat.InputValues.UINT8, ssd.inputValues());
        assertEquals(1, ssd.classIdOffset());
        assertEquals(0, ssd.image().width(), "any size");
    }

    @Test
    void theStandInsAreTheSameBytesEveryTime() {
        for (Layout layout : Layout.values()) {
            assertArrayEquals(StandInDetectors.onnx(layout), StandInDetectors.onnx(layout), layout.name());
        }
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void anEntryReadFromABareExportsSignatureMatchesTheWrittenPack(Layout layout) throws Exception {
        byte[] onnx = StandInDetectors.onnx(layout);
        PerceptionManifest.Decoding decoding = StandInDetectorPacks.decoding(layout);
        OnnxSignature signature = OnnxSignature.read(onnx);
        if (layout == Layout.SSD_DETECTION_OUT) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> PackedDetector.entryFor(decoding, "model.onnx", signature));
            assertEquals("model.onnx takes float32 images, not the 8-bit images of the ssd-nms convention; write its"
                    + " normalisation in a manifest by hand", e.getMessage());
            return;
        }
        PerceptionManifest.ModelEntry read = PackedDetector.entryFor(decoding, "model.onnx", signature);
        assertEquals(layout.input(), read.input());
        assertEquals(layout.outputs(), read.outputs());
        Path packDir = StandInDetectorPacks.write(layout, dir);
        PerceptionManifest.ModelEntry written = new PerceptionPackVerifier().verify(packDir).manifest().models().getFirst();
        assertEquals(written.image().layout(), read.image().layout());
        assertEquals(written.image().width(), read.image().width());
        assertEquals(written.inputValues(), read.inputValues());
        assertEquals(layout == Layout.YOLOX_RAW || layout == Layout.YOLOX_DECODED ? null : written.yoloxOutput(), read.yoloxOutput(),
                "a YOLOX output's grid or not is never guessed");
    }

    @Test
    void aSignatureThatDoesNotSayWhichOutputIsWhichIsAPlainError() throws Exception {
        OnnxSignature yolo = OnnxSignature.read(StandInDetectors.onnx(Layout.SSD_NMS));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PackedDetector.entryFor(PerceptionManifest.Decoding.YOLOV8, "ssd.onnx", yolo));
        assertTrue(e.getMessage().startsWith("ssd.onnx has outputs [detection_boxes [1,1,4], detection_scores [1,1],"), e.getMessage());
    }
}
