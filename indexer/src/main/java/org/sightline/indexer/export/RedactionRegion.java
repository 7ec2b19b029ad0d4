package org.sightline.indexer.export;

import java.util.Locale;

/**
 * A user-drawn rectangle to hide in every frame of the derivative clips and stills, as fractions of the picture:
 * {@code x,y} its top-left corner, {@code width,height} its size, each between 0 and 1.
 */
public record RedactionRegion(double x, double y, double width, double height) {

    public RedactionRegion {
        if (!(x >= 0 && y >= 0 && width > 0 && height > 0 && x + width <= 1 + 1e-9 && y + height <= 1 + 1e-9)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "redaction region %s,%s,%s,%s is not inside the "
                    + "picture: give x,y,w,h as fractions of the width and height (0 to 1), e.g. 0.25,0.1,0.2,0.3", x, y, width, height));
        }
    }

    /** Parses {@code x,y,w,h}. */
    public static RedactionRegion parse(String text) {
        String[] parts = text.strip().split("\\s*,\\s*");
        if (parts.length != 4) {
            throw new IllegalArgumentException("redaction region \"" + text + "\" must be x,y,w,h (four fractions of the picture)");
        }
        try {
            return new RedactionRegion(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]),
                    Double.parseDouble(parts[2]), Double.parseDouble(parts[3]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("redaction region \"" + text + "\" must be x,y,w,h as numbers between 0 and 1", e);
        }
    }

    /** The pixel rectangle {x0, y0, x1, y1} (exclusive ends) in a picture of this size, rounded outwards. */
    int[] pixels(int pictureWidth, int pictureHeight) {
        int x0 = (int) Math.floor(x * pictureWidth);
        int y0 = (int) Math.floor(y * pictureHeight);
        int x1 = Math.min(pictureWidth, (int) Math.ceil((x + width) * pictureWidth));
        int y1 = Math.min(pictureHeight, (int) Math.ceil((y + height) * pictureHeight));
        return new int[] {x0, y0, x1, y1};
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.4f,%.4f,%.4f,%.4f", x, y, width, height);
    }
}
