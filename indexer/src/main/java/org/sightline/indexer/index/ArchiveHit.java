package org.sightline.indexer.index;

/**
 * One frame of a shared (team) archive, whichever workstation indexed it: named by its file's content, not by this
 * data directory's catalog ids.
 *
 * @param score     cosine similarity between the query vector and the frame's vector
 * @param file      the file as the workstation that indexed it knows it (name, path below its archive folder, size)
 * @param segmentId the frame's segment as numbered by the writing workstation's catalog (meaningful only together with
 *                  {@code workstation}); -1 when not known
 */
public record ArchiveHit(String sha256, String modelId, String camera, String workstation, double offsetSeconds, float score,
        VideoVectors.SourceFile file, long segmentId) {
    public ArchiveHit {
        file = file == null ? VideoVectors.SourceFile.UNKNOWN : file;
    }

    /** A hit whose segment is not known. */
    public ArchiveHit(String sha256, String modelId, String camera, String workstation, double offsetSeconds, float score,
            VideoVectors.SourceFile file) {
        this(sha256, modelId, camera, workstation, offsetSeconds, score, file, -1);
    }
}
