package org.sightline.models.perception.detect;

/**
 * A box in normalised frame coordinates: (0, 0) is the frame's top-left corner, (1, 1) its bottom-right, so the
 * box means the same at any frame size. Always {@code 0 <= x1 <= x2 <= 1} and {@code 0 <= y1 <= y2 <= 1}.
 */
public record NormalisedBox(float x1, float y1, float x2, float y2) {
    public NormalisedBox {
        if (!(0 <= x1 && x1 <= x2 && x2 <= 1 && 0 <= y1 && y1 <= y2 && y2 <= 1)) {
            throw new IllegalArgumentException("box (" + x1 + ", " + y1 + ")-(" + x2 + ", " + y2
                    + ") is not inside the unit square with x1 <= x2, y1 <= y2");
        }
    }

    /** Clamps the corners into the frame and orders them. */
    public static NormalisedBox clamped(float x1, float y1, float x2, float y2) {
        float ax = clamp(Math.min(x1, x2));
        float bx = clamp(Math.max(x1, x2));
        float ay = clamp(Math.min(y1, y2));
        float by = clamp(Math.max(y1, y2));
        return new NormalisedBox(ax, ay, bx, by);
    }

    public float width() {
        return x2 - x1;
    }

    public float height() {
        return y2 - y1;
    }

    public float area() {
        return width() * height();
    }

    public float centreX() {
        return (x1 + x2) / 2;
    }

    public float centreY() {
        return (y1 + y2) / 2;
    }

    /** Intersection over union with another box (0 when either is empty). */
    public float iou(NormalisedBox other) {
        float iw = Math.min(x2, other.x2) - Math.max(x1, other.x1);
        float ih = Math.min(y2, other.y2) - Math.max(y1, other.y1);
        if (iw <= 0 || ih <= 0) {
            return 0;
        }
        float inter = iw * ih;
        float union = area() + other.area() - inter;
        return union <= 0 ? 0 : inter / union;
    }

    private static float clamp(float v) {
        return Float.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
    }
}
