package org.sightline.models.perception;

import java.util.List;
import java.util.Optional;

/** Every starter perception pack the build makes, with its pinned manifest SHA-256. */
public final class StarterPacks {
    /** System property naming the read-only folder the starter packs were built into (set by the launcher and tests). */
    public static final String LOCATION_PROPERTY = "sightline.starterPacks";

    /**
     * In order of preference where several fit: the object detector run while indexing is CenterNet, then NanoDet
     * (optional: better on cars, but it names the indoor fixture's window a tv and its table a chair in every frame;
     * figures in docs/perception-detector.md).
     */
    private static final List<StarterPackRecipe> ALL = List.of(new TextStarterPack(), DetectorStarterPack.centernet(),
            DetectorStarterPack.nanodet(), DetectorStarterPack.faces());

    private StarterPacks() {
    }

    public static List<StarterPackRecipe> all() {
        return ALL;
    }

    public static Optional<StarterPackRecipe> recipe(String name) {
        return ALL.stream().filter(r -> r.name().equals(name)).findFirst();
    }
}
