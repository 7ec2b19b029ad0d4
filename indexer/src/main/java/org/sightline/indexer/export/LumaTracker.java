package org.sightline.indexer.export;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.javacv.Frame;

/**
 * Follows a user-drawn box from frame to frame by matching its picture (brightness only, on a small copy of each
 * frame): in each next frame the box moves to where the mean absolute difference to the box's picture in the
 * previous frame is least, within a search window. When even the best match differs by more than
 * {@link #LOST_DIFFERENCE} grey levels on average, the object is taken as lost from then on.
 */
final class LumaTracker {
    /** Width of the brightness copies the tracker works on. */
    static final int WIDTH = 192;
    /** Mean absolute grey-level difference above which the object is lost. */
    static final double LOST_DIFFERENCE = 30;

    /** A brightness copy of a frame. */
    record Luma(int width, int height, byte[] y) {
    }

    private LumaTracker() {
    }

    /** A small brightness copy of a packed 8-bit BGR frame. */
    static Luma of(Frame bgr) {
        int w = Math.min(WIDTH, bgr.imageWidth);
        int h = Math.max(1, (int) Math.round((double) bgr.imageHeight * w / bgr.imageWidth));
        ByteBuffer buf = (ByteBuffer) bgr.image[0];
        byte[] y = new byte[w * h];
        for (int j = 0; j < h; j++) {
            int sy = Math.min(bgr.imageHeight - 1, (int) ((j + 0.5) * bgr.imageHeight / h));
            for (int i = 0; i < w; i++) {
                int sx = Math.min(bgr.imageWidth - 1, (int) ((i + 0.5) * bgr.imageWidth / w));
                int p = sy * bgr.imageStride + sx * 3;
                int v = (29 * (buf.get(p) & 0xff) + 150 * (buf.get(p + 1) & 0xff) + 77 * (buf.get(p + 2) & 0xff)) >> 8;
                y[j * w + i] = (byte) v;
            }
        }
        return new Luma(w, h, y);
    }

    /**
     * The box in every frame, followed forwards and backwards from frame {@code start} where it was drawn; null
     * for frames where the object was lost.
     */
    static List<RedactionRegion> follow(List<Luma> frames, int start, RedactionRegion drawn) {
        RedactionRegion[] out = new RedactionRegion[frames.size()];
        out[start] = drawn;
        run(frames, start, drawn, 1, out);
        run(frames, start, drawn, -1, out);
        return new ArrayList<>(Arrays.asList(out));
    }

    private static void run(List<Luma> frames, int start, RedactionRegion drawn, int step, RedactionRegion[] out) {
        Luma first = frames.get(start);
        int bw = Math.max(2, (int) Math.round(drawn.width() * first.width()));
        int bh = Math.max(2, (int) Math.round(drawn.height() * first.height()));
        int px = Math.min(first.width() - bw, (int) Math.round(drawn.x() * first.width()));
        int py = Math.min(first.height() - bh, (int) Math.round(drawn.y() * first.height()));
        int radius = Math.max(4, first.width() / 10);
        for (int i = start + step; i >= 0 && i < frames.size(); i += step) {
            Luma prev = frames.get(i - step);
            Luma cur = frames.get(i);
            double best = Double.MAX_VALUE;
            int bx = px;
            int by = py;
            for (int dy = -radius; dy <= radius; dy++) {
                int y = py + dy;
                if (y < 0 || y + bh > cur.height()) {
                    continue;
                }
                for (int dx = -radius; dx <= radius; dx++) {
                    int x = px + dx;
                    if (x < 0 || x + bw > cur.width()) {
                        continue;
                    }
                    double d = difference(prev, px, py, cur, x, y, bw, bh, best);
                    if (d < best || d == best && Math.abs(dx) + Math.abs(dy) < Math.abs(bx - px) + Math.abs(by - py)) {
                        best = d;
                        bx = x;
                        by = y;
                    }
                }
            }
            if (best > LOST_DIFFERENCE) {
                return; // lost: the frames from here on stay null
            }
            px = bx;
            py = by;
            out[i] = new RedactionRegion((double) px / cur.width(), (double) py / cur.height(),
                    Math.min((double) bw / cur.width(), 1 - (double) px / cur.width()),
                    Math.min((double) bh / cur.height(), 1 - (double) py / cur.height()));
        }
    }

    /** Mean absolute difference of two patches (every second pixel), stopping early once above {@code bound}. */
    private static double difference(Luma a, int ax, int ay, Luma b, int bx, int by, int w, int h, double bound) {
        long sum = 0;
        int n = 0;
        long limit = bound == Double.MAX_VALUE ? Long.MAX_VALUE : (long) (bound * ((w + 1) / 2) * ((h + 1) / 2)) + 1;
        for (int j = 0; j < h; j += 2) {
            int ra = (ay + j) * a.width() + ax;
            int rb = (by + j) * b.width() + bx;
            for (int i = 0; i < w; i += 2) {
                sum += Math.abs((a.y()[ra + i] & 0xff) - (b.y()[rb + i] & 0xff));
                n++;
            }
            if (sum > limit) {
                return Double.MAX_VALUE;
            }
        }
        return n == 0 ? Double.MAX_VALUE : (double) sum / n;
    }
}
