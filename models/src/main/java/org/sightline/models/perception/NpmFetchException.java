package org.sightline.models.perception;

/** npm could not fetch a package tarball, or a file is missing from it; the message says which and why. */
public class NpmFetchException extends RuntimeException {
    public NpmFetchException(String message) {
        super(message);
    }

    public NpmFetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
