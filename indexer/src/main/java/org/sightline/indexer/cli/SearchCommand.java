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
import java.util.concurrent.Callable;
import org.sightline.indexer.app.Workspace;
import org.sightline.indexer.search.Clip;
import org.sightline.indexer.search.SearchQuery;
import org.sightline.indexer.search.SearchResult;
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

/** {@code sightline search}: prompt to clips. */
@Command(name = "search", mixinStandardHelpOptions = true, description = "Search indexed footage by prompt.",
        footer = {"", "Times (--from, --to) are ISO-8601: 2024-03-01T22:00:00Z, 2024-03-01T22:00 or 2024-03-01; without an offset they are UTC.",
                "Exit status: 0 search ran (even with no clips); 1 no model pack or index problem; 4 the model understood nothing in the prompt."})
public class SearchCommand implements Callable<Integer> {
    @Mixin
    DataOption dataOption;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROMPT", description = "What to look for, e.g. \"a red car\".")
    String prompt;

    @Option(names = "--camera", paramLabel = "NAME", description = "Only these cameras (repeatable).")
    List<String> cameras = new ArrayList<>();

    @Option(names = "--from", paramLabel = "T", converter = TimeConverter.class, description = "Only footage recorded at or after T.")
    Instant from;

    @Option(names = "--to", paramLabel = "T", converter = TimeConverter.class, description = "Only footage recorded before T.")
    Instant to;

    @Option(names = "--time-of-day", paramLabel = "HH:MM-HH:MM", description = "Only footage recorded in this daily window (UTC; may wrap midnight).")
    String timeOfDay;

    @Option(names = "--min-score", paramLabel = "S", defaultValue = "-1", description = "Drop frames scoring below this cosine similarity.")
    float minScore;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "Most clips to show (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--sort", paramLabel = "ORDER", defaultValue = "relevance", description = "relevance or time (default: ${DEFAULT-VALUE}).")
    SearchQuery.SortOrder sort;

    @Option(names = "--json", description = "Print a JSON array of clips.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        SearchQuery q = SearchQuery.prompt(prompt).withCameras(new LinkedHashSet<>(cameras)).withTimeRange(from, to)
                .withMinScore(minScore).withLimit(limit).withSort(sort);
        if (timeOfDay != null) {
            LocalTime[] w = parseWindow(timeOfDay);
            q = q.withTimeOfDay(w[0], w[1]);
        }
        try (Workspace w = Workspace.open(dataOption.directory())) {
            SearchResult r;
            try {
                r = w.search().search(q);
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
                        unsearchable == 1 ? "video was" : "videos were", unsearchable == 1 ? "it was" : "they were", r.modelId(),
                        unsearchable == 1 ? "it" : "them");
            }
            if (!r.withheld().isEmpty()) {
                System.err.printf(Locale.ROOT, "sightline search: %d %s withheld: %s catalog records do not hold together "
                        + "(edited outside Sightline?):%n", r.withheld().size(), r.withheld().size() == 1 ? "clip is" : "clips are",
                        r.withheld().size() == 1 ? "its" : "their");
                r.withheld().forEach(clip -> System.err.println("  WITHHELD " + clip.describe()));
            }
            if (json) {
                System.out.println(toJson(r));
            } else {
                print(r);
            }
            return 0;
        }
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

    private static void print(SearchResult r) {
        System.out.printf(Locale.ROOT, "%d %s for \"%s\" (%d frames matched, %d ms, model %s)%n", r.clips().size(),
                r.clips().size() == 1 ? "clip" : "clips",
                r.query().prompt(), r.framesHit(), r.millis(), r.modelId());
        int i = 1;
        for (Clip c : r.clips()) {
            System.out.printf(Locale.ROOT, "%2d. %s  %.1f-%.1f s%s  score %.3f (%.0f%%)  camera %s%n", i++, c.video(), c.startSeconds(),
                    c.endSeconds(), c.wallClockStart().map(t -> "  [" + t + "]").orElse(""), c.score(), 100 * c.relativeStrength(),
                    c.camera());
            System.out.println("    thumbnail " + c.thumbnail());
        }
    }

    static String toJson(SearchResult r) throws Exception {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Clip c : r.clips()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("video", c.video().toString());
            m.put("sha256", c.sha256());
            m.put("camera", c.camera());
            m.put("start_s", c.startSeconds());
            m.put("end_s", c.endSeconds());
            m.put("best_s", c.bestOffsetSeconds());
            m.put("score", c.score());
            m.put("relative_strength", c.relativeStrength());
            m.put("wall_clock_start", c.wallClockStart().map(Instant::toString).orElse(null));
            m.put("thumbnail", c.thumbnail() == null ? null : c.thumbnail().toString());
            m.put("segment_ids", c.segmentIds());
            out.add(m);
        }
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out);
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
