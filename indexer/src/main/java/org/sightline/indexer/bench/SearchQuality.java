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
 * regions), on labelled spans of two fixtures, indexed into a temporary data directory; then text, direction,
 * closeness and dwell answered from the starter perception packs ({@link #STRUCTURED}), on a third fixture and two
 * generated clips in a second data directory. A clip is relevant when it is
 * in the labelled video and overlaps a labelled span; precision counts the strong and possible tiers; recall is the
 * share of labelled spans that some strong or possible clip overlaps; R@5 the share the first five clips of any tier
 * overlap. The labels are seconds read off frames sampled every second or so (see docs/benchmarks.md).
 */
public final class SearchQuality {
    static final String AISLE = "parking-aisle-cars.mp4";
    static final String LOT = "parking-lot-person-bicycle-car.mp4";
    static final String INDOOR = "indoor-people-one-by-one.mp4";
    static final String PLATE = "generated-plate.mp4";
    static final String WALK = "generated-people-walking.mp4";

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
                    "parking-lot-person-bicycle-car", List.of(new Span(LOT, 0.0, 2.5), new Span(LOT, 28.0, 33.5))),
            // the lot's cyclists, from the starter detector looking closer (each walks or rides a bicycle across the top
            // of the lot left to right, seen on frames at 11 and 13 s: x 545-600 then 690-765 of 768; at 33 s 672-747)
            new Labelled("bicycle (the lot's cyclists)", "bicycle", null, null,
                    List.of(new Span(LOT, 9.5, 14.5), new Span(LOT, 30.5, 35.5))),
            new Labelled("bicycle left to right", "bicycle left to right", null, null,
                    List.of(new Span(LOT, 9.5, 14.5), new Span(LOT, 30.5, 35.5))));

    /**
     * Text, motion and closeness, answered from what the starter perception packs stored, on {@link #INDOOR} and two
     * generated clips ({@link GeneratedClips}). Indoor labels counted on frames one second apart: the six people leave
     * walking right at 18-20.5, 43-45.5, 68.5-70.5, 84.5-87, 118.5-121 and 134.5-136.5 s; nobody walks right to
     * left; they come one at a time (never two together) and none stays 30 s (the longest, 94-119 s, stays about
     * 24 s). The generated clips' labels follow from how they are drawn.
     */
    static final List<Labelled> STRUCTURED = List.of(
            new Labelled("text \"KX19 A8C\" (plate, one look-alike)", "\"KX19 A8C\"", null, null,
                    List.of(new Span(PLATE, GeneratedClips.PLATE_FROM_SECONDS, GeneratedClips.PLATE_SECONDS))),
            new Labelled("text plate KX19 ABC", "plate KX19 ABC", null, null,
                    List.of(new Span(PLATE, GeneratedClips.PLATE_FROM_SECONDS, GeneratedClips.PLATE_SECONDS))),
            new Labelled("text \"PL55 QRT\" (not there)", "\"PL55 QRT\"", null, null, List.of()),
            new Labelled("person left to right", "person left to right", null, null, List.of(new Span(INDOOR, 18, 20.5),
                    new Span(INDOOR, 43, 45.5), new Span(INDOOR, 68.5, 70.5), new Span(INDOOR, 84.5, 87),
                    new Span(INDOOR, 118.5, 121), new Span(INDOOR, 134.5, 136.5), new Span(WALK, 0, GeneratedClips.WALK_SECONDS))),
            new Labelled("person right to left", "person right to left", null, null, List.of()),
            new Labelled("two people together", "two people together", null, null,
                    List.of(new Span(WALK, 0, GeneratedClips.TOGETHER_UNTIL + 1.2))),
            new Labelled("person loitering (30 s or more)", "person loitering", null, null,
                    List.of(new Span(WALK, 0, GeneratedClips.WALK_SECONDS))));

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
        rows.addAll(structured(footage, workDir));
        return rows;
    }

    /** The {@link #STRUCTURED} queries, on their own data directory (the colour figures above stay comparable). */
    private static List<Row> structured(Path footage, Path workDir) throws IOException, InterruptedException {
        DataDirectory dir = new DataDirectory(workDir.resolve("data-perception"));
        ModelLibrary.open(dir).installDemo();
        Path indoor = footage.resolve(INDOOR);
        if (!Files.isRegularFile(indoor)) {
            throw new IOException("the labelled fixture " + indoor + " is missing (see ../shared/footage/README.md)");
        }
        Path clips = Files.createDirectories(workDir.resolve("generated"));
        List<Path> files = List.of(indoor, GeneratedClips.plate(clips.resolve(PLATE)),
                GeneratedClips.peopleWalking(footage, clips.resolve(WALK)));
        List<Row> rows = new ArrayList<>();
        try (Workspace w = Workspace.open(dir)) {
            w.ingest(IngestRequest.of(files), IngestListener.NONE, null);
            for (Labelled q : STRUCTURED) {
                rows.add(score(q, w.explainedSearch(ExplainedQuery.of(SearchQuery.prompt(q.prompt()).withLimit(SearchQuery.MAX_LIMIT))).clips()));
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
