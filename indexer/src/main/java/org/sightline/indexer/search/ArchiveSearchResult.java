package org.sightline.indexer.search;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a search of a whole team archive found: one entry per file (its best frame), every workstation's footage.
 *
 * @param framesHit frames matched before grouping by file
 */
public record ArchiveSearchResult(SearchQuery query, List<ArchiveFile> files, String modelId, int framesHit, long millis) {

    /**
     * One file of the archive that matched.
     *
     * @param localFile   where this workstation has the same content (same SHA-256), when it does and the file is
     *                    there; empty means it is held only by {@code workstation} and cannot be opened here
     * @param workstation the workstation whose document was found (the last one to index that content)
     */
    public record ArchiveFile(String sha256, String camera, String workstation, double bestOffsetSeconds, float score,
            int frames, Optional<Path> localFile) {
    }
}
