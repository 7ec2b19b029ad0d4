package org.sightline.indexer.cases;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What the catalog recorded of source files when they were indexed: a case item's SHA-256 is checked against it, so
 * an item pointed at a doctored file is found even when its audit entry was rewritten to match.
 */
public interface IndexedSources {

    /** The SHA-256 the catalog indexed the file at this path with, if it indexed one there. */
    Optional<String> indexedSha256(Path path);

    /** Whether the catalog has ever seen content with this SHA-256 (at any path). */
    boolean seen(String sha256);

    /** No catalog: items are checked against the audit trail alone. */
    IndexedSources NONE = new IndexedSources() {
        @Override
        public Optional<String> indexedSha256(Path path) {
            return Optional.empty();
        }

        @Override
        public boolean seen(String sha256) {
            return true;
        }
    };
}
