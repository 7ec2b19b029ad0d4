package org.sightline.indexer.index;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * All frame vectors of one generation of one video, written to the index in one commit.
 *
 * @param recordingStart wall-clock time of offset 0, when known (gives each frame an absolute time)
 */
public record VideoVectors(long videoId, String modelId, String sha256, long generation, String camera,
        Optional<Instant> recordingStart, List<IndexedFrame> frames) {
    public VideoVectors {
        frames = List.copyOf(frames);
    }
}
