package org.sightline.models.pack.layout;

import java.util.List;
import java.util.Objects;
import org.sightline.models.pack.PackManifest.FileRole;
import org.sightline.models.pack.PackManifest.ImageSettings;
import org.sightline.models.pack.PackManifest.TextSettings;

/**
 * What a pack made from an export will hold: its files (copied from the export, or derived from one of its files),
 * preprocessing and tensor settings, and embedding dimension.
 *
 * @param layout      the export layout's name, e.g. "immich"
 * @param description one line for people
 * @param files       the pack's files
 * @param image       image settings
 * @param text        text settings
 * @param dimension   embedding dimension
 */
public record LayoutPlan(String layout, String description, List<PlannedFile> files, ImageSettings image, TextSettings text,
                         int dimension) {
    public LayoutPlan {
        files = List.copyOf(files);
    }

    /**
     * One pack file.
     *
     * @param packPath   its path inside the pack
     * @param role       what it is for
     * @param sourcePath the export file it is a copy of, or (when {@code content} is set) the file it was derived from
     * @param content    the bytes of a derived file (an encoder cut out of a whole model), else null
     */
    public record PlannedFile(String packPath, FileRole role, String sourcePath, byte[] content) {
        public PlannedFile {
            Objects.requireNonNull(packPath);
            Objects.requireNonNull(role);
            Objects.requireNonNull(sourcePath);
        }

        static PlannedFile copy(String path, FileRole role) {
            return new PlannedFile(path, role, path, null);
        }

        boolean derived() {
            return content != null;
        }
    }
}
