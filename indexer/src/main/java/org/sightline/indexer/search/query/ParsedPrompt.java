package org.sightline.indexer.search.query;

import java.util.List;

/**
 * A prompt read by {@link PromptParser}.
 *
 * @param prompt     the prompt as typed
 * @param parts      what it asks for, in prompt order
 * @param unknown    words no part used and that are not filler ("delivery" in "a white delivery van"): they still go
 *                   to the vision-language model, which may or may not know them
 * @param visualText the words that describe how things look, for the vision-language model's text encoder (counts,
 *                   negated objects, times and quoted text taken out); empty when nothing is left
 */
public record ParsedPrompt(String prompt, List<QueryPart> parts, List<String> unknown, String visualText) {
    public ParsedPrompt {
        parts = List.copyOf(parts);
        unknown = List.copyOf(unknown);
    }

    /** The parts of one type, in prompt order. */
    public <T extends QueryPart> List<T> partsOf(Class<T> type) {
        return parts.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
