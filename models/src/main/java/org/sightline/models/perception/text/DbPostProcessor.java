package org.sightline.models.perception.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a DB (differentiable binarisation) text probability map into text boxes, as PaddleOCR's
 * {@code DBPostProcess} does with upright boxes: pixels above {@link #threshold} form regions (8-connected);
 * a region's box is kept when the mean probability inside it reaches {@link #boxThreshold}; the box is then
 * enlarged ("unclipped") by {@code area * unclipRatio / perimeter} on every side, because DB predicts shrunk
 * text kernels; boxes whose short side stays under {@code minSize + 2} map pixels are dropped as specks.
 *
 * <p>Rotated text is read through its upright bounding box, which is enough for the horizontal overlays, plates
 * and signs of CCTV footage. Thread-safe (immutable).
 *
 * @param threshold    probability above which a pixel is text (PaddleOCR: 0.3)
 * @param boxThreshold minimum mean probability of a kept box (PaddleOCR: 0.6)
 * @param unclipRatio  enlargement ratio (PaddleOCR: 1.5)
 * @param minSize      minimum short side in map pixels (PaddleOCR: 3)
 * @param maxBoxes     at most this many regions are considered, largest first (PaddleOCR: 1000)
 */
public record DbPostProcessor(float threshold, float boxThreshold, double unclipRatio, int minSize, int maxBoxes) {

    public static DbPostProcessor paddleDefaults() {
        return new DbPostProcessor(0.3f, 0.6f, 1.5, 3, 1000);
    }

    /**
     * Boxes in the map's pixels scaled by {@code scaleX, scaleY} into frame pixels and clipped to
     * {@code frameW x frameH}, sorted top to bottom, then left to right within a line.
     *
     * @param prob map of {@code mapW x mapH} probabilities, row by row
     */
    public List<TextBox> boxes(float[] prob, int mapW, int mapH, double scaleX, double scaleY, int frameW, int frameH) {
        if (prob.length < mapW * mapH) {
            throw new IllegalArgumentException("probability map holds " + prob.length + " values, expected " + mapW * mapH);
        }
        List<int[]> regions = regions(prob, mapW, mapH);
        regions.sort(Comparator.comparingInt((int[] r) -> -r[4]));
        List<TextBox> boxes = new ArrayList<>();
        for (int k = 0; k < Math.min(regions.size(), maxBoxes); k++) {
            int[] r = regions.get(k);
            int x0 = r[0];
            int y0 = r[1];
            int x1 = r[2];
            int y1 = r[3];
            double w = x1 - x0 + 1;
            double h = y1 - y0 + 1;
            if (Math.min(w, h) < minSize) {
                continue;
            }
            float score = meanInside(prob, mapW, x0, y0, x1, y1);
            if (score < boxThreshold) {
                continue;
            }
            double d = w * h * unclipRatio / (2 * (w + h));
            double ew = w + 2 * d;
            double eh = h + 2 * d;
            if (Math.min(ew, eh) < minSize + 2) {
                continue;
            }
            int fx0 = clamp((int) Math.round((x0 - d) * scaleX), frameW);
            int fy0 = clamp((int) Math.round((y0 - d) * scaleY), frameH);
            int fx1 = clamp((int) Math.round((x1 + 1 + d) * scaleX), frameW);
            int fy1 = clamp((int) Math.round((y1 + 1 + d) * scaleY), frameH);
            if (fx1 - fx0 >= 1 && fy1 - fy0 >= 1) {
                boxes.add(new TextBox(fx0, fy0, fx1 - fx0, fy1 - fy0, score));
            }
        }
        return readingOrder(boxes);
    }

    /** Top to bottom; boxes whose tops are within 10 pixels count as one line and go left to right (as PaddleOCR). */
    static List<TextBox> readingOrder(List<TextBox> boxes) {
        List<TextBox> sorted = new ArrayList<>(boxes);
        sorted.sort(Comparator.comparingInt(TextBox::y).thenComparingInt(TextBox::x));
        for (int i = 0; i < sorted.size() - 1; i++) {
            for (int j = i; j >= 0; j--) {
                TextBox a = sorted.get(j);
                TextBox b = sorted.get(j + 1);
                if (Math.abs(b.y() - a.y()) < 10 && b.x() < a.x()) {
                    sorted.set(j, b);
                    sorted.set(j + 1, a);
                } else {
                    break;
                }
            }
        }
        return sorted;
    }

    /** Connected regions above the threshold: {x0, y0, x1, y1, pixelCount} each (inclusive bounds). */
    private List<int[]> regions(float[] prob, int w, int h) {
        int[] label = new int[w * h];
        int[] stack = new int[w * h];
        List<int[]> regions = new ArrayList<>();
        int next = 0;
        for (int start = 0; start < w * h; start++) {
            if (label[start] != 0 || !(prob[start] > threshold)) {
                continue;
            }
            next++;
            int top = 0;
            stack[top++] = start;
            label[start] = next;
            int x0 = Integer.MAX_VALUE;
            int y0 = Integer.MAX_VALUE;
            int x1 = -1;
            int y1 = -1;
            int count = 0;
            while (top > 0) {
                int p = stack[--top];
                int px = p % w;
                int py = p / w;
                count++;
                x0 = Math.min(x0, px);
                x1 = Math.max(x1, px);
                y0 = Math.min(y0, py);
                y1 = Math.max(y1, py);
                for (int dy = -1; dy <= 1; dy++) {
                    int ny = py + dy;
                    if (ny < 0 || ny >= h) {
                        continue;
                    }
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = px + dx;
                        if (nx < 0 || nx >= w || (dx == 0 && dy == 0)) {
                            continue;
                        }
                        int q = ny * w + nx;
                        if (label[q] == 0 && prob[q] > threshold) {
                            label[q] = next;
                            stack[top++] = q;
                        }
                    }
                }
            }
            regions.add(new int[] {x0, y0, x1, y1, count});
        }
        return regions;
    }

    private static float meanInside(float[] prob, int w, int x0, int y0, int x1, int y1) {
        double sum = 0;
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                sum += prob[y * w + x];
            }
        }
        return (float) (sum / ((double) (x1 - x0 + 1) * (y1 - y0 + 1)));
    }

    private static int clamp(int v, int max) {
        return Math.max(0, Math.min(max, v));
    }
}
