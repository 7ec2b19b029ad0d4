package org.sightline.models.runtime;

import java.util.Arrays;
import org.sightline.models.pack.PackManifest;

/**
 * Turns an encoder's token states ({@code last_hidden_state}, [rows, tokens, D]) into one vector per row, as the
 * pack's manifest says ({@link PackManifest.Pooling}): the first (CLS) token, the mean over the tokens the attention
 * mask keeps, or that mean layer-normalised. The caller L2-normalises the result.
 */
final class TokenPooling {
    private TokenPooling() {
    }

    /**
     * @param flat    the output's values, row-major
     * @param shape   the output's shape, [rows, tokens, D]
     * @param mask    per token 1 (kept) or 0 (padding), the same for every row; null keeps every token
     * @param encoder "image encoder" or "text encoder", for messages
     * @return [rows * D] values
     * @throws IllegalStateException the output is not [rows, tokens, D] or the mask does not fit it
     */
    static float[] pool(float[] flat, long[] shape, PackManifest.Pooling pooling, long[] mask, String encoder) {
        if (shape.length != 3 || shape[1] < 1 || shape[2] < 1 || flat.length != shape[0] * shape[1] * shape[2]) {
            throw new IllegalStateException(encoder + " returned an output of shape " + Arrays.toString(shape)
                    + "; pooling (" + pooling + ") needs token states [N, tokens, D]");
        }
        int rows = Math.toIntExact(shape[0]);
        int tokens = Math.toIntExact(shape[1]);
        int dim = Math.toIntExact(shape[2]);
        if (mask != null && mask.length != tokens) {
            throw new IllegalStateException(encoder + " returned " + tokens + " token states for " + mask.length + " tokens fed");
        }
        float[] out = new float[rows * dim];
        for (int r = 0; r < rows; r++) {
            int base = r * tokens * dim;
            if (pooling == PackManifest.Pooling.CLS) {
                System.arraycopy(flat, base, out, r * dim, dim);
                continue;
            }
            double[] sum = new double[dim];
            int kept = 0;
            for (int t = 0; t < tokens; t++) {
                if (mask != null && mask[t] == 0) {
                    continue;
                }
                kept++;
                for (int j = 0; j < dim; j++) {
                    sum[j] += flat[base + t * dim + j];
                }
            }
            double count = Math.max(1, kept);
            for (int j = 0; j < dim; j++) {
                sum[j] /= count;
            }
            if (pooling == PackManifest.Pooling.MEAN_LAYER_NORM) {
                layerNorm(sum);
            }
            for (int j = 0; j < dim; j++) {
                out[r * dim + j] = (float) sum[j];
            }
        }
        return out;
    }

    /** Layer normalisation without weights, epsilon 1e-5 (PyTorch's {@code F.layer_norm} default). */
    private static void layerNorm(double[] v) {
        double mean = Arrays.stream(v).average().orElse(0);
        double var = Arrays.stream(v).map(x -> (x - mean) * (x - mean)).average().orElse(0);
        double inv = 1.0 / Math.sqrt(var + 1e-5);
        for (int j = 0; j < v.length; j++) {
            v[j] = (v[j] - mean) * inv;
        }
    }
}
