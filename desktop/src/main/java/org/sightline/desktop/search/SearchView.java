package org.sightline.desktop.search;

import java.nio.file.Files;
import java.util.ArrayList;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.sightline.desktop.icons.Icon;
import org.sightline.indexer.search.Clip;
import org.sightline.indexer.search.SearchQuery.SortOrder;

/**
 * The search page: a prominent prompt field, filters, the clip cards in tier sections ("Strong · 3", each with "Show
 * more") or grouped by file with a timeline strip of each file's hits, and the viewer beside them. A banner names
 * ignored prompt words and the parts this data directory cannot answer. Hovering a card (400 ms) or Space/P on it shows
 * a larger still of its hit frame; Esc or moving away closes it. Without an active model pack it shows the guidance
 * node instead of results.
 */
public final class SearchView extends VBox {
    /** Hovering a card this long opens its preview. */
    static final Duration PREVIEW_DELAY = Duration.millis(400);
    private static final double PREVIEW_WIDTH = 640;
    private static final double PREVIEW_MIN_WIDTH = 360;

    private final SearchViewModel vm;
    private final ArchiveSearchViewModel archive;
    /** The files of a team archive search. */
    private final VBox archiveList = new VBox(8);
    /** The results: tier sections (or files), each with its cards. */
    private final VBox grid = new VBox(10);
    private final TextField promptField = new TextField();
    private final PauseTransition hoverDelay = new PauseTransition(PREVIEW_DELAY);
    private final StackPane preview = new StackPane();

    /**
     * @param viewer   the clip viewer shown beside the grid
     * @param guidance shown instead of results while no model pack is active
     */
    public SearchView(SearchViewModel vm, Node viewer, Node guidance) {
        this(vm, viewer, guidance, null);
    }

    /**
     * @param viewer    the clip viewer shown beside the grid
     * @param guidance  shown instead of results while no model pack is active
     * @param addNotice the answer to "Add to case", shown above the results and the viewer (may be null)
     */
    public SearchView(SearchViewModel vm, Node viewer, Node guidance, Node addNotice) {
        this(vm, viewer, guidance, addNotice, null);
    }

    /**
     * @param viewer    the clip viewer shown beside the grid
     * @param guidance  shown instead of results while no model pack is active
     * @param addNotice the answer to "Add to case", shown above the results and the viewer (may be null)
     * @param archive   the team archive search: a "Whole team archive" toggle beside the prompt when the data
     *                  directory's store is one (may be null: no toggle)
     */
    public SearchView(SearchViewModel vm, Node viewer, Node guidance, Node addNotice, ArchiveSearchViewModel archive) {
        this.vm = vm;
        this.archive = archive;
        getStyleClass().add("page");
        setId("search-view");

        promptField.setId("prompt-field");
        promptField.getStyleClass().add("prompt-field");
        promptField.textProperty().bindBidirectional(vm.promptProperty());
        promptField.promptTextProperty().bind(Bindings.when(vm.modelReadyProperty())
                .then("Describe what you are looking for, e.g. “a red car”, and press Enter")
                .otherwise(Bindings.when(vm.modelStateKnownProperty())
                        .then("No model pack installed: install one below to search")
                        .otherwise("Opening the data directory…")));
        promptField.disableProperty().bind(vm.modelReadyProperty().not());
        promptField.setOnAction(e -> runSearch());
        // the prompt has the keyboard at start, as soon as it can take it
        javafx.beans.InvalidationListener focusWhenReady = o -> {
            if (!promptField.isDisabled() && promptField.getScene() != null
                    && !(promptField.getScene().getFocusOwner() instanceof TextInputControl)) {
                javafx.application.Platform.runLater(promptField::requestFocus);
            }
        };
        promptField.disabledProperty().addListener(focusWhenReady);
        promptField.sceneProperty().addListener(focusWhenReady);
        promptField.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN && focusCard(0)) {
                e.consume();
            }
        });
        HBox.setHgrow(promptField, Priority.ALWAYS);
        Button go = new Button("Search", Icon.SEARCH.node(18));
        go.setId("search-button");
        go.getStyleClass().add("primary-button");
        go.disableProperty().bind(vm.modelReadyProperty().not().or(vm.promptProperty().isEmpty()));
        go.setOnAction(e -> runSearch());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(28, 28);
        busy.visibleProperty().bind(archive == null ? vm.searchingProperty()
                : vm.searchingProperty().or(archive.searchingProperty()));
        HBox promptRow = new HBox(10, promptField, go, busy);
        javafx.beans.binding.BooleanExpression archiveMode = archive == null
                ? javafx.beans.binding.BooleanExpression.booleanExpression(new javafx.beans.property.SimpleBooleanProperty(false))
                : archive.wholeArchiveProperty();
        if (archive != null) {
            CheckBox whole = new CheckBox("Whole team archive");
            whole.setId("search-whole-archive");
            whole.setMinWidth(Region.USE_PREF_SIZE);
            whole.selectedProperty().bindBidirectional(archive.wholeArchiveProperty());
            whole.visibleProperty().bind(archive.availableProperty());
            whole.managedProperty().bind(whole.visibleProperty());
            whole.disableProperty().bind(vm.modelReadyProperty().not());
            whole.setTooltip(new Tooltip("Search every workstation's footage in the shared team archive: clips in tiers, "
                    + "with why each matched and where it opens here"));
            whole.selectedProperty().addListener((o, was, is) -> {
                if (is && vm.promptProperty().get() != null && !vm.promptProperty().get().isBlank()) {
                    runSearch();
                }
            });
            promptRow.getChildren().add(1, whole);
        }
        promptRow.setAlignment(Pos.CENTER_LEFT);

        FlowPane filters = filters();

        Label status = new Label();
        status.setId("search-status");
        status.getStyleClass().add("muted");
        status.textProperty().bind(vm.statusProperty());
        Label counts = new Label();
        counts.setId("search-counts");
        counts.textProperty().bind(vm.countText());
        counts.setWrapText(true);
        counts.setMinWidth(0);
        counts.setMinHeight(Region.USE_PREF_SIZE);
        counts.tooltipProperty().bind(Bindings.createObjectBinding(() -> vm.tierRuleProperty().get().isEmpty() ? null
                : new Tooltip(vm.tierRuleProperty().get()), vm.tierRuleProperty()));
        Button more = new Button("Show more");
        more.setId("search-show-more");
        more.visibleProperty().bind(vm.mayHaveMoreProperty());
        more.managedProperty().bind(more.visibleProperty());
        more.setMinWidth(Region.USE_PREF_SIZE);
        more.setOnAction(e -> vm.showMore());
        CheckBox byFile = new CheckBox("Group by file");
        byFile.setId("search-group-by-file");
        byFile.setMinWidth(Region.USE_PREF_SIZE);
        byFile.selectedProperty().bindBidirectional(vm.groupByFileProperty());
        byFile.setTooltip(new Tooltip("One row per file, with a timeline of all its hits (click a mark to open it)"));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox countRow = new HBox(10, counts, gap, byFile, more);
        countRow.setAlignment(Pos.CENTER_LEFT);
        countRow.visibleProperty().bind(archiveMode.not());
        countRow.managedProperty().bind(countRow.visibleProperty());
        Label understanding = new Label();
        understanding.setId("search-understanding");
        understanding.getStyleClass().add("understanding-banner");
        understanding.setWrapText(true);
        understanding.setMinHeight(Region.USE_PREF_SIZE);
        understanding.textProperty().bind(vm.understandingProperty());
        understanding.visibleProperty().bind(vm.understandingProperty().isNotEmpty().and(archiveMode.not()));
        understanding.managedProperty().bind(understanding.visibleProperty());
        Label error = new Label();
        error.setId("search-error");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotNull().and(archiveMode.not()));
        error.managedProperty().bind(error.visibleProperty());

        grid.setId("clip-grid");
        grid.getStyleClass().add("clip-grid");
        grid.setPadding(new Insets(4));
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        Label empty = new Label();
        empty.setId("search-empty");
        empty.getStyleClass().add("muted");
        empty.setWrapText(true);
        empty.textProperty().bind(vm.emptyTextProperty());
        preview.setId("clip-preview");
        preview.getStyleClass().add("clip-preview");
        preview.setMouseTransparent(true);
        preview.setVisible(false);
        preview.setManaged(false); // floats over the results like a popup: opening it never moves the page's layout
        // the message replaces the results (empty tier headers would print over it: "Nothing is indexed yet…")
        scroll.visibleProperty().bind(archiveMode.not().and(vm.emptyTextProperty().isEmpty()));
        empty.visibleProperty().bind(archiveMode.not());
        archiveList.setId("archive-list");
        archiveList.getStyleClass().add("clip-grid");
        archiveList.setPadding(new Insets(4));
        ScrollPane archiveScroll = new ScrollPane(archiveList);
        archiveScroll.setId("archive-results");
        archiveScroll.setFitToWidth(true);
        archiveScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        archiveScroll.visibleProperty().bind(archiveMode);
        StackPane results = new StackPane(scroll, empty, archiveScroll, preview);
        StackPane.setAlignment(empty, Pos.TOP_CENTER);
        vm.previewClipProperty().addListener((o, a, b) -> showPreview());
        vm.previewImageProperty().addListener((o, a, b) -> showPreview());
        results.widthProperty().addListener((o, a, b) -> placePreview());
        results.heightProperty().addListener((o, a, b) -> placePreview());

        results.setMinWidth(ClipCard.THUMB_WIDTH + 40);
        if (viewer instanceof javafx.scene.layout.Region r) {
            r.setMinWidth(420);
        }
        SplitPane split = new SplitPane(results, viewer);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.42);
        SplitPane.setResizableWithParent(results, true);
        VBox.setVgrow(split, Priority.ALWAYS);

        status.setMinWidth(0);
        status.setWrapText(true); // the model's id is long: wrapped, not cut
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.visibleProperty().bind(archiveMode.not());
        status.managedProperty().bind(status.visibleProperty());
        VBox resultsBox = new VBox(8, filters, countRow, understanding, status, error, split);
        if (archive != null) {
            Label archiveStatus = new Label();
            archiveStatus.setId("archive-status");
            archiveStatus.getStyleClass().add("muted");
            archiveStatus.setWrapText(true);
            archiveStatus.setMinWidth(0);
            archiveStatus.setMinHeight(Region.USE_PREF_SIZE);
            archiveStatus.textProperty().bind(Bindings.when(archive.statusProperty().isEmpty())
                    .then("Whole team archive: a prompt searches every workstation's footage (clips in tiers, with why each matched).")
                    .otherwise(archive.statusProperty()));
            archiveStatus.visibleProperty().bind(archiveMode);
            archiveStatus.managedProperty().bind(archiveStatus.visibleProperty());
            Label archiveError = new Label();
            archiveError.setId("archive-error");
            archiveError.getStyleClass().add("error-text");
            archiveError.setWrapText(true);
            archiveError.setMinWidth(0);
            archiveError.setMinHeight(Region.USE_PREF_SIZE);
            archiveError.textProperty().bind(archive.errorProperty());
            archiveError.visibleProperty().bind(archive.errorProperty().isNotNull().and(archiveMode));
            archiveError.managedProperty().bind(archiveError.visibleProperty());
            resultsBox.getChildren().addAll(resultsBox.getChildren().indexOf(error) + 1, List.of(archiveStatus, archiveError));
            archive.sections().addListener((ListChangeListener<ArchiveTierSection>) c -> rebuildArchiveList());
        }
        if (addNotice != null) {
            resultsBox.getChildren().add(5, addNotice);
        }
        VBox.setVgrow(resultsBox, Priority.ALWAYS);
        resultsBox.visibleProperty().bind(vm.modelReadyProperty());
        resultsBox.managedProperty().bind(resultsBox.visibleProperty());
        guidance.visibleProperty().bind(vm.modelStateKnownProperty().and(vm.modelReadyProperty().not()));
        guidance.managedProperty().bind(guidance.visibleProperty());

        getChildren().addAll(promptRow, resultsBox, guidance);

        vm.sections().addListener((ListChangeListener<TierSection>) c -> hoverDelay.stop());
        vm.sections().addListener((ListChangeListener<TierSection>) c -> rebuildGrid());
        vm.fileGroups().addListener((ListChangeListener<FileGroup>) c -> rebuildGrid());
        vm.groupByFileProperty().addListener((o, a, b) -> rebuildGrid());
        grid.addEventFilter(KeyEvent.KEY_PRESSED, this::moveBetweenCards);
        vm.selectedProperty().addListener((o, a, b) -> markSelected());
        vm.onAddToCaseProperty().addListener((o, a, b) -> rebuildGrid());
        // Esc closes the preview wherever the keyboard is; moving to another card closes it too
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && vm.previewClipProperty().get() != null) {
                vm.closePreview();
                e.consume();
            }
        });
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                scene.focusOwnerProperty().addListener((p, was, now) -> {
                    Clip open = vm.previewClipProperty().get();
                    if (open != null && now instanceof ClipCard card && card.clip() != open) {
                        vm.closePreview();
                    }
                });
            }
        });
    }

    private FlowPane filters() {
        MenuButton cameras = new MenuButton("All cameras");
        cameras.setId("filter-cameras");
        Runnable cameraTitle = () -> cameras.setText(vm.selectedCameras().isEmpty() ? "All cameras"
                : vm.selectedCameras().size() == 1 ? vm.selectedCameras().iterator().next()
                : vm.selectedCameras().size() + " cameras");
        Runnable rebuildCameras = () -> {
            cameras.getItems().clear();
            for (String cam : vm.cameras()) {
                CheckMenuItem item = new CheckMenuItem(cam);
                item.setSelected(vm.selectedCameras().contains(cam));
                item.selectedProperty().addListener((o, a, on) -> {
                    if (on) {
                        vm.selectedCameras().add(cam);
                    } else {
                        vm.selectedCameras().remove(cam);
                    }
                    cameraTitle.run();
                    vm.rerun();
                });
                cameras.getItems().add(item);
            }
            cameras.setDisable(vm.cameras().isEmpty());
        };
        vm.cameras().addListener((SetChangeListener<String>) c -> rebuildCameras.run());
        rebuildCameras.run();

        TextField from = dateField("filter-from-date", "from 2018-01-01", vm.fromDateProperty());
        TextField to = dateField("filter-to-date", "to 2018-01-31", vm.toDateProperty());
        Label dateProblem = new Label();
        dateProblem.setId("filter-date-problem");
        dateProblem.getStyleClass().add("error-text");
        dateProblem.setWrapText(true);
        dateProblem.textProperty().bind(Bindings.createStringBinding(
                () -> String.join(" ", vm.fromDateProblemProperty().get(), vm.toDateProblemProperty().get()).strip(),
                vm.fromDateProblemProperty(), vm.toDateProblemProperty()));
        dateProblem.visibleProperty().bind(dateProblem.textProperty().isNotEmpty());
        dateProblem.managedProperty().bind(dateProblem.visibleProperty());

        TextField dayFrom = timeField(vm.dayFromProperty(), "HH:mm");
        TextField dayTo = timeField(vm.dayToProperty(), "HH:mm");
        Label dayLabel = new Label("time of day (camera clock)");
        dayLabel.getStyleClass().add("filter-label");

        ChoiceBox<SortOrder> sort = new ChoiceBox<>();
        sort.getItems().setAll(SortOrder.values());
        sort.valueProperty().bindBidirectional(vm.sortProperty());
        sort.setConverter(new StringConverter<>() {
            @Override
            public String toString(SortOrder s) {
                return s == null ? "" : s == SortOrder.TIME ? "by time" : "by relevance";
            }

            @Override
            public SortOrder fromString(String s) {
                return s.contains("time") ? SortOrder.TIME : SortOrder.RELEVANCE;
            }
        });

        Slider minScore = new Slider();
        minScore.setId("filter-min-score");
        minScore.setPrefWidth(160);
        Runnable range = () -> {
            double lo = vm.scoreFloorProperty().get();
            double hi = Math.max(lo, vm.scoreCeilingProperty().get());
            // a slider forces min <= max on every change: widen first, then narrow
            minScore.setMin(Math.min(lo, minScore.getMin()));
            minScore.setMax(Math.max(hi, minScore.getMax()));
            minScore.setMin(lo);
            minScore.setMax(hi);
            minScore.setValue(vm.minScoreProperty().get());
        };
        vm.scoreFloorProperty().addListener((o, a, b) -> range.run());
        vm.scoreCeilingProperty().addListener((o, a, b) -> range.run());
        range.run();
        minScore.valueProperty().bindBidirectional(vm.minScoreProperty());
        minScore.disableProperty().bind(Bindings.isEmpty(vm.allClips()));
        minScore.setTooltip(new Tooltip("Hide clips scoring below this. The range follows this query's scores: "
                + "scores of different prompts are not comparable."));
        Label minLabel = new Label();
        minLabel.getStyleClass().add("filter-label");
        minLabel.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT,
                "min score %.3f", vm.minScoreProperty().get()), vm.minScoreProperty()));

        // groups that stay whole; the bar wraps between them when the window is narrow
        HBox dates = group(from, calendarButton(from), new Label("–"), to, calendarButton(to));
        HBox times = group(dayLabel, dayFrom, new Label("–"), dayTo);
        HBox score = group(minScore, minLabel);
        FlowPane box = new FlowPane(14, 8, cameras, dates, dateProblem, times, sort, score);
        box.setId("search-filters");
        box.getStyleClass().add("filters");
        box.setAlignment(Pos.CENTER_LEFT);
        box.setMinWidth(0);
        for (Node n : List.of(cameras, sort)) {
            ((javafx.scene.layout.Region) n).setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        return box;
    }

    private static HBox group(Node... nodes) {
        HBox h = new HBox(8, nodes);
        h.setAlignment(Pos.CENTER_LEFT);
        h.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        for (Node n : nodes) {
            if (n instanceof javafx.scene.layout.Region r) {
                r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        }
        return h;
    }

    /** The prompt's Enter and the Search button: the whole team archive when chosen, else this workstation's clips. */
    private void runSearch() {
        if (archive != null && archive.wholeArchiveProperty().get()) {
            archive.search(vm);
        } else {
            vm.search();
        }
    }

    /** The team archive's clips in tier sections like local results: heading, meaning, cards, "Show more". */
    private void rebuildArchiveList() {
        archiveList.getChildren().clear();
        for (ArchiveTierSection t : archive.sections()) {
            if (t.total() == 0) {
                continue;
            }
            VBox box = new VBox(6);
            box.setId("archive-tier-" + t.key());
            box.getStyleClass().addAll("tier-section", "tier-" + t.key());
            box.getChildren().add(tierHeading(t.heading(), t.meaning()));
            for (ArchiveRow r : t.shown()) {
                box.getChildren().add(new ArchiveClipCard(r, () -> archive.open(r)));
            }
            if (t.canShowMore()) {
                Button more = new Button(String.format(Locale.ROOT, "Show more (%d not loaded)", t.total() - t.shown().size()));
                more.setId("archive-show-more-" + t.key());
                more.getStyleClass().add("show-more");
                more.setOnAction(e -> archive.showMore(t));
                box.getChildren().add(more);
            }
            archiveList.getChildren().add(box);
        }
        if (archive.rows().isEmpty() && archive.statusProperty().get() != null && !archive.statusProperty().get().isEmpty()) {
            Label none = new Label("No clip of the team archive matched.");
            none.getStyleClass().add("muted");
            archiveList.getChildren().add(none);
        }
    }

    /** The cards of the last team archive search, in the order shown. */
    public List<ArchiveClipCard> archiveCards() {
        return archiveList.getChildren().stream().filter(VBox.class::isInstance)
                .flatMap(box -> ((VBox) box).getChildren().stream()).filter(ArchiveClipCard.class::isInstance)
                .map(ArchiveClipCard.class::cast).toList();
    }

    /** Puts the keyboard in the prompt (Ctrl+F, "/"). */
    public void focusPrompt() {
        promptField.requestFocus();
        promptField.selectAll();
    }

    /** Every card of the results, in the order shown. */
    private List<ClipCard> cards() {
        List<ClipCard> out = new ArrayList<>();
        collectCards(grid, out);
        return out;
    }

    private static void collectCards(Parent parent, List<ClipCard> out) {
        for (Node n : parent.getChildrenUnmodifiable()) {
            if (n instanceof ClipCard card) {
                out.add(card);
            } else if (n instanceof Parent p) {
                collectCards(p, out);
            }
        }
    }

    /** Moves the keyboard to the card at this index of the results; false when there is none. */
    private boolean focusCard(int index) {
        List<ClipCard> cards = cards();
        if (index < 0 || index >= cards.size()) {
            return false;
        }
        cards.get(index).requestFocus();
        scrollTo(cards.get(index));
        return true;
    }

    /**
     * Arrow keys between cards: left/right the previous/next card in the order shown, up/down the nearest card in the
     * row above/below (across tier and file sections); up from the first row goes to the prompt.
     */
    private void moveBetweenCards(KeyEvent e) {
        Node owner = getScene() == null ? null : getScene().getFocusOwner();
        List<ClipCard> cards = cards();
        int at = cards.indexOf(owner);
        if (at < 0) {
            return;
        }
        int to = switch (e.getCode()) {
            case LEFT -> at - 1;
            case RIGHT -> at + 1;
            case UP, DOWN -> nearestInNextRow(cards, at, e.getCode() == KeyCode.DOWN);
            default -> Integer.MIN_VALUE;
        };
        if (to == Integer.MIN_VALUE) {
            return;
        }
        if (to < 0 && e.getCode() == KeyCode.UP) {
            promptField.requestFocus();
        } else {
            focusCard(to);
        }
        e.consume();
    }

    /** The card in the nearest row below (or above) the one at {@code at}, closest in x; -1 when none. */
    private static int nearestInNextRow(List<ClipCard> cards, int at, boolean down) {
        Bounds from = cards.get(at).localToScene(cards.get(at).getBoundsInLocal());
        double cx = from.getCenterX();
        int best = -1;
        double bestDy = Double.MAX_VALUE;
        double bestDx = Double.MAX_VALUE;
        for (int i = 0; i < cards.size(); i++) {
            Bounds b = cards.get(i).localToScene(cards.get(i).getBoundsInLocal());
            double dy = down ? b.getMinY() - from.getMinY() : from.getMinY() - b.getMinY();
            if (i == at || dy < from.getHeight() / 4) {
                continue;
            }
            double dx = Math.abs(b.getCenterX() - cx);
            if (dy < bestDy - 1 || Math.abs(dy - bestDy) <= 1 && dx < bestDx) {
                best = i;
                bestDy = dy;
                bestDx = dx;
            }
        }
        return best;
    }

    private void scrollTo(Node card) {
        if (grid.getParent() != null && grid.getParent().getParent() instanceof ScrollPane scroll) {
            double h = grid.getHeight() - scroll.getViewportBounds().getHeight();
            if (h > 0) {
                Bounds b = grid.sceneToLocal(card.localToScene(card.getBoundsInLocal()));
                double y = b.getMinY();
                double top = scroll.getVvalue() * h;
                double bottom = top + scroll.getViewportBounds().getHeight();
                if (y < top || b.getMaxY() > bottom) {
                    scroll.setVvalue(Math.clamp(y / h, 0, 1));
                }
            }
        }
    }

    /**
     * A date field that keeps what is typed (ISO: {@code 2018-01-01} or {@code 2018-01-01T22:00}); the search runs
     * again on Enter or when the field is left. A problem is shown beside the bar, not by wiping the text.
     */
    private TextField dateField(String id, String prompt, javafx.beans.property.StringProperty p) {
        TextField f = timeField(p, prompt);
        f.setId(id);
        f.setPrefColumnCount(11);
        f.setTooltip(new Tooltip("A date (2018-01-01) or a date and time (2018-01-01T22:00), this computer's time "
                + "zone. A date alone covers the whole day."));
        return f;
    }

    /** A calendar that writes the picked day into the field as an ISO date. */
    private static DatePicker calendarButton(TextField field) {
        DatePicker picker = new DatePicker();
        picker.setEditable(false);
        picker.getStyleClass().add("calendar-button");
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate d) {
                return "";
            }

            @Override
            public LocalDate fromString(String s) {
                return null;
            }
        });
        picker.setPrefWidth(34);
        picker.setMaxWidth(34);
        picker.setFocusTraversable(false); // the field takes typed dates; the calendar is for the mouse
        picker.setTooltip(new Tooltip("Pick a day"));
        picker.setOnShowing(e -> {
            try {
                picker.setValue(DateBound.parse(field.getText()).map(DateBound::date).orElse(null));
            } catch (IllegalArgumentException bad) {
                picker.setValue(null);
            }
        });
        picker.valueProperty().addListener((o, a, day) -> {
            if (day != null && picker.isShowing()) {
                field.setText(day.toString());
                field.requestFocus();
                field.end();
            }
        });
        return picker;
    }

    private TextField timeField(javafx.beans.property.StringProperty p, String example) {
        TextField f = new TextField();
        f.setPromptText(example);
        f.setPrefColumnCount(4);
        f.textProperty().bindBidirectional(p);
        f.setOnAction(e -> vm.rerun());
        f.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                vm.rerun();
            }
        });
        return f;
    }

    private void rebuildGrid() {
        grid.getChildren().clear();
        if (vm.groupByFileProperty().get()) {
            for (FileGroup g : vm.fileGroups()) {
                grid.getChildren().add(fileSection(g));
            }
        } else {
            for (TierSection t : vm.sections()) {
                grid.getChildren().add(tierSection(t, vm.sections().size() > 1));
            }
        }
        markSelected();
    }

    /** A tier's heading ("Strong · 3") and what the tier means, wrapped, never cut by a narrow results column. */
    private static HBox tierHeading(String title, String meaningText) {
        Label heading = new Label(title);
        heading.getStyleClass().add("tier-heading");
        heading.setMinWidth(Region.USE_PREF_SIZE);
        Label meaning = new Label(meaningText);
        meaning.getStyleClass().add("muted");
        meaning.setMinWidth(0);
        meaning.setWrapText(true);
        meaning.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(meaning, Priority.ALWAYS);
        HBox head = new HBox(10, heading, meaning);
        head.setAlignment(Pos.TOP_LEFT);
        return head;
    }

    /** "Strong · 3", what it means, its cards and "Show more" when it has more. */
    private VBox tierSection(TierSection t, boolean withHeading) {
        FlowPane cards = cardPane(t.shown());
        VBox box = new VBox(6);
        box.setId("tier-" + t.key());
        box.getStyleClass().addAll("tier-section", "tier-" + t.key());
        if (withHeading) {
            box.getChildren().add(tierHeading(t.heading(), t.meaning()));
        }
        box.getChildren().add(cards);
        if (t.canShowMore()) {
            Button more = new Button(t.loaded() < t.total()
                    ? String.format(Locale.ROOT, "Show more (%d not loaded)", t.total() - t.loaded()) : "Show more (look further)");
            more.setId("show-more-" + t.key());
            more.getStyleClass().add("show-more");
            more.setOnAction(e -> vm.showMore(t));
            box.getChildren().add(more);
        }
        return box;
    }

    /** A file: its name, a strip of the whole file with every hit marked (click one to open it), its cards. */
    private VBox fileSection(FileGroup g) {
        Label name = new Label((g.camera() == null || g.camera().isBlank() ? "" : g.camera() + " · ")
                + g.video().getFileName() + " · " + g.clips().size() + (g.clips().size() == 1 ? " hit" : " hits"));
        name.getStyleClass().add("tier-heading");
        name.setMinWidth(0);
        Tooltip.install(name, new Tooltip(g.video().toString()));
        Pane strip = new Pane();
        strip.getStyleClass().add("file-strip");
        strip.setPrefHeight(14);
        strip.setMinHeight(14);
        for (Clip c : g.clips()) {
            Rectangle mark = new Rectangle();
            mark.getStyleClass().add("file-hit-mark");
            mark.setManaged(false);
            mark.setHeight(14);
            mark.setUserData(c);
            mark.setOnMouseClicked(e -> vm.selectedProperty().set(c));
            Tooltip.install(mark, new Tooltip(ClipCard.describeOffset(c) + " · " + ClipCard.scoreText(c, vm.shareOfBest(c))));
            strip.getChildren().add(mark);
        }
        Runnable place = () -> {
            double w = strip.getWidth();
            for (Node n : strip.getChildren()) {
                if (n instanceof Rectangle r && r.getUserData() instanceof Clip c) {
                    r.setX(w * g.fractionAt(c.startSeconds()));
                    // a pixel apart, so hits that touch still read as separate marks
                    r.setWidth(Math.max(4, w * (g.fractionAt(c.endSeconds()) - g.fractionAt(c.startSeconds())) - 1));
                }
            }
        };
        strip.widthProperty().addListener((o, a, b) -> place.run());
        Label length = new Label("0:00 … " + ClipCard.describeLength(g.durationSeconds()));
        length.getStyleClass().add("muted");
        VBox box = new VBox(6, name, strip, length, cardPane(g.clips()));
        box.getStyleClass().add("file-section");
        return box;
    }

    private FlowPane cardPane(List<Clip> clips) {
        FlowPane pane = new FlowPane(10, 12);
        pane.getStyleClass().add("clip-cards");
        for (Clip c : clips) {
            Runnable add = vm.onAddToCaseProperty().get() == null ? null : () -> vm.onAddToCaseProperty().get().accept(c);
            Runnable togglePreview = () -> {
                if (vm.previewClipProperty().get() == c) {
                    vm.closePreview();
                } else {
                    vm.preview(c);
                }
            };
            ClipCard card = new ClipCard(c, vm.shareOfBest(c), vm.clockSource(c), vm.cameraClock(c), vm.explanationOf(c),
                    () -> vm.selectedProperty().set(c), add, togglePreview);
            card.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> {
                hoverDelay.setOnFinished(f -> {
                    if (card.getScene() != null && card.isHover()) { // not a card the results replaced meanwhile
                        vm.preview(c);
                    }
                });
                hoverDelay.playFromStart();
            });
            card.addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
                hoverDelay.stop();
                if (vm.previewClipProperty().get() == c) {
                    vm.closePreview();
                }
            });
            pane.getChildren().add(card);
        }
        return pane;
    }

    /** The larger still of the previewed clip's hit frame (its thumbnail until the frame is decoded), with its facts. */
    private void showPreview() {
        Clip c = vm.previewClipProperty().get();
        preview.setVisible(c != null);
        preview.getChildren().clear();
        if (c == null) {
            return;
        }
        double width = previewWidth();
        ImageView still = new ImageView();
        still.setId("clip-preview-image");
        still.setPreserveRatio(true);
        still.setFitWidth(width);
        still.setFitHeight(width * 9 / 16);
        if (vm.previewImageProperty().get() != null) {
            still.setImage(vm.previewImageProperty().get());
        } else if (c.thumbnail() != null && Files.isRegularFile(c.thumbnail())) {
            still.setImage(new Image(c.thumbnail().toUri().toString()));
        }
        Label caption = new Label(c.video() + "\n" + ClipCard.describeOffset(c) + " · hit frame at "
                + ClipCard.describeLength(c.bestOffsetSeconds()) + "\n" + ClipCard.describeWallClock(c, vm.clockSource(c))
                + " · " + ClipCard.scoreText(c, vm.shareOfBest(c)) + "\nEsc or moving away closes this preview");
        caption.setWrapText(true);
        caption.setMaxWidth(width);
        caption.getStyleClass().add("preview-caption");
        VBox box = new VBox(6, still, caption);
        box.getStyleClass().add("preview-box");
        preview.getChildren().add(box);
        placePreview();
    }

    /** As wide as the results allow, from {@value #PREVIEW_MIN_WIDTH} to {@value #PREVIEW_WIDTH} pixels. */
    private double previewWidth() {
        Node results = preview.getParent();
        double room = results instanceof Region r ? r.getWidth() - 40 : PREVIEW_WIDTH;
        return Math.clamp(room, PREVIEW_MIN_WIDTH, PREVIEW_WIDTH);
    }

    /** Centres the preview over the results (it may reach over the viewer when the results are narrow). */
    private void placePreview() {
        if (!preview.isVisible() || !(preview.getParent() instanceof Region results)) {
            return;
        }
        preview.applyCss();
        preview.autosize();
        double x = Math.max(0, (results.getWidth() - preview.getWidth()) / 2);
        double y = Math.max(0, Math.min(40, (results.getHeight() - preview.getHeight()) / 2));
        preview.relocate(x, y);
    }

    /** True while the preview of a clip is shown. */
    public boolean isPreviewShown() {
        return preview.isVisible();
    }

    private void markSelected() {
        for (ClipCard card : cards()) {
            card.setSelected(card.clip() == vm.selectedProperty().get());
        }
    }
}
