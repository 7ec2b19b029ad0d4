package org.sightline.indexer.catalog;

/**
 * One attempt to write the vectors of one video for one model. Its segments and index documents carry its
 * number; it becomes {@code done} only after the index has committed them (see {@code IndexCommitProtocol}).
 */
public record Generation(long number, long videoId, String modelId, String sha256, boolean done) {
}
