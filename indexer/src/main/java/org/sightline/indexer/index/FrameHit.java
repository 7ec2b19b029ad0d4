package org.sightline.indexer.index;

/**
 * One frame the kNN search found.
 *
 * @param score cosine similarity between the query vector and the frame's vector
 */
public record FrameHit(long videoId, long segmentId, double offsetSeconds, float score) {
}
