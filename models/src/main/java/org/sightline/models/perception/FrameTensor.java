package org.sightline.models.perception;

import org.sightline.models.perception.PerceptionManifest.ImageInput;
import org.sightline.models.runtime.RgbFrame;

/**
 * Turns a region of an {@link RgbFrame} into a model input tensor: bilinear resampling (pixel centres aligned, as
 * OpenCV's {@code INTER_LINEAR}), channels in the model's order, values normalised as its {@link ImageInput} says.
 */
public final class FrameTensor {
    private FrameTensor() {
    }

    /**
     * Writes the region {@code (x, y, w, h)} of {@code frame}, resized to {@code outW x outH}, into {@code dest}
     * starting at {@code offset}, in a tensor of row width {@code destW} (columns from {@code outW} to {@code destW}
     * are left as they are: callers pad with zeros). NCHW layout: plane {@code c} starts at
     * {@code offset + c * outH * destW}; NHWC: pixel {@code (i, j)} starts at {@code offset + 3 * (j * destW + i)}.
     */
    public static void write(RgbFrame frame, int x, int y, int w, int h, int outW, int outH, int destW, ImageInput spec,
                             float[] dest, int offset) {
        byte[] rgb = frame.rgb();
        int fw = frame.width();
        boolean bgr = spec.channels() == PerceptionManifest.ChannelOrder.BGR;
        boolean nchw = spec.layout() == PerceptionManifest.Layout.NCHW;
        int plane = outH * destW;
        double sx = (double) w / outW;
        double sy = (double) h / outH;
        for (int j = 0; j < outH; j++) {
            double fy = Math.min(Math.max((j + 0.5) * sy - 0.5, 0), h - 1);
            int y0 = (int) fy;
            int y1 = Math.min(y0 + 1, h - 1);
            double wy = fy - y0;
            for (int i = 0; i < outW; i++) {
                double fx = Math.min(Math.max((i + 0.5) * sx - 0.5, 0), w - 1);
                int x0 = (int) fx;
                int x1 = Math.min(x0 + 1, w - 1);
                double wx = fx - x0;
                int p00 = 3 * ((y + y0) * fw + x + x0);
                int p01 = 3 * ((y + y0) * fw + x + x1);
                int p10 = 3 * ((y + y1) * fw + x + x0);
                int p11 = 3 * ((y + y1) * fw + x + x1);
                for (int c = 0; c < 3; c++) {
                    int src = bgr ? 2 - c : c;
                    double top = (rgb[p00 + src] & 0xFF) * (1 - wx) + (rgb[p01 + src] & 0xFF) * wx;
                    double bottom = (rgb[p10 + src] & 0xFF) * (1 - wx) + (rgb[p11 + src] & 0xFF) * wx;
                    int v = (int) Math.round(top * (1 - wy) + bottom * wy);
                    int at = nchw ? offset + c * plane + j * destW + i : offset + 3 * (j * destW + i) + c;
                    dest[at] = spec.normalise(v, c);
                }
            }
        }
    }
}
