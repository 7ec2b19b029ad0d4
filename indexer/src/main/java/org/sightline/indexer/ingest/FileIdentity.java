package org.sightline.indexer.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What identifies the file behind a path at one moment: size, modification time and the file system's own key (device
 * and inode on Linux). Taken before hashing and compared after hashing and after decoding, so that a file replaced or
 * rewritten while Sightline reads it is never catalogued with the old hash and the new file's frames.
 */
record FileIdentity(long size, long modifiedMillis, Object fileKey) {
    static FileIdentity of(Path path) throws IOException {
        BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
        return new FileIdentity(a.size(), a.lastModifiedTime().toMillis(), a.fileKey());
    }

    /** What differs from {@code later}, in words; empty when nothing does. */
    String changesTo(FileIdentity later) {
        List<String> changes = new ArrayList<>();
        if (size != later.size) {
            changes.add("size " + size + " → " + later.size + " bytes");
        }
        if (modifiedMillis != later.modifiedMillis) {
            changes.add("modification time changed");
        }
        if (!Objects.equals(fileKey, later.fileKey)) {
            changes.add("it was replaced by another file (" + fileKey + " → " + later.fileKey + ")");
        }
        return String.join(", ", changes);
    }
}
