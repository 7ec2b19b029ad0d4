package org.sightline.desktop.search;

import java.util.Collection;
import java.util.Map;
import org.sightline.desktop.viewer.CameraClock;
import org.sightline.indexer.search.SearchQuery;
import org.sightline.indexer.search.SearchResult;

/** The search the desktop runs: the indexer's search service, seen through the calls the page needs. */
@FunctionalInterface
public interface ClipSearch {
    /** Runs on a background thread. */
    SearchResult search(SearchQuery query) throws Exception;

    /**
     * Where each video's wall-clock time comes from ("metadata", "filename", …), by video id; videos whose time is
     * unknown are left out. Runs on a background thread.
     */
    default Map<Long, String> clockSources(Collection<Long> videoIds) throws Exception {
        return Map.of();
    }

    /**
     * Each video's camera name, the zone of its clock and the source of its time, by video id. Runs on a background
     * thread.
     */
    default Map<Long, CameraClock> cameraClocks(Collection<Long> videoIds) throws Exception {
        return Map.of();
    }
}
