package org.sightline.indexer.perception;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the detector found in one examined frame (possibly nothing: an empty list means it looked and found no
 * object, which a frame that was not examined does not say).
 *
 * @param offsetSeconds where the frame is in its video
 * @param objects       the objects, highest score first
 */
public record FrameDetections(double offsetSeconds, List<ObjectSighting> objects) {
    public FrameDetections {
        objects = List.copyOf(objects);
    }

    /** The distinct labels seen, sorted. */
    public Set<String> labels() {
        Set<String> labels = new TreeSet<>();
        objects.forEach(o -> labels.add(o.label()));
        return labels;
    }

    /** How many objects of this label (and colour, when not null) the frame holds. */
    public int count(String label, String colour) {
        return (int) objects.stream().filter(o -> o.label().equals(label) && (colour == null || colour.equals(o.colour()))).count();
    }
}
