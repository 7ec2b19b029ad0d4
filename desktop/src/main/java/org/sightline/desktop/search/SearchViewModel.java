package org.sightline.desktop.search;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.nio.file.Path;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import java.util.Objects;
import org.sightline.desktop.task.BackgroundTask;
import org.sightline.desktop.task.StartedTask;
import org.sightline.desktop.task.TaskExecutor;
import org.sightline.desktop.viewer.CameraClock;
import org.sightline.desktop.viewer.HitMark;
import org.sightline.indexer.search.Clip;
import org.sightline.indexer.search.ExplainedClip;
import org.sightline.indexer.search.ExplainedQuery;
import org.sightline.indexer.search.ExplainedResult;
import org.sightline.indexer.search.ObjectSighting;
import org.sightline.indexer.search.Reason;
import org.sightline.indexer.search.SearchQuery;
import org.sightline.indexer.search.SearchQuery.SortOrder;
import org.sightline.indexer.search.SearchResult;
import org.sightline.indexer.search.SearchService;
import org.sightline.indexer.search.Tier;
import org.sightline.indexer.search.UnansweredPart;
import org.sightline.models.runtime.PromptNotUnderstoodException;
import org.sightline.models.runtime.RgbFrame;

/**
 * The search page's state: the prompt, the filters, the clips of the last search and which one is open.
 * Searches run in the background; the minimum-score slider and the sort order work on the clips at hand,
 * and the slider's range follows the spread of the current query's scores (CLIP scores are not comparable
 * across prompts).
 *
 * <p>A prompt runs as an explained search when the service can explain ({@link ClipSearch#explainedSearch}): the
 * clips come in tiers (strong, possible, more) with their counts over the whole result, each with why it matched,
 * and "Show more" pages through every tier (the same query asked for more, from the start, so the tiers of one
 * answer are drawn from one set of hits). Ignored words and the parts this data directory cannot answer are said.
 */
public final class SearchViewModel {
    /** Clips asked for per search. */
    public static final int RESULT_LIMIT = 60;

    private final TaskExecutor tasks;
    private final ClipSearch search;
    private final int pageSize;

    private final StringProperty prompt = new SimpleStringProperty(this, "prompt", "");
    private final ObjectProperty<SortOrder> sort = new SimpleObjectProperty<>(this, "sort", SortOrder.RELEVANCE);
    private final DoubleProperty minScore = new SimpleDoubleProperty(this, "minScore", -1);
    private final ReadOnlyDoubleWrapper scoreFloor = new ReadOnlyDoubleWrapper(this, "scoreFloor", 0);
    private final ReadOnlyDoubleWrapper scoreCeiling = new ReadOnlyDoubleWrapper(this, "scoreCeiling", 1);
    private final ObservableSet<String> cameras = FXCollections.observableSet(new TreeSet<>());
    private final ObservableSet<String> selectedCameras = FXCollections.observableSet(new TreeSet<>());
    private final StringProperty fromDate = new SimpleStringProperty(this, "fromDate", "");
    private final StringProperty toDate = new SimpleStringProperty(this, "toDate", "");
    private final ReadOnlyStringWrapper fromDateProblem = new ReadOnlyStringWrapper(this, "fromDateProblem", "");
    private final ReadOnlyStringWrapper toDateProblem = new ReadOnlyStringWrapper(this, "toDateProblem", "");
    private final StringProperty dayFrom = new SimpleStringProperty(this, "dayFrom", "");
    private final StringProperty dayTo = new SimpleStringProperty(this, "dayTo", "");
    private final BooleanProperty modelReady = new SimpleBooleanProperty(this, "modelReady", false);
    private final BooleanProperty modelStateKnown = new SimpleBooleanProperty(this, "modelStateKnown", false);

    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(this, "searching", false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", null);
    private final ReadOnlyStringWrapper queryDescription = new ReadOnlyStringWrapper(this, "queryDescription", "");

    private final ObservableList<Clip> clips = FXCollections.observableArrayList();
    private final FilteredList<Clip> filtered = new FilteredList<>(clips);
    private final SortedList<Clip> shown = new SortedList<>(filtered);
    private final ObjectProperty<Clip> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObjectProperty<Consumer<Clip>> onOpenClip = new SimpleObjectProperty<>(this, "onOpenClip");
    private final ObjectProperty<Consumer<Clip>> onAddToCase = new SimpleObjectProperty<>(this, "onAddToCase");

    private final ReadOnlyDoubleWrapper bestScore = new ReadOnlyDoubleWrapper(this, "bestScore", 0);
    private final ReadOnlyBooleanWrapper mayHaveMore = new ReadOnlyBooleanWrapper(this, "mayHaveMore", false);
    private final ReadOnlyIntegerWrapper limit = new ReadOnlyIntegerWrapper(this, "limit", RESULT_LIMIT);
    private final StringBinding countText;
    private final ObservableList<TierSection> sections = FXCollections.observableArrayList();
    private final ObservableList<FileGroup> fileGroups = FXCollections.observableArrayList();
    private final BooleanProperty groupByFile = new SimpleBooleanProperty(this, "groupByFile", false);
    private final ReadOnlyStringWrapper understanding = new ReadOnlyStringWrapper(this, "understanding", "");
    private final ReadOnlyStringWrapper tierRule = new ReadOnlyStringWrapper(this, "tierRule", "");
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper(this, "emptyText", "Results appear here.");
    private final ReadOnlyObjectWrapper<Clip> previewClip = new ReadOnlyObjectWrapper<>(this, "previewClip");
    private final ReadOnlyObjectWrapper<Image> previewImage = new ReadOnlyObjectWrapper<>(this, "previewImage");
    private Map<Clip, ExplainedClip> explained = Map.of();
    private ExplainedResult lastExplained;
    private int indexedVideos = -1;
    private StartedTask previewing;
    private Map<Long, String> clockSources = Map.of();
    private Map<Long, CameraClock> cameraClocks = Map.of();
    private Map<Long, Double> durations = Map.of();
    private SearchQuery lastQuery;
    private SearchResult lastResult;
    private StartedTask running;
    private long generation;

    public SearchViewModel(TaskExecutor tasks, ClipSearch search) {
        this(tasks, search, RESULT_LIMIT);
    }

    /** @param pageSize clips asked for per search and added by each "Show more" (tests page with a few) */
    SearchViewModel(TaskExecutor tasks, ClipSearch search, int pageSize) {
        this.pageSize = pageSize;
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.search = Objects.requireNonNull(search, "search");
        filtered.predicateProperty().bind(Bindings.createObjectBinding(
                () -> (Predicate<Clip>) c -> c.score() >= minScore.get() - 1e-6, minScore));
        shown.comparatorProperty().bind(Bindings.createObjectBinding(
                () -> byTier().thenComparing(sort.get() == SortOrder.TIME ? byTime() : byRelevance()), sort));
        countText = Bindings.createStringBinding(() -> {
            if (lastResult == null && clips.isEmpty()) {
                return "";
            }
            if (lastExplained != null) {
                return tierCountText();
            }
            int found = clips.size();
            int hidden = found - shown.size();
            String text = String.format(Locale.ROOT, "Showing %d of %d clip%s found", shown.size(), found, found == 1 ? "" : "s");
            if (hidden > 0) {
                text += String.format(Locale.ROOT, " · %d below the minimum score", hidden);
            }
            if (mayHaveMore.get()) {
                text += String.format(Locale.ROOT, " · the search stopped at %d: more may match", limit.get());
            }
            return text;
        }, clips, shown, mayHaveMore, limit);
        selected.addListener((o, a, c) -> {
            if (c != null && onOpenClip.get() != null) {
                onOpenClip.get().accept(c);
            }
        });
        shown.addListener((javafx.collections.ListChangeListener<Clip>) c -> regroup());
        groupByFile.addListener((o, a, b) -> regroup());
        javafx.beans.InvalidationListener empty = o -> emptyText.set(describeEmpty());
        searching.addListener(empty);
        error.addListener(empty);
        queryDescription.addListener(empty);
        clips.addListener(empty);
        shown.addListener(empty);
        fromDate.addListener((o, a, b) -> fromDateProblem.set(problemOf(b)));
        toDate.addListener((o, a, b) -> toDateProblem.set(problemOf(b)));
    }

    private static String problemOf(String typedDate) {
        try {
            DateBound.parse(typedDate);
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** Runs the prompt with the current filters. Blank prompts do nothing. */
    public void search() {
        String p = prompt.get() == null ? "" : prompt.get().strip();
        if (p.isEmpty()) {
            return;
        }
        SearchQuery query;
        try {
            query = SearchQuery.prompt(p);
        } catch (IllegalArgumentException e) { // e.g. a prompt longer than any model reads
            error.set(e.getMessage());
            return;
        }
        limit.set(pageSize);
        run(query, "“" + p + "”");
    }

    /** Loads more of one tier: the same query asked for every clip up to this tier's next page. */
    public void showMore(TierSection section) {
        if (lastQuery == null || !section.canShowMore()) {
            return;
        }
        int wanted = limit.get() + pageSize;
        if (lastExplained != null && section.loaded() < section.total()) {
            int before = 0;
            for (Tier t : Tier.values()) {
                if (t.label().equals(section.key())) {
                    break;
                }
                before += lastExplained.tierCounts().getOrDefault(t, 0);
            }
            wanted = before + section.loaded() + pageSize;
        }
        limit.set(Math.min(SearchQuery.MAX_LIMIT, Math.max(wanted, limit.get() + 1)));
        run(lastQuery, queryDescription.get());
    }

    /** Looks for moments that look like a picture (from the viewer). */
    public void searchSimilar(RgbFrame frame, String description) {
        prompt.set("");
        limit.set(pageSize);
        run(SearchQuery.example(new SearchQuery.Example.OfFrame(frame, description)), "similar to " + description);
    }

    /** Runs the last query again (the filters changed). */
    public void rerun() {
        if (lastQuery != null) {
            limit.set(pageSize);
            run(lastQuery, queryDescription.get());
        }
    }

    /** Asks the last query for more clips than before (nothing found is ever dropped without saying so). */
    public void showMore() {
        if (lastExplained != null) {
            sections.stream().filter(TierSection::canShowMore).findFirst().ifPresent(this::showMore);
            return;
        }
        if (lastQuery != null && mayHaveMore.get()) {
            limit.set(Math.min(SearchQuery.MAX_LIMIT, limit.get() + pageSize));
            run(lastQuery, queryDescription.get());
        }
    }

    private void run(SearchQuery base, String description) {
        SearchQuery q;
        try {
            q = withFilters(base);
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        if (running != null) {
            running.cancel();
        }
        lastQuery = base;
        queryDescription.set(description);
        error.set(null);
        searching.set(true);
        status.set("Searching " + description + "…");
        long gen = ++generation;
        running = tasks.execute(BackgroundTask.of("Search " + description, ctx -> {
                    ExplainedResult er = q.prompt() == null ? null : search.explainedSearch(ExplainedQuery.of(q));
                    SearchResult r = er == null ? search.search(q) : new SearchResult(q,
                            er.clips().stream().map(ExplainedClip::clip).toList(), er.answeredBy(), er.framesExamined(),
                            er.millis(), er.withheld());
                    List<Long> ids = r.clips().stream().map(Clip::videoId).distinct().toList();
                    int indexed = r.clips().isEmpty() ? search.indexedVideos() : -1;
                    return new Found(r, er, search.clockSources(ids), search.cameraClocks(ids), search.durations(ids), indexed);
                })
                .onSuccess(found -> {
                    if (generation == gen) {
                        clockSources = found.clockSources();
                        cameraClocks = found.cameraClocks();
                        durations = found.durations();
                        indexedVideos = found.indexedVideos();
                        show(found.result(), found.explained(), description);
                    }
                })
                .onFailure(e -> {
                    if (generation == gen) {
                        lastExplained = null;
                        explained = Map.of();
                        understanding.set("");
                        tierRule.set("");
                        clips.clear();
                        sections.clear();
                        error.set(SearchErrors.describe(e));
                        status.set("");
                    }
                })
                .onFinished(() -> {
                    if (generation == gen) {
                        searching.set(false);
                        running = null;
                    }
                }));
    }

    private record Found(SearchResult result, ExplainedResult explained, Map<Long, String> clockSources,
            Map<Long, CameraClock> cameraClocks, Map<Long, Double> durations, int indexedVideos) {
    }

    private void show(SearchResult r, ExplainedResult er, String description) {
        lastResult = r;
        lastExplained = er;
        Map<Clip, ExplainedClip> why = new HashMap<>();
        if (er != null) {
            er.clips().forEach(e -> why.put(e.clip(), e));
        }
        explained = why;
        understanding.set(er == null ? "" : describeUnderstanding(er));
        tierRule.set(er == null ? "" : "How the tiers are drawn: " + er.tierRule());
        bestScore.set(r.clips().stream().mapToDouble(Clip::score).max().orElse(0));
        mayHaveMore.set(er != null ? explainedMayHaveMore(er)
                : r.clips().size() >= r.query().limit() && r.query().limit() < SearchQuery.MAX_LIMIT);
        List<Clip> list = r.clips();
        double lo = list.stream().mapToDouble(Clip::score).min().orElse(0);
        double hi = list.stream().mapToDouble(Clip::score).max().orElse(1);
        if (hi - lo < 1e-4) {
            lo = hi - 0.01;
        }
        minScore.set(-1); // show everything of a new query first
        scoreFloor.set(lo);
        scoreCeiling.set(hi);
        minScore.set(lo);
        for (Clip c : list) {
            CameraClock clock = cameraClocks.get(c.videoId());
            if (clock != null && clock.cameraName() != null && !clock.cameraName().isBlank()) {
                cameras.add(clock.cameraName()); // the filters list cameras by name
            } else if (c.camera() != null && !c.camera().isBlank()) {
                cameras.add(c.camera());
            }
        }
        selected.set(null);
        closePreview();
        clips.setAll(list);
        regroup();
        status.set(String.format(Locale.ROOT, "%d clip%s found for %s · %d %s · %d ms · model %s",
                er == null ? list.size() : er.totalClips(), (er == null ? list.size() : er.totalClips()) == 1 ? "" : "s",
                description, r.framesHit(), er == null ? "frame hits" : "frames examined", r.millis(), r.modelId())
                + (r.withheld().isEmpty() ? "" : String.format(Locale.ROOT, " · %d withheld, their catalog records do not "
                + "hold together (edited outside Sightline?): %s", r.withheld().size(), r.withheld().getFirst().describe())));
    }

    /** "Not used: quokka · Cannot be answered here: 2 × person: not yet answerable … (no detections indexed)". */
    private static String describeUnderstanding(ExplainedResult er) {
        List<String> parts = new ArrayList<>();
        if (!er.ignored().isEmpty()) {
            parts.add("Words not used: " + String.join(", ", er.ignored()));
        }
        if (!er.unanswered().isEmpty()) {
            parts.add("Not answerable on this data directory: "
                    + String.join("; ", er.unanswered().stream().map(UnansweredPart::describe).toList()));
        }
        return String.join(" · ", parts);
    }

    /**
     * More may be found: a tier has clips not loaded yet, or the search looked at as many frames as it asks the index
     * for ({@link SearchService#MIN_FRAMES}, or eight per clip asked), so frames beyond those may match too.
     */
    private boolean explainedMayHaveMore(ExplainedResult er) {
        if (er.clips().size() < er.totalClips()) {
            return true;
        }
        int asked = Math.max(SearchService.MIN_FRAMES, limit.get() * 8);
        return er.framesExamined() >= asked && limit.get() < SearchQuery.MAX_LIMIT;
    }

    /** "Strong 3 · Possible 5 · More 40 · showing 48 of 48 clips found". */
    private String tierCountText() {
        ExplainedResult er = lastExplained;
        StringBuilder s = new StringBuilder();
        for (Tier t : Tier.values()) {
            if (!s.isEmpty()) {
                s.append(" · ");
            }
            s.append(title(t)).append(' ').append(er.tierCounts().getOrDefault(t, 0));
        }
        int hidden = clips.size() - shown.size();
        s.append(String.format(Locale.ROOT, " · showing %d of %d clip%s found", shown.size(), er.totalClips(),
                er.totalClips() == 1 ? "" : "s"));
        if (hidden > 0) {
            s.append(String.format(Locale.ROOT, " · %d below the minimum score", hidden));
        }
        if (clips.size() < er.totalClips()) {
            s.append(String.format(Locale.ROOT, " · %d not loaded yet (Show more)", er.totalClips() - clips.size()));
        } else if (mayHaveMore.get()) {
            s.append(" · the search stopped at the frames it looked at: more may match");
        }
        return s.toString();
    }

    static String title(Tier t) {
        return switch (t) {
            case STRONG -> "Strong";
            case POSSIBLE -> "Possible";
            case MORE -> "More";
        };
    }

    static String meaning(Tier t) {
        return switch (t) {
            case STRONG -> "stand out more than the best hits of unrelated prompts do in this footage";
            case POSSIBLE -> "stand out from this search's typical frame, less than a strong one";
            case MORE -> "the rest of what the search looked at";
        };
    }

    /** The tier sections and the per-file groups, from the clips shown. */
    private void regroup() {
        List<TierSection> out = new ArrayList<>();
        if (lastExplained != null) {
            for (Tier t : Tier.values()) {
                int loaded = (int) clips.stream().filter(c -> tierOf(c) == t).count();
                int total = Math.max(loaded, lastExplained.tierCounts().getOrDefault(t, 0));
                List<Clip> of = shown.stream().filter(c -> tierOf(c) == t).toList();
                boolean more = loaded < total || t == Tier.MORE && mayHaveMore.get()
                        && clips.size() >= lastExplained.totalClips();
                out.add(new TierSection(t.label(), title(t), meaning(t), total, loaded, of, more));
            }
        } else if (lastResult != null) {
            out.add(new TierSection("all", "Clips found", "best first", clips.size(), clips.size(), List.copyOf(shown),
                    mayHaveMore.get()));
        }
        sections.setAll(out);
        Map<Path, List<Clip>> byFile = new LinkedHashMap<>();
        for (Clip c : shown) {
            byFile.computeIfAbsent(c.video(), v -> new ArrayList<>()).add(c);
        }
        List<FileGroup> groups = new ArrayList<>();
        byFile.forEach((video, of) -> {
            List<Clip> sorted = of.stream().sorted(Comparator.comparingDouble(Clip::startSeconds)).toList();
            double end = sorted.stream().mapToDouble(Clip::endSeconds).max().orElse(0);
            double length = durations.getOrDefault(sorted.getFirst().videoId(), 0.0);
            groups.add(new FileGroup(video, sorted.getFirst().camera(), Math.max(length, end), sorted));
        });
        fileGroups.setAll(groups);
    }

    private Tier tierOf(Clip c) {
        ExplainedClip e = explained.get(c);
        return e == null ? Tier.MORE : e.tier();
    }

    private String describeEmpty() {
        if (searching.get() || error.get() != null) {
            return "";
        }
        if (queryDescription.get().isEmpty()) {
            return "Results appear here.";
        }
        if (clips.isEmpty()) {
            return indexedVideos == 0 ? "Nothing is indexed yet: add footage on the Library page (Ctrl+2), then search."
                    : lastExplained != null && lastExplained.totalClips() > 0 ? "" : "Nothing matched.";
        }
        return shown.isEmpty() ? "All clips are below the minimum score." : "";
    }

    /** Why a clip is there, in words: tier, the parts it satisfied with evidence, objects, text. */
    public ClipExplanation explanationOf(Clip c) {
        ExplainedClip e = explained.get(c);
        if (e == null) {
            return ClipExplanation.NONE;
        }
        return new ClipExplanation(e.tier().label(),
                e.why().stream().map((Reason r) -> r.part() + ": " + r.evidence()).toList(),
                e.objects().stream().map((ObjectSighting o) -> String.format(Locale.ROOT, "%s × %d", o.label(), o.count()))
                        .toList(), e.text());
    }

    /** Every loaded hit of a file, for the viewer's timeline (the open clip's file). */
    public List<HitMark> hitsOf(Path video) {
        return clips.stream().filter(c -> c.video().equals(video))
                .sorted(Comparator.comparingDouble(Clip::startSeconds))
                .map(c -> new HitMark(c.startSeconds(), c.endSeconds(), c.bestOffsetSeconds())).toList();
    }

    /** Shows a larger still of the clip's hit frame (decoded in the background; the thumbnail until then). */
    public void preview(Clip c) {
        if (c == null) {
            closePreview();
            return;
        }
        if (previewing != null) {
            previewing.cancel();
        }
        previewImage.set(null);
        previewClip.set(c);
        previewing = tasks.execute(BackgroundTask.of("Preview of " + c.video().getFileName(),
                        ctx -> search.stillAt(c.video(), c.bestOffsetSeconds(), PREVIEW_SHORT_SIDE))
                .onSuccess(frame -> {
                    if (previewClip.get() == c && frame != null) {
                        previewImage.set(toImage(frame));
                    }
                })
                .onFailure(e -> {
                    // the thumbnail stays: a preview is a convenience, the viewer says why a file does not play
                }));
    }

    /** Closes the preview. */
    public void closePreview() {
        if (previewing != null) {
            previewing.cancel();
            previewing = null;
        }
        previewClip.set(null);
        previewImage.set(null);
    }

    /** Short side of the preview still, in pixels. */
    static final int PREVIEW_SHORT_SIDE = 360;

    private static Image toImage(RgbFrame f) {
        WritableImage img = new WritableImage(f.width(), f.height());
        img.getPixelWriter().setPixels(0, 0, f.width(), f.height(), PixelFormat.getByteRgbInstance(), f.rgb(), 0,
                f.width() * 3);
        return img;
    }

    SearchQuery withFilters(SearchQuery q) {
        SearchQuery out = q.withLimit(limit.get()).withCameras(Set.copyOf(selectedCameras));
        ZoneId zone = ZoneId.systemDefault();
        Instant from = DateBound.parse(fromDate.get()).map(d -> d.startIn(zone)).orElse(null);
        Instant to = DateBound.parse(toDate.get()).map(d -> d.endIn(zone)).orElse(null);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("The date range ends before it starts.");
        }
        out = out.withTimeRange(from, to);
        LocalTime a = parseTime(dayFrom.get(), "from");
        LocalTime b = parseTime(dayTo.get(), "to");
        if ((a == null) != (b == null)) {
            throw new IllegalArgumentException("Give both ends of the time-of-day window (HH:mm), or neither.");
        }
        return out.withTimeOfDay(a, b);
    }

    private static LocalTime parseTime(String s, String which) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Time of day '" + which + "' must look like 07:30, not '" + s.strip() + "'.");
        }
    }

    private Comparator<Clip> byTier() {
        return Comparator.comparingInt(c -> tierOf(c).ordinal());
    }

    private static Comparator<Clip> byRelevance() {
        return Comparator.comparingDouble(Clip::score).reversed();
    }

    private static Comparator<Clip> byTime() {
        return Comparator.<Clip, Instant>comparing(c -> c.wallClockStart().orElse(null),
                        Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(c -> c.video().toString())
                .thenComparingDouble(Clip::startSeconds);
    }

    /** The best score among all clips of the last search: "% of best" is a clip's score over this. */
    public ReadOnlyDoubleProperty bestScoreProperty() {
        return bestScore.getReadOnlyProperty();
    }

    /** A clip's score as a share of the best score of its search (0..1; 0 when the best is not positive). */
    public double shareOfBest(Clip c) {
        double best = bestScore.get();
        return best > 0 ? Math.clamp(c.score() / best, 0.0, 1.0) : 0;
    }

    /** True when the search returned as many clips as asked: more may match ({@link #showMore()}). */
    public ReadOnlyBooleanProperty mayHaveMoreProperty() {
        return mayHaveMore.getReadOnlyProperty();
    }

    /** How many clips the next search asks for. */
    public ReadOnlyIntegerProperty limitProperty() {
        return limit.getReadOnlyProperty();
    }

    /** "Showing 7 of 8 clips found · 1 below the minimum score · …": what is shown of what was found. */
    public StringBinding countText() {
        return countText;
    }

    /** The clip's camera name, clock zone and time source, or null when not known. */
    public CameraClock cameraClock(Clip c) {
        return cameraClocks.get(c.videoId());
    }

    /** Where the clip's wall-clock time comes from ("metadata", "filename"), or null when it is unknown. */
    public String clockSource(Clip c) {
        return clockSources.get(c.videoId());
    }

    /** The result the grid shows, or null before the first search. */
    public SearchResult lastResult() {
        return lastResult;
    }

    // ---- properties ----

    public StringProperty promptProperty() {
        return prompt;
    }

    public ObjectProperty<SortOrder> sortProperty() {
        return sort;
    }

    public DoubleProperty minScoreProperty() {
        return minScore;
    }

    /** Lowest score among the current query's clips. */
    public ReadOnlyDoubleProperty scoreFloorProperty() {
        return scoreFloor.getReadOnlyProperty();
    }

    /** Highest score among the current query's clips. */
    public ReadOnlyDoubleProperty scoreCeilingProperty() {
        return scoreCeiling.getReadOnlyProperty();
    }

    /** Cameras known so far (from the catalog and from results). */
    public ObservableSet<String> cameras() {
        return cameras;
    }

    /** Cameras to search; empty means all. */
    public ObservableSet<String> selectedCameras() {
        return selectedCameras;
    }

    /**
     * Start of the date range as typed: an ISO date ({@code 2018-01-01}, from the day's start) or date and time
     * ({@code 2018-01-01T22:00}), in this computer's time zone; blank for none. Kept as typed, never rewritten.
     */
    public StringProperty fromDateProperty() {
        return fromDate;
    }

    /** End of the date range as typed: a date (up to the end of that day) or a date and time; blank for none. */
    public StringProperty toDateProperty() {
        return toDate;
    }

    /** Why the typed start date cannot be read ("'01/02/2018' is not a date: …"), else empty. */
    public ReadOnlyStringProperty fromDateProblemProperty() {
        return fromDateProblem.getReadOnlyProperty();
    }

    /** Why the typed end date cannot be read, else empty. */
    public ReadOnlyStringProperty toDateProblemProperty() {
        return toDateProblem.getReadOnlyProperty();
    }

    /** Time-of-day window start, HH:mm (UTC wall clock), blank for none. */
    public StringProperty dayFromProperty() {
        return dayFrom;
    }

    public StringProperty dayToProperty() {
        return dayTo;
    }

    /** False when no model pack is active: the page shows guidance instead of the prompt. */
    public BooleanProperty modelReadyProperty() {
        return modelReady;
    }

    /** True once the installed packs have been read (until then neither results nor guidance show). */
    public BooleanProperty modelStateKnownProperty() {
        return modelStateKnown;
    }

    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** What went wrong with the last search, in words for the user; null when nothing did. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty queryDescriptionProperty() {
        return queryDescription.getReadOnlyProperty();
    }

    /** The clips to show: filtered by the minimum score, in the chosen order. */
    public ObservableList<Clip> shownClips() {
        return shown;
    }

    /** All clips of the last search. */
    public ObservableList<Clip> allClips() {
        return clips;
    }

    public ObjectProperty<Clip> selectedProperty() {
        return selected;
    }

    /** Told when the user opens a clip. */
    public ObjectProperty<Consumer<Clip>> onOpenClipProperty() {
        return onOpenClip;
    }

    /** Told when the user adds a clip to a case; null until the case service is wired. */
    public ObjectProperty<Consumer<Clip>> onAddToCaseProperty() {
        return onAddToCase;
    }

    /** The result in tiers (strong, possible, more), each with its count; one section for a search without tiers. */
    public ObservableList<TierSection> sections() {
        return sections;
    }

    /** The shown clips by file, each file with its length, for the "group by file" view. */
    public ObservableList<FileGroup> fileGroups() {
        return fileGroups;
    }

    /** True to show the results grouped by file, each with a timeline strip of its hits. */
    public BooleanProperty groupByFileProperty() {
        return groupByFile;
    }

    /** Prompt words not used and parts this data directory cannot answer (with the reason); empty when none. */
    public ReadOnlyStringProperty understandingProperty() {
        return understanding.getReadOnlyProperty();
    }

    /** How the tiers of the last search were drawn, in words; empty without tiers. */
    public ReadOnlyStringProperty tierRuleProperty() {
        return tierRule.getReadOnlyProperty();
    }

    /** What the results area says when it shows no clip ("Nothing matched.", "Nothing is indexed yet: …"). */
    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    /** The clip whose preview is open; null when none. */
    public ReadOnlyObjectProperty<Clip> previewClipProperty() {
        return previewClip.getReadOnlyProperty();
    }

    /** The preview's still of the hit frame once decoded; null until then (the thumbnail shows meanwhile). */
    public ReadOnlyObjectProperty<Image> previewImageProperty() {
        return previewImage.getReadOnlyProperty();
    }
}
