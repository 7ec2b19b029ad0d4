package org.sightline.models.perception.detect;

/**
 * Where the frame's picture sits inside the detector's square input, in input pixels; maps boxes the detector
 * reports in input pixels back to normalised frame coordinates.
 */
public record InputPlacement(float offsetX, float offsetY, float contentWidth, float contentHeight) {

    public InputPlacement {
        if (!(contentWidth > 0 && contentHeight > 0)) {
            throw new IllegalArgumentException("picture size inside the input must be positive");
        }
    }

    /** A box in input pixels as a box in normalised frame coordinates, clamped to the frame. */
    public NormalisedBox toFrame(float x1, float y1, float x2, float y2) {
        return NormalisedBox.clamped((x1 - offsetX) / contentWidth, (y1 - offsetY) / contentHeight,
                (x2 - offsetX) / contentWidth, (y2 - offsetY) / contentHeight);
    }
}
