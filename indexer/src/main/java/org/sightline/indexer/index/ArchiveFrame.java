package org.sightline.indexer.index;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * One stored frame of a file in a shared (team) archive, without its vector: where it is in the file, which segment
 * the writing workstation put it in, what that workstation's detector saw at it and when it was recorded. The frames
 * of a file give the segments clips are made of and the labels that explain them.
 *
 * @param segmentId  the segment as numbered by {@code workstation}'s catalog
 * @param labels     object labels the writing workstation's detector saw at the frame; empty when none, or when it
 *                   indexed without a detector
 * @param recordedAt the frame's wall-clock time when the writing workstation knew the recording's start
 * @param zone       the zone of the camera's clock as the writing workstation knew it; empty for frames written before
 *                   zones were recorded, or with a zone this JDK does not know
 */
public record ArchiveFrame(String sha256, String workstation, long segmentId, double offsetSeconds, Set<String> labels,
        Optional<Instant> recordedAt, Optional<ZoneId> zone) {
    public ArchiveFrame {
        labels = labels == null ? Set.of() : Set.copyOf(labels);
        recordedAt = recordedAt == null ? Optional.empty() : recordedAt;
        zone = zone == null ? Optional.empty() : zone;
    }

    /** A frame without a recorded zone. */
    public ArchiveFrame(String sha256, String workstation, long segmentId, double offsetSeconds, Set<String> labels,
            Optional<Instant> recordedAt) {
        this(sha256, workstation, segmentId, offsetSeconds, labels, recordedAt, Optional.empty());
    }
}
