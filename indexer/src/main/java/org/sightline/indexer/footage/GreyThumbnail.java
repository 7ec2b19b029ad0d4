package org.sightline.indexer.footage;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.sightline.models.runtime.RgbFrame;

/**
 * A tiny grey copy of a picture (box-averaged luma), for cheap picture-change measures: scene cuts and
 * near-duplicate frames.
 */
public final class GreyThumbnail {
    private final int width;
    private final int height;
    private final float[] luma;

    private GreyThumbnail(int width, int height, float[] luma) {
        this.width = width;
        this.height = height;
        this.luma = luma;
    }

    /** Box-averages {@code frame} down to {@code width x height} grey values 0..255. */
    public static GreyThumbnail of(RgbFrame frame, int width, int height) {
        return of(frame.rgb(), frame.width(), frame.height(), width, height);
    }

    /**
     * Same from packed RGB bytes ({@code 3 * w * h} of them). Reads every {@code step}-th pixel of every
     * {@code step}-th row, with the step chosen so each cell still averages about 16 pixels or more.
     */
    static GreyThumbnail of(byte[] rgb, int w, int h, int width, int height) {
        Grid g = new Grid(w, h, width, height);
        for (int y = 0; y < h; y += g.step) {
            int rowCell = g.rowCell(y);
            int p = 3 * y * w;
            int pixelStep = 3 * g.step;
            for (int x = 0; x < w; x += g.step, p += pixelStep) {
                int c = rowCell + g.cellOfX[x];
                // integer Rec. 601 luma weights (77, 150, 29) / 256
                g.sum[c] += 77 * (rgb[p] & 0xFF) + 150 * (rgb[p + 1] & 0xFF) + 29 * (rgb[p + 2] & 0xFF);
                g.count[c]++;
            }
        }
        float[] luma = new float[g.sum.length];
        for (int i = 0; i < g.sum.length; i++) {
            luma[i] = g.sum[i] / (256f * Math.max(1, g.count[i]));
        }
        return new GreyThumbnail(g.tw, g.th, luma);
    }

    /** The cells of a {@code width x height} thumbnail over a {@code w x h} picture, and their running sums. */
    private static final class Grid {
        final int tw;
        final int th;
        final int h;
        /** Every step-th pixel of every step-th row, so each cell still averages about 16 pixels or more. */
        final int step;
        final int[] cellOfX;
        final int[] sum;
        final int[] count;

        Grid(int w, int h, int width, int height) {
            this.tw = Math.min(width, w);
            this.th = Math.min(height, h);
            this.h = h;
            this.step = Math.max(1, Math.min(w / tw, h / th) / 4);
            this.cellOfX = new int[w];
            for (int x = 0; x < w; x++) {
                cellOfX[x] = (int) ((long) x * tw / w);
            }
            this.sum = new int[tw * th];
            this.count = new int[tw * th];
        }

        int rowCell(int y) {
            return (int) ((long) y * th / h) * tw;
        }
    }

    /**
     * Same grid and sampling as {@link #of(byte[], int, int, int, int)}, read straight from a decoder's 8-bit luma
     * plane ({@code h} rows of {@code w} bytes, {@code stride} bytes apart), so a picture need not be converted to RGB
     * just to be compared. The Rec. 601 luma of RGB made from YUV is the Y value itself, stretched to 0..255 when the
     * video uses the limited (TV) range: with {@code limitedRange} the values 16..235 are stretched the same way, so
     * differences are on the same scale as between thumbnails made from RGB.
     */
    static GreyThumbnail ofLuma(ByteBuffer plane, int w, int h, int stride, boolean limitedRange, int width, int height) {
        Grid g = new Grid(w, h, width, height);
        for (int y = 0; y < h; y += g.step) {
            int rowCell = g.rowCell(y);
            int row = y * stride;
            for (int x = 0; x < w; x += g.step) {
                int c = rowCell + g.cellOfX[x];
                g.sum[c] += plane.get(row + x) & 0xFF;
                g.count[c]++;
            }
        }
        float[] luma = new float[g.sum.length];
        for (int i = 0; i < g.sum.length; i++) {
            float mean = g.sum[i] / (float) Math.max(1, g.count[i]);
            luma[i] = limitedRange ? Math.clamp((mean - 16) * (255f / 219f), 0f, 255f) : mean;
        }
        return new GreyThumbnail(g.tw, g.th, luma);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Mean absolute grey difference (0..255) to a thumbnail of the same size. */
    public double meanAbsDifference(GreyThumbnail other) {
        checkSameSize(other);
        double total = 0;
        for (int i = 0; i < luma.length; i++) {
            total += Math.abs(luma[i] - other.luma[i]);
        }
        return total / luma.length;
    }

    /** Fraction (0..1) of cells whose grey value differs by more than {@code levels} from {@code other}. */
    public double fractionChanged(GreyThumbnail other, double levels) {
        checkSameSize(other);
        int changed = 0;
        for (int i = 0; i < luma.length; i++) {
            if (Math.abs(luma[i] - other.luma[i]) > levels) {
                changed++;
            }
        }
        return changed / (double) luma.length;
    }

    /**
     * Per-cell absolute grey difference (0..255, row by row) to a thumbnail of the same size, after taking away the
     * median difference. The median is how much the whole picture shifted (auto-exposure, a cloud), which moves
     * every cell alike and says nothing about objects; what is left is local change.
     */
    public float[] changeBeyondCommonShift(GreyThumbnail other) {
        checkSameSize(other);
        float[] difference = new float[luma.length];
        for (int i = 0; i < luma.length; i++) {
            difference[i] = luma[i] - other.luma[i];
        }
        float[] sorted = difference.clone();
        Arrays.sort(sorted);
        float median = sorted[sorted.length / 2];
        for (int i = 0; i < difference.length; i++) {
            difference[i] = Math.abs(difference[i] - median);
        }
        return difference;
    }

    private void checkSameSize(GreyThumbnail other) {
        if (other.width != width || other.height != height) {
            throw new IllegalArgumentException(
                    "thumbnails differ in size: " + width + "x" + height + " vs " + other.width + "x" + other.height);
        }
    }
}
