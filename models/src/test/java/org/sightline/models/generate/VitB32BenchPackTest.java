package org.sightline.models.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.models.generate.VitB32BenchPack.Precision;
import org.sightline.models.store.ModelStore;
import org.sightline.models.pack.PackInstallException;
import org.sightline.models.pack.PackVerifier;
import org.sightline.models.pack.VerifiedPack;
import org.sightline.models.runtime.OnnxVisionLanguageModel;
import org.sightline.models.runtime.RgbFrame;

/**
 * The benchmark model has CLIP ViT-B/32's published size, is a valid pack that the product's own runtime loads, and
 * behaves like a model: a batch gives the same vectors as its frames one at a time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VitB32BenchPackTest {

    private OnnxVisionLanguageModel model;
    private Path packDir;

    @BeforeAll
    void open(@TempDir Path dir) {
        packDir = VitB32BenchPack.write(dir.resolve("fp32"), Precision.FP32, 7);
        VerifiedPack pack = new PackVerifier().verify(packDir);
        assertEquals(VitB32BenchPack.KIND, pack.manifest().kind());
        model = OnnxVisionLanguageModel.open(pack);
    }

    @AfterAll
    void close() {
        if (model != null) {
            model.close();
        }
    }

    @Test
    void isNeverInstalledForSearch(@TempDir Path data) {
        var e = assertThrows(PackInstallException.class, () -> new ModelStore(data).importPack(packDir));
        assertTrue(e.getMessage().contains("for timing only"), e.getMessage());
    }

    @Test
    void parameterCountsMatchThePublishedArchitecture() {
        assertEquals(87_849_216, VitB32BenchPack.parameterCount(VitB32BenchPack.visionGraph(Precision.FP32, 1)));
        assertEquals(63_428_096, VitB32BenchPack.parameterCount(VitB32BenchPack.textGraph(Precision.FP32, 1)));
    }

    @Test
    void imageBatchGivesTheSameVectorsAsSingleFrames() {
        List<RgbFrame> frames = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(11);
        for (int n = 0; n < 3; n++) {
            byte[] rgb = new byte[3 * 240 * 180];
            for (int i = 0; i < rgb.length; i++) {
                rgb[i] = (byte) random.nextInt(256);
            }
            frames.add(new RgbFrame(240, 180, rgb));
        }
        float[][] batch = model.embedImages(frames);
        assertEquals(512, batch[0].length);
        for (int i = 0; i < frames.size(); i++) {
            assertArrayEquals(batch[i], model.embedImages(List.of(frames.get(i)))[0], 1e-4f, "frame " + i);
        }
        assertTrue(dot(batch[0], batch[1]) < 0.999, "different frames must give different vectors");
    }

    @Test
    void promptsGiveNormalisedVectorsThatDiffer() {
        float[] a = model.embedText("a red car");
        float[] b = model.embedText("green bicycle");
        assertEquals(1.0, dot(a, a), 1e-4);
        assertTrue(dot(a, b) < 0.999);
        assertArrayEquals(a, model.embedText("a red car"), 1e-6f);
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
