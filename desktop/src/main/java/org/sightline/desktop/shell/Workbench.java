package org.sightline.desktop.shell;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import org.sightline.desktop.cases.AddToCaseBar;
import org.sightline.desktop.cases.CaseFiles;
import org.sightline.desktop.cases.CasesView;
import org.sightline.desktop.cases.CasesViewModel;
import org.sightline.desktop.library.LibraryView;
import org.sightline.desktop.library.LibraryViewModel;
import org.sightline.desktop.models.ModelPacks.PackRow;
import org.sightline.desktop.models.ModelsView;
import org.sightline.desktop.models.ModelsViewModel;
import org.sightline.desktop.models.NoModelGuidanceView;
import org.sightline.desktop.search.ArchiveSearchViewModel;
import org.sightline.desktop.search.ClipCard;
import org.sightline.desktop.search.SearchView;
import org.sightline.desktop.search.SearchViewModel;
import org.sightline.desktop.services.DesktopServices;
import org.sightline.desktop.task.BackgroundTask;
import org.sightline.desktop.task.StartedTask;
import org.sightline.desktop.task.TaskExecutor;
import org.sightline.desktop.viewer.ClipToView;
import org.sightline.desktop.viewer.SearchOrigin;
import org.sightline.desktop.viewer.Timecodes;
import org.sightline.desktop.viewer.ViewerView;
import org.sightline.desktop.viewer.ViewerViewModel;
import org.sightline.indexer.app.DataDirectory;
import org.sightline.indexer.search.Clip;

/**
 * Puts the desktop together for one open data directory: builds the view-models over its services and the views,
 * and connects them (a clip opens in the viewer, "find similar" searches, model and index changes refresh the
 * status bar). {@link org.sightline.desktop.SightlineApp} opens the services in the background and then shows a
 * workbench in its window; tests show one in a test stage.
 */
public final class Workbench implements AutoCloseable {
    private final DataDirectory dataDirectory;
    private final DesktopServices services;
    private final TaskExecutor tasks;
    private final MainViewModel main = new MainViewModel();
    private final ModelsViewModel models;
    private final SearchViewModel search;
    private final ArchiveSearchViewModel archive;
    private final LibraryViewModel library;
    private final ViewerViewModel viewer;
    private final CasesViewModel cases;
    private final MainView view;
    private final ChangeWatch changes;
    private boolean closed;

    /**
     * Builds the pages over open services and starts reading what they show (packs, catalog, cases, figures) in
     * the background. The workbench closes the services when it closes.
     */
    public Workbench(DataDirectory dataDirectory, DesktopServices services, TaskExecutor tasks) {
        this.dataDirectory = Objects.requireNonNull(dataDirectory, "dataDirectory");
        this.services = Objects.requireNonNull(services, "services");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.models = new ModelsViewModel(tasks, services.models());
        this.search = new SearchViewModel(tasks, services.search());
        this.archive = new ArchiveSearchViewModel(tasks, services.archive());
        this.library = new LibraryViewModel(tasks, services.library());
        this.viewer = new ViewerViewModel(tasks);
        CaseFiles caseFiles = services.cases();
        this.cases = caseFiles == null ? CasesViewModel.unavailable(tasks) : new CasesViewModel(tasks, caseFiles);
        connect(caseFiles != null);

        Map<Page, Supplier<Node>> pages = new EnumMap<>(Page.class);
        pages.put(Page.SEARCH, () -> new SearchView(search, new ViewerView(viewer), new NoModelGuidanceView(models),
                new AddToCaseBar(cases), archive));
        pages.put(Page.LIBRARY, () -> scrollableWhenShort(new LibraryView(library)));
        pages.put(Page.CASES, () -> new CasesView(cases));
        pages.put(Page.MODELS, () -> new ModelsView(models));
        this.view = new MainView(main, pages);
        Shortcuts.install(view, new Shortcuts.Actions() {
            @Override
            public void focusPrompt() {
                main.show(Page.SEARCH);
                if (view.page(Page.SEARCH) instanceof SearchView s) {
                    s.focusPrompt();
                }
            }

            @Override
            public void addToCase(Node focusOwner) {
                addWithKeyboard(focusOwner, caseFiles != null);
            }

            @Override
            public void show(Page page) {
                main.show(page);
            }

            @Override
            public void toggleHelp() {
                view.toggleShortcuts();
            }
        });
        main.statusBar().showDataDirectory(dataDirectory.root().toString());

        models.refresh();
        library.refresh();
        cases.refresh();
        refreshFacts();
        refreshNotices();
        this.changes = new ChangeWatch(services, java.time.Duration.ofMillis(1500), this::showChangesByOthers);
        changes.start();
    }

    /**
     * Another process (the command line) changed the data directory: an index run, a case edit. The pages read
     * their data again; the next search sees the new index commits (the services refreshed it).
     */
    private void showChangesByOthers() {
        if (closed) {
            return;
        }
        library.refresh();
        cases.refresh();
        refreshFacts();
        refreshNotices();
    }

    /** Reads what is wrong in the data directory (in the background) and shows it above the page. */
    public void refreshNotices() {
        if (closed) {
            return;
        }
        tasks.execute(BackgroundTask.of("Checking the index and the cases", ctx -> services.notices())
                .onSuccess(list -> main.notices().setAll(list.stream().map(this::notice).toList()))
                .onFailure(e -> main.notices().setAll(new WorkspaceNotice("check-failed",
                        "Cannot check the index and the cases: " + e.getMessage(), null, null))));
    }

    private WorkspaceNotice notice(DesktopServices.Notice n) {
        return switch (n.kind()) {
            case VECTORS_MISSING -> new WorkspaceNotice("vectors-missing", n.text(), "Rebuild index", () -> rebuildIndex(n.videos()));
            case CASE_DISAGREES -> new WorkspaceNotice("case-disagrees-" + n.caseId(), n.text(), "Show case", () -> showCase(n.caseId()));
            case EXPORT_ABANDONED -> new WorkspaceNotice("export-abandoned-" + Integer.toHexString(n.text().hashCode()), n.text(), null, null);
        };
    }

    /** Embeds the videos again (on the Library page, with its progress and cancel); the notice goes when they are done. */
    private void rebuildIndex(java.util.List<java.nio.file.Path> videos) {
        main.show(Page.LIBRARY);
        library.reindex(videos);
    }

    /**
     * After a damaged index was set aside: embeds every video the new index lacks (what "Rebuild index" on the
     * opening page asked for).
     */
    public void rebuildMissingVectors() {
        tasks.execute(BackgroundTask.of("Checking the index and the cases", ctx -> services.notices())
                .onSuccess(list -> list.stream().filter(n -> n.kind() == DesktopServices.NoticeKind.VECTORS_MISSING)
                        .findFirst().ifPresent(n -> rebuildIndex(n.videos()))));
    }

    private void showCase(long caseId) {
        main.show(Page.CASES);
        cases.cases().stream().filter(c -> c.id() == caseId).findFirst().ifPresent(cases.currentProperty()::set);
    }

    /** Looks for changes made by another process now rather than at the next tick (tests, after a known change). */
    public void checkForChangesByOthers() {
        changes.checkSoon();
    }

    private void connect(boolean withCases) {
        search.modelReadyProperty().bind(models.activeProperty().isNotNull());
        search.modelStateKnownProperty().bind(models.loadedProperty());
        search.onOpenClipProperty().set(clip -> viewer.open(ClipToView.of(clip, originOf(clip)).withClock(search.cameraClock(clip))));
        archive.onOpenProperty().set(viewer::open);
        archive.checkAvailability();
        viewer.hitsOfFileProperty().set(search::hitsOf);
        viewer.onFindSimilarProperty().set(frame -> {
            String where = viewer.currentClip()
                    .map(c -> c.video().getFileName() + " at " + Timecodes.offset(viewer.player().positionProperty().get()))
                    .orElse("the frame");
            search.searchSimilar(frame, where);
            main.show(Page.SEARCH);
        });
        models.activeProperty().addListener((o, a, b) -> {
            main.statusBar().showActiveModel(b == null ? null : b.name() + " " + b.version());
            refreshFacts();
        });
        library.onIndexChangedProperty().set(() -> {
            refreshFacts();
            refreshNotices();
        });
        library.cameras().addListener((javafx.collections.SetChangeListener<String>) c -> {
            if (c.wasAdded()) {
                search.cameras().add(c.getElementAdded());
            }
            if (c.wasRemoved()) { // a camera renamed on the Library page
                search.cameras().remove(c.getElementRemoved());
                search.selectedCameras().remove(c.getElementRemoved());
            }
        });
        if (withCases) {
            search.onAddToCaseProperty().set(this::addToCase);
            viewer.onAddToCaseProperty().set(this::addToCase);
        }
        // every clip the user opens goes into the audit trail (off the FX thread)
        viewer.clipProperty().addListener((o, before, clip) -> {
            if (clip != null && !closed) {
                tasks.execute(BackgroundTask.of("Recording the view in the audit trail", ctx -> {
                    services.recordView(clip);
                    return null;
                }));
            }
        });
    }

    /** The search that found a clip of the current results (null when there is none). */
    private SearchOrigin originOf(Clip clip) {
        var result = search.lastResult();
        if (result == null) {
            return null;
        }
        boolean byExample = result.query().example() != null;
        String query = byExample ? search.queryDescriptionProperty().get() : result.query().prompt();
        return new SearchOrigin(query, byExample, clip.score(), result.modelId());
    }

    private void addToCase(Clip clip) {
        SearchOrigin origin = originOf(clip);
        addToCase(new CaseFiles.Moment(clip.video(), clip.sha256(), clip.camera(), clip.startSeconds(), clip.endSeconds(),
                clip.bestOffsetSeconds(), clip.thumbnail(), origin == null ? null : origin.query(),
                origin != null && origin.byExample(), origin == null ? null : origin.score(),
                origin == null ? null : origin.modelId()));
    }

    /**
     * From the viewer: the frame on screen becomes the hit (the span widened to hold it when the user stepped
     * outside it), and the search that found the clip is kept.
     */
    private void addToCase(ViewerViewModel.ViewerMoment m) {
        ClipToView c = m.clip();
        String sha = m.sha256() != null && m.sha256().matches("[0-9a-f]{64}") ? m.sha256() : null;
        double start = c.hasHit() ? Math.min(c.hitStartSeconds(), m.seconds()) : m.seconds();
        double end = c.hasHit() ? Math.max(c.hitEndSeconds(), m.seconds()) : m.seconds();
        SearchOrigin o = c.origin();
        addToCase(new CaseFiles.Moment(c.video(), sha, c.camera(), start, end, m.seconds(), null,
                o == null ? null : o.query(), o != null && o.byExample(), o == null ? null : o.score(),
                o == null ? null : o.modelId()));
    }

    /** Ctrl+D: the selected result card, or else the clip open in the viewer (the frame on screen). */
    private void addWithKeyboard(Node focusOwner, boolean withCases) {
        if (!withCases) {
            return;
        }
        for (Node n = focusOwner; n != null; n = n.getParent()) {
            if (n instanceof ClipCard card) {
                addToCase(card.clip());
                return;
            }
        }
        if (viewer.currentClip().isPresent()) {
            viewer.addToCase();
        }
    }

    /** Adds to the current case; the answer shows in place on the search page (no page switch, no lost clip). */
    private void addToCase(CaseFiles.Moment m) {
        cases.add(m);
    }

    /** Reloads the status bar's figures in the background. */
    public void refreshFacts() {
        if (closed) {
            return;
        }
        tasks.execute(BackgroundTask.of("Reading index figures", ctx -> services.facts())
                .onSuccess(f -> {
                    if (f.teamArchive().isPresent()) {
                        main.statusBar().showTeamArchive(f.videos(), f.segments(), f.footageHours() * 3600, f.teamArchive().get());
                    } else {
                        main.statusBar().showIndex(f.videos(), f.segments(), f.footageHours() * 3600, f.indexBytes());
                    }
                    if (models.activeProperty().get() == null) {
                        main.statusBar().showActiveModel(f.activeModel().orElse(null));
                    }
                })
                .onFailure(e -> main.statusBar().showIndexUnavailable(e.getMessage())));
    }

    /**
     * Searches the whole team archive for {@code prompt} as soon as a model is active and the data directory's store
     * is known to be a team archive (never, with the embedded index).
     */
    public void searchArchiveAtStartup(String prompt) {
        Runnable run = () -> {
            search.promptProperty().set(prompt);
            archive.wholeArchiveProperty().set(true);
            archive.search(search);
        };
        archiveReady = models.activeProperty().isNotNull().and(archive.availableProperty());
        if (archiveReady.get()) {
            run.run();
        } else {
            archiveReady.addListener(new ChangeListener<Boolean>() {
                @Override
                public void changed(ObservableValue<? extends Boolean> o, Boolean a, Boolean b) {
                    if (b) {
                        o.removeListener(this);
                        run.run();
                    }
                }
            });
        }
    }

    /** Held while a start-up archive search waits (a binding only its listener refers to may be collected). */
    private javafx.beans.binding.BooleanBinding archiveReady;

    /**
     * Fills the prompt and runs it once a model is active, optionally opening the first clip (a start-up option
     * for demos and screenshots).
     */
    public void searchAtStartup(String prompt, boolean openFirstClip) {
        searchAtStartup(prompt, openFirstClip, null);
    }

    /**
     * As {@link #searchAtStartup(String, boolean)}; with {@code preferredFile}, opens the best clip whose file path
     * contains that text (the first clip when none does).
     */
    public void searchAtStartup(String prompt, boolean openFirstClip, String preferredFile) {
        Runnable run = () -> {
            search.promptProperty().set(prompt);
            if (openFirstClip) {
                search.allClips().addListener(new ListChangeListener<Clip>() {
                    @Override
                    public void onChanged(Change<? extends Clip> c) {
                        search.allClips().removeListener(this);
                        search.shownClips().stream()
                                .filter(clip -> preferredFile == null || clip.video().toString().contains(preferredFile))
                                .findFirst()
                                .or(() -> search.shownClips().stream().findFirst())
                                .ifPresent(search.selectedProperty()::set);
                    }
                });
            }
            search.search();
        };
        if (models.activeProperty().get() != null) {
            run.run();
        } else {
            models.activeProperty().addListener(new ChangeListener<PackRow>() {
                @Override
                public void changed(ObservableValue<? extends PackRow> o, PackRow a, PackRow b) {
                    if (b != null) {
                        models.activeProperty().removeListener(this);
                        run.run();
                    }
                }
            });
        }
    }

    public Parent view() {
        return view;
    }

    public MainViewModel mainViewModel() {
        return main;
    }

    /**
     * The page fills the window; when the window is shorter than the page needs (a low window, the progress panel
     * shown), it scrolls instead of pushing the status bar off the bottom.
     */
    private static javafx.scene.control.ScrollPane scrollableWhenShort(javafx.scene.layout.Region page) {
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.setMinHeight(0);
        // fill the height while the page fits; below its minimum height, keep that height and scroll
        scroll.viewportBoundsProperty().addListener((o, a, b) ->
                scroll.setFitToHeight(b.getHeight() >= page.minHeight(b.getWidth())));
        scroll.getStyleClass().add("page-scroll");
        return scroll;
    }

    public SearchViewModel searchViewModel() {
        return search;
    }

    public ModelsViewModel modelsViewModel() {
        return models;
    }

    public LibraryViewModel libraryViewModel() {
        return library;
    }

    public CasesViewModel casesViewModel() {
        return cases;
    }

    public ViewerViewModel viewerViewModel() {
        return viewer;
    }

    public DataDirectory dataDirectory() {
        return dataDirectory;
    }

    public DesktopServices services() {
        return services;
    }

    /** Asks running work to stop (the index job stops at its next check; what it finished is kept). */
    public void stopWork() {
        library.cancel();
        viewer.player().pause();
    }

    /** Closes the services on a background thread (switching data directories without freezing the window). */
    public void closeInBackground() {
        if (closed) {
            return;
        }
        stopWork();
        closed = true;
        changes.close();
        viewer.close();
        Optional<StartedTask> job = library.runningJob();
        tasks.execute(BackgroundTask.of("Closing " + dataDirectory.root(), ctx -> {
            if (job.isPresent()) {
                job.get().awaitEnd(); // the cancelled index job ends at its next check
            }
            services.close();
            return null;
        }));
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        changes.close();
        viewer.close();
        services.close();
    }
}
