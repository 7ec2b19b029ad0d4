package org.sightline.indexer.catalog;

/** Where a video stands in the catalog. */
public enum VideoStatus {
    QUEUED, INDEXING, DONE, PARTIAL, FAILED;

    public String dbValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static VideoStatus fromDb(String s) {
        return valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }
}
