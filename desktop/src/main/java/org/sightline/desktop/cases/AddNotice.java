package org.sightline.desktop.cases;

import org.sightline.desktop.cases.CaseFiles.Moment;

/**
 * What the last "Add to case" came to, shown in place where the user pressed it.
 *
 * @param moment the clip in question; kept while it waits for a case or a decision, so it is never lost
 */
public record AddNotice(Kind kind, String text, Moment moment) {

    public enum Kind {
        /** Being written to the case. */
        ADDING,
        /** Added; the text says to which case and as which item. */
        ADDED,
        /** No case chosen yet: the clip waits while the user picks or creates one. */
        NEEDS_CASE,
        /** The current case already holds this moment: add it again, or not. */
        DUPLICATE,
        /** It could not be added; the text says why. */
        FAILED
    }

    /** True while the clip waits for the user (a case to choose, or a duplicate to confirm). */
    public boolean waiting() {
        return kind == Kind.NEEDS_CASE || kind == Kind.DUPLICATE;
    }
}
