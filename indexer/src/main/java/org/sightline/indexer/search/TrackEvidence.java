package org.sightline.indexer.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sightline.indexer.catalog.Catalog;
import org.sightline.indexer.catalog.VideoRecord;
import org.sightline.indexer.footage.FrameRegion;
import org.sightline.indexer.perception.ObjectTrack;
import org.sightline.indexer.search.query.QueryPart;
import org.sightline.indexer.search.query.QueryPart.Motion;
import org.sightline.indexer.search.query.QueryPart.MotionPart;
import org.sightline.indexer.search.query.QueryPart.ObjectPart;
import org.sightline.models.perception.detect.CocoClasses;
import org.sightline.models.perception.detect.NormalisedBox;

/**
 * Answers how something moves ("a person crossing left to right", "a parked car", "loitering") from the object tracks
 * stored at indexing ({@link ObjectTrack}: one object followed over the examined frames, a few seconds apart).
 * Positions are the box centre in fractions of the frame; speeds are in the object's own size (the longer side of its
 * box) per second, so near and far objects compare. The thresholds:
 * <ul>
 *   <li>left to right / right to left: the centre moves at least {@value #MIN_SHIFT} of the frame width that way, more
 *   sideways than up or down; the clip covers the examined frames between which it moved that way</li>
 *   <li>crossing: at least {@value #CROSSING_SHIFT} of the frame across or up/down</li>
 *   <li>towards / away from the camera: its box grows to at least {@value #SCALE_CHANGE}× its first height, or shrinks
 *   to at most 1/{@value #SCALE_CHANGE}</li>
 *   <li>running, fast: at least {@value #FAST_SPEED} sizes per second between two examined frames; walking (people):
 *   from {@value #WALKING_SPEED} up to that</li>
 *   <li>stopped, parked: seen at least {@value #MIN_STOPPED_SECONDS} s and never more than {@value #STILL_SHIFT} of its
 *   size from where it was first seen</li>
 *   <li>loitering: seen for at least {@value #LOITER_SECONDS} s</li>
 *   <li>entering / leaving: its first (last) box touches the frame's edge (within {@value #EDGE}), its last (first)
 *   does not, and it moved at least {@value #MIN_SHIFT} of the frame</li>
 * </ul>
 * A track of three or more examined frames makes a strong clip, shorter ones a possible clip. Tracks are sparse: an
 * object that crosses the picture between two examined frames has no track and is not found this way.
 */
final class TrackEvidence {
    static final double MIN_SHIFT = 0.1;
    static final double CROSSING_SHIFT = 0.3;
    static final double SCALE_CHANGE = 1.5;
    static final double FAST_SPEED = 1.5;
    static final double WALKING_SPEED = 0.1;
    static final double STILL_SHIFT = 0.25;
    static final double MIN_STOPPED_SECONDS = 5;
    static final double LOITER_SECONDS = 30;
    static final double EDGE = 0.03;
    /** A step counts as moving a way when its centre moves at least this share of the frame that way. */
    private static final double STEP_SHIFT = 0.02;

    private final Catalog catalog;
    private final List<FrameRegion> regions;

    TrackEvidence(Catalog catalog, List<FrameRegion> regions) {
        this.catalog = catalog;
        this.regions = List.copyOf(regions);
    }

    /** How a track satisfied a motion: where (offsets) and in words. */
    record Moved(double from, double to, String evidence) {
    }

    /**
     * The stretches where a track of the subject (any object when null) moves as the part says.
     */
    List<EvidenceSpan> spans(MotionPart part, ObjectPart subject) {
        List<EvidenceSpan> out = new ArrayList<>();
        for (VideoRecord video : catalog.videos()) {
            for (ObjectTrack track : catalog.tracksOf(video.id())) {
                if (!isSubject(track, subject)) {
                    continue;
                }
                Optional<Moved> moved = moved(part.motion(), track);
                if (moved.isEmpty()) {
                    continue;
                }
                String who = track.label() + (track.colour() == null ? "" : " (" + track.colour() + ")");
                String evidence = String.format(Locale.ROOT, "track: %s %s (track %.1f-%.1f s, %d examined frame%s)", who,
                        moved.get().evidence(), track.firstSeen(), track.lastSeen(), track.path().size(),
                        track.path().size() == 1 ? "" : "s");
                Tier tier = track.path().size() >= 3 ? Tier.STRONG : Tier.POSSIBLE;
                float score = (float) Math.min(1.0, track.path().size() / 5.0);
                String part0 = subject == null ? part.describe() : subject.describe() + ", " + part.describe();
                out.add(new EvidenceSpan(video.id(), Math.max(0, moved.get().from() - ObjectEvidence.SPAN_MARGIN_SECONDS),
                        moved.get().to() + ObjectEvidence.SPAN_MARGIN_SECONDS, (moved.get().from() + moved.get().to()) / 2, score,
                        tier, List.of(new Reason(part0, evidence)), Map.of(), List.of())); // objects seen: from the detections
            }
        }
        return out;
    }

    private boolean isSubject(ObjectTrack track, ObjectPart subject) {
        if (!regions.isEmpty() && track.path().stream().noneMatch(p -> regions.stream()
                .anyMatch(r -> r.contains(p.box().centreX(), p.box().centreY())))) {
            return false;
        }
        if (subject == null) {
            return true;
        }
        boolean kind = subject.classes().contains(track.label()) || CocoClasses.VEHICLES.contains(track.label())
                && subject.classes().stream().anyMatch(CocoClasses.VEHICLES::contains);
        boolean colour = subject.colours().isEmpty()
                || subject.colours().stream().map(QueryPart.Colour::name).anyMatch(c -> c.equals(track.colour()));
        return kind && colour;
    }

    /** Whether a track moves as asked, and how. */
    static Optional<Moved> moved(Motion motion, ObjectTrack track) {
        List<ObjectTrack.Point> path = track.path();
        NormalisedBox first = path.getFirst().box();
        NormalisedBox last = path.getLast().box();
        double dx = last.centreX() - first.centreX();
        double dy = last.centreY() - first.centreY();
        return switch (motion) {
            case LEFT_TO_RIGHT -> sideways(track, 1, dx, dy);
            case RIGHT_TO_LEFT -> sideways(track, -1, dx, dy);
            case CROSSING -> Math.max(Math.abs(dx), Math.abs(dy)) >= CROSSING_SHIFT
                    ? Optional.of(new Moved(track.firstSeen(), track.lastSeen(), String.format(Locale.ROOT,
                    "crossed %.2f of the frame %s (crossing: at least %.2f)", Math.max(Math.abs(dx), Math.abs(dy)),
                    Math.abs(dx) >= Math.abs(dy) ? (dx > 0 ? "left to right" : "right to left") : (dy > 0 ? "downwards" : "upwards"),
                    CROSSING_SHIFT)))
                    : Optional.empty();
            case TOWARD_CAMERA, AWAY_FROM_CAMERA -> {
                double ratio = last.height() / Math.max(1e-6, first.height());
                boolean toward = motion == Motion.TOWARD_CAMERA;
                boolean holds = path.size() >= 2 && (toward ? ratio >= SCALE_CHANGE : ratio <= 1 / SCALE_CHANGE);
                yield holds ? Optional.of(new Moved(track.firstSeen(), track.lastSeen(), String.format(Locale.ROOT,
                        "box height %.2f → %.2f of the frame, %.1f× (%s: %s %.1f×)", first.height(), last.height(), ratio,
                        toward ? "towards the camera" : "away from the camera", toward ? "at least" : "at most",
                        toward ? SCALE_CHANGE : 1 / SCALE_CHANGE))) : Optional.empty();
            }
            case RUNNING, FAST, WALKING -> speed(motion, track);
            case STOPPED -> {
                double furthest = 0;
                for (ObjectTrack.Point p : path) {
                    furthest = Math.max(furthest, shift(first, p.box()) / size(first, p.box()));
                }
                boolean holds = track.dwellSeconds() >= MIN_STOPPED_SECONDS && furthest <= STILL_SHIFT;
                yield holds ? Optional.of(new Moved(track.firstSeen(), track.lastSeen(), String.format(Locale.ROOT,
                        "stayed within %.2f of its size for %.0f s (stopped: at most %.2f for at least %.0f s)", furthest,
                        track.dwellSeconds(), STILL_SHIFT, MIN_STOPPED_SECONDS))) : Optional.empty();
            }
            case LOITERING -> track.dwellSeconds() >= LOITER_SECONDS
                    ? Optional.of(new Moved(track.firstSeen(), track.lastSeen(), String.format(Locale.ROOT,
                    "stayed %.0f s (loitering: at least %.0f s)", track.dwellSeconds(), LOITER_SECONDS)))
                    : Optional.empty();
            case ENTERING -> atEdge(first) && !atEdge(last) && shift(first, last) >= MIN_SHIFT
                    ? Optional.of(new Moved(track.firstSeen(), track.lastSeen(), String.format(Locale.ROOT,
                    "came in from the frame's edge at %.1f s and moved %.2f of the frame", track.firstSeen(), shift(first, last))))
                    : Optional.empty();
            case LEAVING -> atEdge(last) && !atEdge(first) && shift(first, last) >= MIN_SHIFT
                    ? Optional.of(new Moved(track.firstSeen(), track.lastSeen(), String.format(Locale.ROOT,
                    "moved %.2f of the frame and reached the frame's edge at %.1f s", shift(first, last), track.lastSeen())))
                    : Optional.empty();
        };
    }

    /** Left to right ({@code sign} 1) or right to left (-1): overall, then the steps that went that way. */
    private static Optional<Moved> sideways(ObjectTrack track, int sign, double dx, double dy) {
        if (sign * dx < MIN_SHIFT || Math.abs(dx) < Math.abs(dy)) {
            return Optional.empty();
        }
        List<ObjectTrack.Point> path = track.path();
        int from = -1;
        int to = -1;
        for (int i = 1; i < path.size(); i++) {
            double step = path.get(i).box().centreX() - path.get(i - 1).box().centreX();
            if (sign * step >= STEP_SHIFT) {
                from = from < 0 ? i - 1 : from;
                to = i;
            }
        }
        if (from < 0) {
            from = 0;
            to = path.size() - 1;
        }
        ObjectTrack.Point a = path.get(from);
        ObjectTrack.Point b = path.get(to);
        return Optional.of(new Moved(a.offsetSeconds(), b.offsetSeconds(), String.format(Locale.ROOT,
                "moved %s: centre %.2f → %.2f of the frame width from %.1f s to %.1f s (at least %.2f, more sideways than up/down)",
                sign > 0 ? "left to right" : "right to left", a.box().centreX(), b.box().centreX(), a.offsetSeconds(),
                b.offsetSeconds(), MIN_SHIFT)));
    }

    private static Optional<Moved> speed(Motion motion, ObjectTrack track) {
        List<ObjectTrack.Point> path = track.path();
        double fastest = -1;
        int at = -1;
        for (int i = 1; i < path.size(); i++) {
            double dt = path.get(i).offsetSeconds() - path.get(i - 1).offsetSeconds();
            if (dt <= 0) {
                continue;
            }
            NormalisedBox a = path.get(i - 1).box();
            NormalisedBox b = path.get(i).box();
            double v = shift(a, b) / size(a, b) / dt;
            if (v > fastest) {
                fastest = v;
                at = i;
            }
        }
        if (at < 0) {
            return Optional.empty();
        }
        boolean holds = switch (motion) {
            case WALKING -> track.label().equals("person") && fastest >= WALKING_SPEED && fastest < FAST_SPEED;
            default -> fastest >= FAST_SPEED;
        };
        if (!holds) {
            return Optional.empty();
        }
        String rule = motion == Motion.WALKING
                ? String.format(Locale.ROOT, "walking: %.1f to %.1f", WALKING_SPEED, FAST_SPEED)
                : String.format(Locale.ROOT, "%s: at least %.1f", motion == Motion.RUNNING ? "running" : "fast", FAST_SPEED);
        return Optional.of(new Moved(path.get(at - 1).offsetSeconds(), path.get(at).offsetSeconds(), String.format(Locale.ROOT,
                "moved %.2f of its size per second from %.1f s to %.1f s (%s)", fastest, path.get(at - 1).offsetSeconds(),
                path.get(at).offsetSeconds(), rule)));
    }

    private static double shift(NormalisedBox a, NormalisedBox b) {
        return Math.hypot(b.centreX() - a.centreX(), b.centreY() - a.centreY());
    }

    /** The object's size: the longer side of its box, averaged over two sightings. */
    private static double size(NormalisedBox a, NormalisedBox b) {
        return Math.max(1e-3, (Math.max(a.width(), a.height()) + Math.max(b.width(), b.height())) / 2);
    }

    private static boolean atEdge(NormalisedBox b) {
        return b.x1() <= EDGE || b.y1() <= EDGE || b.x2() >= 1 - EDGE || b.y2() >= 1 - EDGE;
    }
}
