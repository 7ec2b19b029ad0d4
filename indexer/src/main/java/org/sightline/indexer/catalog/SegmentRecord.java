package org.sightline.indexer.catalog;

/**
 * A time window of a video with the vectors of its frames in the index.
 *
 * @param thumbnail            path of the representative frame's JPEG, relative to the thumbnails folder
 * @param representativeOffset offset of the frame closest to the segment's mean vector
 */
public record SegmentRecord(
        long id,
        long videoId,
        long generation,
        String modelId,
        double startSeconds,
        double endSeconds,
        double representativeOffset,
        String thumbnail,
        int framesEmbedded,
        int framesSkipped) {
}
