package org.sightline.indexer.index;

import java.util.Set;

/**
 * One embedded frame to store: its segment, where it is in the video, its normalised vector, and the object labels
 * the detector saw at that moment (the labels of the latest examined frame of the video up to this one; empty when
 * the detector did not run or saw nothing).
 */
public record IndexedFrame(long segmentId, double offsetSeconds, float[] vector, Set<String> labels) {
    public IndexedFrame {
        labels = labels == null ? Set.of() : Set.copyOf(labels);
    }

    public IndexedFrame(long segmentId, double offsetSeconds, float[] vector) {
        this(segmentId, offsetSeconds, vector, Set.of());
    }
}
