package org.sightline.indexer.index.solr;

import java.io.IOException;

/** The SolrCloud store could not do what was asked: no live node, a refused request, a missing collection. */
public class SolrStoreException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int httpStatus;

    public SolrStoreException(String message) {
        this(message, 0);
    }

    SolrStoreException(String message, int httpStatus) {
        super(message);
        this.httpStatus = httpStatus;
    }

    public SolrStoreException(String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = 0;
    }

    /** The HTTP status Solr refused the request with, or 0 when it did not answer at all. */
    public int httpStatus() {
        return httpStatus;
    }
}
