package org.sightline.models.perception;

import java.nio.file.Path;

/**
 * A starter pack built from its pinned published files does not have the manifest SHA-256 pinned in the source:
 * the recipe, the published files or the pin changed. Nothing is installed; the message names the pack, both
 * values and the folder holding the differing build.
 */
public class StarterPackPinException extends RuntimeException {
    public StarterPackPinException(String pack, String expected, String actual, Path built) {
        super("starter pack " + pack + " built with manifest SHA-256 " + actual + " but " + expected
                + " is pinned in the source: refused (the build was written to " + built + " and removed). If the recipe"
                + " was changed on purpose, pin the new value in its MANIFEST_SHA256.");
    }
}
