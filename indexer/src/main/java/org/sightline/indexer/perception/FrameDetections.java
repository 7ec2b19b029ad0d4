package org.sightline.indexer.perception;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What perception found in one examined frame (possibly nothing: an empty list means it looked and found no
 * object, which a frame that was not examined does not say).
 *
 * @param offsetSeconds where the frame is in its video
 * @param objects       the objects, highest score first
 * @param texts         scene text read in the frame, empty when none was read or no text reader ran
 * @param clock         the burned-in clock read in the frame, or null
 */
public record FrameDetections(double offsetSeconds, List<ObjectSighting> objects, List<SceneTextSighting> texts, ClockSighting clock) {
    public FrameDetections {
        objects = List.copyOf(objects);
        texts = texts == null ? List.of() : List.copyOf(texts);
    }

    /** Objects only. */
    public FrameDetections(double offsetSeconds, List<ObjectSighting> objects) {
        this(offsetSeconds, objects, List.of(), null);
    }

    /** The same frame with text and clock readings added. */
    public FrameDetections withText(List<SceneTextSighting> read, ClockSighting clockRead) {
        return new FrameDetections(offsetSeconds, objects, read, clockRead);
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
