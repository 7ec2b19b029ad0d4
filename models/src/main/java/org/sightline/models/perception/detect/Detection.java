package org.sightline.models.perception.detect;

import java.util.Objects;

/**
 * One object found in a frame: its class name (such as "person"), the class's index in the detector's class
 * list, the detector's confidence in [0, 1], and where it is in normalised frame coordinates.
 */
public record Detection(String label, int classIndex, float score, NormalisedBox box) {
    public Detection {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(box, "box");
        if (classIndex < 0) {
            throw new IllegalArgumentException("class index must not be negative, got " + classIndex);
        }
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be in [0, 1], got " + score);
        }
    }
}
