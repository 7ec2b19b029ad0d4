package org.sightline.indexer.export;

import java.nio.file.Path;
import java.util.List;

/**
 * The folders footage was indexed from. The exporter refuses to write a package inside one, where it would put
 * copies of originals (and clips) into the archive itself.
 */
@FunctionalInterface
public interface ArchiveFolders {

    List<Path> roots();

    static ArchiveFolders none() {
        return List::of;
    }
}
