package org.sightline.models.runtime;

import java.util.Objects;

/**
 * One decoded picture as packed 8-bit RGB, row by row, no padding: pixel (x, y) starts at
 * {@code 3 * (y * width + x)}. This is the only picture type that crosses from the decoder to the
 * model, so neither side needs the other's image classes.
 */
public record RgbFrame(int width, int height, byte[] rgb) {
    public RgbFrame {
        Objects.requireNonNull(rgb, "rgb");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("frame size must be positive, got " + width + "x" + height);
        }
        if (rgb.length != 3 * width * height) {
            throw new IllegalArgumentException(
                    "rgb holds " + rgb.length + " bytes, a " + width + "x" + height + " frame needs " + 3 * width * height);
        }
    }
}
