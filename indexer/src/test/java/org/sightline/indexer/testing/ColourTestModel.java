package org.sightline.indexer.testing;

import java.util.List;
import java.util.Locale;
import org.sightline.indexer.index.Vectors;
import org.sightline.models.pack.ModelId;
import org.sightline.models.runtime.PromptNotUnderstoodException;
import org.sightline.models.runtime.RgbFrame;
import org.sightline.models.runtime.VisionLanguageModel;

/**
 * A deterministic test-only model: a frame's vector is its mean colour (plus a small constant so black is not zero),
 * a prompt's vector is the colour it names. Unit tests of the index and pipeline use it; integration tests use the
 * real demo colour model pack.
 */
public final class ColourTestModel implements VisionLanguageModel {
    private final ModelId id;

    public ColourTestModel() {
        this("test-colours");
    }

    public ColourTestModel(String name) {
        this.id = new ModelId(name, "1", "0123456789abcdef");
    }

    @Override
    public ModelId id() {
        return id;
    }

    @Override
    public int dimension() {
        return 4;
    }

    @Override
    public int preferredShortSide() {
        return 16;
    }

    @Override
    public float[][] embedImages(List<RgbFrame> frames) {
        float[][] out = new float[frames.size()][];
        for (int i = 0; i < out.length; i++) {
            RgbFrame f = frames.get(i);
            double r = 0, g = 0, b = 0;
            byte[] px = f.rgb();
            for (int p = 0; p < px.length; p += 3) {
                r += px[p] & 0xff;
                g += px[p + 1] & 0xff;
                b += px[p + 2] & 0xff;
            }
            int n = px.length / 3;
            out[i] = Vectors.normalise(new float[] {(float) (r / n), (float) (g / n), (float) (b / n), 8f});
        }
        return out;
    }

    @Override
    public float[] embedText(String prompt) {
        String p = prompt.toLowerCase(Locale.ROOT);
        if (p.contains("red")) {
            return Vectors.normalise(new float[] {1, 0, 0, 0.03f});
        }
        if (p.contains("green")) {
            return Vectors.normalise(new float[] {0, 1, 0, 0.03f});
        }
        if (p.contains("blue")) {
            return Vectors.normalise(new float[] {0, 0, 1, 0.03f});
        }
        throw new PromptNotUnderstoodException("no colour word in \"" + prompt + "\"");
    }

    @Override
    public void close() {
    }

    public static RgbFrame solid(int r, int g, int b) {
        int w = 16, h = 16;
        byte[] px = new byte[w * h * 3];
        for (int i = 0; i < px.length; i += 3) {
            px[i] = (byte) r;
            px[i + 1] = (byte) g;
            px[i + 2] = (byte) b;
        }
        return new RgbFrame(w, h, px);
    }
}
