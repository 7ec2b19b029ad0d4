package org.sightline.models.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.models.pack.PackVerifier;
import org.sightline.models.runtime.OnnxVisionLanguageModel;
import org.sightline.models.runtime.PreparedImage;
import org.sightline.models.runtime.PromptNotUnderstoodException;
import org.sightline.models.runtime.RgbFrame;
import org.sightline.models.runtime.RuntimeOptions;

/** The demo colour model, loaded through the real verifier and runtime, ranks frames of known colours correctly. */
class ColourModelTest {

    @TempDir
    static Path temp;
    static OnnxVisionLanguageModel model;

    /** Typical shades of each colour as a camera might see them (sRGB 0..255). */
    static final Map<String, int[][]> SHADES = new LinkedHashMap<>();

    static {
        SHADES.put("black", new int[][] {{10, 10, 12}, {25, 22, 20}});
        SHADES.put("white", new int[][] {{245, 245, 245}, {225, 228, 232}});
        SHADES.put("grey", new int[][] {{128, 128, 128}, {95, 97, 100}, {170, 170, 172}});
        SHADES.put("red", new int[][] {{200, 30, 30}, {150, 20, 25}, {230, 50, 40}});
        SHADES.put("orange", new int[][] {{245, 140, 20}, {220, 110, 15}});
        SHADES.put("yellow", new int[][] {{240, 225, 40}, {220, 200, 50}});
        SHADES.put("green", new int[][] {{40, 160, 50}, {25, 100, 35}});
        SHADES.put("blue", new int[][] {{30, 70, 210}, {20, 35, 120}});
        SHADES.put("purple", new int[][] {{120, 40, 160}, {80, 25, 110}});
        SHADES.put("pink", new int[][] {{245, 160, 200}, {230, 100, 160}});
        SHADES.put("brown", new int[][] {{120, 75, 35}, {90, 55, 25}});
    }

    @BeforeAll
    static void open() {
        Path dir = ColourModelPack.write(temp.resolve("pack"));
        model = OnnxVisionLanguageModel.open(new PackVerifier().verify(dir), new RuntimeOptions(1, 1, 32));
    }

    @AfterAll
    static void close() {
        if (model != null) {
            model.close();
        }
    }

    static RgbFrame solid(int w, int h, int[] rgb) {
        byte[] b = new byte[w * h * 3];
        for (int i = 0; i < w * h; i++) {
            b[3 * i] = (byte) rgb[0];
            b[3 * i + 1] = (byte) rgb[1];
            b[3 * i + 2] = (byte) rgb[2];
        }
        return new RgbFrame(w, h, b);
    }

    /** A grey frame with a rectangle of another colour covering {@code fraction} of it. */
    static RgbFrame patch(int[] background, int[] colour, double fraction) {
        int w = 160;
        int h = 90;
        RgbFrame f = solid(w, h, background);
        int pw = (int) Math.round(w * Math.sqrt(fraction));
        int ph = (int) Math.round(h * Math.sqrt(fraction));
        for (int y = 10; y < 10 + ph && y < h; y++) {
            for (int x = 20; x < 20 + pw && x < w; x++) {
                int i = 3 * (y * w + x);
                f.rgb()[i] = (byte) colour[0];
                f.rgb()[i + 1] = (byte) colour[1];
                f.rgb()[i + 2] = (byte) colour[2];
            }
        }
        return f;
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Test
    void everyColourWordRanksItsOwnFramesFirst() {
        List<String> labels = new ArrayList<>();
        List<RgbFrame> frames = new ArrayList<>();
        SHADES.forEach((colour, shades) -> {
            for (int[] s : shades) {
                labels.add(colour);
                frames.add(solid(96, 54, s));
            }
        });
        float[][] vectors = model.embedImages(frames);
        for (float[] v : vectors) {
            assertEquals(1.0, Math.sqrt(dot(v, v)), 1e-4);
        }
        Map<String, String> words = new LinkedHashMap<>();
        ColourVocabulary.colourWords().forEach((word, mix) -> {
            if (mix.size() == 1) {
                words.put(word, mix.keySet().iterator().next());
            }
        });
        for (Map.Entry<String, String> word : words.entrySet()) {
            float[] t = model.embedText("a " + word.getKey() + " car");
            double worstOwn = Double.MAX_VALUE;
            double bestOther = -1;
            String bestOtherLabel = null;
            for (int i = 0; i < frames.size(); i++) {
                double s = dot(t, vectors[i]);
                if (labels.get(i).equals(word.getValue())) {
                    worstOwn = Math.min(worstOwn, s);
                } else if (s > bestOther) {
                    bestOther = s;
                    bestOtherLabel = labels.get(i);
                }
            }
            assertTrue(worstOwn > bestOther, "\"" + word.getKey() + "\": weakest " + word.getValue() + " frame scores " + worstOwn
                    + ", but a " + bestOtherLabel + " frame scores " + bestOther);
        }
    }

    @Test
    void moreColourScoresHigher() {
        int[] asphalt = {110, 112, 115};
        int[] red = {190, 30, 35};
        float[][] v = model.embedImages(List.of(patch(asphalt, red, 0.02), patch(asphalt, red, 0.10), patch(asphalt, red, 0.4), solid(64, 64, asphalt)));
        float[] t = model.embedText("red");
        double none = dot(t, v[3]);
        double small = dot(t, v[0]);
        double mid = dot(t, v[1]);
        double big = dot(t, v[2]);
        assertTrue(none < small && small < mid && mid < big, "red scores " + none + " < " + small + " < " + mid + " < " + big);
        assertEquals(Math.sqrt(0.4), big, 0.12, "score of a colour is about sqrt(coverage)");
    }

    @Test
    void tealFramesRankFirstForTeal() {
        float[][] v = model.embedImages(List.of(solid(64, 64, new int[] {20, 128, 130}), solid(64, 64, new int[] {40, 160, 50}),
                solid(64, 64, new int[] {30, 70, 210}), solid(64, 64, new int[] {128, 128, 128})));
        float[] t = model.embedText("a teal car");
        double teal = dot(t, v[0]);
        for (int i = 1; i < v.length; i++) {
            assertTrue(teal > dot(t, v[i]), "teal frame " + teal + " vs frame " + i + " " + dot(t, v[i]));
        }
    }

    @Test
    void promptWithoutColourIsNotUnderstood() {
        assertThrows(PromptNotUnderstoodException.class, () -> model.embedText("a car in the aisle"));
        assertThrows(PromptNotUnderstoodException.class, () -> model.embedText(""));
    }

    @Test
    void synonymsAndCaseGiveTheSameDirection() {
        assertEquals(1.0, dot(model.embedText("GRAY"), model.embedText("grey")), 1e-6);
        assertEquals(1.0, dot(model.embedText("Crimson van"), model.embedText("red")), 1e-6);
        assertEquals(1.0, dot(model.embedText("navy, coat"), model.embedText("blue")), 1e-6);
        double teal = dot(model.embedText("teal"), model.embedText("green"));
        assertEquals(Math.sqrt(0.5), teal, 1e-5);
    }

    @Test
    void givesTheSameVectorsFromSeveralThreadsAtOnce() throws Exception {
        List<RgbFrame> frames = new ArrayList<>();
        SHADES.values().forEach(shades -> frames.add(patch(new int[] {110, 112, 115}, shades[0], 0.3)));
        float[][] expected = model.embedImages(frames);
        float[] expectedText = model.embedText("navy and crimson");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 5; i++) {
                        float[][] v = model.embedImages(frames);
                        for (int f = 0; f < v.length; f++) {
                            if (!java.util.Arrays.equals(v[f], expected[f])) {
                                return false;
                            }
                        }
                        if (!java.util.Arrays.equals(model.embedText("navy and crimson"), expectedText)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (java.util.concurrent.Future<Boolean> r : results) {
                assertTrue(r.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void writesTheSameBytesEveryTime() throws Exception {
        Path a = ColourModelPack.write(temp.resolve("a"));
        Path b = ColourModelPack.write(temp.resolve("b"));
        assertEquals(java.nio.file.Files.readString(a.resolve("sightline-model.json")),
                java.nio.file.Files.readString(b.resolve("sightline-model.json")));
    }

    @Test
    void framesPreparedOnAnotherThreadEmbedExactlyAsFramesGivenWhole() throws Exception {
        List<RgbFrame> frames = List.of(patch(new int[] {128, 128, 128}, new int[] {220, 30, 30}, 0.3),
                solid(398, 224, new int[] {30, 70, 210}), patch(new int[] {20, 20, 20}, new int[] {240, 240, 240}, 0.5));
        float[][] whole = model.embedImages(frames);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            List<PreparedImage> prepared = new ArrayList<>();
            for (RgbFrame f : frames) {
                prepared.add(other.submit(() -> model.prepareImage(f)).get());
            }
            // one left for the model to prepare itself
            prepared.set(1, PreparedImage.of(frames.get(1)));
            float[][] fromPrepared = model.embedPrepared(prepared);
            for (int i = 0; i < frames.size(); i++) {
                assertArrayEquals(whole[i], fromPrepared[i], 0f, "frame " + i);
            }
        } finally {
            other.shutdown();
        }
    }
}
