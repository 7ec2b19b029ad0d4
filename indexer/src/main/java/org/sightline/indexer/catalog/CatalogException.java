package org.sightline.indexer.catalog;

/** The catalog database could not be read or written; the message names the file and the operation. */
public class CatalogException extends RuntimeException {
    public CatalogException(String message) {
        super(message);
    }

    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
