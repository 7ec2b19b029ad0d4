package org.sightline.indexer.index;

import java.nio.file.Path;

/**
 * A video whose vectors the catalog records as indexed but the index no longer holds (all or some of them): found when
 * a data directory opens, after which the video is queued to be embedded again.
 */
public record LostVectors(long videoId, Path video, String modelId, int framesRecorded, int framesFound) {
    /** Plain words for status lines and the audit trail. */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "%s: the index held %d of its %d frame vectors (model %s)",
                video, framesFound, framesRecorded, modelId);
    }
}
