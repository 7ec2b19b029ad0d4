package org.sightline.indexer.search;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.sightline.indexer.footage.FrameRegion;
import org.sightline.indexer.footage.RegionMotion;

/**
 * "What happened here": every moment the picture changed inside the regions, in the indexed videos that pass the
 * filters ({@link MotionSearch}).
 *
 * @param sensitivity 0 (only large, strong change) to 1 (the faintest), see {@link RegionMotion.Settings#sensitivity}
 * @param cameras     cameras to look at; empty means all
 * @param from        wall-clock start (inclusive) or null; with a bound, videos of unknown time are left out (and counted)
 * @param to          wall-clock end (exclusive) or null
 * @param limit       page size
 * @param offset      clips to skip
 */
public record MotionQuery(List<FrameRegion> regions, double sensitivity, Set<String> cameras, Instant from, Instant to,
        int limit, int offset) {
    public MotionQuery {
        regions = List.copyOf(regions);
        cameras = cameras == null ? Set.of() : Set.copyOf(cameras);
        if (regions.isEmpty()) {
            throw new InvalidQueryException("motion search needs at least one region: --region x,y,w,h as fractions of the "
                    + "picture, e.g. 0.4,0.75,0.25,0.25");
        }
        if (!(sensitivity >= 0 && sensitivity <= 1)) {
            throw new InvalidQueryException("the sensitivity must be a number from 0 (least) to 1 (most); got " + sensitivity);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidQueryException("the time range is empty: 'from' (" + from + ") is not before 'to' (" + to + ")");
        }
        if (limit <= 0 || limit > SearchQuery.MAX_LIMIT) {
            throw new InvalidQueryException("the number of clips to return must be from 1 to " + SearchQuery.MAX_LIMIT + "; got " + limit);
        }
        if (offset < 0) {
            throw new InvalidQueryException("the offset (clips to skip) must be 0 or more; got " + offset);
        }
    }

    public static MotionQuery in(List<FrameRegion> regions) {
        return new MotionQuery(regions, RegionMotion.Settings.DEFAULT_SENSITIVITY, Set.of(), null, null, 50, 0);
    }

    public MotionQuery withSensitivity(double s) {
        return new MotionQuery(regions, s, cameras, from, to, limit, offset);
    }

    public MotionQuery withFilters(Set<String> c, Instant f, Instant t) {
        return new MotionQuery(regions, sensitivity, c, f, t, limit, offset);
    }

    public MotionQuery withPage(int l, int o) {
        return new MotionQuery(regions, sensitivity, cameras, from, to, l, o);
    }
}
