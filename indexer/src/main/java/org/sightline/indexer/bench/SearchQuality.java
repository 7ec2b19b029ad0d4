package org.sightline.indexer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sightline.indexer.app.DataDirectory;
import org.sightline.indexer.app.ModelLibrary;
import org.sightline.indexer.app.Workspace;
import org.sightline.indexer.footage.FrameRegion;
import org.sightline.indexer.footage.RegionMotion;
import org.sightline.indexer.ingest.IngestListener;
import org.sightline.indexer.ingest.IngestRequest;
import org.sightline.indexer.search.ExplainedClip;
import org.sightline.indexer.search.ExplainedQuery;
import org.sightline.indexer.search.ExplainedResult;
import org.sightline.indexer.search.MotionQuery;
import org.sightline.indexer.search.SearchQuery;
import org.sightline.indexer.search.Tier;

/**
 * Precision and recall of the searches a fresh install can answer (colours with the demonstration model, motion in
 * regions), on labelled spans of two fixtures, indexed into a temporary data directory. A clip is relevant when it is
 * in the labelled video and overlaps a labelled span; precision counts the strong and possible tiers; recall is the
 * share of labelled spans that some strong or possible clip overlaps; R@5 the share the first five clips of any tier
 * overlap. The labels are seconds read off frames sampled every second or so (see docs/benchmarks.md).
 */
public final class SearchQuality {
    static final String AISLE = "parking-aisle-cars.mp4";
    static final String LOT = "parking-lot-person-bicycle-car.mp4";

    /** A span of a labelled video. */
    record Span(String video, double from, double to) {
    }

    /**
     * A labelled query: a prompt, or motion in a region (prompt null).
     *
     * @param camera the camera searched (the fixture's name without extension)
     */
    record Labelled(String name, String prompt, FrameRegion region, String camera, double sensitivity, List<Span> relevant) {
        Labelled(String name, String prompt, FrameRegion region, String camera, List<Span> relevant) {
            this(name, prompt, region, camera, RegionMotion.Settings.DEFAULT_SENSITIVITY, relevant);
        }
    }

    static final List<Labelled> QUERIES = List.of(
            new Labelled("white (white cars)", "white", null, null, List.of(new Span(AISLE, 4.5, 8.0),
                    new Span(AISLE, 24.0, 28.5), new Span(LOT, 0.0, 3.5))),
            new Labelled("red (red car)", "red", null, null, List.of(new Span(AISLE, 15.0, 19.0))),
            new Labelled("a white car at night", "a white car at night", null, null, List.of(new Span(AISLE, 4.5, 8.0),
                    new Span(AISLE, 24.0, 28.5))),
            new Labelled("motion: aisle entry", null, new FrameRegion(0.42, 0.75, 0.26, 0.25), "parking-aisle-cars",
                    List.of(new Span(AISLE, 4.3, 6.6), new Span(AISLE, 15.3, 17.5))),
            new Labelled("motion: aisle empty tarmac", null, new FrameRegion(0.75, 0.3, 0.2, 0.45), "parking-aisle-cars",
                    List.of()),
            new Labelled("motion: lot top right (cyclists, pedestrian)", null, new FrameRegion(0.6, 0.0, 0.35, 0.3),
                    "parking-lot-person-bicycle-car", List.of(new Span(LOT, 9.5, 14.5), new Span(LOT, 23.0, 26.0),
                            new Span(LOT, 30.5, 35.5))),
            new Labelled("motion: lot top right, sensitivity 0.8", null, new FrameRegion(0.6, 0.0, 0.35, 0.3),
                    "parking-lot-person-bicycle-car", 0.8, List.of(new Span(LOT, 9.5, 14.5), new Span(LOT, 23.0, 26.0),
                            new Span(LOT, 30.5, 35.5))),
            new Labelled("motion: aisle empty tarmac, sensitivity 0.8", null, new FrameRegion(0.75, 0.3, 0.2, 0.45),
                    "parking-aisle-cars", 0.8, List.of()),
            new Labelled("motion: lot bottom left (cars)", null, new FrameRegion(0.0, 0.6, 0.45, 0.4),
                    "parking-lot-person-bicycle-car", List.of(new Span(LOT, 0.0, 2.5), new Span(LOT, 28.0, 33.5))));

    /** The figures of one labelled query. */
    public record Row(String name, int clips, int strongOrPossible, int relevantShown, int spans, int spansFound,
            int spansInTop5) {
        public String describe() {
            String precision = strongOrPossible == 0 ? "  n/a" : String.format(Locale.ROOT, "%5.2f", relevantShown / (double) strongOrPossible);
            String recall = spans == 0 ? "  n/a" : String.format(Locale.ROOT, "%5.2f", spansFound / (double) spans);
            String r5 = spans == 0 ? "  n/a" : String.format(Locale.ROOT, "%5.2f", spansInTop5 / (double) spans);
            return String.format(Locale.ROOT, "%-48s clips %3d  strong+possible %3d  precision %s  recall %s  R@5 %s", name,
                    clips, strongOrPossible, precision, recall, r5);
        }
    }

    private SearchQuality() {
    }

    /**
     * Indexes the two fixtures of {@code footage} with the demonstration model into {@code workDir} (an empty
     * temporary folder the caller deletes) and runs every labelled query.
     */
    public static List<Row> run(Path footage, Path workDir) throws IOException, InterruptedException {
        DataDirectory dir = new DataDirectory(workDir.resolve("data"));
        ModelLibrary.open(dir).installDemo();
        List<Row> rows = new ArrayList<>();
        try (Workspace w = Workspace.open(dir)) {
            for (String video : List.of(AISLE, LOT)) {
                Path file = footage.resolve(video);
                if (!Files.isRegularFile(file)) {
                    throw new IOException("the labelled fixture " + file + " is missing (see ../shared/footage/README.md)");
                }
                w.ingest(IngestRequest.of(List.of(file)).withCamera(video.replaceFirst("\\.[^.]+$", "")), IngestListener.NONE, null);
            }
            for (Labelled q : QUERIES) {
                ExplainedResult r;
                if (q.prompt() != null) {
                    r = w.explainedSearch(ExplainedQuery.of(SearchQuery.prompt(q.prompt()).withLimit(SearchQuery.MAX_LIMIT)));
                } else {
                    r = w.motionSearch(MotionQuery.in(List.of(q.region())).withSensitivity(q.sensitivity())
                            .withFilters(Set.of(q.camera()), null, null)
                            .withPage(SearchQuery.MAX_LIMIT, 0), null);
                }
                rows.add(score(q, r.clips()));
            }
        }
        return rows;
    }

    static Row score(Labelled q, List<ExplainedClip> clips) {
        int shown = 0;
        int relevantShown = 0;
        for (ExplainedClip c : clips) {
            if (c.tier() != Tier.MORE) {
                shown++;
                if (q.relevant().stream().anyMatch(s -> overlaps(c, s))) {
                    relevantShown++;
                }
            }
        }
        int found = 0;
        int top5 = 0;
        for (Span s : q.relevant()) {
            if (clips.stream().anyMatch(c -> c.tier() != Tier.MORE && overlaps(c, s))) {
                found++;
            }
            if (clips.stream().limit(5).anyMatch(c -> overlaps(c, s))) {
                top5++;
            }
        }
        return new Row(q.name(), clips.size(), shown, relevantShown, q.relevant().size(), found, top5);
    }

    private static boolean overlaps(ExplainedClip c, Span s) {
        return c.clip().video().getFileName().toString().equals(s.video())
                && c.clip().startSeconds() < s.to() && c.clip().endSeconds() > s.from();
    }
}
