package org.sightline.models.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sightline.models.pack.PackManifest.ImageSettings;
import org.sightline.models.pack.PackManifest.Interpolation;
import org.sightline.models.pack.PackManifest.ResizeRule;

/**
 * Checks the preprocessor against a plain reference written here from the definitions (PIL's antialiased resampling
 * as a direct 2-D weighted sum in double precision, the Hugging Face output size and centre crop, rescale and
 * normalise), on small synthetic images. The reference skips the fixed-point arithmetic and the 8-bit rounding
 * between passes, so values may differ by a level or two of 255.
 */
class ClipPreprocessorTest {
    static final float[] MEAN = {0.48145466f, 0.4578275f, 0.40821073f};
    static final float[] STD = {0.26862954f, 0.26130258f, 0.27577711f};

    static ImageSettings settings(int size, ResizeRule rule, Interpolation interpolation) {
        return new ImageSettings(size, rule, interpolation, 1 / 255.0, MEAN, STD, "pixel_values", "image_embeds");
    }

    static RgbFrame randomSmooth(int w, int h, long seed) {
        Random r = new Random(seed);
        byte[] rgb = new byte[w * h * 3];
        double[] fx = {r.nextDouble() * 0.3, r.nextDouble() * 0.3, r.nextDouble() * 0.3};
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    double v = 128 + 100 * Math.sin(fx[c] * x + 0.7 * c) * Math.cos(0.13 * y * (c + 1)) + r.nextInt(21) - 10;
                    rgb[3 * (y * w + x) + c] = (byte) Math.max(0, Math.min(255, (int) Math.round(v)));
                }
            }
        }
        return new RgbFrame(w, h, rgb);
    }

    // ---- the reference

    static double kernel(Interpolation interpolation, double x) {
        x = Math.abs(x);
        if (interpolation == Interpolation.BILINEAR) {
            return Math.max(0, 1 - x);
        }
        double a = -0.5; // PIL's bicubic
        if (x < 1) {
            return (a + 2) * x * x * x - (a + 3) * x * x + 1;
        }
        if (x < 2) {
            return a * x * x * x - 5 * a * x * x + 8 * a * x - 4 * a;
        }
        return 0;
    }

    /** Normalised weights of the input samples for output coordinate o of an in -> out resize (antialiased when shrinking). */
    static double[] weights(int in, int out, int o, Interpolation interpolation) {
        double scale = (double) in / out;
        double stretch = Math.max(1, scale);
        double centre = (o + 0.5) * scale;
        double[] w = new double[in];
        double sum = 0;
        double support = (interpolation == Interpolation.BICUBIC ? 2 : 1) * stretch;
        for (int i = 0; i < in; i++) {
            if (Math.abs(i + 0.5 - centre) <= support + 0.5) {
                w[i] = kernel(interpolation, (i + 0.5 - centre) / stretch);
                sum += w[i];
            }
        }
        for (int i = 0; i < in; i++) {
            w[i] /= sum;
        }
        return w;
    }

    static float[] reference(RgbFrame f, ImageSettings s) {
        int outW;
        int outH;
        if (s.resize() == ResizeRule.SQUASH) {
            outW = s.size();
            outH = s.size();
        } else if (f.width() <= f.height()) {
            outW = s.size();
            outH = (int) Math.floor((double) s.size() * f.height() / f.width());
        } else {
            outH = s.size();
            outW = (int) Math.floor((double) s.size() * f.width() / f.height());
        }
        int left = (outW - s.size()) / 2;
        int top = (outH - s.size()) / 2;
        int n = s.size();
        float[] out = new float[3 * n * n];
        for (int y = 0; y < n; y++) {
            double[] wy = weights(f.height(), outH, top + y, s.interpolation());
            for (int x = 0; x < n; x++) {
                double[] wx = weights(f.width(), outW, left + x, s.interpolation());
                for (int c = 0; c < 3; c++) {
                    double v = 0;
                    for (int iy = 0; iy < f.height(); iy++) {
                        if (wy[iy] == 0) {
                            continue;
                        }
                        for (int ix = 0; ix < f.width(); ix++) {
                            if (wx[ix] != 0) {
                                v += wy[iy] * wx[ix] * (f.rgb()[3 * (iy * f.width() + ix) + c] & 0xff);
                            }
                        }
                    }
                    double level = Math.max(0, Math.min(255, Math.round(v)));
                    out[c * n * n + y * n + x] = (float) ((level / 255.0 - s.mean()[c]) / s.std()[c]);
                }
            }
        }
        return out;
    }

    static void assertClose(float[] expected, float[] actual, double levels) {
        assertEquals(expected.length, actual.length);
        double tolerance = levels / 255.0 / 0.26;
        double worst = 0;
        double total = 0;
        for (int i = 0; i < expected.length; i++) {
            double d = Math.abs(expected[i] - actual[i]);
            worst = Math.max(worst, d);
            total += d;
        }
        assertTrue(worst <= tolerance, "largest difference " + worst + " exceeds " + tolerance);
        assertTrue(total / expected.length < 0.5 / 255 / 0.26, "mean difference " + total / expected.length);
    }

    @Test
    void bicubicShortestEdgeCropMatchesTheReferenceWhenShrinking() {
        ImageSettings s = settings(24, ResizeRule.SHORTEST_EDGE_CENTER_CROP, Interpolation.BICUBIC);
        RgbFrame landscape = randomSmooth(87, 53, 1);
        assertClose(reference(landscape, s), new ClipPreprocessor(s).preprocess(List.of(landscape)), 2);
        RgbFrame portrait = randomSmooth(41, 70, 2);
        assertClose(reference(portrait, s), new ClipPreprocessor(s).preprocess(List.of(portrait)), 2);
    }

    @Test
    void bicubicMatchesTheReferenceWhenEnlarging() {
        ImageSettings s = settings(32, ResizeRule.SHORTEST_EDGE_CENTER_CROP, Interpolation.BICUBIC);
        RgbFrame small = randomSmooth(25, 19, 3);
        assertClose(reference(small, s), new ClipPreprocessor(s).preprocess(List.of(small)), 2);
    }

    @Test
    void squashAndBilinearMatchTheReference() {
        ImageSettings s = settings(16, ResizeRule.SQUASH, Interpolation.BILINEAR);
        RgbFrame f = randomSmooth(60, 34, 4);
        assertClose(reference(f, s), new ClipPreprocessor(s).preprocess(List.of(f)), 2);
        ImageSettings c = settings(16, ResizeRule.SQUASH, Interpolation.BICUBIC);
        assertClose(reference(f, c), new ClipPreprocessor(c).preprocess(List.of(f)), 2);
    }

    @Test
    void sameSizeFrameIsOnlyNormalised() {
        ImageSettings s = settings(8, ResizeRule.SHORTEST_EDGE_CENTER_CROP, Interpolation.BICUBIC);
        RgbFrame f = randomSmooth(8, 8, 5);
        float[] out = new ClipPreprocessor(s).preprocess(List.of(f));
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                for (int c = 0; c < 3; c++) {
                    double expected = ((f.rgb()[3 * (y * 8 + x) + c] & 0xff) / 255.0 - MEAN[c]) / STD[c];
                    assertEquals(expected, out[c * 64 + y * 8 + x], 1e-5);
                }
            }
        }
    }

    @Test
    void batchPutsFramesOneAfterAnotherAndHandlesMixedSizes() {
        ImageSettings s = settings(12, ResizeRule.SHORTEST_EDGE_CENTER_CROP, Interpolation.BICUBIC);
        ClipPreprocessor p = new ClipPreprocessor(s);
        RgbFrame a = randomSmooth(40, 30, 6);
        RgbFrame b = randomSmooth(30, 45, 7);
        float[] batch = p.preprocess(List.of(a, b, a));
        float[] one = p.preprocess(List.of(b));
        assertEquals(3 * p.frameLength(), batch.length);
        for (int i = 0; i < one.length; i++) {
            assertEquals(one[i], batch[p.frameLength() + i]);
            assertEquals(batch[i], batch[2 * p.frameLength() + i]);
        }
    }
}
