package org.sightline.models.perception.text;

/**
 * An upright rectangle of a frame holding a line of text, in frame pixels.
 *
 * @param x      left edge
 * @param y      top edge
 * @param width  width, at least 1
 * @param height height, at least 1
 * @param score  the text detector's mean probability inside the box before it was enlarged (0..1)
 */
public record TextBox(int x, int y, int width, int height, float score) {
    public TextBox {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("text box must be at least 1x1, got " + width + "x" + height);
        }
    }

    public int right() {
        return x + width;
    }

    public int bottom() {
        return y + height;
    }
}
