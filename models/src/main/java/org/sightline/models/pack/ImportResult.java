package org.sightline.models.pack;

import java.nio.file.Path;

/**
 * What {@link PackImporter} did.
 *
 * @param id               the pack's model id
 * @param installedDir     where the pack now is
 * @param alreadyInstalled true when an identical pack (same manifest hash) was installed already and nothing was copied
 * @param bytes            total size of the pack's files
 */
public record ImportResult(ModelId id, Path installedDir, boolean alreadyInstalled, long bytes) {
}
