package org.sightline.indexer.search;

import java.util.Locale;

/**
 * How clearly a clip stands out for its query, instead of a flat cut-off on a score: every clip found is in one
 * tier and can be paged to; none is dropped.
 */
public enum Tier {
    /** stands out more than the best hits of unrelated prompts stand out in the same footage */
    STRONG,
    /** stands out from the query's typical hit, but less than a strong one */
    POSSIBLE,
    /** the rest of what the search looked at */
    MORE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
