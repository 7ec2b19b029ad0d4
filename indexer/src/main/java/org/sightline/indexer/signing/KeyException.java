package org.sightline.indexer.signing;

import java.nio.file.Path;

/** An examiner key that cannot be created, read, unlocked or used; the message names the file and the problem. */
public class KeyException extends Exception {
    private final Path file;

    public KeyException(Path file, String message) {
        super(message);
        this.file = file;
    }

    public KeyException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    /** The key file concerned, or null. */
    public Path file() {
        return file;
    }
}
