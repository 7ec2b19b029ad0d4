package org.sightline.indexer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.sightline.indexer.app.Cameras;
import org.sightline.indexer.app.Workspace;
import org.sightline.indexer.footage.WallClock;
import org.sightline.indexer.footage.FrameRegion;
import org.sightline.indexer.search.Clip;
import org.sightline.indexer.search.ExplainedClip;
import org.sightline.indexer.search.ExplainedQuery;
import org.sightline.indexer.search.ExplainedResult;
import org.sightline.indexer.search.InvalidQueryException;
import org.sightline.indexer.search.MotionQuery;
import org.sightline.indexer.search.Reason;
import org.sightline.indexer.search.SearchQuery;
import org.sightline.indexer.search.Tier;
import org.sightline.indexer.search.UnansweredPart;
import org.sightline.models.pack.NoActiveModelException;
import org.sightline.models.pack.PackInstallException;
import org.sightline.models.pack.PackVerificationException;
import org.sightline.models.runtime.PromptNotUnderstoodException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;
import org.sightline.indexer.footage.PathText;

/** {@code sightline search}: prompt to clips. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Search indexed footage by prompt, or for motion in places of the picture.",
                "The prompt is read into parts: objects, counts, colours, relations, motion, times of day (\"at night\"), quoted text, "
                + "negation (\"no people\", \"-bicycle\"); what describes how things look goes to the model. Every clip has a tier "
                + "(strong, possible, more) instead of a cut-off: page through all of them with --offset."},
        footer = {"", "Times (--from, --to) are ISO-8601: 2024-03-01T22:00:00Z, 2024-03-01T22:00 or 2024-03-01; without an offset they are UTC.",
                "Regions (--region) are x,y,w,h as fractions of the picture (0,0,0.5,0.5 is the top-left quarter), or a polygon"
                        + " x1,y1,x2,y2,x3,y3,... of three or more corners (0.4,1,0.5,0.6,0.7,1 is a triangle standing on the bottom edge).",
                "Exit status: 0 search ran (even with no clips); 1 no model pack or index problem; 2 bad input; "
                        + "4 nothing in the prompt can be answered here (the message says what can be asked)."})
public class SearchCommand implements Callable<Integer> {
    @Mixin
    DataOption dataOption;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PROMPT", description = "What to look for, e.g. \"a red car\"; "
            + "leave out with --motion to list motion in the regions.")
    String prompt;

    @Option(names = "--region", paramLabel = "X,Y,W,H|X1,Y1,X2,Y2,X3,Y3,...", converter = RegionConverter.class,
            description = "Only this rectangle (or polygon) of the picture, as fractions (repeatable). With a prompt, clips without change "
                    + "there go to the 'more' tier; with --motion and no prompt, every change there is listed.")
    List<FrameRegion> regions = new ArrayList<>();

    @Option(names = "--motion", description = "List every moment something changed in the regions (model-free; needs --region).")
    boolean motion;

    @Option(names = "--sensitivity", paramLabel = "S", defaultValue = "0.5",
            description = "Motion sensitivity from 0 (only large, strong change) to 1 (the faintest) (default: ${DEFAULT-VALUE}).")
    double sensitivity;

    @Option(names = "--explain", description = "Print why each clip matched, and how the tiers were drawn.")
    boolean explain;

    @Option(names = "--offset", paramLabel = "N", defaultValue = "0", description = "Skip this many clips (paging; default: ${DEFAULT-VALUE}).")
    int offset;

    @Option(names = "--camera", paramLabel = "NAME", description = "Only these cameras (repeatable).")
    List<String> cameras = new ArrayList<>();

    @Option(names = "--from", paramLabel = "T", converter = TimeConverter.class, description = "Only footage recorded at or after T.")
    Instant from;

    @Option(names = "--to", paramLabel = "T", converter = TimeConverter.class, description = "Only footage recorded before T.")
    Instant to;

    @Option(names = "--time-of-day", paramLabel = "HH:MM-HH:MM", description = "Only footage recorded in this daily window on each camera's clock (its zone, else the workstation zone; may wrap midnight).")
    String timeOfDay;

    @Option(names = "--min-score", paramLabel = "S", defaultValue = "-1", description = "Drop frames scoring below this cosine similarity.")
    float minScore;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "Most clips to show (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--sort", paramLabel = "ORDER", defaultValue = "relevance", description = "relevance or time (default: ${DEFAULT-VALUE}).")
    SearchQuery.SortOrder sort;

    @Option(names = "--archive", description = {"Search every workstation's footage of the team archive (index.store solr://...),",
            "as clips in tiers with why each matched and where each opens here (or which workstation holds it)."})
    boolean archive;

    @Option(names = "--json", description = "Print a JSON array of clips.")
    boolean json;

    @Option(names = "--thumbnails", paramLabel = "DIR", description = {"With --archive: write each clip's still, kept in the",
            "team archive, as DIR/SHA256-STARTMS.jpg and name it in the output."})
    java.nio.file.Path thumbnails;

    @Override
    public Integer call() throws Exception {
        if (motion && regions.isEmpty()) {
            throw new InvalidQueryException("--motion needs at least one --region x,y,w,h (fractions of the picture), "
                    + "e.g. --region 0.4,0.75,0.25,0.25");
        }
        if (prompt == null && !motion) {
            throw new InvalidQueryException("give a prompt (e.g. \"a red car\"), or --motion with --region x,y,w,h to list motion there");
        }
        if (prompt == null) {
            return motionOnly();
        }
        SearchQuery q = SearchQuery.prompt(prompt).withCameras(new LinkedHashSet<>(cameras)).withTimeRange(from, to)
                .withMinScore(minScore).withLimit(limit).withSort(sort);
        if (timeOfDay != null) {
            LocalTime[] w = parseWindow(timeOfDay);
            q = q.withTimeOfDay(w[0], w[1]);
        }
        try (Workspace w = Workspace.open(dataOption.directory())) {
            ExplainedResult r;
            try {
                if (archive) {
                    var found = w.searchArchive(q, offset);
                    if (!found.ignored().isEmpty()) {
                        System.err.println("sightline search: note: words not used: " + String.join(", ", found.ignored()));
                    }
                    for (UnansweredPart u : found.unanswered()) {
                        System.err.println("sightline search: note: " + u.describe());
                    }
                    if (json) {
                        System.err.printf(Locale.ROOT, "sightline search: %s (%d frames matched, %d ms, model %s)%n",
                                archiveTierLine(found), found.framesHit(), found.millis(), found.modelId());
                        System.out.println(archiveJson(found, thumbnails));
                    } else {
                        printArchive(found, thumbnails, explain);
                    }
                    return 0;
                }
                r = w.explainedSearch(new ExplainedQuery(q, regions, sensitivity, offset));
            } catch (PromptNotUnderstoodException e) {
                System.err.println("sightline search: " + e.getMessage());
                return 4;
            } catch (NoActiveModelException | PackVerificationException | PackInstallException e) {
                System.err.println("sightline search: " + e.getMessage());
                return 1;
            }
            int unsearchable = w.videosWithoutActiveModel();
            if (unsearchable > 0) {
                System.err.printf(Locale.ROOT, "sightline search: note: %d indexed %s not searched: %s indexed with another model, "
                        + "not with %s. `sightline index --reembed` embeds %s with it.%n", unsearchable,
                        unsearchable == 1 ? "video was" : "videos were", unsearchable == 1 ? "it was" : "they were", r.answeredBy(),
                        unsearchable == 1 ? "it" : "them");
            }
            report(r, w.cameras());
            return 0;
        }
    }

    private int motionOnly() throws Exception {
        MotionQuery q = MotionQuery.in(regions).withSensitivity(sensitivity)
                .withFilters(new LinkedHashSet<>(cameras), from, to).withPage(limit, offset);
        try (Workspace w = Workspace.open(dataOption.directory())) {
            report(w.motionSearch(q, null), w.cameras());
            return 0;
        }
    }

    private void report(ExplainedResult r, Cameras cameras) throws Exception {
        if (!r.withheld().isEmpty()) {
            System.err.printf(Locale.ROOT, "sightline search: %d %s withheld: %s catalog records do not hold together "
                    + "(edited outside Sightline?):%n", r.withheld().size(), r.withheld().size() == 1 ? "clip is" : "clips are",
                    r.withheld().size() == 1 ? "its" : "their");
            r.withheld().forEach(clip -> System.err.println("  WITHHELD " + clip.describe()));
        }
        if (!r.ignored().isEmpty()) {
            System.err.println("sightline search: note: words not used: " + String.join(", ", r.ignored()));
        }
        for (UnansweredPart u : r.unanswered()) {
            System.err.println("sightline search: note: " + u.describe());
        }
        if (json) {
            System.err.printf(Locale.ROOT, "sightline search: %s%n", tierLine(r));
            System.out.println(toJson(r, cameras));
        } else {
            print(r, explain, cameras);
        }
    }

    private static String tierLine(ExplainedResult r) {
        int shownFrom = r.clips().isEmpty() ? 0 : r.offset() + 1;
        int shownTo = r.offset() + r.clips().size();
        String more = shownTo < r.totalClips() ? String.format(Locale.ROOT, "; --offset %d for the next page", shownTo) : "";
        return String.format(Locale.ROOT, "%d %s: strong %d, possible %d, more %d (showing %d-%d%s)", r.totalClips(),
                r.totalClips() == 1 ? "clip" : "clips", r.tierCounts().get(Tier.STRONG), r.tierCounts().get(Tier.POSSIBLE),
                r.tierCounts().get(Tier.MORE), shownFrom, shownTo, more);
    }

    LocalTime[] parseWindow(String s) {
        String[] parts = s.split("-");
        try {
            if (parts.length == 2) {
                return new LocalTime[] {LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim())};
            }
        } catch (DateTimeParseException e) {
            // fall through
        }
        throw new ParameterException(spec.commandLine(), "--time-of-day wants HH:MM-HH:MM, e.g. 21:00-06:00; got '" + s + "'");
    }

    private static String archiveTierLine(org.sightline.indexer.search.ArchiveSearchResult r) {
        int shownFrom = r.clips().isEmpty() ? 0 : r.offset() + 1;
        int shownTo = r.offset() + r.clips().size();
        String more = shownTo < r.totalClips() ? String.format(Locale.ROOT, "; --offset %d for the next page", shownTo) : "";
        return String.format(Locale.ROOT, "%d %s of the team archive for \"%s\": strong %d, possible %d, more %d (showing %d-%d%s)",
                r.totalClips(), r.totalClips() == 1 ? "clip" : "clips", r.query().prompt(), r.tierCounts().get(Tier.STRONG),
                r.tierCounts().get(Tier.POSSIBLE), r.tierCounts().get(Tier.MORE), shownFrom, shownTo, more);
    }

    /** The team archive's clips in tier sections: where each opens, its span, workstation, camera, why it matched. */
    private static void printArchive(org.sightline.indexer.search.ArchiveSearchResult r, java.nio.file.Path thumbnails,
            boolean explain) throws java.io.IOException {
        System.out.printf(Locale.ROOT, "%s (%d frames matched, %d ms, model %s)%n", archiveTierLine(r), r.framesHit(), r.millis(),
                r.modelId());
        if (explain) {
            System.out.println("tiers: " + r.tierRule());
        }
        int i = r.offset() + 1;
        Tier section = null;
        for (var c : r.clips()) {
            if (c.tier() != section) {
                section = c.tier();
                System.out.printf(Locale.ROOT, "%s (%d):%n", section.label(), r.tierCounts().get(section));
            }
            var f = c.file();
            System.out.printf(Locale.ROOT, "%2d. [%s] %s  %.1f-%.1f s  score %.3f  camera %s  workstation %s%n", i++,
                    c.tier().label(), f.name(), c.startSeconds(), c.endSeconds(), c.score(), f.camera().isEmpty() ? "unknown" : f.camera(),
                    f.workstation());
            System.out.println("    open: " + f.whereToOpen());
            System.out.println("    recorded: " + c.clock().map(k -> k.local() + " " + k.zoneLabel() + ", " + k.utc()
                    + " (from workstation " + f.workstation() + "'s recording start)")
                    .orElse("not known (its workstation knew no start time)"));
            for (Reason why : c.why()) {
                System.out.println("    why: " + why.part() + ": " + why.evidence());
            }
            var still = writeStill(c, thumbnails);
            if (still.isPresent()) {
                System.out.println("    thumbnail " + still.get());
            }
        }
    }

    /**
     * The archive search as a JSON array of clips: span, tier, why, objects seen, where the file is and how this
     * workstation can open it, the workstation, camera, best offset and score; with {@code thumbnails} a folder, each
     * clip's still is written there as {@code SHA256-STARTMS.jpg} (a name that is not a plain word is replaced) and
     * named ({@code "thumbnail"}), otherwise only whether the archive keeps one is said.
     */
    static String archiveJson(org.sightline.indexer.search.ArchiveSearchResult r, java.nio.file.Path thumbnails) throws Exception {
        List<Map<String, Object>> out = new ArrayList<>();
        for (var c : r.clips()) {
            var f = c.file();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("sha256", f.sha256());
            m.put("fileName", f.file().fileName());
            m.put("archivePath", f.file().archivePath());
            m.put("sizeBytes", f.file().sizeBytes());
            m.put("workstation", f.workstation());
            m.put("camera", f.camera());
            m.put("startSeconds", c.startSeconds());
            m.put("endSeconds", c.endSeconds());
            m.put("bestOffsetSeconds", c.bestOffsetSeconds());
            m.put("score", c.score());
            m.put("frames", c.frames());
            m.put("wallClockStart", c.wallClockStart().map(Instant::toString).orElse(null));
            m.put("wallClockLocal", c.clock().map(WallClock::local).orElse(null));
            m.put("zone", c.clock().map(k -> k.zone().getId()).orElse(null));
            m.put("zoneSource", c.clock().map(k -> k.zoneSource().words()).orElse(null));
            m.put("tier", c.tier().label());
            m.put("why", c.why().stream().map(w -> Map.of("part", w.part(), "evidence", w.evidence())).toList());
            m.put("ignored", r.ignored());
            m.put("notAnswerable", r.unanswered().stream().map(UnansweredPart::describe).toList());
            List<Map<String, Object>> objects = new ArrayList<>();
            for (var o : c.objects()) {
                Map<String, Object> om = new LinkedHashMap<>();
                om.put("label", o.label());
                om.put("count", o.count());
                om.put("score", Float.isNaN(o.score()) ? null : o.score());
                objects.add(om);
            }
            m.put("objects", objects);
            m.put("localCopy", f.copy().name());
            m.put("localFile", f.localFile().map(PathText::shown).orElse(null));
            m.put("whereToOpen", f.whereToOpen());
            m.put("hasThumbnail", c.thumbnail().isPresent());
            c.thumbnail().ifPresent(t -> m.put("thumbnailOffsetSeconds", t.offsetSeconds()));
            var still = writeStill(c, thumbnails);
            if (still.isPresent()) {
                m.put("thumbnail", still.get().toString());
            }
            out.add(m);
        }
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out);
    }

    /** Writes the clip's still as {@code folder/SHA256-STARTMS.jpg} when both are there. */
    private static Optional<java.nio.file.Path> writeStill(org.sightline.indexer.search.ArchiveSearchResult.ArchiveClip c,
            java.nio.file.Path folder) throws java.io.IOException {
        if (folder == null || c.thumbnail().isEmpty()) {
            return Optional.empty();
        }
        java.nio.file.Files.createDirectories(folder);
        String sha = c.file().sha256();
        // the name comes from the shared store: never let it name a path
        String name = sha.matches("[0-9A-Za-z_-]{1,128}") ? sha : "file-" + Integer.toHexString(sha.hashCode());
        java.nio.file.Path file = folder.resolve(name + "-" + Math.round(c.startSeconds() * 1000) + ".jpg");
        java.nio.file.Files.write(file, c.thumbnail().get().jpeg());
        return Optional.of(file);
    }

    private static void print(ExplainedResult r, boolean explain, Cameras cameras) {
        System.out.printf(Locale.ROOT, "%s for %s (%d %s, %d ms, %s)%n", tierLine(r),
                r.prompt() == null ? "motion" : "\"" + r.prompt() + "\"", r.framesExamined(),
                r.prompt() == null ? "spans of change" : "frames examined", r.millis(), r.answeredBy());
        if (explain) {
            System.out.println("tiers: " + r.tierRule());
        }
        int i = r.offset() + 1;
        for (ExplainedClip e : r.clips()) {
            Clip c = e.clip();
            System.out.printf(Locale.ROOT, "%2d. [%s] %s  %.1f-%.1f s  score %.3f  camera %s%n", i++, e.tier().label(), PathText.shown(c.video()),
                    c.startSeconds(), c.endSeconds(), c.score(), cameraLabel(c.camera(), cameras));
            System.out.println("    wall clock: " + cameras.wallClock(c.videoId(), c.startSeconds()).map(WallClock::describe)
                    .orElse("not known (the file records no start time and its name holds none)"));
            if (explain) {
                for (Reason why : e.why()) {
                    System.out.println("    why: " + why.part() + ": " + why.evidence());
                }
            }
            if (c.thumbnail() != null) {
                System.out.println("    thumbnail " + c.thumbnail());
            }
        }
    }

    private static String cameraLabel(String key, Cameras cameras) {
        String name = cameras.nameOf(key);
        return name.equals(key) ? key : name + " (" + key + ")";
    }

    static String toJson(ExplainedResult r, Cameras cameras) throws Exception {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ExplainedClip e : r.clips()) {
            Clip c = e.clip();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("video", PathText.shown(c.video()));
            m.put("sha256", c.sha256());
            m.put("camera", c.camera());
            m.put("start_s", c.startSeconds());
            m.put("end_s", c.endSeconds());
            m.put("best_s", c.bestOffsetSeconds());
            m.put("score", c.score());
            m.put("relative_strength", c.relativeStrength());
            m.put("camera_name", cameras.nameOf(c.camera()));
            m.put("wall_clock_start", c.wallClockStart().map(Instant::toString).orElse(null));
            Optional<WallClock> clock = cameras.wallClock(c.videoId(), c.startSeconds());
            m.put("wall_clock_local", clock.map(WallClock::local).orElse(null));
            m.put("zone", clock.map(k -> k.zone().equals(ZoneOffset.UTC) ? "UTC" : k.zone().getId()).orElse(null));
            m.put("zone_assumed", clock.map(WallClock::zoneAssumed).orElse(null));
            m.put("zone_source", clock.map(k -> k.zoneSource().words()).orElse(null));
            m.put("time_source", clock.map(WallClock::sourceWords).orElse("unknown"));
            m.put("thumbnail", c.thumbnail() == null ? null : c.thumbnail().toString());
            m.put("segment_ids", c.segmentIds());
            m.put("tier", e.tier().label());
            m.put("why", e.why().stream().map(w -> Map.of("part", w.part(), "evidence", w.evidence())).toList());
            m.put("ignored", r.ignored());
            m.put("not_answerable", r.unanswered().stream().map(UnansweredPart::describe).toList());
            m.put("objects", e.objects().stream().map(o -> Map.of("label", o.label(), "count", o.count(), "score", o.score())).toList());
            m.put("text", e.text());
            out.add(m);
        }
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out);
    }

    /** {@code x,y,w,h} fractions of the picture. */
    public static final class RegionConverter implements ITypeConverter<FrameRegion> {
        @Override
        public FrameRegion convert(String s) {
            try {
                return FrameRegion.parse(s);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** ISO instant, offset date-time, local date-time (UTC) or date (midnight UTC). */
    public static final class TimeConverter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String s) {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException ignored) {
                // try the next form
            }
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException ignored) {
                // try the next form
            }
            try {
                return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException ignored) {
                // try the next form
            }
            try {
                return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("not a time: '" + s + "' (use e.g. 2024-03-01T22:00:00Z or 2024-03-01)");
            }
        }
    }
}
