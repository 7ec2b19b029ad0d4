package org.sightline.indexer.index;

import java.time.Instant;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Set;

/**
 * Which frames a kNN search may return; applied inside the vector search, not after it.
 *
 * @param modelId  only vectors of this model (required: vectors of two models are never compared)
 * @param cameras  empty for all
 * @param from     inclusive wall-clock bound, null for none; with a bound, frames of unknown time are excluded
 * @param to       exclusive wall-clock bound, null for none
 * @param dayFrom  time-of-day window (UTC) start; wraps past midnight when after {@code dayTo}; null for none
 */
public record FrameFilter(String modelId, Set<String> cameras, Instant from, Instant to, LocalTime dayFrom, LocalTime dayTo) {
    public FrameFilter {
        Objects.requireNonNull(modelId, "modelId");
        cameras = cameras == null ? Set.of() : Set.copyOf(cameras);
        if ((dayFrom == null) != (dayTo == null)) {
            throw new IllegalArgumentException("a time-of-day window needs both a start and an end");
        }
    }

    public static FrameFilter model(String modelId) {
        return new FrameFilter(modelId, Set.of(), null, null, null, null);
    }
}
