package org.sightline.indexer.index;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All frame vectors of one generation of one video, written to the index in one commit.
 *
 * @param recordingStart wall-clock time of offset 0, when known (gives each frame an absolute time)
 * @param file           where the file sits on the workstation that indexed it (a shared store keeps it, so that other
 *                       workstations can name the file and find it in a shared folder); {@link SourceFile#UNKNOWN}
 *                       when not known
 * @param thumbnails     by segment id, the thumbnail of the segment's representative frame (its offset is one of the
 *                       segment's frames); given only to a store that keeps them ({@link IndexStore#keepsThumbnails()})
 */
public record VideoVectors(long videoId, String modelId, String sha256, long generation, String camera,
        Optional<Instant> recordingStart, List<IndexedFrame> frames, SourceFile file, Map<Long, FrameThumbnail> thumbnails) {
    public VideoVectors {
        frames = List.copyOf(frames);
        file = file == null ? SourceFile.UNKNOWN : file;
        thumbnails = thumbnails == null ? Map.of() : Map.copyOf(thumbnails);
    }

    public VideoVectors(long videoId, String modelId, String sha256, long generation, String camera,
            Optional<Instant> recordingStart, List<IndexedFrame> frames, SourceFile file) {
        this(videoId, modelId, sha256, generation, camera, recordingStart, frames, file, Map.of());
    }

    public VideoVectors(long videoId, String modelId, String sha256, long generation, String camera,
            Optional<Instant> recordingStart, List<IndexedFrame> frames) {
        this(videoId, modelId, sha256, generation, camera, recordingStart, frames, SourceFile.UNKNOWN);
    }

    /**
     * The indexed file as its workstation knows it.
     *
     * @param fileName    the file's name
     * @param archivePath its path below the archive folder it was indexed from ({@code /}-separated), or null when it
     *                    was indexed on its own
     * @param sizeBytes   its size, 0 when unknown
     */
    public record SourceFile(String fileName, String archivePath, long sizeBytes) {
        public static final SourceFile UNKNOWN = new SourceFile("", null, 0);

        public SourceFile {
            fileName = fileName == null ? "" : fileName;
        }
    }
}
