package org.sightline.indexer.search;

import java.time.Instant;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Set;
import org.sightline.models.runtime.RgbFrame;

/**
 * What to look for and where. Exactly one of {@code prompt} and {@code example} is set.
 *
 * @param cameras   cameras to search; empty means all
 * @param from      wall-clock start (inclusive); null for no bound. With a bound, footage of unknown time is excluded.
 * @param to        wall-clock end (exclusive); null for no bound
 * @param dayFrom   time-of-day window start (wall clock, UTC); with {@code dayTo}, may wrap past midnight; null for none
 * @param dayTo     time-of-day window end; null for none
 * @param minScore  hits scoring below this cosine similarity are dropped
 * @param limit     the most clips to return
 */
public record SearchQuery(
        String prompt,
        Example example,
        Set<String> cameras,
        Instant from,
        Instant to,
        LocalTime dayFrom,
        LocalTime dayTo,
        float minScore,
        int limit,
        SortOrder sort) {

    public SearchQuery {
        if ((prompt == null) == (example == null)) {
            throw new IllegalArgumentException("a search needs either a prompt or an example, not both");
        }
        cameras = cameras == null ? Set.of() : Set.copyOf(cameras);
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive");
        }
        Objects.requireNonNull(sort, "sort");
    }

    public static SearchQuery prompt(String prompt) {
        return new SearchQuery(prompt, null, Set.of(), null, null, null, null, -1f, 50, SortOrder.RELEVANCE);
    }

    public static SearchQuery example(Example example) {
        return new SearchQuery(null, example, Set.of(), null, null, null, null, -1f, 50, SortOrder.RELEVANCE);
    }

    public SearchQuery withCameras(Set<String> c) {
        return new SearchQuery(prompt, example, c, from, to, dayFrom, dayTo, minScore, limit, sort);
    }

    public SearchQuery withTimeRange(Instant f, Instant t) {
        return new SearchQuery(prompt, example, cameras, f, t, dayFrom, dayTo, minScore, limit, sort);
    }

    public SearchQuery withTimeOfDay(LocalTime f, LocalTime t) {
        return new SearchQuery(prompt, example, cameras, from, to, f, t, minScore, limit, sort);
    }

    public SearchQuery withMinScore(float s) {
        return new SearchQuery(prompt, example, cameras, from, to, dayFrom, dayTo, s, limit, sort);
    }

    public SearchQuery withLimit(int l) {
        return new SearchQuery(prompt, example, cameras, from, to, dayFrom, dayTo, minScore, l, sort);
    }

    public SearchQuery withSort(SortOrder s) {
        return new SearchQuery(prompt, example, cameras, from, to, dayFrom, dayTo, minScore, limit, s);
    }

    /** Query by example: "find moments that look like this". */
    public sealed interface Example {
        /** A picture (a whole frame or a dragged rectangle of one), embedded with the active model. */
        record OfFrame(RgbFrame frame, String description) implements Example {
        }

        /** The stored vectors of an indexed segment. */
        record OfSegment(long segmentId) implements Example {
        }
    }

    public enum SortOrder { RELEVANCE, TIME }
}
