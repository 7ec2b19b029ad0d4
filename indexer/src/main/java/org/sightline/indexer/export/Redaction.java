package org.sightline.indexer.export;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import org.bytedeco.javacv.Frame;

/**
 * Regions hidden in the derivative clips and stills of an export (a disclosure copy); the originals are never
 * changed. {@link Method#BLOCK} paints them solid black; {@link Method#BLUR} replaces them with a coarse mosaic of
 * averaged cells (about a sixth of the region's shorter side, at least 12 pixels), which no sharpening undoes.
 */
public record Redaction(List<RedactionRegion> regions, Method method) implements FrameRedaction {

    public enum Method {
        BLOCK, BLUR;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Method parse(String s) {
            try {
                return valueOf(s.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("redaction method \"" + s + "\" is not one of block, blur", e);
            }
        }
    }

    public static final Redaction NONE = new Redaction(List.of(), Method.BLOCK);

    public Redaction {
        regions = List.copyOf(regions);
    }

    @Override
    public boolean any() {
        return !regions.isEmpty();
    }

    @Override
    public void apply(Frame frame, double sourceSeconds) {
        apply(frame);
    }

    /** Hides the regions in a packed 8-bit BGR frame, in place. */
    void apply(Frame frame) {
        if (!any()) {
            return;
        }
        hide(frame, regions.stream().map(r -> r.pixels(frame.imageWidth, frame.imageHeight)).toList(), method);
    }

    /** Hides pixel rectangles {x0, y0, x1, y1} (exclusive ends) of a packed 8-bit BGR frame with {@code method}, in place. */
    static void hide(Frame frame, List<int[]> rectangles, Method method) {
        if (rectangles.isEmpty()) {
            return;
        }
        if (frame.imageDepth != Frame.DEPTH_UBYTE || frame.imageChannels != 3) {
            throw new IllegalArgumentException("redaction needs 8-bit BGR frames, got depth " + frame.imageDepth
                    + " with " + frame.imageChannels + " channels");
        }
        ByteBuffer buf = (ByteBuffer) frame.image[0];
        int stride = frame.imageStride;
        for (int[] p : rectangles) {
            if (p[2] <= p[0] || p[3] <= p[1]) {
                continue;
            }
            if (method == Method.BLOCK) {
                fill(buf, stride, p[0], p[1], p[2], p[3], new int[] {0, 0, 0});
            } else {
                int cell = Math.max(12, Math.min(p[2] - p[0], p[3] - p[1]) / 6);
                for (int cy = p[1]; cy < p[3]; cy += cell) {
                    for (int cx = p[0]; cx < p[2]; cx += cell) {
                        int x1 = Math.min(p[2], cx + cell);
                        int y1 = Math.min(p[3], cy + cell);
                        fill(buf, stride, cx, cy, x1, y1, mean(buf, stride, cx, cy, x1, y1));
                    }
                }
            }
        }
    }

    private static int[] mean(ByteBuffer buf, int stride, int x0, int y0, int x1, int y1) {
        long[] sum = new long[3];
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int i = y * stride + x * 3;
                for (int c = 0; c < 3; c++) {
                    sum[c] += buf.get(i + c) & 0xff;
                }
            }
        }
        long n = Math.max(1, (long) (x1 - x0) * (y1 - y0));
        return new int[] {(int) (sum[0] / n), (int) (sum[1] / n), (int) (sum[2] / n)};
    }

    private static void fill(ByteBuffer buf, int stride, int x0, int y0, int x1, int y1, int[] bgr) {
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int i = y * stride + x * 3;
                buf.put(i, (byte) bgr[0]);
                buf.put(i + 1, (byte) bgr[1]);
                buf.put(i + 2, (byte) bgr[2]);
            }
        }
    }

    /** In words, for the manifest and report. */
    public String describe() {
        return (method == Method.BLOCK ? "blocked (solid black)" : "blurred (coarse mosaic)") + " user-drawn region(s) "
                + String.join("; ", regions.stream().map(RedactionRegion::toString).toList())
                + " (x,y,width,height as fractions of the picture) in every frame of the clip and in the still";
    }
}
