package org.sightline.desktop.cases;

/** Where the Cases page's export is. */
public enum ExportState {
    /** Nothing exported in this session yet. */
    IDLE,
    /** Finding what a disclosure copy hides, in every frame of every clip (the review is prepared). */
    PLANNING,
    /** The disclosure copy's plan is shown for review: the user drops and draws boxes, then exports. */
    REVIEWING,
    /** The signing key is protected: waiting for its passphrase. */
    NEEDS_PASSPHRASE,
    /** Writing the package. */
    RUNNING,
    /** Written and verified; the report says what. */
    DONE,
    /** Stopped by the user; nothing was left behind. */
    CANCELLED,
    /** Failed; the error says why. */
    FAILED
}
