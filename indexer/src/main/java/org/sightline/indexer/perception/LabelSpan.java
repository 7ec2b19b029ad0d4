package org.sightline.indexer.perception;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A stretch of one video where the detector kept seeing what an {@link ObjectQuery} asks for: from the first to the
 * last of consecutive examined frames that match (frames are examined every few seconds, so a span is as precise as
 * that cadence).
 *
 * @param videoId      the catalog's video id
 * @param startSeconds offset of the first matching examined frame
 * @param endSeconds   offset of the last one (equal to the start for a single frame)
 * @param frames       how many examined frames matched
 * @param maxCount     the most matching objects in one frame
 * @param bestScore    the highest detector score among them
 * @param colours      the colours the matching objects had (sorted; objects of no dominant colour add none)
 */
public record LabelSpan(long videoId, double startSeconds, double endSeconds, int frames, int maxCount, float bestScore,
        Set<String> colours) {
    public LabelSpan {
        colours = Set.copyOf(colours);
    }

    /**
     * The spans of one video's examined frames (in time order) that match the query: a frame that does not match ends
     * a span.
     */
    public static List<LabelSpan> find(long videoId, List<FrameDetections> examined, ObjectQuery query) {
        List<LabelSpan> spans = new ArrayList<>();
        double start = 0;
        double end = 0;
        int frames = 0;
        int maxCount = 0;
        float best = 0;
        Set<String> colours = new TreeSet<>();
        for (FrameDetections f : examined) {
            if (!query.matches(f)) {
                if (frames > 0) {
                    spans.add(new LabelSpan(videoId, start, end, frames, maxCount, best, colours));
                    frames = 0;
                    maxCount = 0;
                    best = 0;
                    colours = new TreeSet<>();
                }
                continue;
            }
            if (frames == 0) {
                start = f.offsetSeconds();
            }
            end = f.offsetSeconds();
            frames++;
            maxCount = Math.max(maxCount, f.count(query.label(), query.colour()));
            for (ObjectSighting o : f.objects()) {
                if (o.label().equals(query.label()) && (query.colour() == null || query.colour().equals(o.colour()))) {
                    best = Math.max(best, o.score());
                    if (o.colour() != null) {
                        colours.add(o.colour());
                    }
                }
            }
        }
        if (frames > 0) {
            spans.add(new LabelSpan(videoId, start, end, frames, maxCount, best, colours));
        }
        return spans;
    }
}
