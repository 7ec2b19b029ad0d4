package org.sightline.indexer.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where Sightline keeps its catalog, index, thumbnails and model packs:
 * {@code --data DIR}, else {@code $SIGHTLINE_HOME}, else {@code $XDG_DATA_HOME/sightline},
 * else {@code ~/.local/share/sightline}.
 *
 * <pre>
 * catalog.sqlite   videos, segments, runs, cases, audit (WAL)
 * index/           Lucene vector index
 * thumbs/          JPEG thumbnails by segment
 * models/NAME/     installed, verified model packs
 * </pre>
 */
public record DataDirectory(Path root) {

    public static DataDirectory resolve(Path explicit) {
        return resolve(explicit, System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static DataDirectory resolve(Path explicit, Map<String, String> env, Path home) {
        if (explicit != null) {
            return new DataDirectory(explicit.toAbsolutePath().normalize());
        }
        String sightlineHome = env.get("SIGHTLINE_HOME");
        if (sightlineHome != null && !sightlineHome.isBlank()) {
            return new DataDirectory(Path.of(sightlineHome).toAbsolutePath().normalize());
        }
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return new DataDirectory(Path.of(xdg, "sightline").toAbsolutePath().normalize());
        }
        return new DataDirectory(home.resolve(".local/share/sightline").toAbsolutePath().normalize());
    }

    public Path catalogFile() {
        return root.resolve("catalog.sqlite");
    }

    public Path indexDir() {
        return root.resolve("index");
    }

    public Path thumbnailsDir() {
        return root.resolve("thumbs");
    }

    public Path modelsDir() {
        return root.resolve("models");
    }

    /** Perception packs the user installed (object detectors, face detectors, text readers), beside the model packs. */
    public Path perceptionDir() {
        return root.resolve(org.sightline.models.perception.install.PerceptionPacks.FOLDER);
    }

    /** Creates the folder and its parts if they are missing. */
    public DataDirectory create() throws IOException {
        Files.createDirectories(root);
        Files.createDirectories(indexDir());
        Files.createDirectories(thumbnailsDir());
        Files.createDirectories(modelsDir());
        return this;
    }
}
