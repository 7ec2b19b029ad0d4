package org.sightline.indexer.cases;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A clip in a case: a span of one source video with what found it. The item keeps everything an export
 * needs (path and SHA-256 of the source recorded at indexing), so it does not depend on the index.
 *
 * @param position   1-based order within the case
 * @param hitSeconds offset of the hit frame (the still in an export)
 * @param thumbnail  a thumbnail from the data directory, or null
 */
public record CaseItem(long id, long caseId, int position, Path video, String videoSha256, String camera,
                       double inSeconds, double outSeconds, double hitSeconds, String note, List<String> tags,
                       FoundBy foundBy, Path thumbnail, Instant added) {

    public CaseItem {
        tags = List.copyOf(tags);
    }

    public double durationSeconds() {
        return outSeconds - inSeconds;
    }
}
