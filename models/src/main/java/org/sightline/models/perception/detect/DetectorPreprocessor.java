package org.sightline.models.perception.detect;

import java.util.Arrays;
import org.sightline.models.runtime.RgbFrame;

/**
 * Turns a frame into a detector's float input (NHWC or NCHW, RGB or BGR, per {@link PixelFormat}): bilinear resampling sampled the way TensorFlow's
 * {@code ResizeBilinear} does without half-pixel centres (source = destination × in / out, as the upstream
 * TensorFlow.js runtime resizes), stretched or letterboxed per {@link DetectorSettings.Fit}, values times the
 * normalised per {@link PixelFormat} (letterbox bars are black, or the grey 114 the YOLO families' own letterbox
 * pads with: {@link DetectorSettings.Family#letterboxLevel()}). Thread-safe (no state).
 */
public final class DetectorPreprocessor {
    private final int size;
    private final DetectorSettings.Fit fit;
    private final PixelFormat pixels;
    private final float[] bar = new float[3];

    public DetectorPreprocessor(DetectorSettings settings) {
        this.size = settings.inputSize();
        this.fit = settings.fit();
        this.pixels = settings.pixels();
        for (int c = 0; c < 3; c++) {
            bar[c] = pixels.apply(settings.family().letterboxLevel(), c);
        }
    }

    /** Floats one input holds: size × size × 3. */
    public int inputLength() {
        return size * size * 3;
    }

    private void fillBars(float[] out) {
        int plane = size * size;
        for (int c = 0; c < 3; c++) {
            if (pixels.channelsFirst()) {
                Arrays.fill(out, c * plane, (c + 1) * plane, bar[c]);
            } else {
                for (int i = c; i < out.length; i += 3) {
                    out[i] = bar[c];
                }
            }
        }
    }

    /** Writes the input for {@code frame} into {@code out} (length {@link #inputLength()}) and says where the picture went. */
    public InputPlacement prepare(RgbFrame frame, float[] out) {
        if (out.length != inputLength()) {
            throw new IllegalArgumentException("input buffer holds " + out.length + " floats, needs " + inputLength());
        }
        int w = frame.width();
        int h = frame.height();
        int cw = size;
        int ch = size;
        if (fit == DetectorSettings.Fit.LETTERBOX) {
            float s = Math.min((float) size / w, (float) size / h);
            cw = Math.max(1, Math.min(size, Math.round(w * s)));
            ch = Math.max(1, Math.min(size, Math.round(h * s)));
            fillBars(out);
        }
        int ox = (size - cw) / 2;
        int oy = (size - ch) / 2;
        byte[] rgb = frame.rgb();
        float sy = (float) h / ch;
        float sx = (float) w / cw;
        for (int y = 0; y < ch; y++) {
            float fy = y * sy;
            int y0 = Math.min((int) fy, h - 1);
            int y1 = Math.min(y0 + 1, h - 1);
            float dy = fy - y0;
            for (int x = 0; x < cw; x++) {
                float fx = x * sx;
                int x0 = Math.min((int) fx, w - 1);
                int x1 = Math.min(x0 + 1, w - 1);
                float dx = fx - x0;
                int pixel = (oy + y) * size + ox + x;
                for (int c = 0; c < 3; c++) {
                    float tl = rgb[(y0 * w + x0) * 3 + c] & 0xff;
                    float tr = rgb[(y0 * w + x1) * 3 + c] & 0xff;
                    float bl = rgb[(y1 * w + x0) * 3 + c] & 0xff;
                    float br = rgb[(y1 * w + x1) * 3 + c] & 0xff;
                    float top = tl + (tr - tl) * dx;
                    float bottom = bl + (br - bl) * dx;
                    int mc = pixels.bgr() ? 2 - c : c;
                    out[pixels.channelsFirst() ? mc * size * size + pixel : pixel * 3 + mc] = pixels.apply(top + (bottom - top) * dy, mc);
                }
            }
        }
        return new InputPlacement(ox, oy, cw, ch);
    }
}
