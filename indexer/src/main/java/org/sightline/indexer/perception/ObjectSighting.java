package org.sightline.indexer.perception;

import java.util.Objects;
import org.sightline.models.perception.detect.NormalisedBox;

/**
 * One object the detector found in one frame.
 *
 * @param label  class name, such as {@code person} or {@code car}
 * @param score  the detector's confidence, 0 to 1
 * @param box    where it is, in normalised frame coordinates (its size is {@code box.area()} of the frame)
 * @param colour its dominant colour, one of {@code ColourVocabulary.COLOURS}, or null when no colour dominates
 */
public record ObjectSighting(String label, float score, NormalisedBox box, String colour) {
    public ObjectSighting {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(box, "box");
    }

    /** Share of the frame the box covers, 0 to 1. */
    public float size() {
        return box.area();
    }
}
