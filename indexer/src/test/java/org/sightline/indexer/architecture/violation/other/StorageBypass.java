package org.sightline.indexer.architecture.violation.other;

import java.nio.file.Path;
import org.sightline.indexer.catalog.Catalog;

/** A deliberate violation for ArchitectureTest: an entry point opening the catalog instead of the application layer. */
public final class StorageBypass {
    private StorageBypass() {
    }

    public static long videos(Path catalogFile) {
        try (Catalog catalog = Catalog.open(catalogFile)) {
            return catalog.videos().size();
        }
    }
}
