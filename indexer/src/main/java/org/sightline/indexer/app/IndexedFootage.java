package org.sightline.indexer.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.sightline.indexer.catalog.Catalog;
import org.sightline.indexer.catalog.VideoRecord;
import org.sightline.indexer.index.IndexStore;

/** What the catalog and the vector index of a data directory know about its footage (read only). */
public final class IndexedFootage {
    private final Catalog catalog;
    private final IndexStore index;

    IndexedFootage(Catalog catalog, IndexStore index) {
        this.catalog = catalog;
        this.index = index;
    }

    /** Every video in the catalog with its status. */
    public List<VideoRecord> videos() {
        return catalog.videos();
    }

    /** The catalog's record of the file at this path, if it was ever queued for indexing. */
    public Optional<VideoRecord> videoByPath(Path path) {
        return catalog.videoByPath(path);
    }

    /** Seconds of footage in videos that are done or partial. */
    public double indexedFootageSeconds() {
        return catalog.indexedFootageSeconds();
    }

    /** True when another process holds the index for writing, so this one can only search. */
    public boolean readOnly() {
        return index.readOnly();
    }
}
