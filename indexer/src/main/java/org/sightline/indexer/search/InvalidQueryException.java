package org.sightline.indexer.search;

/** A search that cannot mean anything (a range that ends before it starts, a score no cosine can reach...); the message says which part and why. */
public final class InvalidQueryException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidQueryException(String message) {
        super(message);
    }
}
