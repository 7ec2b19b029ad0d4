package org.sightline.models.perception.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Decodes BlazeFace outputs the way {@code @vladmandic/human} does ({@code src/face/blazeface.ts}): anchors on two
 * grids, strides {@code size / 16} (2 anchors per cell) and {@code size / 8} (6 per cell), each at its cell's
 * centre, rows then columns then anchors; per anchor a score logit and 16 box values, of which the first four are
 * the face's centre offset from the anchor (x, y) and its width and height, in input pixels (the other twelve are
 * six landmarks, unused here). Score = sigmoid(logit). At most {@code maxFaces}, highest first.
 */
public final class BlazefaceDecoder {
    /** Outputs read: scores and boxes of the fine grid, then scores and boxes of the coarse grid. */
    public static final int OUTPUTS = 4;
    /** The converted model's output names in that order ({@code Identity} is [1,512,1], {@code Identity_2} [1,512,16], ...). */
    public static final List<String> GRAPH_OUTPUTS = List.of("Identity", "Identity_2", "Identity_1", "Identity_3");
    /** Values per anchor in a box output. */
    public static final int BOX_VALUES = 16;

    private static final int[] STRIDE_DIVISORS = {16, 8};
    private static final int[] ANCHORS_PER_CELL = {2, 6};

    private final int inputSize;
    private final int maxFaces;
    private final float[][] anchors;

    public BlazefaceDecoder(int inputSize, int maxFaces) {
        this.inputSize = inputSize;
        this.maxFaces = maxFaces;
        this.anchors = new float[2][];
        for (int g = 0; g < 2; g++) {
            int stride = inputSize / STRIDE_DIVISORS[g];
            int cells = (inputSize + stride - 1) / stride;
            float[] a = new float[cells * cells * ANCHORS_PER_CELL[g] * 2];
            int i = 0;
            for (int y = 0; y < cells; y++) {
                for (int x = 0; x < cells; x++) {
                    for (int n = 0; n < ANCHORS_PER_CELL[g]; n++) {
                        a[i++] = stride * (x + 0.5f);
                        a[i++] = stride * (y + 0.5f);
                    }
                }
            }
            anchors[g] = a;
        }
    }

    /** Anchors of grid {@code g} (0 fine, 1 coarse). */
    public int anchorCount(int g) {
        return anchors[g].length / 2;
    }

    /**
     * @param scores per grid, one logit per anchor
     * @param boxes  per grid, {@value #BOX_VALUES} values per anchor
     */
    public List<CenternetDecoder.Peak> decode(List<float[]> scores, List<float[]> boxes, float threshold) {
        if (scores.size() != 2 || boxes.size() != 2) {
            throw new IllegalArgumentException("blazeface has two grids, got " + scores.size() + " score and " + boxes.size() + " box outputs");
        }
        List<CenternetDecoder.Peak> faces = new ArrayList<>();
        for (int g = 0; g < 2; g++) {
            int count = anchorCount(g);
            float[] s = scores.get(g);
            float[] b = boxes.get(g);
            if (s.length != count || b.length != count * BOX_VALUES) {
                throw new IllegalArgumentException("blazeface grid " + g + " of a " + inputSize + "-pixel input has " + count
                        + " anchors, the outputs hold " + s.length + " scores and " + b.length + " box values");
            }
            for (int i = 0; i < count; i++) {
                float score = (float) (1 / (1 + Math.exp(-s[i])));
                if (score < threshold) {
                    continue;
                }
                int o = i * BOX_VALUES;
                float cx = b[o] + anchors[g][2 * i];
                float cy = b[o + 1] + anchors[g][2 * i + 1];
                float hw = b[o + 2] / 2;
                float hh = b[o + 3] / 2;
                faces.add(new CenternetDecoder.Peak(0, score, cx - hw, cy - hh, cx + hw, cy + hh));
            }
        }
        faces.sort(Comparator.comparingDouble(CenternetDecoder.Peak::score).reversed());
        return faces.size() > maxFaces ? List.copyOf(faces.subList(0, maxFaces)) : faces;
    }
}
