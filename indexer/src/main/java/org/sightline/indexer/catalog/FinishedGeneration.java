package org.sightline.indexer.catalog;

import java.nio.file.Path;

/**
 * A {@code done} generation with what the index must hold for it: one document per embedded frame.
 *
 * @param sha256 the content the generation was embedded from
 */
public record FinishedGeneration(long number, long videoId, Path video, String modelId, int framesEmbedded, String sha256) {
}
