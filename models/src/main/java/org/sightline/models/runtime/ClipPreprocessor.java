package org.sightline.models.runtime;

import java.util.Arrays;
import java.util.List;
import org.sightline.models.pack.PackManifest.ImageSettings;
import org.sightline.models.pack.PackManifest.Interpolation;
import org.sightline.models.pack.PackManifest.ResizeRule;

/**
 * Turns {@link RgbFrame}s into the float tensor an image encoder takes ({@code [N,3,size,size]}, channels first),
 * following a pack's {@link ImageSettings} exactly as the Hugging Face CLIP image processor does with PIL:
 * resize (PIL's separable resampling: bicubic with a = -0.5 or bilinear, filter widened when shrinking so it
 * antialiases, 22-bit fixed-point weights, 8-bit rounding after each pass, horizontal pass first), then for
 * {@code shortest_edge_center_crop} the centre square, for {@code longest_edge_pad} the whole frame placed in the centre
 * of a square of the fill grey (open_clip's letterbox), then {@code value * rescale}, minus mean, divided by std.
 *
 * <p>Only the pixels inside the crop are computed. Works on primitive arrays. Thread-safe: the only shared state is
 * an immutable cache of resampling weights for the last frame size.
 */
public final class ClipPreprocessor {

    private static final int PRECISION_BITS = 32 - 8 - 2;

    private final ImageSettings settings;
    private final float[][] lut = new float[3][256];
    private volatile Plan lastPlan;

    public ClipPreprocessor(ImageSettings settings) {
        this.settings = settings;
        for (int c = 0; c < 3; c++) {
            for (int v = 0; v < 256; v++) {
                lut[c][v] = (float) ((v * settings.rescale() - settings.mean()[c]) / settings.std()[c]);
            }
        }
    }

    public int size() {
        return settings.size();
    }

    /** Floats per frame: {@code 3 * size * size}. */
    public int frameLength() {
        return 3 * settings.size() * settings.size();
    }

    /** The batch as one {@code [N,3,size,size]} array. */
    public float[] preprocess(List<RgbFrame> frames) {
        float[] out = new float[frames.size() * frameLength()];
        for (int i = 0; i < frames.size(); i++) {
            preprocess(frames.get(i), out, i * frameLength());
        }
        return out;
    }

    /** Writes one frame's {@code [3,size,size]} values into {@code out} from {@code offset}. */
    public void preprocess(RgbFrame frame, float[] out, int offset) {
        Plan plan = plan(frame.width(), frame.height());
        int size = settings.size();
        if (plan.outW < size || plan.outH < size) {
            fill(out, offset);
        }
        byte[] rgb = frame.rgb();
        int inW = frame.width();
        if (plan.horizontal.isCopy() && plan.vertical.isCopy()) {
            // the frame already has the model's size (the decoder scaled it): resizing changes nothing, so only
            // crop (or place) and normalise (bit-identical to the resampling path, whose single taps weigh exactly 1)
            copyAndNormalise(rgb, inW, plan, out, offset);
            return;
        }
        // Horizontal pass over the rows the vertical pass needs: rows [rowStart, rowEnd), the output columns computed.
        int outW = plan.outW;
        int rows = plan.rowEnd - plan.rowStart;
        int[] mid = new int[rows * outW * 3];
        Coefficients h = plan.horizontal;
        for (int r = 0; r < rows; r++) {
            int rowBase = (plan.rowStart + r) * inW * 3;
            int midBase = r * outW * 3;
            for (int x = 0; x < outW; x++) {
                int start = h.start[x];
                int count = h.count[x];
                int kBase = x * h.stride;
                int sr = 1 << (PRECISION_BITS - 1);
                int sg = sr;
                int sb = sr;
                int p = rowBase + start * 3;
                for (int k = 0; k < count; k++, p += 3) {
                    int w = h.weights[kBase + k];
                    sr += (rgb[p] & 0xff) * w;
                    sg += (rgb[p + 1] & 0xff) * w;
                    sb += (rgb[p + 2] & 0xff) * w;
                }
                int m = midBase + x * 3;
                mid[m] = clip8(sr);
                mid[m + 1] = clip8(sg);
                mid[m + 2] = clip8(sb);
            }
        }
        Coefficients v = plan.vertical;
        int plane = size * size;
        float[] lr = lut[0];
        float[] lg = lut[1];
        float[] lb = lut[2];
        int step = outW * 3;
        for (int y = 0; y < plan.outH; y++) {
            int start = v.start[y] - plan.rowStart;
            int count = v.count[y];
            int kBase = y * v.stride;
            int rowOut = offset + (plan.placeY + y) * size + plan.placeX;
            for (int x = 0; x < outW; x++) {
                int sr = 1 << (PRECISION_BITS - 1);
                int sg = sr;
                int sb = sr;
                int m = (start * outW + x) * 3;
                for (int k = 0; k < count; k++, m += step) {
                    int w = v.weights[kBase + k];
                    sr += mid[m] * w;
                    sg += mid[m + 1] * w;
                    sb += mid[m + 2] * w;
                }
                int o = rowOut + x;
                out[o] = lr[clip8(sr)];
                out[o + plane] = lg[clip8(sg)];
                out[o + 2 * plane] = lb[clip8(sb)];
            }
        }
    }

    /** The whole square in the padding grey (normalised as any pixel). */
    private void fill(float[] out, int offset) {
        int plane = settings.size() * settings.size();
        int level = settings.fillLevel();
        for (int c = 0; c < 3; c++) {
            Arrays.fill(out, offset + c * plane, offset + (c + 1) * plane, lut[c][level]);
        }
    }

    private void copyAndNormalise(byte[] rgb, int inW, Plan plan, float[] out, int offset) {
        int size = settings.size();
        int plane = size * size;
        int left = plan.horizontal.start[0];
        int top = plan.vertical.start[0];
        float[] lr = lut[0];
        float[] lg = lut[1];
        float[] lb = lut[2];
        for (int y = 0; y < plan.outH; y++) {
            int p = ((top + y) * inW + left) * 3;
            int o = offset + (plan.placeY + y) * size + plan.placeX;
            for (int x = 0; x < plan.outW; x++, p += 3, o++) {
                out[o] = lr[rgb[p] & 0xff];
                out[o + plane] = lg[rgb[p + 1] & 0xff];
                out[o + 2 * plane] = lb[rgb[p + 2] & 0xff];
            }
        }
    }

    private static int clip8(int fixed) {
        int v = fixed >> PRECISION_BITS;
        return v < 0 ? 0 : Math.min(v, 255);
    }

    /**
     * Size after resizing, before cropping or padding: as the Hugging Face processor computes it for the shortest edge,
     * and as open_clip's {@code ResizeKeepRatio(longest=1)} does for the longest (each side divided by the larger of
     * side/size, rounded half to even as Python's {@code round}).
     */
    static int[] resizedSize(ImageSettings s, int width, int height) {
        if (s.resize() == ResizeRule.SQUASH) {
            return new int[] {s.size(), s.size()};
        }
        if (s.resize() == ResizeRule.LONGEST_EDGE_PAD) {
            double ratio = Math.max((double) width / s.size(), (double) height / s.size());
            return new int[] {Math.clamp((long) Math.rint(width / ratio), 1, s.size()), Math.clamp((long) Math.rint(height / ratio), 1, s.size())};
        }
        boolean widthIsShort = width <= height;
        int shortSide = widthIsShort ? width : height;
        int longSide = widthIsShort ? height : width;
        int newLong = (int) ((long) s.size() * longSide / shortSide);
        return widthIsShort ? new int[] {s.size(), newLong} : new int[] {newLong, s.size()};
    }

    private Plan plan(int width, int height) {
        Plan p = lastPlan;
        if (p != null && p.width == width && p.height == height) {
            return p;
        }
        int size = settings.size();
        int[] resized = resizedSize(settings, width, height);
        // the resized picture is cropped to the centre square when larger (open_clip and Hugging Face: floor of half the
        // excess) or placed in it and padded when smaller (open_clip's center_crop_or_pad: floor of half the room on the left/top)
        int outW = Math.min(resized[0], size);
        int outH = Math.min(resized[1], size);
        int left = Math.max(0, (resized[0] - size) / 2);
        int top = Math.max(0, (resized[1] - size) / 2);
        int placeX = (size - outW) / 2;
        int placeY = (size - outH) / 2;
        Coefficients h = Coefficients.compute(width, resized[0], left, outW, settings.interpolation());
        Coefficients v = Coefficients.compute(height, resized[1], top, outH, settings.interpolation());
        int rowStart = Integer.MAX_VALUE;
        int rowEnd = 0;
        for (int y = 0; y < outH; y++) {
            rowStart = Math.min(rowStart, v.start[y]);
            rowEnd = Math.max(rowEnd, v.start[y] + v.count[y]);
        }
        p = new Plan(width, height, h, v, rowStart, rowEnd, outW, outH, placeX, placeY);
        lastPlan = p;
        return p;
    }

    /**
     * How one frame size is prepared: resampling weights for the {@code outW x outH} pixels computed, the input rows
     * they read, and where they go in the square (the rest is padding).
     */
    private record Plan(int width, int height, Coefficients horizontal, Coefficients vertical, int rowStart, int rowEnd,
                        int outW, int outH, int placeX, int placeY) {
    }

    /** Fixed-point resampling weights for output positions [first, first+count) of an inSize -> outSize resize (PIL's precompute_coeffs). */
    private record Coefficients(int[] start, int[] count, int[] weights, int stride) {

        /** Every output position copies one input position, consecutive ones: the resize is a plain crop. */
        boolean isCopy() {
            for (int i = 0; i < start.length; i++) {
                if (count[i] != 1 || weights[i * stride] != 1 << PRECISION_BITS || start[i] != start[0] + i) {
                    return false;
                }
            }
            return true;
        }

        static Coefficients compute(int inSize, int outSize, int first, int count, Interpolation interpolation) {
            double support = interpolation == Interpolation.BICUBIC ? 2.0 : 1.0;
            double scale = (double) inSize / outSize;
            double filterScale = Math.max(scale, 1.0);
            double scaledSupport = support * filterScale;
            int stride = (int) Math.ceil(scaledSupport) * 2 + 1;
            int[] starts = new int[count];
            int[] counts = new int[count];
            int[] weights = new int[count * stride];
            double[] k = new double[stride];
            for (int i = 0; i < count; i++) {
                int xx = first + i;
                double center = (xx + 0.5) * scale;
                double ss = 1.0 / filterScale;
                int xmin = Math.max((int) (center - scaledSupport + 0.5), 0);
                int xmax = Math.min((int) (center + scaledSupport + 0.5), inSize) - xmin;
                double ww = 0;
                for (int x = 0; x < xmax; x++) {
                    double w = filter(interpolation, (x + xmin - center + 0.5) * ss);
                    k[x] = w;
                    ww += w;
                }
                for (int x = 0; x < xmax; x++) {
                    double w = ww != 0 ? k[x] / ww : k[x];
                    weights[i * stride + x] = (int) (w < 0 ? -0.5 + w * (1 << PRECISION_BITS) : 0.5 + w * (1 << PRECISION_BITS));
                }
                // Drop taps whose fixed-point weight is zero (e.g. all but one when the size does not change).
                int lo = 0;
                int hi = xmax - 1;
                while (lo < hi && weights[i * stride + lo] == 0) {
                    lo++;
                }
                while (hi > lo && weights[i * stride + hi] == 0) {
                    hi--;
                }
                if (lo > 0) {
                    System.arraycopy(weights, i * stride + lo, weights, i * stride, hi - lo + 1);
                }
                starts[i] = xmin + lo;
                counts[i] = hi - lo + 1;
            }
            return new Coefficients(starts, counts, weights, stride);
        }

        private static double filter(Interpolation interpolation, double x) {
            x = Math.abs(x);
            if (interpolation == Interpolation.BILINEAR) {
                return x < 1.0 ? 1.0 - x : 0.0;
            }
            final double a = -0.5;
            if (x < 1.0) {
                return ((a + 2.0) * x - (a + 3.0)) * x * x + 1;
            }
            if (x < 2.0) {
                return (((x - 5) * x + 8) * x - 4) * a;
            }
            return 0.0;
        }
    }
}
