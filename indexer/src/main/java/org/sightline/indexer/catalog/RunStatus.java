package org.sightline.indexer.catalog;

import java.util.Locale;

/** How an index run ended (a run still going is {@code running} in the catalog). */
public enum RunStatus {
    FINISHED, CANCELLED, FAILED,
    /** The data folder's disk filled up: the run stopped cleanly, leaving the files it had not finished queued. */
    DISK_FULL,
    /** The process stopped (crash, kill, power cut) while the run was going; found by the next process that opens the catalog. */
    INTERRUPTED;

    /** How the catalog stores it: the name in lower case. */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
