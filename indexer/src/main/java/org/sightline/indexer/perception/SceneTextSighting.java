package org.sightline.indexer.perception;

import java.util.Objects;
import org.sightline.models.perception.detect.NormalisedBox;

/**
 * A line of text read in a frame (a sign, a plate, a recorder's overlay).
 *
 * @param text       what was read
 * @param box        where, in normalised frame coordinates
 * @param confidence mean character probability, 0 to 1
 */
public record SceneTextSighting(String text, NormalisedBox box, float confidence) {
    public SceneTextSighting {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(box, "box");
    }
}
