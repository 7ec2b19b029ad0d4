package org.sightline.indexer.catalog;

/** A segment about to be written; the catalog gives it an id. */
public record SegmentDraft(double startSeconds, double endSeconds, double representativeOffset, String thumbnail,
        int framesEmbedded, int framesSkipped) {
}
