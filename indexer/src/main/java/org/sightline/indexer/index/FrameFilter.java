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
 * @param dayFrom  time-of-day window start, on each camera's clock (its zone in {@code zones}); wraps past midnight when
 *                 after {@code dayTo}; null for none
 * @param labels   object labels (such as {@code person}) the frame's detections must all include; empty for none
 * @param zones    the zone each camera's time of day is read in
 */
public record FrameFilter(String modelId, Set<String> cameras, Instant from, Instant to, LocalTime dayFrom, LocalTime dayTo,
        Set<String> labels, CameraZones zones) {
    public FrameFilter {
        Objects.requireNonNull(modelId, "modelId");
        cameras = cameras == null ? Set.of() : Set.copyOf(cameras);
        labels = labels == null ? Set.of() : Set.copyOf(labels);
        zones = zones == null ? CameraZones.UTC : zones;
        if ((dayFrom == null) != (dayTo == null)) {
            throw new IllegalArgumentException("a time-of-day window needs both a start and an end");
        }
    }

    /** A filter with every camera's time of day read in UTC. */
    public FrameFilter(String modelId, Set<String> cameras, Instant from, Instant to, LocalTime dayFrom, LocalTime dayTo,
            Set<String> labels) {
        this(modelId, cameras, from, to, dayFrom, dayTo, labels, CameraZones.UTC);
    }

    /** A filter with no object labels required. */
    public FrameFilter(String modelId, Set<String> cameras, Instant from, Instant to, LocalTime dayFrom, LocalTime dayTo) {
        this(modelId, cameras, from, to, dayFrom, dayTo, Set.of());
    }

    public static FrameFilter model(String modelId) {
        return new FrameFilter(modelId, Set.of(), null, null, null, null);
    }

    /** This filter, also requiring every one of these object labels. */
    public FrameFilter withLabels(Set<String> required) {
        return new FrameFilter(modelId, cameras, from, to, dayFrom, dayTo, required, zones);
    }

    /** This filter, reading each camera's time of day in its zone. */
    public FrameFilter withZones(CameraZones cameraZones) {
        return new FrameFilter(modelId, cameras, from, to, dayFrom, dayTo, labels, cameraZones);
    }
}
