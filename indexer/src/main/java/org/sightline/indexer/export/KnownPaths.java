package org.sightline.indexer.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Where else a source file with a given SHA-256 has been seen (the catalog's known paths). The exporter asks
 * when a case item's recorded path no longer exists; every candidate is re-hashed before it is used.
 */
@FunctionalInterface
public interface KnownPaths {

    List<Path> pathsFor(String sha256);

    static KnownPaths none() {
        return sha -> List.of();
    }

    /** This lookup's paths, then the other's, without repeats. */
    default KnownPaths or(KnownPaths other) {
        return sha -> {
            LinkedHashSet<Path> all = new LinkedHashSet<>(pathsFor(sha));
            all.addAll(other.pathsFor(sha));
            return new ArrayList<>(all);
        };
    }
}
