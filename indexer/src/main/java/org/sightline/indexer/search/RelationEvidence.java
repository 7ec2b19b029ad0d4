package org.sightline.indexer.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.sightline.indexer.catalog.Catalog;
import org.sightline.indexer.footage.FrameRegion;
import org.sightline.indexer.perception.FrameDetections;
import org.sightline.indexer.perception.ObjectSighting;
import org.sightline.indexer.search.query.ObjectPartMatch;
import org.sightline.indexer.search.query.QueryPart;
import org.sightline.indexer.search.query.QueryPart.ObjectPart;
import org.sightline.indexer.search.query.QueryPart.Relation;
import org.sightline.indexer.search.query.QueryPart.RelationPart;
import org.sightline.models.perception.detect.NormalisedBox;

/**
 * Answers "near", "next to", "together", "exchanging", "meeting", "carrying" between two objects of a prompt ("a
 * person near a car", "two people together") from the stored detections: both objects seen in one examined frame with
 * the gap between their boxes under {@value #NEAR_WIDTHS} of their mean box width (boxes that touch or overlap have
 * no gap). Consecutive examined frames where the pair is close make one stretch; a stretch of two or more examined
 * frames (sustained) with both objects at the detector's {@value #STRONG_SCORE} or more is strong, a single frame
 * possible. Relations this does not measure (following) are left unanswered by the caller.
 */
final class RelationEvidence {
    /** Close: the gap between the two boxes is under this share of their mean width. */
    static final double NEAR_WIDTHS = 0.5;
    static final float STRONG_SCORE = 0.5f;
    /** The relations nearness answers. */
    static final Set<Relation> MEASURED = Set.of(Relation.NEAR, Relation.TOGETHER, Relation.EXCHANGING, Relation.MEETING,
            Relation.CARRYING);

    private final Catalog catalog;
    private final List<FrameRegion> regions;

    RelationEvidence(Catalog catalog, List<FrameRegion> regions) {
        this.catalog = catalog;
        this.regions = List.copyOf(regions);
    }

    private record Close(double offset, ObjectSighting a, ObjectSighting b, double widths) {
        float weaker() {
            return Math.min(a.score(), b.score());
        }
    }

    /** Stretches where an object of {@code a} and one of {@code b} (another object, when both are one part) are close. */
    List<EvidenceSpan> spans(RelationPart relation, ObjectPart a, ObjectPart b) {
        Map<Long, List<FrameDetections>> frames = new TreeMap<>();
        for (String label : a.classes()) {
            catalog.detectionsOfVideosWith(label).forEach(frames::putIfAbsent);
        }
        List<EvidenceSpan> out = new ArrayList<>();
        for (Map.Entry<Long, List<FrameDetections>> video : frames.entrySet()) {
            List<Close> run = new ArrayList<>();
            for (FrameDetections f : video.getValue()) {
                Close closest = closest(f, a, b);
                if (closest == null) {
                    continue;
                }
                if (!run.isEmpty() && f.offsetSeconds() - run.getLast().offset() > ObjectEvidence.SPAN_GAP_SECONDS) {
                    out.add(span(video.getKey(), relation, a, b, run));
                    run.clear();
                }
                run.add(closest);
            }
            if (!run.isEmpty()) {
                out.add(span(video.getKey(), relation, a, b, run));
            }
        }
        return out;
    }

    private Close closest(FrameDetections f, ObjectPart a, ObjectPart b) {
        List<ObjectSighting> as = of(f, a);
        List<ObjectSighting> bs = a == b ? as : of(f, b);
        Close best = null;
        for (ObjectSighting x : as) {
            for (ObjectSighting y : bs) {
                if (x == y || x.box().iou(y.box()) > ObjectPartMatch.SAME_OBJECT_IOU) {
                    continue; // one object, or one object named twice
                }
                double widths = gap(x.box(), y.box()) / Math.max(1e-3, (x.box().width() + y.box().width()) / 2);
                if (widths < NEAR_WIDTHS && (best == null || widths < best.widths()
                        || widths == best.widths() && Math.min(x.score(), y.score()) > best.weaker())) {
                    best = new Close(f.offsetSeconds(), x, y, widths);
                }
            }
        }
        return best;
    }

    private List<ObjectSighting> of(FrameDetections f, ObjectPart part) {
        return f.objects().stream()
                .filter(o -> part.classes().contains(o.label()) && o.score() >= ObjectEvidence.MIN_SCORE)
                .filter(o -> part.colours().isEmpty() || part.colours().stream().map(QueryPart.Colour::name).anyMatch(c -> c.equals(o.colour())))
                .filter(o -> regions.isEmpty() || regions.stream().anyMatch(r -> r.contains(o.box().centreX(), o.box().centreY())))
                .toList();
    }

    /** The shortest distance between two boxes, 0 when they touch or overlap. */
    static double gap(NormalisedBox a, NormalisedBox b) {
        double dx = Math.max(0, Math.max(a.x1(), b.x1()) - Math.min(a.x2(), b.x2()));
        double dy = Math.max(0, Math.max(a.y1(), b.y1()) - Math.min(a.y2(), b.y2()));
        return Math.hypot(dx, dy);
    }

    private static EvidenceSpan span(long videoId, RelationPart relation, ObjectPart a, ObjectPart b, List<Close> run) {
        Close best = run.getFirst();
        double widest = 0;
        for (Close c : run) {
            widest = Math.max(widest, c.widths());
            if (c.weaker() > best.weaker()) {
                best = c;
            }
        }
        double first = run.getFirst().offset();
        double last = run.getLast().offset();
        String pair = best.a().label() + " + " + best.b().label();
        String evidence = run.size() >= 2
                ? String.format(Locale.ROOT, "%s within %.1f box-widths for %.0f s (%d examined frames from %.1f s to %.1f s; "
                + "close: gap under %.1f of their mean box width); best at %.1f s (%.2f, %.2f)", pair, widest, last - first,
                run.size(), first, last, NEAR_WIDTHS, best.offset(), best.a().score(), best.b().score())
                : String.format(Locale.ROOT, "%s within %.1f box-widths in one examined frame at %.1f s (%.2f, %.2f); not seen "
                + "sustained (close: gap under %.1f of their mean box width)", pair, widest, first, best.a().score(),
                best.b().score(), NEAR_WIDTHS);
        String part = a == b ? a.describe() + ", " + relation.describe() : a.describe() + " " + relation.describe() + " " + b.describe();
        Tier tier = run.size() >= 2 && run.stream().allMatch(c -> c.weaker() >= STRONG_SCORE) ? Tier.STRONG : Tier.POSSIBLE;
        Map<String, org.sightline.indexer.search.ObjectSighting> most = new TreeMap<>();
        if (best.a().label().equals(best.b().label())) {
            most.put(best.a().label(), new org.sightline.indexer.search.ObjectSighting(best.a().label(), 2, best.weaker()));
        } else {
            most.put(best.a().label(), new org.sightline.indexer.search.ObjectSighting(best.a().label(), 1, best.a().score()));
            most.put(best.b().label(), new org.sightline.indexer.search.ObjectSighting(best.b().label(), 1, best.b().score()));
        }
        return new EvidenceSpan(videoId, Math.max(0, first - ObjectEvidence.SPAN_MARGIN_SECONDS), last + ObjectEvidence.SPAN_MARGIN_SECONDS,
                best.offset(), best.weaker(), tier, List.of(new Reason(part, "detector: " + evidence)), most, List.of());
    }
}
