package org.sightline.models.perception.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Decodes NanoDet outputs as RangiLyu/nanodet's generalised-focal-loss head does: for each level (strides 8, 16,
 * 32 on a square input), each cell's class scores (already sigmoid) and, per box side (left, top, right, bottom), a
 * distribution over {@code bins} distances whose softmax expectation times the stride is the distance from the
 * cell's centre ({@code (column + 0.5) × stride}, {@code (row + 0.5) × stride}). A cell gives one detection per class
 * at or above the threshold. At most {@code maxDetections}, highest first.
 */
public final class NanodetDecoder {
    /** Outputs read: scores then distributions of stride 8, then of 16, then of 32. */
    public static final int OUTPUTS = 6;
    /** The converted model's output names in that order. */
    public static final List<String> GRAPH_OUTPUTS = List.of("Identity", "Identity_3", "Identity_1", "Identity_4",
            "Identity_2", "Identity_5");
    private static final int[] STRIDES = {8, 16, 32};

    private final int inputSize;
    private final int maxDetections;

    public NanodetDecoder(int inputSize, int maxDetections) {
        this.inputSize = inputSize;
        this.maxDetections = maxDetections;
    }

    /**
     * @param scores        per level, {@code cells × classes} scores in [0, 1]
     * @param distributions per level, {@code cells × 4 × bins} logits
     */
    public List<CenternetDecoder.Peak> decode(List<float[]> scores, List<float[]> distributions, int classes, float threshold) {
        List<CenternetDecoder.Peak> found = new ArrayList<>();
        for (int level = 0; level < STRIDES.length; level++) {
            int stride = STRIDES[level];
            int side = (inputSize + stride - 1) / stride;
            int cells = side * side;
            float[] s = scores.get(level);
            float[] d = distributions.get(level);
            if (s.length != cells * classes || d.length % (cells * 4) != 0) {
                throw new IllegalArgumentException("nanodet level of stride " + stride + " on a " + inputSize + "-pixel input has "
                        + cells + " cells; the outputs hold " + s.length + " scores and " + d.length + " distribution values");
            }
            int bins = d.length / (cells * 4);
            float[] distance = new float[4];
            for (int cell = 0; cell < cells; cell++) {
                boolean any = false;
                for (int k = 0; k < classes && !any; k++) {
                    any = s[cell * classes + k] >= threshold;
                }
                if (!any) {
                    continue;
                }
                for (int side4 = 0; side4 < 4; side4++) {
                    distance[side4] = expectation(d, (cell * 4 + side4) * bins, bins) * stride;
                }
                float cx = (cell % side + 0.5f) * stride;
                float cy = (cell / side + 0.5f) * stride;
                for (int k = 0; k < classes; k++) {
                    float score = s[cell * classes + k];
                    if (score >= threshold) {
                        found.add(new CenternetDecoder.Peak(k, score, cx - distance[0], cy - distance[1],
                                cx + distance[2], cy + distance[3]));
                    }
                }
            }
        }
        found.sort(Comparator.comparingDouble(CenternetDecoder.Peak::score).reversed());
        return found.size() > maxDetections ? List.copyOf(found.subList(0, maxDetections)) : found;
    }

    /** Softmax expectation of bins {@code 0..bins-1} at {@code offset}. */
    static float expectation(float[] logits, int offset, int bins) {
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < bins; i++) {
            max = Math.max(max, logits[offset + i]);
        }
        double sum = 0;
        double weighted = 0;
        for (int i = 0; i < bins; i++) {
            double e = Math.exp(logits[offset + i] - max);
            sum += e;
            weighted += e * i;
        }
        return (float) (weighted / sum);
    }
}
