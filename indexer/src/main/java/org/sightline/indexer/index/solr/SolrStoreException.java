package org.sightline.indexer.index.solr;

import java.io.IOException;

/** The SolrCloud store could not do what was asked: no live node, a refused request, a missing collection. */
public class SolrStoreException extends IOException {
    private static final long serialVersionUID = 1L;

    public SolrStoreException(String message) {
        super(message);
    }

    public SolrStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
