package org.sightline.indexer.search;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.sightline.indexer.index.FrameThumbnail;
import org.sightline.indexer.index.VideoVectors;

/**
 * What a search of a whole team archive found: one entry per file (its best frame), every workstation's footage.
 *
 * @param framesHit frames matched before grouping by file
 */
public record ArchiveSearchResult(SearchQuery query, List<ArchiveFile> files, String modelId, int framesHit, long millis) {

    /** How this workstation can open a file of the archive. */
    public enum LocalCopy {
        /** This workstation indexed the same content (same SHA-256) and the file is at its recorded path. */
        INDEXED_HERE,
        /**
         * Found in one of this workstation's shared archive folders ({@code archive.shared-roots}) at the path the
         * indexing workstation recorded below its archive folder, with the recorded size (its SHA-256 is checked
         * before it becomes evidence).
         */
        SHARED_FOLDER,
        /** Held only by the workstation that indexed it: this one cannot open it. */
        NOT_HERE
    }

    /**
     * One file of the archive that matched.
     *
     * @param file        the file as the indexing workstation knows it (name, path below its archive folder, size)
     * @param localFile   where this workstation can open the same file, when it can (see {@code copy})
     * @param copy        how {@code localFile} was found, or {@link LocalCopy#NOT_HERE}
     * @param workstation the workstation whose document was found (the last one to index that content)
     * @param thumbnail   a still of the file kept in the shared store: the best frame's segment thumbnail, or the stored
     *                    one nearest to the best offset; empty when the store keeps none for it (a collection set up
     *                    before thumbnails were stored, until the file is indexed again)
     */
    public record ArchiveFile(String sha256, String camera, String workstation, double bestOffsetSeconds, float score,
            int frames, VideoVectors.SourceFile file, Optional<Path> localFile, LocalCopy copy, Optional<FrameThumbnail> thumbnail) {
        public ArchiveFile {
            thumbnail = thumbnail == null ? Optional.empty() : thumbnail;
            if (localFile.isPresent() == (copy == LocalCopy.NOT_HERE)) {
                throw new IllegalArgumentException("a local file goes with INDEXED_HERE or SHARED_FOLDER, none with NOT_HERE");
            }
        }

        /** Whether this workstation can open the file (it indexed it, or finds it in a shared archive folder). */
        public boolean openableHere() {
            return copy != LocalCopy.NOT_HERE;
        }

        /** In plain words: where this workstation has the file, or who holds it. */
        public String whereToOpen() {
            String name = file.fileName().isEmpty() ? "SHA-256 " + sha256 : file.fileName();
            return switch (copy) {
                case INDEXED_HERE -> localFile.orElseThrow().toString();
                case SHARED_FOLDER -> localFile.orElseThrow() + " (in a shared archive folder)";
                case NOT_HERE -> name + ": held by workstation " + workstation + ", not reachable from this one"
                        + (file.archivePath() == null ? "" : " (its path there below the archive folder: " + file.archivePath()
                        + "; add the folder that holds it with `sightline config set archive.shared-roots DIR`)")
                        + " (SHA-256 " + sha256 + ")";
            };
        }
    }
}
