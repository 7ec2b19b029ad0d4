package org.sightline.indexer.search;

/**
 * One part of a query a clip satisfied, and the evidence, e.g. {@code ("colour white", "model similarity 0.312, 4.1
 * robust deviations above this search's typical frame")}.
 */
public record Reason(String part, String evidence) {
}
