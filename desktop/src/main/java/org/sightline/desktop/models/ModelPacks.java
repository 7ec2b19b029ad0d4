package org.sightline.desktop.models;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The model packs of the open data directory, as the Models page needs them: the models module's
 * {@code ModelStore} behind a narrow interface. Every method may block: call from background tasks.
 */
public interface ModelPacks {

    /**
     * One installed pack.
     *
     * @param kind    what kind of model it is, e.g. "demonstration: understands colours only"
     * @param problem why its manifest cannot be read, or null
     */
    record PackRow(String name, String version, String kind, String description, String licence, boolean active,
            String problem) {

        /** The generated demo pack (colours only). */
        public boolean isDemo() {
            String k = kind == null ? "" : kind.toLowerCase(java.util.Locale.ROOT);
            return k.contains("demo") || k.contains("colour");
        }
    }

    List<PackRow> list() throws Exception;

    /** Verifies the pack and makes it active; throws with the reason when it fails verification. */
    void activate(String name) throws Exception;

    /**
     * Verifies and copies a pack in (does not activate it): a model pack or model export folder or archive, or a
     * perception pack folder or archive (recognised by its manifest, trial-run before it is installed). Returns a
     * sentence saying what happened.
     */
    String importPack(Path folder) throws Exception;

    /** What a perception pack is used for in a data directory. */
    enum PerceptionUse {
        /** The object detector run while indexing (it must know {@code person}). */
        INDEXING("Use for indexing", "indexes"),
        /** The face detector of face redaction. */
        FACE_REDACTION("Use for face redaction", "redacts faces"),
        /** The scene text reader. */
        TEXT("Use for reading text", "reads text");

        private final String action;
        private final String role;

        PerceptionUse(String action, String role) {
            this.action = action;
            this.role = role;
        }

        /** The button's words for choosing a pack for this use. */
        public String action() {
            return action;
        }

        /** What the pack in this use does, in a few words ("indexes"). */
        public String role() {
            return role;
        }
    }

    /**
     * One perception pack: installed in the data directory, or a built-in starter pack.
     *
     * @param kind     "detector" or "text"
     * @param classes  how many classes the detector knows (0 for a text pack)
     * @param source   where its files came from (npm package, or the user's file and its SHA-256)
     * @param starter  true for a built-in starter pack
     * @param fitsUse  the use choosing it gives it, or null for a detector that knows neither {@code person} nor
     *                 {@code face} (it indexes only when the user confirms that searches for people will find nothing)
     * @param problem  why its manifest cannot be read, or null
     */
    record PerceptionRow(String name, String version, String kind, int classes, String licence, String source,
            boolean starter, PerceptionUse fitsUse, String problem) {
    }

    /**
     * The pack a use runs.
     *
     * @param chosen true when chosen in this data directory, false for the built-in default
     */
    record PackInUse(String name, boolean chosen) {
    }

    /**
     * The installed perception packs, then the built-in starter packs not installed under the same name (none
     * unless the implementation knows perception packs).
     */
    default List<PerceptionRow> perceptionPacks() throws Exception {
        return List.of();
    }

    /** The pack each use runs (a use with none is absent). */
    default Map<PerceptionUse, PackInUse> perceptionUses() throws Exception {
        return Map.of();
    }

    /** Re-checks a perception pack's files; throws with the reason when they do not match. Returns a summary. */
    default String verifyPerception(String name) throws Exception {
        throw new UnsupportedOperationException("no perception pack named " + name + " is known here");
    }

    /**
     * Makes a perception pack the one its use runs (see {@link PerceptionRow#fitsUse()}); a detector that knows
     * neither {@code person} nor {@code face} is refused unless {@code force}, and then indexes. Returns a sentence
     * saying what happened (with the warning, when there is one).
     */
    default String choosePerception(String name, boolean force) throws Exception {
        throw new UnsupportedOperationException("no perception pack named " + name + " is known here");
    }

    /** Installs the demo colour pack (activated when no pack was active); returns a sentence saying what happened. */
    String installDemo() throws Exception;

    /** Re-checks an installed pack's files; throws with the reason when they do not match. Returns a summary. */
    String verify(String name) throws Exception;
}
