package org.sightline.indexer.footage;

import java.util.Locale;

/**
 * A rectangle of the picture as fractions of its width and height: {@code x,y} the top-left corner,
 * {@code width,height} the size, each between 0 and 1. The same rectangle fits every resolution of a camera.
 */
public record FrameRegion(double x, double y, double width, double height) {
    public static final FrameRegion WHOLE = new FrameRegion(0, 0, 1, 1);

    public FrameRegion {
        if (!(x >= 0 && y >= 0 && width > 0 && height > 0 && x + width <= 1 + 1e-9 && y + height <= 1 + 1e-9)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the region %s,%s,%s,%s is not inside the picture: "
                    + "give x,y,w,h as fractions of the width and height (0 to 1), e.g. 0.25,0.1,0.2,0.3", x, y, width, height));
        }
    }

    /** Parses {@code x,y,w,h}. */
    public static FrameRegion parse(String text) {
        String[] parts = text.strip().split("\\s*,\\s*");
        if (parts.length != 4) {
            throw new IllegalArgumentException("the region \"" + text + "\" must be x,y,w,h (four fractions of the picture)");
        }
        try {
            return new FrameRegion(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]),
                    Double.parseDouble(parts[2]), Double.parseDouble(parts[3]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the region \"" + text + "\" must be x,y,w,h as numbers between 0 and 1", e);
        }
    }

    /** Whether the point (fractions of the picture) lies inside. */
    public boolean contains(double px, double py) {
        return px >= x && px < x + width && py >= y && py < y + height;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.3f,%.3f,%.3f,%.3f", x, y, width, height);
    }
}
