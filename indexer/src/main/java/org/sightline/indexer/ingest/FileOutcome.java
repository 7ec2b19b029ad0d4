package org.sightline.indexer.ingest;

import java.nio.file.Path;

/** How one file fared. {@code message} is the specific reason for anything but INDEXED. */
public record FileOutcome(Path path, Status status, String message, long segments) {
    /** How the message of a file whose content another catalogued file already holds begins. */
    public static final String SAME_CONTENT_AS = "same content as ";

    /**
     * True for a copy: the same content as another file already indexed (or indexed earlier in this run). A copy is
     * not catalogued under its own path and not embedded again; its message names the other file.
     */
    public boolean sameContentAsAnother() {
        return status == Status.UNCHANGED && message != null && message.startsWith(SAME_CONTENT_AS);
    }

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
