package org.sightline.desktop.shell;

import java.util.Objects;

/**
 * Something wrong in the open data directory, shown above the page until it is put right: a damaged or missing
 * search index, a case edited outside Sightline, an abandoned export.
 *
 * @param id          stable for one problem (tests and styling look it up)
 * @param text        the problem in plain words
 * @param actionLabel what the button says; null for a notice without an action
 * @param action      what the button does; null for a notice without an action
 */
public record WorkspaceNotice(String id, String text, String actionLabel, Runnable action) {
    public WorkspaceNotice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
    }

    /** Runs the notice's action, if it has one. */
    public void act() {
        if (action != null) {
            action.run();
        }
    }
}
