package org.sightline.indexer.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A stretch of one video where structured parts of a prompt hold (objects, scene text, a track's motion, two objects
 * close together), with the evidence in words.
 *
 * @param bestOffset where in the stretch the evidence is best (the clip's best moment)
 * @param score      how good the evidence is, 0 to 1 (detector confidence, reading quality × OCR confidence ...): orders
 *                   clips within a tier
 * @param tier       the tier the evidence alone earns (never {@link Tier#MORE} unless a negated object was seen)
 * @param mostSeen   the most of each object label seen at once, by label
 * @param texts      the text read in the picture that matched
 */
record EvidenceSpan(long videoId, double fromSeconds, double toSeconds, double bestOffset, float score, Tier tier,
                    List<Reason> why, Map<String, ObjectSighting> mostSeen, List<String> texts) {
    /** Evidence of two parts further apart than this (seconds) is not of one moment. */
    static final double JOIN_SLACK_SECONDS = 4.0;

    EvidenceSpan {
        why = List.copyOf(new LinkedHashSet<>(why));
        mostSeen = Map.copyOf(new TreeMap<>(mostSeen));
        texts = List.copyOf(texts);
    }

    boolean overlaps(double from, double to) {
        return fromSeconds <= to && from <= toSeconds;
    }

    /**
     * Both this and {@code other} (AND): the stretch where both hold, or, when they miss each other by at most
     * {@link #JOIN_SLACK_SECONDS} (their examined frames differ), the gap between them; empty when further apart or in
     * another video. The weaker tier and score count.
     */
    Optional<EvidenceSpan> and(EvidenceSpan other) {
        if (other.videoId != videoId) {
            return Optional.empty();
        }
        double from = Math.max(fromSeconds, other.fromSeconds);
        double to = Math.min(toSeconds, other.toSeconds);
        if (from > to) {
            if (from - to > JOIN_SLACK_SECONDS) {
                return Optional.empty();
            }
            double t = from;
            from = to;
            to = t;
        }
        List<Reason> reasons = new ArrayList<>(why);
        reasons.addAll(other.why);
        Map<String, ObjectSighting> most = new TreeMap<>(mostSeen);
        other.mostSeen.forEach((label, o) -> most.merge(label, o, (a, b) -> b.count() > a.count() ? b : a));
        LinkedHashSet<String> read = new LinkedHashSet<>(texts);
        read.addAll(other.texts);
        Tier weaker = tier.compareTo(other.tier) >= 0 ? tier : other.tier;
        double best = Math.min(Math.max(score <= other.score ? bestOffset : other.bestOffset, from), to);
        return Optional.of(new EvidenceSpan(videoId, from, to, best, Math.min(score, other.score), weaker, reasons, most,
                List.copyOf(read)));
    }

    /**
     * Overlapping stretches of one video made one (two tracks both moving as asked during one moment): the union of
     * their time, reasons and sightings, the better tier and score.
     */
    static List<EvidenceSpan> merged(List<EvidenceSpan> spans) {
        List<EvidenceSpan> sorted = new ArrayList<>(spans);
        sorted.sort(java.util.Comparator.comparingLong(EvidenceSpan::videoId).thenComparingDouble(EvidenceSpan::fromSeconds));
        List<EvidenceSpan> out = new ArrayList<>();
        for (EvidenceSpan sp : sorted) {
            if (!out.isEmpty() && out.getLast().videoId == sp.videoId && sp.fromSeconds <= out.getLast().toSeconds) {
                out.set(out.size() - 1, out.getLast().union(sp));
            } else {
                out.add(sp);
            }
        }
        return out;
    }

    private EvidenceSpan union(EvidenceSpan other) {
        LinkedHashSet<Reason> reasons = new LinkedHashSet<>(why);
        reasons.addAll(other.why);
        Map<String, ObjectSighting> most = new TreeMap<>(mostSeen);
        other.mostSeen.forEach((label, o) -> most.merge(label, o, (a, b) -> b.count() > a.count() ? b : a));
        LinkedHashSet<String> read = new LinkedHashSet<>(texts);
        read.addAll(other.texts);
        Tier better = tier.compareTo(other.tier) <= 0 ? tier : other.tier;
        EvidenceSpan best = score >= other.score ? this : other;
        return new EvidenceSpan(videoId, Math.min(fromSeconds, other.fromSeconds), Math.max(toSeconds, other.toSeconds),
                best.bestOffset, best.score, better, List.copyOf(reasons), most, List.copyOf(read));
    }

    /** The same stretch in another tier, with one more reason. */
    EvidenceSpan demoted(Tier to, Reason because) {
        List<Reason> reasons = new ArrayList<>(why);
        reasons.add(because);
        return new EvidenceSpan(videoId, fromSeconds, toSeconds, bestOffset, score, to, reasons, mostSeen, texts);
    }

    /** AND over families of spans: the stretches where one span of every family holds. */
    static List<EvidenceSpan> all(List<List<EvidenceSpan>> families) {
        if (families.isEmpty()) {
            return List.of();
        }
        List<EvidenceSpan> joined = families.getFirst();
        for (List<EvidenceSpan> next : families.subList(1, families.size())) {
            List<EvidenceSpan> out = new ArrayList<>();
            for (EvidenceSpan a : joined) {
                for (EvidenceSpan b : next) {
                    a.and(b).ifPresent(out::add);
                }
            }
            joined = out;
        }
        return joined;
    }
}
