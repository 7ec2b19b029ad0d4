package org.sightline.indexer.search;

import java.util.List;
import java.util.Objects;
import org.sightline.indexer.footage.FrameRegion;
import org.sightline.indexer.footage.RegionMotion;

/**
 * A prompt search that explains itself ({@link ExplainedSearch}).
 *
 * @param query       the prompt and filters; its limit is the page size
 * @param regions     rectangles of the picture the search is restricted to (empty: the whole picture); a clip with no
 *                    change in any of them goes to the {@link Tier#MORE} tier, with that reason
 * @param sensitivity of the motion check in the regions, 0 to 1 ({@link RegionMotion.Settings#sensitivity})
 * @param offset      how many clips of the whole result to skip (paging)
 */
public record ExplainedQuery(SearchQuery query, List<FrameRegion> regions, double sensitivity, int offset) {
    public ExplainedQuery {
        Objects.requireNonNull(query, "query");
        if (query.prompt() == null) {
            throw new InvalidQueryException("an explained search needs a prompt");
        }
        regions = List.copyOf(regions);
        if (!(sensitivity >= 0 && sensitivity <= 1)) {
            throw new InvalidQueryException("the sensitivity must be a number from 0 (least) to 1 (most); got " + sensitivity);
        }
        if (offset < 0) {
            throw new InvalidQueryException("the offset (clips to skip) must be 0 or more; got " + offset);
        }
    }

    public static ExplainedQuery of(SearchQuery query) {
        return new ExplainedQuery(query, List.of(), RegionMotion.Settings.DEFAULT_SENSITIVITY, 0);
    }
}
