package org.sightline.indexer.search;

import java.nio.file.Path;

/**
 * A clip the search found but does not present, because its catalog records do not hold together.
 *
 * @param problem in plain words, naming the file and what is wrong
 */
public record WithheldClip(Path video, double startSeconds, double endSeconds, String problem) {

    /** One line for the user. */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "%s %.1f-%.1f s: %s", video, startSeconds, endSeconds, problem);
    }
}
