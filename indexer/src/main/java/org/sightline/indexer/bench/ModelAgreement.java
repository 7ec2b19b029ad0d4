package org.sightline.indexer.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.sightline.models.runtime.RgbFrame;
import org.sightline.models.runtime.VisionLanguageModel;

/** How closely two models of the same architecture agree (e.g. int8 against fp32): cosine of their vectors. */
public final class ModelAgreement {

    public record Result(int frames, double minCosine, double meanCosine, double promptCosine) {
    }

    private ModelAgreement() {
    }

    /** Compares image vectors on textured synthetic frames, and text vectors on a few prompts. */
    public static Result compare(VisionLanguageModel a, VisionLanguageModel b, int frames) {
        List<RgbFrame> batch = texturedFrames(frames, 398, 224);
        float[][] va = a.embedImages(batch);
        float[][] vb = b.embedImages(batch);
        double min = 1, sum = 0;
        for (int i = 0; i < frames; i++) {
            double c = dot(va[i], vb[i]);
            min = Math.min(min, c);
            sum += c;
        }
        double prompt = 1;
        for (String p : List.of("a red car", "white van at the gate", "a grey truck")) {
            prompt = Math.min(prompt, dot(a.embedText(p), b.embedText(p)));
        }
        return new Result(frames, min, sum / frames, prompt);
    }

    static double dot(float[] x, float[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    /** Frames with smooth gradients plus noise, so every patch differs (flat frames would flatter quantisation). */
    static List<RgbFrame> texturedFrames(int count, int w, int h) {
        SplittableRandom random = new SplittableRandom(5);
        List<RgbFrame> out = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            byte[] rgb = new byte[3 * w * h];
            int r0 = random.nextInt(256), g0 = random.nextInt(256), b0 = random.nextInt(256);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int i = 3 * (y * w + x);
                    rgb[i] = (byte) (r0 + x / 2 + random.nextInt(24));
                    rgb[i + 1] = (byte) (g0 + y + random.nextInt(24));
                    rgb[i + 2] = (byte) (b0 + (x ^ y) + random.nextInt(24));
                }
            }
            out.add(new RgbFrame(w, h, rgb));
        }
        return out;
    }
}
