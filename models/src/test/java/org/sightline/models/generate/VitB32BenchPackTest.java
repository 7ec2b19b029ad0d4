package org.sightline.models.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.models.generate.VitB32BenchPack.Precision;

/** The benchmark model has CLIP ViT-B/32's published size and behaves like a model (batches = singles). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VitB32BenchPackTest {

    private OrtEnvironment env;
    private Path fp32;

    @BeforeAll
    void writePack(@TempDir Path dir) {
        env = OrtEnvironment.getEnvironment();
        fp32 = VitB32BenchPack.write(dir.resolve("fp32"), Precision.FP32, 7);
    }

    @Test
    void parameterCountsMatchThePublishedArchitecture() {
        assertEquals(87_849_216, VitB32BenchPack.parameterCount(VitB32BenchPack.visionGraph(Precision.FP32, 1)));
        assertEquals(63_428_096, VitB32BenchPack.parameterCount(VitB32BenchPack.textGraph(Precision.FP32, 1)));
    }

    @Test
    void imageBatchGivesTheSameVectorsAsSingleFrames() throws Exception {
        int n = 3;
        int size = 3 * 224 * 224;
        float[] pixels = new float[n * size];
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) random.nextGaussian();
        }
        try (OrtSession session = env.createSession(fp32.resolve(VitB32BenchPack.IMAGE_FILE).toString())) {
            float[][] batch = run(session, "pixel_values", pixels, new long[] {n, 3, 224, 224}, "image_embeds");
            assertEquals(n, batch.length);
            assertEquals(512, batch[0].length);
            for (int i = 0; i < n; i++) {
                float[] one = new float[size];
                System.arraycopy(pixels, i * size, one, 0, size);
                float[][] single = run(session, "pixel_values", one, new long[] {1, 3, 224, 224}, "image_embeds");
                assertArrayEquals(batch[i], single[0], 1e-3f, "frame " + i);
            }
            assertTrue(cosine(batch[0], batch[1]) < 0.999, "different frames must give different vectors");
        }
    }

    @Test
    void textBatchGivesTheSameVectorsAsSinglePrompts() throws Exception {
        long[][] prompts = {{49406, 320, 1125, 49407}, {49406, 2866, 49407}};
        long[] ids = new long[2 * 77];
        for (int p = 0; p < 2; p++) {
            System.arraycopy(prompts[p], 0, ids, p * 77, prompts[p].length);
        }
        try (OrtSession session = env.createSession(fp32.resolve(VitB32BenchPack.TEXT_FILE).toString());
             OnnxTensor both = OnnxTensor.createTensor(env, java.nio.LongBuffer.wrap(ids), new long[] {2, 77})) {
            float[][] batch = (float[][]) session.run(Map.of("input_ids", both)).get("text_embeds").orElseThrow().getValue();
            for (int p = 0; p < 2; p++) {
                long[] one = new long[77];
                System.arraycopy(ids, p * 77, one, 0, 77);
                try (OnnxTensor t = OnnxTensor.createTensor(env, java.nio.LongBuffer.wrap(one), new long[] {1, 77})) {
                    float[][] single = (float[][]) session.run(Map.of("input_ids", t)).get("text_embeds").orElseThrow().getValue();
                    assertArrayEquals(batch[p], single[0], 1e-3f, "prompt " + p);
                }
            }
        }
    }

    private float[][] run(OrtSession session, String input, float[] data, long[] shape, String output) throws Exception {
        try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(data), shape);
             OrtSession.Result r = session.run(Map.of(input, t))) {
            return (float[][]) r.get(output).orElseThrow().getValue();
        }
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
