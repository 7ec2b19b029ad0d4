package org.sightline.indexer.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.sightline.indexer.catalog.Catalog;
import org.sightline.indexer.catalog.VideoRecord;
import org.sightline.indexer.index.ArchiveHit;
import org.sightline.indexer.index.VideoVectors;
import org.sightline.indexer.search.ArchiveSearchResult.ArchiveFile;
import org.sightline.indexer.search.ArchiveSearchResult.LocalCopy;

/**
 * Where this workstation can open a file of a team archive: the same content indexed here (by SHA-256, at its
 * catalogued path), or the path the indexing workstation recorded below its archive folder found with the recorded
 * size in one of this workstation's shared archive folders ({@code archive.shared-roots}), or nowhere.
 */
final class ArchiveCopies {
    private final Catalog catalog;
    private final List<Path> sharedFolders;

    ArchiveCopies(Catalog catalog, List<Path> sharedFolders) {
        this.catalog = catalog;
        this.sharedFolders = List.copyOf(sharedFolders);
    }

    /** Where this workstation can open the hit's file: indexed here, in a shared archive folder, or nowhere. */
    ArchiveFile file(ArchiveHit hit) {
        Optional<Path> local = catalog.videosBySha256(hit.sha256()).stream().map(VideoRecord::path)
                .filter(Files::isRegularFile).findFirst();
        LocalCopy copy = LocalCopy.INDEXED_HERE;
        if (local.isEmpty()) {
            local = inSharedFolder(hit.file(), sharedFolders);
            copy = local.isPresent() ? LocalCopy.SHARED_FOLDER : LocalCopy.NOT_HERE;
        }
        return new ArchiveFile(hit.sha256(), hit.camera(), hit.workstation(), hit.file(), local, copy);
    }

    /** The file at its recorded path below one of the shared folders, when it is there with its recorded size. */
    private static Optional<Path> inSharedFolder(VideoVectors.SourceFile f, List<Path> sharedFolders) {
        if (f.archivePath() == null || f.archivePath().isBlank()) {
            return Optional.empty();
        }
        for (Path folder : sharedFolders) {
            Path candidate = folder;
            boolean inside = true;
            for (String part : f.archivePath().split("/")) {
                if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                    inside = false; // a recorded path is never allowed to climb out of the shared folder
                    break;
                }
                candidate = candidate.resolve(part);
            }
            try {
                if (inside && Files.isRegularFile(candidate) && (f.sizeBytes() <= 0 || Files.size(candidate) == f.sizeBytes())) {
                    return Optional.of(candidate);
                }
            } catch (IOException unreadable) {
                // not this folder
            }
        }
        return Optional.empty();
    }
}
