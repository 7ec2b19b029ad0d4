package org.sightline.indexer.perception;

import java.util.Objects;

/**
 * What a search asks of the detections: at least {@code minCount} objects of {@code label} in one examined frame,
 * of {@code colour} when it is not null (one of {@code ColourVocabulary.COLOURS}).
 */
public record ObjectQuery(String label, int minCount, String colour) {
    public ObjectQuery {
        Objects.requireNonNull(label, "label");
        if (minCount < 1) {
            throw new IllegalArgumentException("an object query needs a count of at least 1, got " + minCount);
        }
    }

    /** At least one object of this label, any colour. */
    public static ObjectQuery of(String label) {
        return new ObjectQuery(label, 1, null);
    }

    /** Whether an examined frame satisfies the query. */
    public boolean matches(FrameDetections frame) {
        return frame.count(label, colour) >= minCount;
    }
}
