package org.sightline.models.perception;

import java.nio.file.Path;

/**
 * How one starter perception pack is made from pinned published files. The same inputs always give the same
 * bytes, so the SHA-256 of the resulting manifest (which lists the SHA-256 of every file) is pinned in the source.
 */
public interface StarterPackRecipe {
    /** The pack's name (and folder name). */
    String name();

    /** SHA-256 of the manifest this recipe writes; any difference stops the build. */
    String pinnedManifestSha256();

    /**
     * Writes the pack's files and manifest into the empty folder {@code dir}.
     *
     * @param npmCache where pinned npm tarballs are cached
     */
    void write(Path dir, Path npmCache);
}
