package org.sightline.desktop.viewer;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.sightline.indexer.footage.WallClock;
import org.sightline.indexer.footage.ZoneSource;

/**
 * How a video's wall-clock times are shown: its camera's name, the zone of the camera's clock (the workstation zone,
 * and where it came from, when none was set) and where the recording's start time came from.
 *
 * @param source {@code metadata}, {@code filename}, {@code burned-in clock} or {@code unknown}
 */
public record CameraClock(String cameraName, ZoneId zone, ZoneSource zoneSource, String source) {
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT);

    /** {@code 2024-07-15 21:30:00 Europe/London (UTC+01:00) · from file name} (cards). */
    public String describe(Instant at) {
        WallClock w = new WallClock(at, zone, zoneSource, source);
        return w.local() + " " + w.zoneLabel() + " · from " + w.sourceWords();
    }

    /** {@code 2024-07-15 21:30:00.120 Europe/London (UTC+01:00) · from file name} (the viewer). */
    public String describeMillis(Instant at) {
        WallClock w = new WallClock(at, zone, zoneSource, source);
        return MILLIS.format(at.atZone(zone)) + " " + w.zoneLabel() + " · from " + w.sourceWords();
    }
}
