package org.sightline.desktop.models;

import java.nio.file.Path;
import java.util.List;

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

    /** Verifies and copies a pack folder in (does not activate it); returns a sentence saying what happened. */
    String importPack(Path folder) throws Exception;

    /** Installs the demo colour pack (activated when no pack was active); returns a sentence saying what happened. */
    String installDemo() throws Exception;

    /** Re-checks an installed pack's files; throws with the reason when they do not match. Returns a summary. */
    String verify(String name) throws Exception;
}
