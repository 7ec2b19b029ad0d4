package org.sightline.indexer.app;

import org.sightline.indexer.catalog.Catalog;
import org.sightline.indexer.index.IndexStore;

/** Test access to a workspace's catalog and index, which no public accessor hands out. */
public final class WorkspaceInternals {
    private WorkspaceInternals() {
    }

    public static Catalog catalog(Workspace w) {
        return w.catalog();
    }

    public static IndexStore index(Workspace w) {
        return w.index();
    }
}
