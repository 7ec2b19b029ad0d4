package org.sightline.indexer.perception;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sightline.models.perception.detect.CocoClasses;
import org.sightline.models.perception.detect.NormalisedBox;

/**
 * Links the detections of one video's examined frames into {@link ObjectTrack}s: an object in one examined frame
 * continues a track whose last point is in the previous examined frame when they are of the same class (car, bus and
 * truck count as one, as the detector names one vehicle several ways) and their boxes overlap enough (intersection
 * over union at least {@value #MIN_IOU}) or their centres are close for the time between them (one box width, or for
 * a small object an eighth of the frame a second for up to 2 s: it crosses several of its widths between examinations). Pairs are taken
 * best first; each object continues at most one track. A track missed in one examined frame (the detector's score
 * dipped, an examination while something moved in another place) may continue from its last point when that is at most
 * {@link #GAP_SECONDS} earlier, so the denser examination while something moves does not cut tracks into pieces.
 * Deterministic: the same detections give the same tracks.
 */
public final class TrackLinker {
    static final float MIN_IOU = 0.2f;
    /**
     * A track waits this long for its object to be seen again (besides always reaching the next examined frame): one
     * missed examination while following motion (every 2 s) does not end it; a longer absence does (a second visitor
     * standing where the first stood 6 s earlier is another track).
     */
    public static final double GAP_SECONDS = 4.5;
    static final float REACH_PER_SECOND = 0.125f;
    static final double MOVING_SECONDS = 2.0;

    private TrackLinker() {
    }

    public static List<ObjectTrack> link(List<FrameDetections> frames) {
        List<Building> finished = new ArrayList<>();
        List<Building> open = new ArrayList<>();
        double previousOffset = Double.NaN;
        for (FrameDetections frame : frames) {
            List<ObjectSighting> objects = frame.objects();
            List<Building> reachable = new ArrayList<>();
            for (Building b : open) {
                boolean inPrevious = b.lastOffset == previousOffset;
                (inPrevious || frame.offsetSeconds() - b.lastOffset <= GAP_SECONDS + 1e-9 ? reachable : finished).add(b);
            }
            open = reachable;
            previousOffset = frame.offsetSeconds();
            record Pair(int track, int object, float closeness) {
            }
            List<Pair> pairs = new ArrayList<>();
            for (int t = 0; t < open.size(); t++) {
                ObjectSighting last = open.get(t).last;
                for (int o = 0; o < objects.size(); o++) {
                    ObjectSighting now = objects.get(o);
                    if (!sameKind(last.label(), now.label())) {
                        continue;
                    }
                    float closeness = closeness(last.box(), now.box(), frame.offsetSeconds() - open.get(t).lastOffset);
                    if (closeness > 0) {
                        pairs.add(new Pair(t, o, closeness));
                    }
                }
            }
            pairs.sort(Comparator.comparingDouble((Pair p) -> -p.closeness()).thenComparingInt(Pair::track).thenComparingInt(Pair::object));
            boolean[] trackTaken = new boolean[open.size()];
            boolean[] objectTaken = new boolean[objects.size()];
            List<Building> next = new ArrayList<>();
            for (Pair p : pairs) {
                if (!trackTaken[p.track()] && !objectTaken[p.object()]) {
                    trackTaken[p.track()] = true;
                    objectTaken[p.object()] = true;
                    open.get(p.track()).add(frame.offsetSeconds(), objects.get(p.object()));
                }
            }
            next.addAll(open); // seen now or not, a track stays open while its object may still come back
            for (int o = 0; o < objects.size(); o++) {
                if (!objectTaken[o]) {
                    Building b = new Building();
                    b.add(frame.offsetSeconds(), objects.get(o));
                    next.add(b);
                }
            }
            open = next;
        }
        finished.addAll(open);
        return finished.stream().map(Building::track)
                .sorted(Comparator.comparingDouble(ObjectTrack::firstSeen).thenComparingDouble(t -> t.path().getFirst().box().x1())
                        .thenComparing(ObjectTrack::label))
                .toList();
    }

    /**
     * How well two boxes {@code seconds} apart continue each other: the IoU when large enough, else a little when the
     * centres are close: within one box width, or, for a small object, within the distance something moving
     * {@value #REACH_PER_SECOND} of the frame a second travels in up to {@value #MOVING_SECONDS} s (the lot's cyclist and
     * pedestrian cross about a tenth of the frame a second, several of their own widths between examinations every 2 s).
     */
    private static float closeness(NormalisedBox a, NormalisedBox b, double seconds) {
        float iou = a.iou(b);
        if (iou >= MIN_IOU) {
            return iou;
        }
        float dx = a.centreX() - b.centreX();
        float dy = a.centreY() - b.centreY();
        float reach = Math.max(Math.max(a.width(), b.width()), REACH_PER_SECOND * (float) Math.min(Math.max(seconds, 0), MOVING_SECONDS));
        float distance = (float) Math.sqrt(dx * dx + dy * dy);
        return distance <= reach ? 0.1f * (1 - distance / Math.max(reach, 1e-6f)) + 1e-6f : 0;
    }

    private static boolean sameKind(String a, String b) {
        return a.equals(b) || (CocoClasses.VEHICLES.contains(a) && CocoClasses.VEHICLES.contains(b));
    }

    private static final class Building {
        private final List<ObjectTrack.Point> path = new ArrayList<>();
        private final Map<String, Integer> labels = new HashMap<>();
        private final Map<String, Integer> colours = new HashMap<>();
        private ObjectSighting last;
        private double lastOffset;

        void add(double offset, ObjectSighting o) {
            lastOffset = offset;
            path.add(new ObjectTrack.Point(offset, o.box()));
            labels.merge(o.label(), 1, Integer::sum);
            if (o.colour() != null) {
                colours.merge(o.colour(), 1, Integer::sum);
            }
            last = o;
        }

        ObjectTrack track() {
            return new ObjectTrack(mostFrequent(labels), colours.isEmpty() ? null : mostFrequent(colours), path,
                    ObjectTrack.Direction.between(path.getFirst().box(), path.getLast().box()));
        }

        /** The most frequent key, ties to the alphabetically first (deterministic). */
        private static String mostFrequent(Map<String, Integer> counts) {
            return counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .findFirst().orElseThrow().getKey();
        }
    }
}
