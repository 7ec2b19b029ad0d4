package org.sightline.indexer.export;

import java.time.Instant;
import java.util.Optional;

/**
 * When a source recording started, by its SHA-256 (the catalog's probe of the file), so the report can give each
 * item's times on the wall clock as well as in the file.
 */
@FunctionalInterface
public interface RecordingTimes {

    /** @param source "metadata" (the container's creation time) or "filename" (a date-time in the file name) */
    record RecordingTime(Instant start, String source) {
    }

    Optional<RecordingTime> of(String sha256);

    static RecordingTimes unknown() {
        return sha -> Optional.empty();
    }
}
