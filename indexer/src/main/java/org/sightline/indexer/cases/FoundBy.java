package org.sightline.indexer.cases;

/**
 * How a case item was found: the search that produced it.
 *
 * @param kind         {@code prompt}, {@code example} or {@code manual}
 * @param query        the prompt text or a description of the example; null for manual
 * @param score        the hit's cosine similarity; null when not from a search
 * @param modelId      the model whose vectors were searched ({@code ModelId.asString()}); may be null
 * @param indexVersion the index generation searched; may be null
 */
public record FoundBy(String kind, String query, Float score, String modelId, String indexVersion) {
    public static final String PROMPT = "prompt";
    public static final String EXAMPLE = "example";
    public static final String MANUAL = "manual";

    public static FoundBy prompt(String prompt, Float score, String modelId, String indexVersion) {
        return new FoundBy(PROMPT, prompt, score, modelId, indexVersion);
    }

    public static FoundBy example(String description, Float score, String modelId, String indexVersion) {
        return new FoundBy(EXAMPLE, description, score, modelId, indexVersion);
    }

    public static FoundBy manual() {
        return new FoundBy(MANUAL, null, null, null, null);
    }
}
