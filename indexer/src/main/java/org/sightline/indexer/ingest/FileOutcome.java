package org.sightline.indexer.ingest;

import java.nio.file.Path;

/** How one file fared. {@code message} is the specific reason for anything but INDEXED. */
public record FileOutcome(Path path, Status status, String message, long segments) {
    public enum Status {
        INDEXED,
        /** indexed up to damage; the damage is recorded */
        PARTIAL,
        /** same content and model already indexed (possibly under another path) */
        UNCHANGED,
        FAILED,
        /** not a video file; noted, not an error */
        NOT_VIDEO,
        CANCELLED
    }
}
