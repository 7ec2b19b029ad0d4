package org.sightline.indexer.perception;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything perception found in one video, written with its segments in one generation.
 *
 * @param frames     the examined frames with their objects, text and clock readings, in time order
 * @param clockStart the recording start the burned-in clock implies ({@link ClockStart}), when one was read
 * @param packs      which perception packs found it (name, version, manifest SHA-256), empty when none ran
 */
public record VideoPerception(List<FrameDetections> frames, Optional<Instant> clockStart, String packs) {
    /** Nothing: no detector ran. */
    public static final VideoPerception NONE = new VideoPerception(List.of(), Optional.empty(), "");

    public VideoPerception {
        frames = List.copyOf(frames);
        Objects.requireNonNull(clockStart, "clockStart");
        Objects.requireNonNull(packs, "packs");
    }
}
