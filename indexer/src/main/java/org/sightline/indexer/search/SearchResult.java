package org.sightline.indexer.search;

import java.util.List;

/**
 * @param modelId     the model whose vectors were searched
 * @param framesHit   frame hits before grouping into clips
 * @param millis      time from query to grouped clips, including text encoding
 */
public record SearchResult(SearchQuery query, List<Clip> clips, String modelId, int framesHit, long millis) {
}
