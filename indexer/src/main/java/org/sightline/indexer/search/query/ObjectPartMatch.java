package org.sightline.indexer.search.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.sightline.indexer.footage.FrameRegion;
import org.sightline.indexer.search.query.QueryPart.ObjectPart;
import org.sightline.models.perception.detect.CocoClasses;
import org.sightline.models.perception.detect.Detection;

/**
 * Whether one frame's detections satisfy an {@link ObjectPart} ("at least two people", "a white van", "no
 * bicycle"), and the evidence in plain words. Ready for the perception index: a search with detections indexed asks
 * this per frame. Objects are counted when their class is one the part names, their score reaches the minimum, their
 * box's centre lies in one of the regions (when any are given), and, when the part names colours, their box's colour
 * (from {@code colourOf}) is one of them. One vehicle that a COCO detector names twice (a pickup as car and truck,
 * boxes overlapping by more than {@link #SAME_OBJECT_IOU}) counts once.
 */
public final class ObjectPartMatch {
    public static final float SAME_OBJECT_IOU = 0.7f;

    private final float minScore;
    private final List<FrameRegion> regions;
    private final Function<Detection, Optional<String>> colourOf;

    /**
     * @param minScore the least detector confidence that counts
     * @param regions  where the object's centre must be; empty for anywhere
     * @param colourOf the basic colour of a detection's box, empty when unknown
     */
    public ObjectPartMatch(float minScore, List<FrameRegion> regions, Function<Detection, Optional<String>> colourOf) {
        this.minScore = minScore;
        this.regions = List.copyOf(regions);
        this.colourOf = colourOf;
    }

    /** The same match, telling box colours with {@code colours} (e.g. the colours stored with indexed detections). */
    public ObjectPartMatch withColours(Function<Detection, Optional<String>> colours) {
        return new ObjectPartMatch(minScore, regions, colours);
    }

    /** The evidence when the frame satisfies the part, else empty. */
    public Optional<String> test(ObjectPart part, List<Detection> frame) {
        List<Detection> counted = counted(part, frame);
        if (part.negated()) {
            return counted.isEmpty() ? Optional.of("no " + String.join("/", part.classes()) + " seen") : Optional.empty();
        }
        if (!part.count().admits(counted.size())) {
            return Optional.empty();
        }
        String scores = String.join(", ", counted.stream().map(d -> String.format(Locale.ROOT, "%.2f", d.score())).toList());
        String labels = String.join("/", counted.stream().map(Detection::label).distinct().toList());
        String colours = part.colours().isEmpty() ? "" : ", " + String.join(", ", part.colours().stream().map(QueryPart.Colour::name).distinct().toList());
        return Optional.of(counted.size() + " × " + labels + colours + " (" + scores + ")");
    }

    private List<Detection> counted(ObjectPart part, List<Detection> frame) {
        List<Detection> candidates = frame.stream()
                .filter(d -> part.classes().contains(d.label()) && d.score() >= minScore)
                .filter(d -> regions.isEmpty() || regions.stream().anyMatch(r -> r.contains(d.box().centreX(), d.box().centreY())))
                .filter(d -> part.colours().isEmpty() || colourOf.apply(d)
                        .map(c -> part.colours().stream().anyMatch(w -> w.name().equals(c))).orElse(false))
                .sorted(Comparator.comparingDouble((Detection d) -> d.score()).reversed())
                .toList();
        List<Detection> kept = new ArrayList<>();
        for (Detection d : candidates) {
            boolean sameVehicle = CocoClasses.VEHICLES.contains(d.label()) && kept.stream()
                    .anyMatch(k -> CocoClasses.VEHICLES.contains(k.label()) && !k.label().equals(d.label())
                            && k.box().iou(d.box()) > SAME_OBJECT_IOU);
            if (!sameVehicle) {
                kept.add(d);
            }
        }
        return kept;
    }
}
