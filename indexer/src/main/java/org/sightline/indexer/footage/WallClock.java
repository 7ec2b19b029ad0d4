package org.sightline.indexer.footage;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * A moment of a recording on its camera's wall clock: the instant, the zone it is shown in, and where the recording's
 * start time came from. Everything that shows a wall-clock time (command line, report, desktop) words it here.
 *
 * @param at           the instant
 * @param zone         the camera's zone
 * @param zoneSource   where the zone came from: the camera's setting, or (none set for the camera) the workstation
 *                     setting or the operating system
 * @param source       where the recording start came from: {@code metadata}, {@code filename}, {@code burned-in clock}
 *                     or {@code unknown}
 */
public record WallClock(Instant at, ZoneId zone, ZoneSource zoneSource, String source) {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    public WallClock {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(zoneSource, "zoneSource");
        source = source == null ? "unknown" : source;
    }

    /** True when no zone was set for the camera and the workstation zone stands in for it. */
    public boolean zoneAssumed() {
        return zoneSource.assumed();
    }

    /** The same clock, {@code seconds} into the recording. */
    public WallClock plusSeconds(double seconds) {
        return new WallClock(at.plusMillis(Math.round(seconds * 1000)), zone, zoneSource, source);
    }

    /** The date and time on the camera's clock, {@code 2026-03-29 02:30:00}. */
    public String local() {
        return LOCAL.format(at.atZone(zone));
    }

    /** The UTC time, {@code 2026-03-29 01:30:00 UTC}. */
    public String utc() {
        return UTC.format(at);
    }

    /**
     * The zone with its offset at this moment, {@code Europe/London (UTC+01:00)}, and where it came from when it was
     * not set for the camera: {@code Europe/London (UTC+01:00), workstation zone, from the operating system}.
     */
    public String zoneLabel() {
        ZonedDateTime z = at.atZone(zone);
        String offset = z.getOffset().equals(ZoneOffset.UTC) ? "UTC+00:00" : "UTC" + z.getOffset().getId();
        return WorkstationZone.name(zone) + " (" + offset + ")" + (zoneSource.assumed() ? ", " + zoneSource.qualifier() : "");
    }

    /** Where the time came from, in words: {@code metadata}, {@code file name}, {@code burned-in clock}, {@code unknown}. */
    public String sourceWords() {
        return sourceWords(source);
    }

    /** The words for a recording-start source code. */
    public static String sourceWords(String source) {
        return switch (String.valueOf(source)) {
            case "metadata" -> "metadata";
            case "filename" -> "file name";
            case "burned-in", "burned-in clock" -> "burned-in clock";
            default -> "unknown";
        };
    }

    /** {@code 2026-03-29 02:30:00 Europe/London (UTC+01:00), 2026-03-29 01:30:00 UTC, time from metadata}. */
    public String describe() {
        return local() + " " + zoneLabel() + ", " + utc() + ", time from " + sourceWords();
    }
}
