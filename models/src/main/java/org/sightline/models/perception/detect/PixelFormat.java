package org.sightline.models.perception.detect;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

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
 * @param values        the input tensor's element type: float, or 8-bit unsigned (whole 0–255 values, as TensorFlow
 *                      Object Detection API exports take them; scale 1, mean 0, std 1)
 */
public record PixelFormat(boolean channelsFirst, boolean bgr, float scale, List<Float> mean, List<Float> std,
                          InputValues values) {

    /** The element type of the detector's image input. */
    public enum InputValues {
        /** 32-bit floats, normalised per the format. */
        @JsonProperty("float32") FLOAT32,
        /** Unsigned bytes 0–255, not normalised. */
        @JsonProperty("uint8") UINT8
    }

    /** A float input. */
    public PixelFormat(boolean channelsFirst, boolean bgr, float scale, List<Float> mean, List<Float> std) {
        this(channelsFirst, bgr, scale, mean, std, InputValues.FLOAT32);
    }

    public PixelFormat {
        Objects.requireNonNull(values, "input values");
        mean = List.copyOf(mean);
        std = List.copyOf(std);
        if (mean.size() != 3 || std.size() != 3 || !(scale > 0) || std.stream().anyMatch(s -> !(s > 0))) {
            throw new IllegalArgumentException("a pixel format needs a positive scale and 3 means and 3 positive standard deviations");
        }
        if (values == InputValues.UINT8 && (scale != 1f || !mean.equals(List.of(0f, 0f, 0f)) || !std.equals(List.of(1f, 1f, 1f)))) {
            throw new IllegalArgumentException("an 8-bit input takes the 0-255 values as they are: scale 1, mean 0, std 1");
        }
    }

    /** NHWC RGB 8-bit values 0–255 as they are (TensorFlow Object Detection API exports). */
    public static PixelFormat nhwcRgbBytes() {
        return new PixelFormat(false, false, 1f, List.of(0f, 0f, 0f), List.of(1f, 1f, 1f), InputValues.UINT8);
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
