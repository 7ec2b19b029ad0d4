package org.sightline.indexer.export;

import java.nio.file.Path;

/**
 * An export that could not be completed. No package is left behind: the temporary folder is removed.
 * {@link #reason()} says what the user can do about it; {@link #file()} names the file concerned (may be null).
 */
public class ExportException extends Exception {

    /** Why an export stopped. */
    public enum Reason {
        /** The target folder exists and is not empty (or is a file). */
        TARGET_NOT_EMPTY,
        /** The case's rows disagree with the audit trail's record of them (edited behind the tool's back). */
        RECORDS_DISAGREE,
        /** The target lies inside a folder of indexed footage (copies would be written into the archive). */
        TARGET_IN_ARCHIVE,
        /** The case has no items. */
        EMPTY_CASE,
        /** A source file's bytes no longer match the SHA-256 recorded when it was indexed. */
        SOURCE_CHANGED,
        /** A source file is not at its recorded path and no known path holds a file with its hash. */
        SOURCE_MISSING,
        /** An item's in/out span lies (partly) outside its source video. */
        SPAN_OUTSIDE_FILE,
        /** FFmpeg could not decode the source or encode the clip. */
        ENCODE_FAILED,
        /** Reading or writing failed (full disk, permissions, I/O error). */
        IO_FAILED,
        /** The examiner's signing key cannot be created, read or unlocked (wrong passphrase, loose permissions). */
        SIGNING_KEY,
        /** The export was cancelled. */
        CANCELLED,
        /**
         * A redaction cannot be made as asked (no pack detects what is to be hidden, a reviewed plan does not match
         * the case): nothing is exported rather than a disclosure copy that shows what it should hide.
         */
        REDACTION_UNAVAILABLE
    }

    private final Reason reason;
    private final Path file;

    public ExportException(Reason reason, Path file, String message) {
        this(reason, file, message, null);
    }

    public ExportException(Reason reason, Path file, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.file = file;
    }

    public Reason reason() {
        return reason;
    }

    public Path file() {
        return file;
    }
}
