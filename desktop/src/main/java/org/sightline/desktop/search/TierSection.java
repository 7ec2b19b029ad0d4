package org.sightline.desktop.search;

import java.util.List;
import org.sightline.indexer.search.Clip;

/**
 * One tier of an explained search as the page shows it: its title, how many clips it holds in all, the ones loaded
 * and shown (above the minimum score), and whether "Show more" can load more of it.
 *
 * @param key          "strong", "possible" or "more"
 * @param title        "Strong"
 * @param meaning      what the tier means, in a sentence
 * @param total        clips of this tier in the whole result
 * @param loaded       clips of this tier loaded so far
 * @param shown        the loaded clips at or above the minimum score, in the page's order
 * @param canShowMore  true when "Show more" loads more clips of this tier (or, for the last tier, looks further)
 */
public record TierSection(String key, String title, String meaning, int total, int loaded, List<Clip> shown,
        boolean canShowMore) {
    public TierSection {
        shown = List.copyOf(shown);
    }

    /** "Strong · 3" or "More · 60 of 140 loaded". */
    public String heading() {
        return title + " · " + total + (loaded < total ? " (" + loaded + " loaded)" : "");
    }
}
