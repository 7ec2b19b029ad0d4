package org.sightline.desktop.search;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
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
import java.util.Objects;
import org.sightline.desktop.task.BackgroundTask;
import org.sightline.desktop.task.StartedTask;
import org.sightline.desktop.task.TaskExecutor;
import org.sightline.desktop.viewer.CameraClock;
import org.sightline.indexer.search.Clip;
import org.sightline.indexer.search.SearchQuery;
import org.sightline.indexer.search.SearchQuery.SortOrder;
import org.sightline.indexer.search.SearchResult;
import org.sightline.models.runtime.RgbFrame;

/**
 * The search page's state: the prompt, the filters, the clips of the last search and which one is open.
 * Searches run in the background; the minimum-score slider and the sort order work on the clips at hand,
 * and the slider's range follows the spread of the current query's scores (CLIP scores are not comparable
 * across prompts).
 */
public final class SearchViewModel {
    /** Clips asked for per search. */
    public static final int RESULT_LIMIT = 60;

    private final TaskExecutor tasks;
    private final ClipSearch search;

    private final StringProperty prompt = new SimpleStringProperty(this, "prompt", "");
    private final ObjectProperty<SortOrder> sort = new SimpleObjectProperty<>(this, "sort", SortOrder.RELEVANCE);
    private final DoubleProperty minScore = new SimpleDoubleProperty(this, "minScore", -1);
    private final ReadOnlyDoubleWrapper scoreFloor = new ReadOnlyDoubleWrapper(this, "scoreFloor", 0);
    private final ReadOnlyDoubleWrapper scoreCeiling = new ReadOnlyDoubleWrapper(this, "scoreCeiling", 1);
    private final ObservableSet<String> cameras = FXCollections.observableSet(new TreeSet<>());
    private final ObservableSet<String> selectedCameras = FXCollections.observableSet(new TreeSet<>());
    private final ObjectProperty<LocalDate> fromDate = new SimpleObjectProperty<>(this, "fromDate");
    private final ObjectProperty<LocalDate> toDate = new SimpleObjectProperty<>(this, "toDate");
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
    private Map<Long, String> clockSources = Map.of();
    private Map<Long, CameraClock> cameraClocks = Map.of();
    private SearchQuery lastQuery;
    private SearchResult lastResult;
    private StartedTask running;
    private long generation;

    public SearchViewModel(TaskExecutor tasks, ClipSearch search) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.search = Objects.requireNonNull(search, "search");
        filtered.predicateProperty().bind(Bindings.createObjectBinding(
                () -> (Predicate<Clip>) c -> c.score() >= minScore.get() - 1e-6, minScore));
        shown.comparatorProperty().bind(Bindings.createObjectBinding(
                () -> sort.get() == SortOrder.TIME ? byTime() : byRelevance(), sort));
        countText = Bindings.createStringBinding(() -> {
            if (lastResult == null && clips.isEmpty()) {
                return "";
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
        limit.set(RESULT_LIMIT);
        run(query, "“" + p + "”");
    }

    /** Looks for moments that look like a picture (from the viewer). */
    public void searchSimilar(RgbFrame frame, String description) {
        prompt.set("");
        limit.set(RESULT_LIMIT);
        run(SearchQuery.example(new SearchQuery.Example.OfFrame(frame, description)), "similar to " + description);
    }

    /** Runs the last query again (the filters changed). */
    public void rerun() {
        if (lastQuery != null) {
            limit.set(RESULT_LIMIT);
            run(lastQuery, queryDescription.get());
        }
    }

    /** Asks the last query for more clips than before (nothing found is ever dropped without saying so). */
    public void showMore() {
        if (lastQuery != null && mayHaveMore.get()) {
            limit.set(Math.min(SearchQuery.MAX_LIMIT, limit.get() + RESULT_LIMIT));
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
                    SearchResult r = search.search(q);
                    List<Long> ids = r.clips().stream().map(Clip::videoId).distinct().toList();
                    return new Found(r, search.clockSources(ids), search.cameraClocks(ids));
                })
                .onSuccess(found -> {
                    if (generation == gen) {
                        clockSources = found.clockSources();
                        cameraClocks = found.cameraClocks();
                        show(found.result(), description);
                    }
                })
                .onFailure(e -> {
                    if (generation == gen) {
                        clips.clear();
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

    private record Found(SearchResult result, Map<Long, String> clockSources, Map<Long, CameraClock> cameraClocks) {
    }

    private void show(SearchResult r, String description) {
        lastResult = r;
        bestScore.set(r.clips().stream().mapToDouble(Clip::score).max().orElse(0));
        mayHaveMore.set(r.clips().size() >= r.query().limit() && r.query().limit() < SearchQuery.MAX_LIMIT);
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
        clips.setAll(list);
        status.set(String.format(Locale.ROOT, "%d clip%s found for %s · %d frame hits · %d ms · model %s",
                list.size(), list.size() == 1 ? "" : "s", description, r.framesHit(), r.millis(), r.modelId())
                + (r.withheld().isEmpty() ? "" : String.format(Locale.ROOT, " · %d withheld, their catalog records do not "
                + "hold together (edited outside Sightline?): %s", r.withheld().size(), r.withheld().getFirst().describe())));
    }

    SearchQuery withFilters(SearchQuery q) {
        SearchQuery out = q.withLimit(limit.get()).withCameras(Set.copyOf(selectedCameras));
        ZoneId zone = ZoneId.systemDefault();
        Instant from = fromDate.get() == null ? null : fromDate.get().atStartOfDay(zone).toInstant();
        Instant to = toDate.get() == null ? null : toDate.get().plusDays(1).atStartOfDay(zone).toInstant();
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

    public ObjectProperty<LocalDate> fromDateProperty() {
        return fromDate;
    }

    public ObjectProperty<LocalDate> toDateProperty() {
        return toDate;
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
}
