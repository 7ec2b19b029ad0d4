package org.sightline.models.perception.detect;

import java.util.List;

/**
 * How a detector wants its input pixels: dimension order, colour order and per-channel normalisation
 * {@code (value × scale − mean[c]) / std[c]} for 0–255 values, channels in the model's order (the same rule as a
 * perception manifest's {@code image}).
 *
 * @param channelsFirst NCHW when true, NHWC when false
 * @param bgr           channels blue, green, red when true, else red, green, blue
 * @param scale         factor applied to 0–255 values first
 * @param mean          per-channel mean, model channel order
 * @param std           per-channel standard deviation, model channel order
 */
public record PixelFormat(boolean channelsFirst, boolean bgr, float scale, List<Float> mean, List<Float> std) {

    public PixelFormat {
        mean = List.copyOf(mean);
        std = List.copyOf(std);
        if (mean.size() != 3 || std.size() != 3 || !(scale > 0) || std.stream().anyMatch(s -> !(s > 0))) {
            throw new IllegalArgumentException("a pixel format needs a positive scale and 3 means and 3 positive standard deviations");
        }
    }

    /** NHWC RGB with one scale and one mean for all channels. */
    public static PixelFormat nhwcRgb(float scale, float mean) {
        return new PixelFormat(false, false, scale, List.of(mean, mean, mean), List.of(1f, 1f, 1f));
    }

    /** The input value of a 0–255 {@code value} in model channel {@code c}. */
    public float apply(float value, int c) {
        return (value * scale - mean.get(c)) / std.get(c);
    }
}
