package org.sightline.desktop.search;

import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
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
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.sightline.desktop.icons.Icon;
import org.sightline.indexer.search.Clip;
import org.sightline.indexer.search.SearchQuery.SortOrder;

/**
 * The search page: a prominent prompt field, filters, a grid of clip cards, and the viewer beside it.
 * Without an active model pack it shows the guidance node instead of results.
 */
public final class SearchView extends VBox {
    private final SearchViewModel vm;
    private final FlowPane grid = new FlowPane(12, 12);
    private final TextField promptField = new TextField();

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
        this.vm = vm;
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
        promptField.setOnAction(e -> vm.search());
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
        go.setOnAction(e -> vm.search());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(28, 28);
        busy.visibleProperty().bind(vm.searchingProperty());
        HBox promptRow = new HBox(10, promptField, go, busy);
        promptRow.setAlignment(Pos.CENTER_LEFT);

        FlowPane filters = filters();

        Label status = new Label();
        status.setId("search-status");
        status.getStyleClass().add("muted");
        status.textProperty().bind(vm.statusProperty());
        Label counts = new Label();
        counts.setId("search-counts");
        counts.textProperty().bind(vm.countText());
        Button more = new Button("Show more");
        more.setId("search-show-more");
        more.visibleProperty().bind(vm.mayHaveMoreProperty());
        more.managedProperty().bind(more.visibleProperty());
        more.setOnAction(e -> vm.showMore());
        HBox countRow = new HBox(10, counts, more);
        countRow.setAlignment(Pos.CENTER_LEFT);
        Label error = new Label();
        error.setId("search-error");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());

        grid.setId("clip-grid");
        grid.getStyleClass().add("clip-grid");
        grid.setPadding(new Insets(4));
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        Label empty = new Label();
        empty.getStyleClass().add("muted");
        empty.textProperty().bind(Bindings.createStringBinding(() -> {
            if (vm.searchingProperty().get()) {
                return "";
            }
            if (vm.queryDescriptionProperty().get().isEmpty()) {
                return "Results appear here.";
            }
            return vm.allClips().isEmpty() ? "Nothing matched." : vm.shownClips().isEmpty() ? "All clips are below the minimum score." : "";
        }, vm.searchingProperty(), vm.queryDescriptionProperty(), vm.allClips(), vm.shownClips()));
        StackPane results = new StackPane(scroll, empty);
        StackPane.setAlignment(empty, Pos.TOP_CENTER);

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
        VBox resultsBox = new VBox(8, filters, countRow, status, error, split);
        if (addNotice != null) {
            resultsBox.getChildren().add(4, addNotice);
        }
        VBox.setVgrow(resultsBox, Priority.ALWAYS);
        resultsBox.visibleProperty().bind(vm.modelReadyProperty());
        resultsBox.managedProperty().bind(resultsBox.visibleProperty());
        guidance.visibleProperty().bind(vm.modelStateKnownProperty().and(vm.modelReadyProperty().not()));
        guidance.managedProperty().bind(guidance.visibleProperty());

        getChildren().addAll(promptRow, resultsBox, guidance);

        vm.shownClips().addListener((ListChangeListener<Clip>) c -> rebuildGrid());
        grid.addEventFilter(KeyEvent.KEY_PRESSED, this::moveBetweenCards);
        vm.selectedProperty().addListener((o, a, b) -> markSelected());
        vm.onAddToCaseProperty().addListener((o, a, b) -> rebuildGrid());
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

        DatePicker from = new DatePicker();
        from.setPromptText("from date");
        from.setPrefWidth(150);
        from.valueProperty().bindBidirectional(vm.fromDateProperty());
        DatePicker to = new DatePicker();
        to.setPromptText("to date");
        to.setPrefWidth(150);
        to.valueProperty().bindBidirectional(vm.toDateProperty());
        from.valueProperty().addListener((o, a, b) -> vm.rerun());
        to.valueProperty().addListener((o, a, b) -> vm.rerun());

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
        HBox dates = group(from, to);
        HBox times = group(dayLabel, dayFrom, new Label("–"), dayTo);
        HBox score = group(minScore, minLabel);
        FlowPane box = new FlowPane(14, 8, cameras, dates, times, sort, score);
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

    /** Puts the keyboard in the prompt (Ctrl+F, "/"). */
    public void focusPrompt() {
        promptField.requestFocus();
        promptField.selectAll();
    }

    /** Moves the keyboard to the card at this index of the grid; false when there is none. */
    private boolean focusCard(int index) {
        if (index < 0 || index >= grid.getChildren().size()) {
            return false;
        }
        grid.getChildren().get(index).requestFocus();
        return true;
    }

    /** Arrow keys between cards: left/right one card, up/down one row; up from the first row goes to the prompt. */
    private void moveBetweenCards(KeyEvent e) {
        Node owner = getScene() == null ? null : getScene().getFocusOwner();
        int at = grid.getChildren().indexOf(owner);
        if (at < 0) {
            return;
        }
        int perRow = Math.max(1, (int) ((grid.getWidth() - grid.getPadding().getLeft() - grid.getPadding().getRight()
                + grid.getHgap()) / (ClipCard.THUMB_WIDTH + 16 + grid.getHgap())));
        int to = switch (e.getCode()) {
            case LEFT -> at - 1;
            case RIGHT -> at + 1;
            case UP -> at - perRow;
            case DOWN -> Math.min(at + perRow, grid.getChildren().size() - 1);
            default -> Integer.MIN_VALUE;
        };
        if (to == Integer.MIN_VALUE) {
            return;
        }
        if (to < 0 && e.getCode() == KeyCode.UP) {
            promptField.requestFocus();
        } else if (focusCard(to)) {
            scrollTo(grid.getChildren().get(to));
        }
        e.consume();
    }

    private void scrollTo(Node card) {
        if (grid.getParent() != null && grid.getParent().getParent() instanceof ScrollPane scroll) {
            double h = grid.getHeight() - scroll.getViewportBounds().getHeight();
            if (h > 0) {
                double y = card.getBoundsInParent().getMinY();
                double top = scroll.getVvalue() * h;
                double bottom = top + scroll.getViewportBounds().getHeight();
                if (y < top || card.getBoundsInParent().getMaxY() > bottom) {
                    scroll.setVvalue(Math.clamp(y / h, 0, 1));
                }
            }
        }
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
        for (Clip c : vm.shownClips()) {
            Runnable add = vm.onAddToCaseProperty().get() == null ? null : () -> vm.onAddToCaseProperty().get().accept(c);
            ClipCard card = new ClipCard(c, vm.shareOfBest(c), vm.clockSource(c), vm.cameraClock(c), () -> vm.selectedProperty().set(c), add);
            grid.getChildren().add(card);
        }
        markSelected();
    }

    private void markSelected() {
        for (Node n : grid.getChildren()) {
            if (n instanceof ClipCard card) {
                card.setSelected(card.clip() == vm.selectedProperty().get());
            }
        }
    }
}
