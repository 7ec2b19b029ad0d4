package org.sightline.indexer.export;

import java.util.Locale;

/**
 * One box to hide in a frame, as fractions of the picture ({@code x,y} top-left corner, {@code width,height} size),
 * with where it came from and what it covers (a detector class, "text", or the user's box). A box without a source
 * (one a reviewer typed into a plan) is the user's ({@link Source#MANUAL}).
 */
public record PlannedBox(double x, double y, double width, double height, Source source, String label) {

    /** Where a box came from. */
    public enum Source {
        /** Found by a detector pack (objects, faces or text regions), padded by the planner's margin. */
        DETECTOR,
        /** A user-drawn box, in every frame (a {@code --redact-region}, or a tracked box whose object was lost). */
        MANUAL,
        /** A user-drawn box moved frame to frame with the object it covers. */
        TRACKED
    }

    public PlannedBox {
        source = source == null ? Source.MANUAL : source; // a box a reviewer adds by hand need not say so
        double x0 = clamp(x);
        double y0 = clamp(y);
        width = Math.max(0, Math.min(1 - x0, width - (x0 - x)));
        height = Math.max(0, Math.min(1 - y0, height - (y0 - y)));
        x = x0;
        y = y0;
        label = label == null ? "" : label;
    }

    /** The pixel rectangle {x0, y0, x1, y1} (exclusive ends) in a picture of this size, rounded outwards. */
    int[] pixels(int pictureWidth, int pictureHeight) {
        int x0 = (int) Math.floor(x * pictureWidth);
        int y0 = (int) Math.floor(y * pictureHeight);
        int x1 = Math.min(pictureWidth, (int) Math.ceil((x + width) * pictureWidth));
        int y1 = Math.min(pictureHeight, (int) Math.ceil((y + height) * pictureHeight));
        return new int[] {Math.max(0, x0), Math.max(0, y0), x1, y1};
    }

    boolean empty() {
        return width <= 0 || height <= 0;
    }

    /** Intersection over union with another box. */
    double iou(PlannedBox o) {
        double iw = Math.min(x + width, o.x + o.width) - Math.max(x, o.x);
        double ih = Math.min(y + height, o.y + o.height) - Math.max(y, o.y);
        if (iw <= 0 || ih <= 0) {
            return 0;
        }
        double inter = iw * ih;
        return inter / (width * height + o.width * o.height - inter);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.4f,%.4f,%.4f,%.4f %s%s", x, y, width, height,
                source.name().toLowerCase(Locale.ROOT), label.isEmpty() ? "" : " " + label);
    }

    private static double clamp(double v) {
        return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
    }
}
