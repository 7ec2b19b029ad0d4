package org.sightline.indexer.footage;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The zone of cameras with no zone of their own: the workstation's setting ({@code time.zone}) or, when none is set,
 * the operating system's zone.
 *
 * @param zone   the zone
 * @param source {@link ZoneSource#WORKSTATION} or {@link ZoneSource#OPERATING_SYSTEM}
 */
public record WorkstationZone(ZoneId zone, ZoneSource source) {
    public WorkstationZone {
        Objects.requireNonNull(zone, "zone");
        if (source != ZoneSource.WORKSTATION && source != ZoneSource.OPERATING_SYSTEM) {
            throw new IllegalArgumentException("a workstation zone comes from the workstation setting or the operating system, not " + source);
        }
    }

    /** The operating system's zone ({@link ZoneId#systemDefault()}). */
    public static WorkstationZone operatingSystem() {
        return new WorkstationZone(ZoneId.systemDefault(), ZoneSource.OPERATING_SYSTEM);
    }

    /** The zone's IANA name ({@code UTC} for UTC). */
    public String zoneName() {
        return name(zone);
    }

    /** {@code Europe/London (workstation zone, from the workstation setting)}. */
    public String label() {
        return zoneName() + " (" + source.qualifier() + ")";
    }

    /** A zone's IANA name, {@code UTC} for UTC and its aliases. */
    public static String name(ZoneId zone) {
        ZoneId n = zone.normalized();
        return n.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }
}
