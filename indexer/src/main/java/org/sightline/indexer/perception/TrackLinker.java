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
 * over union at least {@value #MIN_IOU}) or their centres are within one box width of each other. Pairs are taken
 * best first; each object continues at most one track. Deterministic: the same detections give the same tracks.
 */
public final class TrackLinker {
    static final float MIN_IOU = 0.2f;

    private TrackLinker() {
    }

    public static List<ObjectTrack> link(List<FrameDetections> frames) {
        List<Building> finished = new ArrayList<>();
        List<Building> open = new ArrayList<>();
        for (FrameDetections frame : frames) {
            List<ObjectSighting> objects = frame.objects();
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
                    float closeness = closeness(last.box(), now.box());
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
            for (int t = 0; t < open.size(); t++) {
                (trackTaken[t] ? next : finished).add(open.get(t));
            }
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

    /** How well two boxes continue each other: the IoU when large enough, else a little when the centres are close. */
    private static float closeness(NormalisedBox a, NormalisedBox b) {
        float iou = a.iou(b);
        if (iou >= MIN_IOU) {
            return iou;
        }
        float dx = a.centreX() - b.centreX();
        float dy = a.centreY() - b.centreY();
        float reach = Math.max(a.width(), b.width());
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

        void add(double offset, ObjectSighting o) {
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
