package org.sightline.desktop.search;

import java.util.List;

/**
 * One tier of a team archive search as the page shows it: its title, how many clips it holds in all, the ones loaded,
 * and whether "Show more" can load more of it.
 *
 * @param key   "strong", "possible" or "more"
 * @param total clips of this tier in the whole result
 * @param shown the loaded clips of this tier, best first
 */
public record ArchiveTierSection(String key, String title, String meaning, int total, List<ArchiveRow> shown) {
    public ArchiveTierSection {
        shown = List.copyOf(shown);
    }

    /** True when the tier holds clips not loaded yet. */
    public boolean canShowMore() {
        return shown.size() < total;
    }

    /** "Strong · 3" or "More · 140 (60 loaded)". */
    public String heading() {
        return title + " · " + total + (shown.size() < total ? " (" + shown.size() + " loaded)" : "");
    }
}
