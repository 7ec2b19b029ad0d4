package org.sightline.indexer.perception;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The recording start a video's burned-in clock implies: for every clock reading, the time shown minus the frame's
 * offset; the median of those (so a misread digit in one frame does not move it), in the recorders' time zone (the
 * zone date-times in file names are read in).
 */
public final class ClockStart {
    /** The source name recorded for a recording start taken from the clock. */
    public static final String SOURCE = "burned-in clock";

    private ClockStart() {
    }

    public static Optional<Instant> estimate(List<FrameDetections> frames, ZoneId zone) {
        List<LocalDateTime> starts = new ArrayList<>();
        for (FrameDetections f : frames) {
            if (f.clock() != null) {
                starts.add(f.clock().time().minus(Duration.ofMillis(Math.round(f.offsetSeconds() * 1000))));
            }
        }
        if (starts.isEmpty()) {
            return Optional.empty();
        }
        starts.sort(null);
        return Optional.of(starts.get((starts.size() - 1) / 2).atZone(zone).toInstant());
    }
}
