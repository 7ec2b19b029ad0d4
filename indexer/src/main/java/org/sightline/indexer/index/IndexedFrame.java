package org.sightline.indexer.index;

/** One embedded frame to store: its segment, where it is in the video, and its normalised vector. */
public record IndexedFrame(long segmentId, double offsetSeconds, float[] vector) {
}
