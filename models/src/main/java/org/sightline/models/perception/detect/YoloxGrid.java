package org.sightline.models.perception.detect;

/**
 * Decodes the boxes of a YOLOX output exported without decoding, as YOLOX's {@code demo_postprocess}
 * ({@code yolox/utils/demo_utils.py}) does: rows run over the levels of strides 8, 16 and 32 of the square input,
 * each level's cells row by row ({@code input / stride} cells a side); a row's centre is
 * {@code (offset + cell) × stride} and its size {@code exp(value) × stride}. Objectness and class scores are left as
 * they are (already sigmoid in the export), so the result reads like a decoded output ({@link YoloDecoder}).
 */
public final class YoloxGrid {
    private static final int[] STRIDES = {8, 16, 32};

    private final int inputSize;

    public YoloxGrid(int inputSize) {
        this.inputSize = inputSize;
    }

    /** Rows a raw output has for this input size. */
    public int rows() {
        int n = 0;
        for (int s : STRIDES) {
            int side = inputSize / s;
            n += side * side;
        }
        return n;
    }

    /** The same output with boxes decoded to centre, size in input pixels. */
    public OutputTensor decode(OutputTensor raw, int classes) {
        int values = 5 + classes;
        if (raw.rank() != 3 || raw.dim(0) != 1 || raw.dim(1) != rows() || raw.dim(2) != values) {
            throw raw.wrongShape("[1, " + rows() + ", 5+" + classes + "] (a raw-grid YOLOX output for a " + inputSize
                    + "-pixel input and " + classes + " classes)");
        }
        float[] v = raw.values().clone();
        int row = 0;
        for (int stride : STRIDES) {
            int side = inputSize / stride;
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    int o = row++ * values;
                    v[o] = (v[o] + x) * stride;
                    v[o + 1] = (v[o + 1] + y) * stride;
                    v[o + 2] = (float) Math.exp(v[o + 2]) * stride;
                    v[o + 3] = (float) Math.exp(v[o + 3]) * stride;
                }
            }
        }
        return new OutputTensor(raw.name(), raw.shape(), v);
    }
}
