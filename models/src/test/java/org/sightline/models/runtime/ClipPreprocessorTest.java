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
        if (s.resize() == ResizeRule.LONGEST_EDGE_PAD) {
            return letterboxReference(f, s);
        }
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

    /**
     * open_clip's {@code resize_mode: longest}: ResizeKeepRatio(longest=1) (each side / max(w/size, h/size), Python's
     * round) then center_crop_or_pad (left and top padding floor of half the room) with {@code fill}.
     */
    static float[] letterboxReference(RgbFrame f, ImageSettings s) {
        int n = s.size();
        double ratio = Math.max((double) f.width() / n, (double) f.height() / n);
        int outW = (int) Math.rint(f.width() / ratio);
        int outH = (int) Math.rint(f.height() / ratio);
        int padLeft = (n - outW) / 2;
        int padTop = (n - outH) / 2;
        float[] out = new float[3 * n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                boolean inside = x >= padLeft && x < padLeft + outW && y >= padTop && y < padTop + outH;
                double[] wy = inside ? weights(f.height(), outH, y - padTop, s.interpolation()) : null;
                double[] wx = inside ? weights(f.width(), outW, x - padLeft, s.interpolation()) : null;
                for (int c = 0; c < 3; c++) {
                    double v = s.fillLevel();
                    if (inside) {
                        v = 0;
                        for (int iy = 0; iy < f.height(); iy++) {
                            for (int ix = 0; ix < f.width() && wy[iy] != 0; ix++) {
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
    void letterboxKeepsTheWholeFrameAndPadsWithTheFillGrey() {
        ImageSettings s = new ImageSettings(24, ResizeRule.LONGEST_EDGE_PAD, Interpolation.BICUBIC, 1 / 255.0, MEAN, STD,
                "image", "embedding", null, 114);
        ClipPreprocessor p = new ClipPreprocessor(s);
        RgbFrame landscape = randomSmooth(87, 53, 8);
        float[] out = p.preprocess(List.of(landscape));
        assertClose(letterboxReference(landscape, s), out, 2);
        // 87x53 -> 24x15 (14.62 rounds to 15), 4 rows of padding above and 5 below, filled with grey 114 in every channel
        assertEquals(15, ClipPreprocessor.resizedSize(s, 87, 53)[1]);
        for (int c = 0; c < 3; c++) {
            float grey = (float) ((114 / 255.0 - MEAN[c]) / STD[c]);
            assertEquals(grey, out[c * 576 + 3 * 24 + 10], 1e-6);
            assertEquals(grey, out[c * 576 + 19 * 24 + 10], 1e-6);
            assertTrue(Math.abs(grey - out[c * 576 + 4 * 24 + 10]) > 1e-6 || Math.abs(grey - out[c * 576 + 18 * 24 + 10]) > 1e-6);
        }
        RgbFrame portrait = randomSmooth(41, 70, 9);
        assertClose(letterboxReference(portrait, s), p.preprocess(List.of(portrait)), 2);
        RgbFrame small = randomSmooth(12, 20, 10);
        assertClose(letterboxReference(small, s), p.preprocess(List.of(small)), 2);
        // a frame already at the model's size on its long side is only placed and normalised
        RgbFrame fitting = randomSmooth(24, 14, 11);
        assertClose(letterboxReference(fitting, s), p.preprocess(List.of(fitting)), 0);
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
    void frameAtTheModelsShortSideIsCentreCroppedOnly() {
        // the decoder hands 16:9 footage over at 398x224 for a 224 model: the crop is the middle 224 columns
        ImageSettings s = settings(24, ResizeRule.SHORTEST_EDGE_CENTER_CROP, Interpolation.BICUBIC);
        RgbFrame f = randomSmooth(43, 24, 6);
        float[] out = new ClipPreprocessor(s).preprocess(List.of(f));
        int left = (43 - 24) / 2;
        for (int y = 0; y < 24; y++) {
            for (int x = 0; x < 24; x++) {
                for (int c = 0; c < 3; c++) {
                    double expected = ((f.rgb()[3 * (y * 43 + left + x) + c] & 0xff) / 255.0 - MEAN[c]) / STD[c];
                    assertEquals(expected, out[c * 576 + y * 24 + x], 1e-5);
                }
            }
        }
        assertClose(reference(f, s), out, 0);
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

    /**
     * Levels Pillow 12.3.0 gives for a 29x17 image with values (37x + 91y + 53c + 7xy) mod 256: resized with
     * {@code Image.resize((20, 12), BICUBIC)} then centre-cropped to 12x12, and {@code resize((8, 8), BILINEAR)};
     * channels first, as hex. The preprocessor must reproduce them exactly (the Hugging Face CLIP processor resizes
     * with Pillow).
     */
    static final String PILLOW_BICUBIC_CROP_12 = "9743735ba49e534680c3982e94679e865872c87a3c8fe14a879a678794446abf825fbc2ea2567eb45bb3b172d84e9979"
                + "b76f9b759d53b1499aae78d065896c986ea4798f51ae57b766a56b659e8f657d64753ca74d959c7181a986607488948b"
                + "573f9fb39e8b7d67a8827f7a615d5c7879727280736a586865758292a4858c8fa1c776726a8ab071917680406792b287"
                + "5a7a6a96ca65567bbeb818606b9d8b775cbbad3b7db84c4888736f91c4639da54ba3863c8391a75d7abd5cb26d5cd85d"
                + "7a9759864578c363a94bb34d786e8b42804d895f916d913c7982b17c4d98738854bb712f845f7a9881805d8379744abe"
                + "8c7e6c595b8c784d9b8576b79693929b9474757e9d919b9f9aabac8b855f73868c51758f9fc35d6f98687783a1a05580"
                + "7484928b493876be821b5b948b9a8e599a845864be7e3586835883b87e7cba4a73ad2f72828c6e46ad6471c164a97f57"
                + "8b53659482a16a9d7c776b4d9e70ac80b48bb950c163c671a6885baa8b93687e813baa62a0a07f64b97e627f64a9875d"
                + "b1b9a8978476637e8581674c4c60665b5661695658635b534a5b68788e9d62879094acd356738cb25a967791aa608dc2";
    static final String PILLOW_BILINEAR_SQUASH_8 = "6d7a748271926f9e818a847789837281798a8289908b80717f8082857f8a898a997c808976747b818c657f9079876471"
                + "72616f83837d5f6b906d898c74966e9082867e8f7d7d816e86888090857f8279908884818a827e867179746b7c796c7c"
                + "75898776797b7381768c7578768292778b9397817c8c919b6f8f917b818085809289866980628e5d867f84887c768a82"
                + "76767380887d8a8a908086988886988f7f80868e7a788a7d7776978071785d8e745f686e6e7565608f727b8587927f6f";

    static RgbFrame formulaImage() {
        int w = 29;
        int h = 17;
        byte[] rgb = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    rgb[3 * (y * w + x) + c] = (byte) ((x * 37 + y * 91 + c * 53 + x * y * 7) % 256);
                }
            }
        }
        return new RgbFrame(w, h, rgb);
    }

    static void assertLevels(String hex, int size, float[] actual) {
        byte[] levels = java.util.HexFormat.of().parseHex(hex);
        assertEquals(3 * size * size, levels.length);
        for (int i = 0; i < levels.length; i++) {
            int c = i / (size * size);
            double expected = ((levels[i] & 0xff) / 255.0 - MEAN[c]) / STD[c];
            assertEquals(expected, actual[i], 1e-5, "value " + i);
        }
    }

    @Test
    void matchesPillowExactly() {
        RgbFrame f = formulaImage();
        assertLevels(PILLOW_BICUBIC_CROP_12, 12, new ClipPreprocessor(settings(12, ResizeRule.SHORTEST_EDGE_CENTER_CROP, Interpolation.BICUBIC)).preprocess(List.of(f)));
        assertLevels(PILLOW_BILINEAR_SQUASH_8, 8, new ClipPreprocessor(settings(8, ResizeRule.SQUASH, Interpolation.BILINEAR)).preprocess(List.of(f)));
    }
}
