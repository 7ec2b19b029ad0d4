package org.sightline.indexer.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Daily windows on a camera's clock, across the days the clocks change. */
class CameraZonesTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final LocalTime NIGHT_FROM = LocalTime.of(21, 0);
    private static final LocalTime NIGHT_TO = LocalTime.of(5, 0);

    @Test
    void theWindowFollowsTheZonesClockThroughDaylightSaving() {
        // 2024-03-31: London goes from GMT to BST at 01:00 UTC; 04:30 UTC is 05:30 BST, after the night
        assertTrue(CameraZones.inWindow(Instant.parse("2024-03-30T04:30:00Z"), LONDON, NIGHT_FROM, NIGHT_TO));
        assertFalse(CameraZones.inWindow(Instant.parse("2024-03-31T04:30:00Z"), LONDON, NIGHT_FROM, NIGHT_TO));
        // 2024-10-27: back to GMT at 01:00 UTC; 20:30 UTC is 21:30 BST the day before, 20:30 GMT the day after
        assertTrue(CameraZones.inWindow(Instant.parse("2024-10-26T20:30:00Z"), LONDON, NIGHT_FROM, NIGHT_TO));
        assertFalse(CameraZones.inWindow(Instant.parse("2024-10-27T20:30:00Z"), LONDON, NIGHT_FROM, NIGHT_TO));
        // the repeated hour 01:00-02:00 local is inside the night both times
        assertTrue(CameraZones.inWindow(Instant.parse("2024-10-27T00:30:00Z"), LONDON, NIGHT_FROM, NIGHT_TO));
        assertTrue(CameraZones.inWindow(Instant.parse("2024-10-27T01:30:00Z"), LONDON, NIGHT_FROM, NIGHT_TO));
        // a window that does not wrap: start inclusive, end exclusive
        assertTrue(CameraZones.inWindow(Instant.parse("2024-01-15T12:00:00Z"), ZoneOffset.UTC, LocalTime.NOON, LocalTime.of(18, 0)));
        assertFalse(CameraZones.inWindow(Instant.parse("2024-01-15T18:00:00Z"), ZoneOffset.UTC, LocalTime.NOON, LocalTime.of(18, 0)));
    }

    @Test
    void camerasWithoutAZoneAreReadInTheFallback() {
        CameraZones zones = new CameraZones(Map.of("gate", LONDON), ZoneOffset.UTC);
        assertEquals(LONDON, zones.zoneOf("gate"));
        assertEquals(ZoneOffset.UTC, zones.zoneOf("yard"));
        assertEquals(ZoneOffset.UTC, zones.zoneOf(null));
    }
}
