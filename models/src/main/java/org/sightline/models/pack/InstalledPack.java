package org.sightline.models.pack;

import java.nio.file.Path;

/**
 * A pack folder in the models directory, as its manifest describes it (not yet verified).
 *
 * @param name     pack name (= folder name)
 * @param dir      the pack folder
 * @param manifest the parsed manifest, or null when it cannot be read
 * @param problem  why the manifest cannot be read, or null
 * @param active   whether this is the pack searches and indexing use
 */
public record InstalledPack(String name, Path dir, PackManifest manifest, String problem, boolean active) {

    public String version() {
        return manifest == null ? "?" : manifest.version();
    }

    public String kind() {
        return manifest == null ? "?" : manifest.kind();
    }
}
