package org.sightline.desktop.search;

import org.sightline.indexer.search.SearchQuery;
import org.sightline.indexer.search.SearchResult;

/** The search the desktop runs: the indexer's search service, seen through the one call the page needs. */
@FunctionalInterface
public interface ClipSearch {
    /** Runs on a background thread. */
    SearchResult search(SearchQuery query) throws Exception;
}
