package org.sightline.indexer.export;

import java.time.Instant;
import java.util.Optional;

/**
 * When a source recording started, by its SHA-256 (the catalog's probe of the file), so the report can give each
 * item's times on the wall clock as well as in the file.
 */
@FunctionalInterface
public interface RecordingTimes {

    /**
     * @param source      "metadata" (the container's creation time), "filename" (a date-time in the file name) or
     *                    "burned-in clock"
     * @param zone        IANA zone of the camera's clock ({@code UTC} when none was set)
     * @param zoneAssumed true when no zone was set for the camera and the workstation zone stands in for it
     * @param zoneSource  where the zone came from: "camera setting", "workstation setting" or "operating system";
     *                    null when not known
     */
    record RecordingTime(Instant start, String source, String zone, boolean zoneAssumed, String zoneSource) {
        /** A start time whose zone's source is not known. */
        public RecordingTime(Instant start, String source, String zone, boolean zoneAssumed) {
            this(start, source, zone, zoneAssumed, null);
        }

        /** A start time of a camera with no zone set (UTC assumed). */
        public RecordingTime(Instant start, String source) {
            this(start, source, "UTC", true);
        }
    }

    Optional<RecordingTime> of(String sha256);

    static RecordingTimes unknown() {
        return sha -> Optional.empty();
    }
}
