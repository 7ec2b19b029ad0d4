package org.sightline.indexer.cases;

/** A case operation that cannot be done: unknown case or item, closed case, a span outside the video, a catalog failure. */
public class CaseException extends RuntimeException {
    public CaseException(String message) {
        super(message);
    }

    public CaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
