package org.sightline.desktop.search;

import org.sightline.indexer.search.ArchiveSearchResult;
import org.sightline.indexer.search.SearchQuery;

/** The team archive search the desktop runs (the application layer's), seen through the calls the page needs. */
public interface ArchiveSearch {
    /** No team archive: the data directory keeps its vectors in its own embedded index. */
    ArchiveSearch NONE = new ArchiveSearch() {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public ArchiveSearchResult search(SearchQuery query) {
            throw new IllegalStateException("this data directory has no team archive (its index store is its own)");
        }
    };

    /** Whether the data directory's index store is a shared team archive (SolrCloud). May block. */
    boolean available() throws Exception;

    /** Every workstation's footage as clips in tiers (the query's limit of them, from the first). Runs on a background thread. */
    ArchiveSearchResult search(SearchQuery query) throws Exception;
}
