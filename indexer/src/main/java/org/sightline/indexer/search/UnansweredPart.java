package org.sightline.indexer.search;

import java.util.List;

/**
 * A part of the prompt this data directory cannot answer, and why in plain words, e.g. "2 × person: not yet
 * answerable on this data directory (no detections indexed)".
 */
public record UnansweredPart(String part, List<String> words, String reason) {
    public UnansweredPart {
        words = List.copyOf(words);
    }

    public String describe() {
        return part + ": " + reason;
    }
}
