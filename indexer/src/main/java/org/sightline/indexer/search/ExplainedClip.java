package org.sightline.indexer.search;

import java.util.List;

/**
 * A clip with the reasons it is there: its {@link Tier}, the query parts it satisfied with their evidence
 * ({@code why}), and what detection and text recognition saw in it ({@code objects}, {@code text}: empty until
 * detections are indexed). A companion of {@link Clip}, which stays as it is.
 */
public record ExplainedClip(Clip clip, Tier tier, List<Reason> why, List<ObjectSighting> objects, List<String> text) {
    public ExplainedClip {
        why = List.copyOf(why);
        objects = List.copyOf(objects);
        text = List.copyOf(text);
    }

    static ExplainedClip of(Clip clip, Tier tier, List<Reason> why) {
        return new ExplainedClip(clip, tier, why, List.of(), List.of());
    }
}
