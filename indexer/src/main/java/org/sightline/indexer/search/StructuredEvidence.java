package org.sightline.indexer.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sightline.indexer.catalog.Catalog;
import org.sightline.indexer.footage.FrameRegion;
import org.sightline.indexer.search.query.QueryPart;
import org.sightline.indexer.search.query.QueryPart.MotionPart;
import org.sightline.indexer.search.query.QueryPart.ObjectPart;
import org.sightline.indexer.search.query.QueryPart.RelationPart;
import org.sightline.indexer.search.query.QueryPart.SceneTextPart;

/**
 * The parts of a prompt answered from what perception stored at indexing, together (AND): objects from the
 * detections ({@link ObjectEvidence}), text from the scene text ({@link SceneTextEvidence}), motion from the tracks
 * ({@link TrackEvidence}) and closeness of two objects from the detections ({@link RelationEvidence}). A motion is
 * said of the object named nearest before it ("a cyclist crossing left to right"), else after it, else of any object;
 * a relation links the object before it with the object after it ("a person near a car"), or objects of one kind
 * among themselves ("two people together", "a person near another").
 */
final class StructuredEvidence {
    /** A motion and what moves (null: any object). */
    record Moving(MotionPart part, ObjectPart subject) {
    }

    /** A relation and the two objects it links (the same part twice: objects of one kind among themselves). */
    record Related(RelationPart part, ObjectPart a, ObjectPart b) {
    }

    /** What a prompt asks of the stored perception. */
    record Plan(List<ObjectPart> objects, List<SceneTextPart> texts, List<Moving> motions, List<Related> relations) {
        Plan {
            objects = List.copyOf(objects);
            texts = List.copyOf(texts);
            motions = List.copyOf(motions);
            relations = List.copyOf(relations);
        }

        boolean positiveObjects() {
            return objects.stream().anyMatch(o -> !o.negated());
        }

        /** Something must be seen (not only objects that must not). */
        boolean positive() {
            return positiveObjects() || !texts.isEmpty() || !motions.isEmpty() || !relations.isEmpty();
        }

        /** Only objects are asked for (no text, motion or relation). */
        boolean objectsOnly() {
            return texts.isEmpty() && motions.isEmpty() && relations.isEmpty();
        }

        String describePositive() {
            List<String> said = new ArrayList<>();
            objects.stream().filter(o -> !o.negated()).forEach(o -> said.add(o.describe()));
            texts.forEach(t -> said.add(t.describe()));
            motions.forEach(m -> said.add(m.part().describe()));
            relations.forEach(r -> said.add(r.part().describe()));
            return String.join(" and ", said);
        }
    }

    private final ObjectEvidence objects;
    private final SceneTextEvidence texts;
    private final TrackEvidence tracks;
    private final RelationEvidence relations;

    StructuredEvidence(Catalog catalog, List<FrameRegion> regions) {
        this.objects = new ObjectEvidence(catalog, regions);
        this.texts = new SceneTextEvidence(catalog, regions);
        this.tracks = new TrackEvidence(catalog, regions);
        this.relations = new RelationEvidence(catalog, regions);
    }

    /** Whether perception ran on anything in this data directory. */
    boolean available() {
        return objects.available();
    }

    ObjectEvidence objects() {
        return objects;
    }

    /**
     * The parts this class answers, read from the prompt's parts in order; relations it does not measure, or that
     * name no object, go to {@code unanswered}.
     */
    static Plan plan(List<QueryPart> parts, List<UnansweredPart> unanswered) {
        List<ObjectPart> objectParts = new ArrayList<>();
        List<SceneTextPart> textParts = new ArrayList<>();
        List<Moving> motions = new ArrayList<>();
        List<Related> related = new ArrayList<>();
        for (int index = 0; index < parts.size(); index++) {
            int i = index;
            switch (parts.get(i)) {
                case ObjectPart o -> objectParts.add(o);
                case SceneTextPart t -> textParts.add(t);
                case MotionPart m -> motions.add(new Moving(m, before(parts, i).or(() -> after(parts, i)).orElse(null)));
                case RelationPart r when !RelationEvidence.MEASURED.contains(r.relation()) -> unanswered.add(new UnansweredPart(
                        r.describe(), r.words(), "not answered yet: of relations only closeness is measured (near, next to, "
                        + "together, exchanging, meeting, carrying)"));
                case RelationPart r -> {
                    Optional<ObjectPart> a = before(parts, i);
                    Optional<ObjectPart> b = after(parts, i);
                    if (a.isEmpty() && b.isEmpty()) {
                        unanswered.add(new UnansweredPart(r.describe(), r.words(), "names no objects to relate (ask e.g. \"a "
                                + "person near a car\" or \"two people together\")"));
                    } else if (r.relation() == QueryPart.Relation.TOGETHER) {
                        // "people together": objects of one kind among themselves
                        ObjectPart of = a.orElseGet(b::get);
                        related.add(new Related(r, of, of));
                    } else {
                        ObjectPart first = a.orElseGet(b::get);
                        related.add(new Related(r, first, a.isPresent() ? b.orElse(first) : first));
                    }
                }
                default -> {
                }
            }
        }
        return new Plan(objectParts, textParts, motions, related);
    }

    private static Optional<ObjectPart> before(List<QueryPart> parts, int i) {
        for (int k = i - 1; k >= 0; k--) {
            if (parts.get(k) instanceof ObjectPart o && !o.negated()) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    private static Optional<ObjectPart> after(List<QueryPart> parts, int i) {
        for (int k = i + 1; k < parts.size(); k++) {
            if (parts.get(k) instanceof ObjectPart o && !o.negated()) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    /**
     * The stretches where every part of the plan holds; when the plan names no object that must be seen, stretches
     * where a negated object was seen are kept in the {@link Tier#MORE} tier, with that reason (nothing is dropped).
     */
    List<EvidenceSpan> spans(Plan plan) {
        if (!plan.positive()) {
            return List.of();
        }
        List<List<EvidenceSpan>> families = new ArrayList<>();
        if (plan.positiveObjects()) {
            String said = String.join(" and ", plan.objects().stream().map(ObjectPart::describe).toList());
            families.add(objects.spans(plan.objects()).stream().map(sp -> new EvidenceSpan(sp.videoId(), sp.fromSeconds(),
                    sp.toSeconds(), sp.bestOffset(), sp.bestScore(), sp.bestScore() >= 0.5f ? Tier.STRONG : Tier.POSSIBLE,
                    sp.evidence().stream().map(e -> new Reason(said, "detector: " + e)).toList(), sp.mostSeen(), List.of())).toList());
        }
        plan.texts().forEach(t -> families.add(texts.spans(t)));
        plan.motions().forEach(m -> families.add(tracks.spans(m.part(), m.subject())));
        plan.relations().forEach(r -> families.add(relations.spans(r.part(), r.a(), r.b())));
        List<EvidenceSpan> joined = EvidenceSpan.merged(EvidenceSpan.all(families));
        if (plan.positiveObjects()) {
            return joined; // negated objects were checked frame by frame
        }
        List<EvidenceSpan> out = new ArrayList<>();
        for (EvidenceSpan sp : joined) {
            EvidenceSpan checked = sp;
            for (ObjectPart negated : plan.objects()) {
                Optional<String> seen = objects.seenDuring(negated, sp.videoId(), sp.fromSeconds(), sp.toSeconds());
                checked = seen.isPresent()
                        ? checked.demoted(Tier.MORE, new Reason(negated.describe(), "but the detector saw " + seen.get()
                        + ": placed in the 'more' tier"))
                        : checked.demoted(checked.tier(), new Reason(negated.describe(), "the detector saw none during the clip"));
            }
            out.add(checked);
        }
        return out;
    }
}
