package org.sightline.desktop.services;

import org.sightline.indexer.app.DataDirectory;
import org.sightline.indexer.index.DamagedIndexException;

/** Opens the services of a data directory (called on a background thread). */
@FunctionalInterface
public interface ServicesOpener {
    DesktopServices open(DataDirectory dir) throws Exception;

    /** Whether {@link #open} failed because the search index is damaged (then {@link #setDamagedIndexAside} repairs it). */
    default boolean damagedIndex(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DamagedIndexException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Moves the damaged search index aside (kept for examination), so that the next {@link #open} starts a new one and
     * queues every catalogued video to be embedded again (may block).
     *
     * @return what was done, in plain words
     */
    default String setDamagedIndexAside(DataDirectory dir) throws Exception {
        return WorkspaceServices.setDamagedIndexAside(dir);
    }
}
