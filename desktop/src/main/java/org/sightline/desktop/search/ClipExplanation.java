package org.sightline.desktop.search;

import java.util.List;

/**
 * What a card says about why its clip is there, in words: its tier, the parts of the prompt it satisfied with their
 * evidence, the objects seen in it ("person × 2") and the text recognised in it.
 *
 * @param tier    "strong", "possible" or "more"; null when the search had no tiers (a search by example)
 * @param why     one line per part satisfied: "part: evidence"
 * @param objects one chip per kind of object: "person × 2"
 * @param text    strings recognised in the clip
 */
public record ClipExplanation(String tier, List<String> why, List<String> objects, List<String> text) {
    /** Nothing to say (a search without explanations). */
    public static final ClipExplanation NONE = new ClipExplanation(null, List.of(), List.of(), List.of());

    public ClipExplanation {
        why = List.copyOf(why);
        objects = List.copyOf(objects);
        text = List.copyOf(text);
    }
}
