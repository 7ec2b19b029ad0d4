package org.sightline.indexer.perception;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A recorder's burned-in clock read in one frame.
 *
 * @param text   the text read in the clock's region
 * @param time   the date and time it shows (the recorder's local time)
 * @param format the format {@code BurnedInClockParser} recognised
 */
public record ClockSighting(String text, LocalDateTime time, String format) {
    public ClockSighting {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(format, "format");
    }
}
