package org.sightline.indexer.catalog;

import java.util.Locale;

/** How an index run ended (a run still going is {@code running} in the catalog). */
public enum RunStatus {
    FINISHED, CANCELLED, FAILED;

    /** How the catalog stores it: the name in lower case. */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
