package org.sightline.indexer.search;

import java.util.List;
import java.util.Map;

/**
 * One page of an explained search.
 *
 * @param prompt          the prompt as typed; null for motion alone
 * @param clips           this page's clips: strong first, then possible, then more, best first within each
 * @param tierCounts      clips in each tier over the whole result (every tier present, zero when empty)
 * @param offset          index of this page's first clip in the whole result
 * @param ignored         prompt words nothing used: neither a part Sightline read nor the model
 * @param unanswered      parts of the prompt this data directory cannot answer yet, with the reason
 * @param answeredBy      what answered: the model's id, or "motion (model-free)"
 * @param framesExamined  frame hits the tiers were drawn from; for motion, the spans of change found
 * @param tierRule        how the tiers were drawn, in plain words
 */
public record ExplainedResult(String prompt, List<ExplainedClip> clips, Map<Tier, Integer> tierCounts, int offset,
        List<String> ignored, List<UnansweredPart> unanswered, String answeredBy, int framesExamined, String tierRule,
        long millis, List<WithheldClip> withheld) {
    public ExplainedResult {
        withheld = withheld == null ? List.of() : List.copyOf(withheld);
        clips = List.copyOf(clips);
        tierCounts = Map.copyOf(tierCounts);
        ignored = List.copyOf(ignored);
        unanswered = List.copyOf(unanswered);
    }

    /** A result with nothing withheld (motion search, detections-only answers). */
    public ExplainedResult(String prompt, List<ExplainedClip> clips, Map<Tier, Integer> tierCounts, int offset,
                           List<String> ignored, List<UnansweredPart> unanswered, String answeredBy, int framesExamined,
                           String tierRule, long millis) {
        this(prompt, clips, tierCounts, offset, ignored, unanswered, answeredBy, framesExamined, tierRule, millis, List.of());
    }

    /** Clips in all tiers. */
    public int totalClips() {
        return tierCounts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
