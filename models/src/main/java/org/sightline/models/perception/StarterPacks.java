package org.sightline.models.perception;

import java.util.List;
import java.util.Optional;

/** Every starter perception pack the build makes, with its pinned manifest SHA-256. */
public final class StarterPacks {
    /** System property naming the read-only folder the starter packs were built into (set by the launcher and tests). */
    public static final String LOCATION_PROPERTY = "sightline.starterPacks";

    /** In order of preference where several fit (the object detector: NanoDet before CenterNet, measured better). */
    private static final List<StarterPackRecipe> ALL = List.of(new TextStarterPack(), DetectorStarterPack.nanodet(),
            DetectorStarterPack.centernet(), DetectorStarterPack.faces());

    private StarterPacks() {
    }

    public static List<StarterPackRecipe> all() {
        return ALL;
    }

    public static Optional<StarterPackRecipe> recipe(String name) {
        return ALL.stream().filter(r -> r.name().equals(name)).findFirst();
    }
}
