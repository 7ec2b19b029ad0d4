package org.sightline.indexer.perception;

import java.util.List;
import java.util.Objects;
import org.sightline.models.perception.detect.NormalisedBox;

/**
 * One object followed across consecutive examined frames ({@link TrackLinker}).
 *
 * @param label     its class (for vehicles: the label seen most often)
 * @param colour    its most frequent dominant colour, or null
 * @param path      where it was in each examined frame it was seen in, in time order
 * @param direction which way it went across the picture
 */
public record ObjectTrack(String label, String colour, List<Point> path, Direction direction) {
    /** Where the object was at one examined frame. */
    public record Point(double offsetSeconds, NormalisedBox box) {
        public Point {
            Objects.requireNonNull(box, "box");
        }
    }

    /**
     * Which way an object moved in the picture between its first and last sighting: the larger of the horizontal and
     * vertical shift of its box centre, or {@link #STILL} when both are under a tenth of the frame.
     */
    public enum Direction {
        STILL, LEFT, RIGHT, UP, DOWN;

        static Direction between(NormalisedBox from, NormalisedBox to) {
            float dx = to.centreX() - from.centreX();
            float dy = to.centreY() - from.centreY();
            if (Math.abs(dx) < 0.1f && Math.abs(dy) < 0.1f) {
                return STILL;
            }
            if (Math.abs(dx) >= Math.abs(dy)) {
                return dx > 0 ? RIGHT : LEFT;
            }
            return dy > 0 ? DOWN : UP;
        }
    }

    public ObjectTrack {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(direction, "direction");
        path = List.copyOf(path);
        if (path.isEmpty()) {
            throw new IllegalArgumentException("a track has at least one point");
        }
    }

    public double firstSeen() {
        return path.getFirst().offsetSeconds();
    }

    public double lastSeen() {
        return path.getLast().offsetSeconds();
    }

    /** Seconds between the first and the last sighting (0 for an object seen once). */
    public double dwellSeconds() {
        return lastSeen() - firstSeen();
    }
}
