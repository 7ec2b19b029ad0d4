package org.sightline.indexer.search;

/**
 * The most of one kind of object seen at once in a clip, from indexed detections.
 *
 * @param score the detector's confidence of the weakest of those {@code count} objects
 */
public record ObjectSighting(String label, int count, float score) {
}
