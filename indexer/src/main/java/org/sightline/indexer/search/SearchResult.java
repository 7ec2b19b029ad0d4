package org.sightline.indexer.search;

import java.util.List;

/**
 * @param modelId     the model whose vectors were searched
 * @param framesHit   frame hits before grouping into clips
 * @param millis      time from query to grouped clips, including text encoding
 * @param withheld    clips found but not presented because their catalog records do not hold together (a span beyond
 *                    the video, a hash other than the one indexed, the file gone or replaced), each saying why
 */
public record SearchResult(SearchQuery query, List<Clip> clips, String modelId, int framesHit, long millis,
                           List<WithheldClip> withheld) {

    public SearchResult {
        clips = List.copyOf(clips);
        withheld = List.copyOf(withheld);
    }

    /** A result with nothing withheld. */
    public SearchResult(SearchQuery query, List<Clip> clips, String modelId, int framesHit, long millis) {
        this(query, clips, modelId, framesHit, millis, List.of());
    }
}
