package org.sightline.indexer.catalog;

import java.util.Locale;

/** Where a video stands in the catalog. */
public enum VideoStatus {
    QUEUED, INDEXING, DONE, PARTIAL, FAILED;

    /** How the catalog stores it: the name in lower case. */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The word shown to the user ({@code queued}, {@code indexing}, {@code done}, {@code partial}, {@code failed}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static VideoStatus fromDb(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
