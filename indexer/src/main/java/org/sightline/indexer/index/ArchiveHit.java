package org.sightline.indexer.index;

/**
 * One frame of a shared (team) archive, whichever workstation indexed it: named by its file's content, not by this
 * data directory's catalog ids.
 *
 * @param score cosine similarity between the query vector and the frame's vector
 */
public record ArchiveHit(String sha256, String modelId, String camera, String workstation, double offsetSeconds, float score) {
}
