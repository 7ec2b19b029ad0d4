package org.sightline.indexer.export;

import java.util.ArrayList;
import java.util.List;

/**
 * A reviewer's corrections to a redaction plan, as the desktop's review view makes them on the frames it shows.
 * <ul>
 * <li>{@link #drop}: a box the reviewer removed from one frame goes from that frame and from the frames before and
 * after it where the same object's box continues (same source and label, overlapping the last one removed by at
 * least {@link #FOLLOW_IOU}; every such box of a frame goes, since a frame between two detections holds the box of
 * each); a user's fixed box goes from every frame it is in.</li>
 * <li>{@link #add}: a box the reviewer drew is hidden in every frame of the item, as a {@code --redact-region} is.</li>
 * </ul>
 */
public final class ReviewerEdit {
    /** Overlap (intersection over union) that counts a box in the next frame as the same object's. */
    public static final double FOLLOW_IOU = 0.3;
    /** Two boxes this close in every coordinate are the same box. */
    private static final double SAME = 1e-4;

    private ReviewerEdit() {
    }

    /**
     * The plan without {@code box} in the frame at source time {@code seconds}, nor the same object's box in the
     * frames around it.
     *
     * @throws IllegalArgumentException when the plan has no such box at that time
     */
    public static RedactionPlan drop(RedactionPlan plan, double seconds, PlannedBox box) {
        List<RedactionPlan.Span> spans = new ArrayList<>(plan.spans());
        int at = spanAt(spans, seconds);
        PlannedBox found = at < 0 ? null : match(spans.get(at).boxes(), box);
        if (found == null) {
            throw new IllegalArgumentException("item " + plan.item() + " has no box " + box + " at " + seconds
                    + " s of " + plan.sourceFile() + " to drop");
        }
        if (found.source() == PlannedBox.Source.MANUAL) {
            for (int i = 0; i < spans.size(); i++) {
                RedactionPlan.Span s = spans.get(i);
                PlannedBox same = match(s.boxes(), found);
                if (same != null) {
                    spans.set(i, without(s, same));
                }
            }
            return plan.withSpans(spans);
        }
        spans.set(at, withoutObject(spans.get(at), found));
        follow(spans, at, -1, found);
        follow(spans, at, +1, found);
        return plan.withSpans(spans);
    }

    /** The plan with {@code box} (taken as the user's, fixed) hidden in every frame. */
    public static RedactionPlan add(RedactionPlan plan, PlannedBox box) {
        PlannedBox manual = new PlannedBox(box.x(), box.y(), box.width(), box.height(), PlannedBox.Source.MANUAL,
                box.label().isEmpty() ? "region" : box.label());
        if (manual.empty()) {
            throw new IllegalArgumentException("a drawn box must have a width and a height: " + box);
        }
        List<RedactionPlan.Span> spans = new ArrayList<>();
        for (RedactionPlan.Span s : plan.spans()) {
            List<PlannedBox> boxes = new ArrayList<>(s.boxes());
            boxes.add(manual);
            spans.add(new RedactionPlan.Span(s.from(), s.to(), boxes));
        }
        List<String> manualBoxes = new ArrayList<>(plan.manualBoxes());
        manualBoxes.add(String.format(java.util.Locale.ROOT, "drawn in review %.4f,%.4f,%.4f,%.4f", manual.x(), manual.y(),
                manual.width(), manual.height()));
        return new RedactionPlan(plan.format(), plan.caseReference(), plan.item(), plan.itemId(), plan.sourceSha256(),
                plan.sourceFile(), plan.inSeconds(), plan.outSeconds(), plan.method(), plan.targets(), manualBoxes,
                plan.detectorPacks(), plan.notes(), spans);
    }

    private static void follow(List<RedactionPlan.Span> spans, int from, int step, PlannedBox start) {
        PlannedBox last = start;
        for (int i = from + step; i >= 0 && i < spans.size(); i += step) {
            RedactionPlan.Span s = spans.get(i);
            PlannedBox best = null;
            double bestIou = FOLLOW_IOU;
            for (PlannedBox b : s.boxes()) {
                if (b.source() == last.source() && b.label().equals(last.label())) {
                    double iou = b.iou(last);
                    if (iou >= bestIou) {
                        best = b;
                        bestIou = iou;
                    }
                }
            }
            if (best == null) {
                return;
            }
            spans.set(i, withoutObject(s, last));
            last = best;
        }
    }

    private static int spanAt(List<RedactionPlan.Span> spans, double t) {
        for (int i = 0; i < spans.size(); i++) {
            if (t >= spans.get(i).from() && t < spans.get(i).to()) {
                return i;
            }
        }
        return -1;
    }

    private static PlannedBox match(List<PlannedBox> boxes, PlannedBox wanted) {
        for (PlannedBox b : boxes) {
            if (Math.abs(b.x() - wanted.x()) < SAME && Math.abs(b.y() - wanted.y()) < SAME
                    && Math.abs(b.width() - wanted.width()) < SAME && Math.abs(b.height() - wanted.height()) < SAME
                    && b.label().equals(wanted.label())) {
                return b;
            }
        }
        return null;
    }

    /**
     * The span without every box of the object {@code like} marks: same source and label, overlapping it by
     * {@link #FOLLOW_IOU} (a frame between two detections holds the box of each).
     */
    private static RedactionPlan.Span withoutObject(RedactionPlan.Span s, PlannedBox like) {
        List<PlannedBox> kept = new ArrayList<>();
        for (PlannedBox b : s.boxes()) {
            boolean same = b.equals(like) || b.source() == like.source() && b.label().equals(like.label())
                    && b.iou(like) >= FOLLOW_IOU;
            if (!same) {
                kept.add(b);
            }
        }
        return new RedactionPlan.Span(s.from(), s.to(), kept);
    }

    private static RedactionPlan.Span without(RedactionPlan.Span s, PlannedBox gone) {
        List<PlannedBox> kept = new ArrayList<>(s.boxes());
        kept.remove(gone);
        return new RedactionPlan.Span(s.from(), s.to(), kept);
    }
}
