package org.sightline.indexer.search;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A run of consecutive segments of one video whose frames match the query.
 *
 * @param startSeconds      offset of the clip's first segment in the video
 * @param endSeconds        offset of the end of its last segment
 * @param bestOffsetSeconds offset of the best-matching frame (the thumbnail's frame)
 * @param score             cosine similarity of the best frame (not comparable across prompts)
 * @param relativeStrength  score placed in the spread of this query's hits: 1 for the best hit, 0 for the weakest
 * @param wallClockStart    wall-clock time of {@code startSeconds} when the recording start is known
 * @param thumbnail         JPEG of the best segment's representative frame
 */
public record Clip(
        long videoId,
        Path video,
        String sha256,
        String camera,
        double startSeconds,
        double endSeconds,
        double bestOffsetSeconds,
        float score,
        float relativeStrength,
        Optional<Instant> wallClockStart,
        Path thumbnail,
        List<Long> segmentIds) {

    public double durationSeconds() {
        return endSeconds - startSeconds;
    }
}
