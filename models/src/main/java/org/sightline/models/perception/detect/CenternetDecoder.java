package org.sightline.models.perception.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Decodes CenterNet outputs the way the model's own TensorFlow post-processing does: a cell's class score is
 * a detection when it is the largest in its 3×3 neighbourhood (the graph's {@code MaxPool}/{@code Equal}) and at
 * least the threshold; the box spans from the cell's centre ({@code column × stride}, {@code row × stride}) by the
 * four extents of the size map. At most {@code maxPeaks} peaks, highest first (the graph's {@code TopKV2}).
 */
public final class CenternetDecoder {

    /** A peak: class, score and box in input pixels. */
    public record Peak(int classIndex, float score, float x1, float y1, float x2, float y2) {
    }

    private final int maxPeaks;

    public CenternetDecoder(int maxPeaks) {
        this.maxPeaks = maxPeaks;
    }

    /**
     * @param heat    NHWC heat map {@code [rows, columns, classes]}, scores in [0, 1]
     * @param extents NHWC {@code [rows, columns, 4]}: left, top, right, bottom extents in input pixels
     * @param stride  input pixels per heat map cell
     */
    public List<Peak> decode(float[] heat, float[] extents, int rows, int columns, int classes, float stride, float threshold) {
        if (heat.length != rows * columns * classes || extents.length != rows * columns * 4) {
            throw new IllegalArgumentException("heat map of " + heat.length + " and extents of " + extents.length
                    + " values do not fit " + rows + "x" + columns + " cells of " + classes + " classes");
        }
        List<Peak> peaks = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                int cell = r * columns + c;
                for (int k = 0; k < classes; k++) {
                    float s = heat[cell * classes + k];
                    if (s < threshold || !isLocalMax(heat, rows, columns, classes, r, c, k, s)) {
                        continue;
                    }
                    float cx = c * stride;
                    float cy = r * stride;
                    int e = cell * 4;
                    peaks.add(new Peak(k, s, cx - extents[e], cy - extents[e + 1], cx + extents[e + 2], cy + extents[e + 3]));
                }
            }
        }
        peaks.sort(Comparator.comparingDouble(Peak::score).reversed());
        return peaks.size() > maxPeaks ? List.copyOf(peaks.subList(0, maxPeaks)) : peaks;
    }

    private static boolean isLocalMax(float[] heat, int rows, int columns, int classes, int r, int c, int k, float s) {
        for (int dr = -1; dr <= 1; dr++) {
            int rr = r + dr;
            if (rr < 0 || rr >= rows) {
                continue;
            }
            for (int dc = -1; dc <= 1; dc++) {
                int cc = c + dc;
                if (cc < 0 || cc >= columns || (dr == 0 && dc == 0)) {
                    continue;
                }
                if (heat[(rr * columns + cc) * classes + k] > s) {
                    return false;
                }
            }
        }
        return true;
    }
}
