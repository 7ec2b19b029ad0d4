package org.sightline.indexer.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sightline.indexer.catalog.Catalog;
import org.sightline.indexer.catalog.VideoRecord;
import org.sightline.indexer.footage.FrameRegion;
import org.sightline.indexer.perception.FrameDetections;
import org.sightline.indexer.perception.SceneTextSighting;
import org.sightline.indexer.search.query.QueryPart.SceneTextPart;
import org.sightline.indexer.search.query.SceneText;

/**
 * Answers a text part of a prompt ("KX19 ABC", "plate KX19 ABC", "sign saying OPEN") from the scene text read at
 * indexing: every reading that matches with the OCR-forgiving rule of {@link SceneText} (look-alike characters count
 * as one, plus one character off), grouped into stretches of one video. A stretch's score is the best reading's
 * quality weight ({@link SceneText.Quality#weight()}: 1 exact, 0.9 look-alike, 0.7 one character off) times the
 * reader's confidence; {@link #STRONG} or more is a strong clip, less a possible one.
 */
final class SceneTextEvidence {
    /** Quality × confidence from which a reading makes a strong clip. */
    static final double STRONG = 0.75;

    private final Catalog catalog;
    private final List<FrameRegion> regions;

    SceneTextEvidence(Catalog catalog, List<FrameRegion> regions) {
        this.catalog = catalog;
        this.regions = List.copyOf(regions);
    }

    private record Reading(double offset, SceneTextSighting sighting, SceneText.Quality quality) {
        double score() {
            return quality.weight() * sighting.confidence();
        }
    }

    List<EvidenceSpan> spans(SceneTextPart part) {
        List<EvidenceSpan> spans = new ArrayList<>();
        for (VideoRecord video : catalog.videos()) {
            List<Reading> run = new ArrayList<>();
            for (FrameDetections f : catalog.detectionsOf(video.id())) {
                Optional<Reading> best = Optional.empty();
                for (SceneTextSighting t : f.texts()) {
                    if (!regions.isEmpty() && regions.stream().noneMatch(r -> r.contains(t.box().centreX(), t.box().centreY()))) {
                        continue;
                    }
                    Optional<SceneText.Quality> q = SceneText.match(part.text(), t.text());
                    if (q.isPresent()) {
                        Reading r = new Reading(f.offsetSeconds(), t, q.get());
                        if (best.isEmpty() || r.score() > best.get().score()) {
                            best = Optional.of(r);
                        }
                    }
                }
                if (best.isPresent()) {
                    if (!run.isEmpty() && f.offsetSeconds() - run.getLast().offset() > ObjectEvidence.SPAN_GAP_SECONDS) {
                        spans.add(span(video.id(), part, run));
                        run.clear();
                    }
                    run.add(best.get());
                }
            }
            if (!run.isEmpty()) {
                spans.add(span(video.id(), part, run));
            }
        }
        return spans;
    }

    private static EvidenceSpan span(long videoId, SceneTextPart part, List<Reading> run) {
        Reading best = run.getFirst();
        for (Reading r : run) {
            if (r.score() > best.score()) {
                best = r;
            }
        }
        LinkedHashSet<String> read = new LinkedHashSet<>();
        run.forEach(r -> read.add(r.sighting().text()));
        String evidence = String.format(Locale.ROOT, "text \"%s\" read as \"%s\" (%.2f, %s) at %.1f s", part.text(),
                best.sighting().text(), best.sighting().confidence(), best.quality().describe(), best.offset());
        if (run.size() > 1) {
            evidence += String.format(Locale.ROOT, "; read in %d examined frames from %.1f s to %.1f s", run.size(),
                    run.getFirst().offset(), run.getLast().offset());
        }
        double from = Math.max(0, run.getFirst().offset() - ObjectEvidence.SPAN_MARGIN_SECONDS);
        double to = run.getLast().offset() + ObjectEvidence.SPAN_MARGIN_SECONDS;
        Tier tier = best.score() >= STRONG ? Tier.STRONG : Tier.POSSIBLE;
        return new EvidenceSpan(videoId, from, to, best.offset(), (float) best.score(), tier,
                List.of(new Reason(part.describe(), evidence)), Map.of(), List.copyOf(read));
    }
}
