package org.sightline.models.perception.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Decodes the single output RangiLyu/nanodet's own ONNX export writes ({@code tools/export_onnx.py}, NanoDet-Plus
 * head {@code _forward_onnx}): {@code [1, N, C + 4 × bins]}, per centre prior its C class scores (already sigmoid)
 * then, per box side (left, top, right, bottom), {@code bins} distance logits. As the head's {@code get_bboxes}: priors
 * over the levels in order, each level's {@code ceil(input / stride)} cells a side row by row, the prior at
 * {@code (column × stride, row × stride)}; a side's distance is the softmax expectation of bins {@code 0..bins-1}
 * times the stride; every class at or above the threshold gives a box. The strides are 8, 16, 32 and 64
 * (NanoDet-Plus) or 8, 16, 32 (NanoDet), told apart by N for the input size. At most {@code maxDetections},
 * highest first.
 */
public final class NanodetPlusDecoder {
    private static final int[][] STRIDE_SETS = {{8, 16, 32, 64}, {8, 16, 32}};

    private final int inputSize;
    private final int maxDetections;

    public NanodetPlusDecoder(int inputSize, int maxDetections) {
        this.inputSize = inputSize;
        this.maxDetections = maxDetections;
    }

    /** Centre priors of a stride set for this input size. */
    private int priors(int[] strides) {
        int n = 0;
        for (int s : strides) {
            int side = (inputSize + s - 1) / s;
            n += side * side;
        }
        return n;
    }

    public List<CenternetDecoder.Peak> decode(OutputTensor output, int classes, float threshold) {
        int[] strides = null;
        if (output.rank() == 3 && output.dim(0) == 1) {
            for (int[] set : STRIDE_SETS) {
                if (output.dim(1) == priors(set)) {
                    strides = set;
                }
            }
        }
        long boxValues = output.rank() == 3 ? output.dim(2) - classes : -1;
        if (strides == null || boxValues < 4 || boxValues % 4 != 0) {
            throw output.wrongShape("[1, N, " + classes + "+4×bins] with N = " + priors(STRIDE_SETS[0])
                    + " (strides 8, 16, 32, 64) or " + priors(STRIDE_SETS[1]) + " (strides 8, 16, 32) for a " + inputSize
                    + "-pixel input");
        }
        int bins = (int) (boxValues / 4);
        int values = (int) output.dim(2);
        float[] v = output.values();
        List<CenternetDecoder.Peak> found = new ArrayList<>();
        float[] distance = new float[4];
        int row = 0;
        for (int stride : strides) {
            int side = (inputSize + stride - 1) / stride;
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    int o = row++ * values;
                    boolean any = false;
                    for (int k = 0; k < classes && !any; k++) {
                        any = v[o + k] >= threshold;
                    }
                    if (!any) {
                        continue;
                    }
                    for (int s = 0; s < 4; s++) {
                        distance[s] = NanodetDecoder.expectation(v, o + classes + s * bins, bins) * stride;
                    }
                    float cx = x * stride;
                    float cy = y * stride;
                    for (int k = 0; k < classes; k++) {
                        if (v[o + k] >= threshold) {
                            found.add(new CenternetDecoder.Peak(k, v[o + k], cx - distance[0], cy - distance[1],
                                    cx + distance[2], cy + distance[3]));
                        }
                    }
                }
            }
        }
        found.sort(Comparator.comparingDouble(CenternetDecoder.Peak::score).reversed());
        return found.size() > maxDetections ? List.copyOf(found.subList(0, maxDetections)) : found;
    }
}
