package org.sightline.desktop.search;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import org.sightline.desktop.viewer.CameraClock;
import org.sightline.indexer.search.ExplainedQuery;
import org.sightline.indexer.search.ExplainedResult;
import org.sightline.indexer.search.SearchQuery;
import org.sightline.indexer.search.SearchResult;
import org.sightline.models.runtime.RgbFrame;

/** The search the desktop runs: the indexer's search service, seen through the calls the page needs. */
@FunctionalInterface
public interface ClipSearch {
    /** Runs on a background thread. */
    SearchResult search(SearchQuery query) throws Exception;

    /**
     * A prompt search that explains itself: tiers with their counts, why each clip matched, ignored words and the
     * parts this data directory cannot answer. Null when this search cannot explain itself (the page then runs
     * {@link #search(SearchQuery)}). Runs on a background thread.
     *
     * @throws org.sightline.models.runtime.PromptNotUnderstoodException nothing in the prompt can be answered here
     */
    default ExplainedResult explainedSearch(ExplainedQuery query) throws Exception {
        return null;
    }

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

    /** Each video's length in seconds, by video id; unknown ones left out. Runs on a background thread. */
    default Map<Long, Double> durations(Collection<Long> videoIds) throws Exception {
        return Map.of();
    }

    /** How many videos are indexed (searchable or not); -1 when unknown. Runs on a background thread. */
    default int indexedVideos() throws Exception {
        return -1;
    }

    /** The picture at this offset of a video, its short side about {@code shortSide}; null when unavailable. */
    default RgbFrame stillAt(Path video, double seconds, int shortSide) throws Exception {
        return null;
    }
}
