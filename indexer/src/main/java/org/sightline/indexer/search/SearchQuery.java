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

    /** The longest prompt read; a model reads at most a few dozen words of it anyway. */
    public static final int MAX_PROMPT_CHARACTERS = 1_000;
    /** The longest camera name a filter accepts (cameras are named after folders, or by the user). */
    public static final int MAX_CAMERA_CHARACTERS = 200;
    /** The most clips one search returns. */
    public static final int MAX_LIMIT = 10_000;

    /** @throws InvalidQueryException naming the part of the query that cannot mean anything */
    public SearchQuery {
        if ((prompt == null) == (example == null)) {
            throw new InvalidQueryException("a search needs either a prompt or an example, not both");
        }
        if (prompt != null && prompt.isBlank()) {
            throw new InvalidQueryException("the prompt is empty: type what to look for, e.g. \"a red car\"");
        }
        if (prompt != null && prompt.length() > MAX_PROMPT_CHARACTERS) {
            throw new InvalidQueryException(String.format(java.util.Locale.ROOT,
                    "the prompt is %,d characters long; at most %,d are accepted (describe what to look for in a few words)",
                    prompt.length(), MAX_PROMPT_CHARACTERS));
        }
        cameras = cameras == null ? Set.of() : Set.copyOf(cameras);
        for (String camera : cameras) {
            if (camera == null || camera.isBlank() || camera.length() > MAX_CAMERA_CHARACTERS) {
                throw new InvalidQueryException(camera == null || camera.isBlank() ? "a camera name in the filter is empty"
                        : String.format(java.util.Locale.ROOT, "a camera name in the filter is %,d characters long; at most %d are accepted",
                                camera.length(), MAX_CAMERA_CHARACTERS));
            }
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidQueryException("the time range is empty: 'from' (" + from + ") is not before 'to' (" + to + ")");
        }
        if ((dayFrom == null) != (dayTo == null)) {
            throw new InvalidQueryException("a time-of-day window needs both a start and an end");
        }
        if (Float.isNaN(minScore) || minScore < -1f || minScore > 1f) {
            throw new InvalidQueryException("the minimum score must be a number from -1 to 1 (a cosine similarity); got " + minScore);
        }
        if (limit <= 0 || limit > MAX_LIMIT) {
            throw new InvalidQueryException("the number of clips to return must be from 1 to " + MAX_LIMIT + "; got " + limit);
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
