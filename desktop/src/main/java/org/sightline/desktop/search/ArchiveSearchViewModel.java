package org.sightline.desktop.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sightline.desktop.task.BackgroundTask;
import org.sightline.desktop.task.StartedTask;
import org.sightline.desktop.task.TaskExecutor;
import org.sightline.desktop.viewer.ClipToView;
import org.sightline.desktop.viewer.SearchOrigin;
import org.sightline.indexer.search.ArchiveSearchResult;
import org.sightline.indexer.search.SearchQuery;
import org.sightline.indexer.search.Tier;

/**
 * The "Whole team archive" side of the search page: offered only when the data directory's store is a shared team
 * archive (SolrCloud); when chosen, a prompt searches every workstation's footage and the page shows clip cards in
 * tier sections like local results (each with the still kept in the archive, its tier, the workstation, camera, time
 * span, why it matched and where it opens), with the count of every tier and "Show more" until all are loaded. A clip
 * this workstation can reach (its file indexed here, or in a shared archive folder) opens in the viewer at its best
 * frame with its span marked; one it cannot is said so in plain words and offers no open.
 */
public final class ArchiveSearchViewModel {
    private final TaskExecutor tasks;
    private final ArchiveSearch archive;

    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(this, "available", false);
    private final BooleanProperty wholeArchive = new SimpleBooleanProperty(this, "wholeArchive", false);
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(this, "searching", false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", null);
    private final ObservableList<ArchiveRow> rows = FXCollections.observableArrayList();
    private final ObservableList<ArchiveRow> rowsShown = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<ArchiveTierSection> sections = FXCollections.observableArrayList();
    private final ObservableList<ArchiveTierSection> sectionsShown = FXCollections.unmodifiableObservableList(sections);
    private final ObjectProperty<Consumer<ClipToView>> onOpen = new SimpleObjectProperty<>(this, "onOpen");
    private ArchiveSearchResult lastResult;
    private SearchQuery lastQuery;
    private String lastDescription;
    private StartedTask running;
    private long generation;

    public ArchiveSearchViewModel(TaskExecutor tasks, ArchiveSearch archive) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.archive = Objects.requireNonNull(archive, "archive");
        available.addListener((o, was, is) -> {
            if (!is) {
                wholeArchive.set(false);
            }
        });
        wholeArchive.addListener((o, was, is) -> {
            if (is && !available.get()) {
                wholeArchive.set(false); // no archive to search: the toggle is not even shown
            }
        });
    }

    /** Asks (in the background) whether the data directory's store is a team archive, and offers the toggle if so. */
    public void checkAvailability() {
        tasks.execute(BackgroundTask.of("Look for a team archive", ctx -> archive.available())
                .onSuccess(available::set)
                .onFailure(e -> available.set(false)));
    }

    /**
     * Searches every workstation's footage for the page's prompt, with the page's filters (cameras, dates, time of
     * day) and as many results as a page asks for; a blank prompt does nothing, a filter it cannot read is said.
     */
    public void search(SearchViewModel page) {
        String p = page.promptProperty().get() == null ? "" : page.promptProperty().get().strip();
        if (p.isEmpty()) {
            return;
        }
        SearchQuery q;
        try {
            q = page.withFilters(SearchQuery.prompt(p)).withLimit(SearchViewModel.RESULT_LIMIT);
        } catch (IllegalArgumentException e) { // a time of day it cannot read, a prompt longer than any model reads
            error.set(e.getMessage());
            return;
        }
        search(q, "“" + p + "”");
    }

    /**
     * Searches every workstation's footage with the query (its prompt and the page's filters); a blank or null query
     * does nothing.
     */
    public void search(SearchQuery query, String description) {
        if (query == null || !available.get()) {
            return;
        }
        if (running != null) {
            running.cancel();
        }
        long gen = ++generation;
        error.set(null);
        searching.set(true);
        status.set("Searching the whole team archive for " + description + "…");
        running = tasks.execute(BackgroundTask.of("Search the team archive for " + description, ctx -> archive.search(query))
                .onSuccess(r -> {
                    if (generation == gen) {
                        lastResult = r;
                        lastQuery = query;
                        lastDescription = description;
                        rows.setAll(r.clips().stream().map(ArchiveRow::new).toList());
                        List<ArchiveTierSection> out = new ArrayList<>();
                        for (Tier t : Tier.values()) {
                            out.add(new ArchiveTierSection(t.label(), SearchViewModel.title(t), SearchViewModel.meaning(t),
                                    r.tierCounts().getOrDefault(t, 0), rows.stream().filter(row -> row.clip().tier() == t).toList()));
                        }
                        sections.setAll(out);
                        status.set(statusOf(r, description));
                    }
                })
                .onFailure(e -> {
                    if (generation == gen) {
                        lastResult = null;
                        rows.clear();
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

    /** "12 clips of the team archive for “red”: strong 2, possible 3, more 7 · 4 open here · …", and what was not understood. */
    private static String statusOf(ArchiveSearchResult r, String description) {
        long reachable = r.clips().stream().filter(c -> c.file().openableHere()).count();
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%d clip%s of the team archive for %s: strong %d, possible %d,"
                        + " more %d · %d of %d loaded open%s here · %d frame hits · %d ms · model %s", r.totalClips(),
                r.totalClips() == 1 ? "" : "s", description, r.tierCounts().getOrDefault(Tier.STRONG, 0),
                r.tierCounts().getOrDefault(Tier.POSSIBLE, 0), r.tierCounts().getOrDefault(Tier.MORE, 0), reachable,
                r.clips().size(), reachable == 1 ? "s" : "", r.framesHit(), r.millis(), r.modelId()));
        if (!r.ignored().isEmpty()) {
            s.append(" · words not used: ").append(String.join(", ", r.ignored()));
        }
        r.unanswered().forEach(u -> s.append(" · ").append(u.describe()));
        return s.toString();
    }

    /** Loads more of one tier: the same query asked again for a page more of clips (tiers come from the whole result). */
    public void showMore(ArchiveTierSection section) {
        if (lastQuery == null || !section.canShowMore()) {
            return;
        }
        search(lastQuery.withLimit(lastQuery.limit() + SearchViewModel.RESULT_LIMIT), lastDescription);
    }

    /**
     * Opens the clip in the viewer at its best frame, its span marked, when this workstation can reach its file; otherwise says, in plain
     * words, why not (and opens nothing).
     */
    public void open(ArchiveRow row) {
        Optional<java.nio.file.Path> local = row.file().localFile();
        if (!row.openableHere() || local.isEmpty()) {
            error.set("Cannot open here: " + row.whereToOpen());
            return;
        }
        error.set(null);
        var c = row.clip();
        var f = row.file();
        SearchOrigin origin = lastResult == null ? null
                : new SearchOrigin(lastResult.query().prompt(), false, c.score(), lastResult.modelId());
        // a file found in a shared folder is checked against its recorded SHA-256 by the viewer, not taken on trust
        String sha = f.copy() == ArchiveSearchResult.LocalCopy.INDEXED_HERE ? f.sha256() : null;
        Optional<java.time.Instant> atZero = c.wallClockStart().map(t -> t.minusMillis(Math.round(c.startSeconds() * 1000)));
        ClipToView clip = new ClipToView(local.get(), sha, c.startSeconds(), c.endSeconds(), c.bestOffsetSeconds(), atZero,
                f.camera(), origin);
        if (onOpen.get() != null) {
            onOpen.get().accept(clip);
        }
    }

    /** Whether the data directory's store is a team archive (the toggle is shown only then). */
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    /** The "Whole team archive" toggle: prompts search every workstation's footage. */
    public BooleanProperty wholeArchiveProperty() {
        return wholeArchive;
    }

    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** A failed search, or why a file cannot be opened here; null when all is well. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The clips loaded, strong first, then possible, then more; best first within each. */
    public ObservableList<ArchiveRow> rows() {
        return rowsShown;
    }

    /** The tier sections of the last search (every tier, with its count over the whole result). */
    public ObservableList<ArchiveTierSection> sections() {
        return sectionsShown;
    }

    /** Receives a reachable file to show in the viewer. */
    public ObjectProperty<Consumer<ClipToView>> onOpenProperty() {
        return onOpen;
    }
}
