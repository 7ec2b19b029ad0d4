package org.sightline.indexer.footage;

import java.nio.file.Path;

/** A video that cannot be read, with the file and the specific reason. */
public class FootageException extends Exception {
    private final Path path;
    private final FootageError error;

    public FootageException(Path path, FootageError error, String detail) {
        this(path, error, detail, null);
    }

    public FootageException(Path path, FootageError error, String detail, Throwable cause) {
        super(PathText.shown(path) + ": " + error.description() + (detail == null || detail.isBlank() ? "" : " (" + detail + ")"), cause);
        this.path = path;
        this.error = error;
    }

    public Path path() {
        return path;
    }

    public FootageError error() {
        return error;
    }
}
