package org.sightline.indexer.export;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a disclosure copy hides, as the user names it after {@code --redact}: the detector classes each stands for
 * ({@link #detectorClasses()}), the text pack's text regions for {@link #PLATES}, the user's own boxes for
 * {@link #REGIONS}.
 */
public enum RedactTarget {
    /** Faces, from a detector pack with a class named {@code face}. */
    FACES(Set.of("face")),
    /** People, the detector's {@code person} class. */
    PEOPLE(Set.of("person")),
    /** Vehicles: cars, trucks, buses, motorcycles and bicycles. */
    VEHICLES(Set.of("car", "truck", "bus", "motorcycle", "bicycle")),
    /** Number plates: every text region the text pack's detector finds. */
    PLATES(Set.of()),
    /** Only the user's boxes ({@code --redact-region}, {@code --redact-track}). */
    REGIONS(Set.of());

    private final Set<String> classes;

    RedactTarget(Set<String> classes) {
        this.classes = classes;
    }

    public Set<String> detectorClasses() {
        return classes;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a comma list such as {@code people,plates}; names the word it does not know. */
    public static Set<RedactTarget> parseList(String text) {
        Set<RedactTarget> out = EnumSet.noneOf(RedactTarget.class);
        for (String word : text.split(",")) {
            String w = word.strip().toUpperCase(Locale.ROOT);
            if (w.isEmpty()) {
                continue;
            }
            try {
                out.add(valueOf(w));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--redact \"" + word.strip() + "\" is not one of faces, people, "
                        + "vehicles, plates, regions", e);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("--redact needs at least one of faces, people, vehicles, plates, regions");
        }
        return out;
    }

    /** The codes of the targets, in their declared order. */
    public static List<String> codes(Set<RedactTarget> targets) {
        List<String> out = new ArrayList<>();
        for (RedactTarget t : values()) {
            if (targets.contains(t)) {
                out.add(t.code());
            }
        }
        return out;
    }
}
