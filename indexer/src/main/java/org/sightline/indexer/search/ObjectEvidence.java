package org.sightline.indexer.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.sightline.indexer.catalog.Catalog;
import org.sightline.indexer.footage.FrameRegion;
import org.sightline.indexer.perception.FrameDetections;
import org.sightline.indexer.perception.ObjectSighting;
import org.sightline.indexer.search.query.ObjectPartMatch;
import org.sightline.indexer.search.query.QueryPart.ObjectPart;
import org.sightline.models.perception.detect.CocoClasses;
import org.sightline.models.perception.detect.Detection;

/**
 * Answers the object parts of a prompt ("two people", "a white van", "no bicycle") from the detections stored when the
 * footage was indexed: which examined frames satisfy every part, grouped into spans of one video, each with its
 * evidence in words. A frame satisfies the prompt when every positive part matches it ({@link ObjectPartMatch}: class,
 * count, colour of the box, region) and no negated part's object is in it.
 */
final class ObjectEvidence {
    /** The least detector confidence that counts as seeing an object (the detector's own default threshold). */
    static final float MIN_SCORE = 0.3f;
    /** Examined frames further apart than this start a new span (the detector looks at most every 6 s). */
    static final double SPAN_GAP_SECONDS = 8.0;
    /** A span reaches this far either side of its first and last matching frame. */
    static final double SPAN_MARGIN_SECONDS = 2.0;

    /** Consecutive matching examined frames of one video. */
    record Span(long videoId, double fromSeconds, double toSeconds, double bestOffset, float bestScore, List<String> evidence,
                Map<String, org.sightline.indexer.search.ObjectSighting> mostSeen) {
        boolean overlaps(double from, double to) {
            return fromSeconds <= to && from <= toSeconds;
        }
    }

    private final Catalog catalog;
    private final ObjectPartMatch match;

    ObjectEvidence(Catalog catalog, List<FrameRegion> regions) {
        this.catalog = catalog;
        this.match = new ObjectPartMatch(MIN_SCORE, regions, d -> Optional.empty());
    }

    /** Whether anything was examined by a detector in this data directory. */
    boolean available() {
        return catalog.hasDetections();
    }

    /** Spans where every part holds, by video; only videos with a sighting of a positive part's class are read. */
    List<Span> spans(List<ObjectPart> parts) {
        List<ObjectPart> positive = parts.stream().filter(p -> !p.negated()).toList();
        Map<Long, List<FrameDetections>> frames = new TreeMap<>();
        if (positive.isEmpty()) {
            return List.of();
        }
        for (String label : positive.getFirst().classes()) {
            catalog.detectionsOfVideosWith(label).forEach(frames::putIfAbsent);
        }
        List<Span> spans = new ArrayList<>();
        for (Map.Entry<Long, List<FrameDetections>> video : frames.entrySet()) {
            Span open = null;
            List<FrameDetections> run = new ArrayList<>();
            for (FrameDetections f : video.getValue()) {
                Optional<List<String>> evidence = evidence(parts, f);
                if (evidence.isPresent()) {
                    if (!run.isEmpty() && f.offsetSeconds() - run.getLast().offsetSeconds() > SPAN_GAP_SECONDS) {
                        spans.add(span(video.getKey(), run, parts));
                        run.clear();
                    }
                    run.add(f);
                }
            }
            if (!run.isEmpty()) {
                spans.add(span(video.getKey(), run, parts));
            }
        }
        return spans;
    }

    /** The evidence of each part in one frame, or empty when a part does not hold there. */
    Optional<List<String>> evidence(List<ObjectPart> parts, FrameDetections frame) {
        List<Detection> detections = detections(frame);
        List<String> out = new ArrayList<>();
        for (ObjectPart part : parts) {
            Optional<String> e = colourAware(part, frame).test(part, detections);
            if (e.isEmpty()) {
                return Optional.empty();
            }
            out.add(e.get());
        }
        return Optional.of(out);
    }

    /** Whether a negated part's object was seen anywhere in the given span of a video (for demoting model hits). */
    Optional<String> seenDuring(ObjectPart negated, long videoId, double from, double to) {
        ObjectPart positive = new ObjectPart(negated.noun(), negated.classes(), negated.count(), negated.colours(), false, negated.words());
        for (FrameDetections f : catalog.detectionsOf(videoId)) {
            if (f.offsetSeconds() >= from && f.offsetSeconds() <= to) {
                Optional<String> e = colourAware(positive, f).test(positive, detections(f));
                if (e.isPresent()) {
                    return Optional.of(String.format(Locale.ROOT, "%s at %.1f s", e.get(), f.offsetSeconds()));
                }
            }
        }
        return Optional.empty();
    }

    private ObjectPartMatch colourAware(ObjectPart part, FrameDetections frame) {
        if (part.colours().isEmpty()) {
            return match;
        }
        Map<Detection, String> colours = new LinkedHashMap<>();
        for (ObjectSighting o : frame.objects()) {
            colours.put(detection(o), o.colour());
        }
        return match.withColours(d -> Optional.ofNullable(colours.get(d)));
    }

    private static List<Detection> detections(FrameDetections frame) {
        return frame.objects().stream().map(ObjectEvidence::detection).toList();
    }

    private static Detection detection(ObjectSighting o) {
        return new Detection(o.label(), Math.max(0, CocoClasses.NAMES.indexOf(o.label())), o.score(), o.box());
    }

    private Span span(long videoId, List<FrameDetections> run, List<ObjectPart> parts) {
        FrameDetections best = run.getFirst();
        float bestScore = -1;
        Map<String, org.sightline.indexer.search.ObjectSighting> most = new TreeMap<>();
        for (FrameDetections f : run) {
            for (ObjectPart part : parts) {
                if (part.negated()) {
                    continue;
                }
                for (String label : part.classes()) {
                    List<ObjectSighting> seen = f.objects().stream().filter(o -> o.label().equals(label) && o.score() >= MIN_SCORE).toList();
                    if (!seen.isEmpty()) {
                        float weakest = (float) seen.stream().mapToDouble(ObjectSighting::score).min().orElse(0);
                        most.merge(label, new org.sightline.indexer.search.ObjectSighting(label, seen.size(), weakest),
                                (a, b) -> b.count() > a.count() ? b : a);
                        float top = seen.getFirst().score();
                        if (top > bestScore) {
                            bestScore = top;
                            best = f;
                        }
                    }
                }
            }
        }
        List<String> evidence = evidence(parts, best).orElse(List.of());
        double from = Math.max(0, run.getFirst().offsetSeconds() - SPAN_MARGIN_SECONDS);
        double to = run.getLast().offsetSeconds() + SPAN_MARGIN_SECONDS;
        List<String> said = new ArrayList<>();
        for (String e : evidence) {
            said.add(String.format(Locale.ROOT, "%s at %.1f s (%d examined frame%s from %.1f s to %.1f s)", e, best.offsetSeconds(),
                    run.size(), run.size() == 1 ? "" : "s", run.getFirst().offsetSeconds(), run.getLast().offsetSeconds()));
        }
        return new Span(videoId, from, to, best.offsetSeconds(), Math.max(0, bestScore), said, most);
    }
}
