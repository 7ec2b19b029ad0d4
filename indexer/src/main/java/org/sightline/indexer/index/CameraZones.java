package org.sightline.indexer.index;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;

/**
 * The time zone each camera's wall clock is read in, for time-of-day windows ("at night"): a camera named here is
 * read in its zone, any other camera in {@code fallback}.
 *
 * @param byCamera camera key (as on the index's camera field) to its zone
 * @param fallback the zone of cameras not named (the workstation's, or UTC)
 */
public record CameraZones(Map<String, ZoneId> byCamera, ZoneId fallback) {
    /** Every camera read in UTC (what Sightline did before cameras had zones). */
    public static final CameraZones UTC = new CameraZones(Map.of(), ZoneOffset.UTC);

    public CameraZones {
        byCamera = Map.copyOf(byCamera);
        Objects.requireNonNull(fallback, "fallback");
    }

    /** The zone of a camera's wall clock. */
    public ZoneId zoneOf(String camera) {
        return camera == null ? fallback : byCamera.getOrDefault(camera, fallback);
    }

    /**
     * Whether an instant falls inside a daily window in a zone; the window starts at {@code from} (inclusive) and ends
     * at {@code to} (exclusive), wrapping past midnight when {@code to} is before {@code from}. Daylight saving is
     * the zone's: the local time on the clock that day.
     */
    public static boolean inWindow(Instant at, ZoneId zone, LocalTime from, LocalTime to) {
        LocalTime t = at.atZone(zone).toLocalTime();
        return to.isBefore(from) ? !t.isBefore(from) || t.isBefore(to) : !t.isBefore(from) && t.isBefore(to);
    }
}
