package org.sightline.models.pack;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link PackImporter} did.
 *
 * @param id               the pack's model id
 * @param installedDir     where the pack now is
 * @param alreadyInstalled true when an identical pack (same manifest hash) was installed already and nothing was copied
 * @param bytes            total size of the pack's files
 * @param provenance       where the files came from: layout and revision, and per file "recognised SOURCE" or
 *                         "user-supplied, unrecognised" (empty for packs without provenance and no recognised file)
 */
public record ImportResult(ModelId id, Path installedDir, boolean alreadyInstalled, long bytes, List<String> provenance) {
    public ImportResult {
        provenance = provenance == null ? List.of() : List.copyOf(provenance);
    }

    public ImportResult(ModelId id, Path installedDir, boolean alreadyInstalled, long bytes) {
        this(id, installedDir, alreadyInstalled, bytes, List.of());
    }
}
