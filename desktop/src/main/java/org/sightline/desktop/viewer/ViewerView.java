package org.sightline.desktop.viewer;

import javafx.beans.binding.Bindings;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import org.sightline.desktop.icons.Icon;

/**
 * The clip viewer: the picture, a timeline over the whole file with the hit span marked, transport
 * buttons, the current frame's offset and wall-clock time, the file's path and SHA-256.
 *
 * <p>Keys (while the viewer has focus): Space play/pause; Left/Right one frame back/forward; J one frame
 * back, K pause, L play; Home/End first/last frame. Dragging on the picture selects a rectangle for
 * "Find similar"; a click clears it.
 */
public final class ViewerView extends VBox {
    /** Key help shown under the viewer. */
    public static final String KEY_HELP = "Space play/pause · ←/→ frame back/forward · J frame back · K pause · L play · Home/End first/last frame";
    private static final double TRACK_INSET = 8;

    private final ViewerViewModel vm;
    private final ImageView picture = new ImageView();
    private final Rectangle selection = new Rectangle();
    /** The dragged rectangle as fractions x0, y0, x1, y1 of the picture; null when none. */
    private double[] selected;
    private double dragX;
    private double dragY;
    private boolean updatingSlider;

    public ViewerView(ViewerViewModel vm) {
        this.vm = vm;
        VideoPlayer player = vm.player();
        getStyleClass().add("viewer");
        setId("viewer");
        setFocusTraversable(true);

        Label title = new Label();
        title.getStyleClass().add("subheading");
        title.setId("viewer-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> {
            ClipToView c = vm.clipProperty().get();
            if (c == null) {
                return "Select a clip to watch it here";
            }
            String name = c.video().getFileName().toString();
            String camera = c.clock() != null && c.clock().cameraName() != null ? c.clock().cameraName() : c.camera();
            return camera == null || camera.isBlank() ? name : camera + " · " + name;
        }, vm.clipProperty()));

        // picture with a selection overlay
        picture.setPreserveRatio(true);
        picture.setSmooth(true);
        picture.imageProperty().bind(player.imageProperty());
        Pane overlay = new Pane(selection);
        selection.setManaged(false);
        selection.setVisible(false);
        selection.getStyleClass().add("selection");
        selection.setStyle("-fx-fill: #4da3ff22; -fx-stroke: #7cc0ff; -fx-stroke-width: 2;");
        StackPane surface = new StackPane(picture, overlay);
        surface.getStyleClass().add("video-surface");
        surface.setMinSize(200, 120);
        picture.fitWidthProperty().bind(surface.widthProperty());
        picture.fitHeightProperty().bind(surface.heightProperty());
        VBox.setVgrow(surface, Priority.ALWAYS);
        Label error = new Label();
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(player.errorProperty());
        error.visibleProperty().bind(player.errorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());
        surface.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            requestFocus();
            dragX = e.getX();
            dragY = e.getY();
            selection.setVisible(false);
            selected = null;
        });
        surface.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            Bounds img = picture.getBoundsInParent();
            if (img.getWidth() <= 0 || img.getHeight() <= 0) {
                return;
            }
            double x = Math.clamp(e.getX(), img.getMinX(), img.getMaxX());
            double y = Math.clamp(e.getY(), img.getMinY(), img.getMaxY());
            double x0 = Math.clamp(dragX, img.getMinX(), img.getMaxX());
            double y0 = Math.clamp(dragY, img.getMinY(), img.getMaxY());
            // kept as fractions of the picture, so the rectangle follows the video when the window is resized
            selected = new double[] {
                (Math.min(x0, x) - img.getMinX()) / img.getWidth(), (Math.min(y0, y) - img.getMinY()) / img.getHeight(),
                (Math.max(x0, x) - img.getMinX()) / img.getWidth(), (Math.max(y0, y) - img.getMinY()) / img.getHeight()};
            placeSelection();
            selection.setVisible(selection.getWidth() > 4 && selection.getHeight() > 4);
        });
        picture.boundsInParentProperty().addListener((o, a, b) -> placeSelection());
        player.imageProperty().addListener((o, a, b) -> {
            if (player.playingProperty().get()) {
                selection.setVisible(false);
            }
        });

        // timeline over the whole file, hit span marked under it
        Slider timeline = new Slider(0, 1, 0);
        timeline.setId("viewer-timeline");
        timeline.setFocusTraversable(false);
        // the slider clamps its value when its maximum shrinks (a shorter file opened): that is not a user's seek
        // and must not reach the player, or the new file opens at its end instead of at the hit
        player.durationProperty().addListener((o, a, d) -> {
            updatingSlider = true;
            try {
                timeline.setMax(Math.max(0.001, d.doubleValue()));
            } finally {
                updatingSlider = false;
            }
        });
        player.positionProperty().addListener((o, a, b) -> {
            if (!timeline.isValueChanging()) {
                updatingSlider = true;
                timeline.setValue(b.doubleValue());
                updatingSlider = false;
            }
        });
        timeline.valueProperty().addListener((o, a, b) -> {
            if (!updatingSlider) {
                player.seek(b.doubleValue());
            }
        });
        Rectangle hit = new Rectangle();
        hit.getStyleClass().add("hit-span");
        hit.setManaged(false);
        hit.setHeight(6);
        hit.setStyle("-fx-fill: #ffb347;");
        Pane hitTrack = new Pane(hit);
        hitTrack.setId("viewer-hit-span");
        hitTrack.setPrefHeight(6);
        hitTrack.setMinHeight(6);
        hitTrack.setStyle("-fx-background-color: #2c3139; -fx-background-radius: 3; -fx-background-insets: 0 8 0 8;");
        Runnable placeHit = () -> {
            ClipToView c = vm.clipProperty().get();
            double d = player.durationProperty().get();
            double w = hitTrack.getWidth() - 2 * TRACK_INSET;
            hit.setVisible(c != null && c.hasHit() && d > 0);
            if (hit.isVisible()) {
                hit.setX(TRACK_INSET + w * Math.min(1, c.hitStartSeconds() / d));
                hit.setWidth(Math.max(3, w * (Math.min(d, c.hitEndSeconds()) - c.hitStartSeconds()) / d));
            }
        };
        // every hit of the open file the search found, under the open one; a click goes to that hit's frame
        Runnable placeMarks = () -> {
            hitTrack.getChildren().removeIf(n -> n.getStyleClass().contains("hit-mark"));
            double d = player.durationProperty().get();
            double w = hitTrack.getWidth() - 2 * TRACK_INSET;
            int i = 0;
            for (HitMark m : vm.fileHits()) {
                Rectangle mark = new Rectangle();
                mark.getStyleClass().add("hit-mark");
                mark.setManaged(false);
                mark.setHeight(6);
                mark.setStyle("-fx-fill: #8fa8c8; -fx-cursor: hand;");
                mark.setVisible(d > 0);
                if (d > 0) {
                    mark.setX(TRACK_INSET + w * Math.min(1, m.startSeconds() / d));
                    mark.setWidth(Math.max(3, w * (Math.min(d, m.endSeconds()) - m.startSeconds()) / d));
                }
                mark.setOnMouseClicked(e -> vm.goTo(m));
                Tooltip.install(mark, new Tooltip(String.format(java.util.Locale.ROOT, "hit %s–%s: click to go to its frame",
                        Timecodes.shortOffset(m.startSeconds()), Timecodes.shortOffset(m.endSeconds()))));
                hitTrack.getChildren().add(i++, mark);
            }
        };
        hit.setMouseTransparent(true);
        vm.fileHits().addListener((javafx.collections.ListChangeListener<HitMark>) c -> placeMarks.run());
        hitTrack.widthProperty().addListener((o, a, b) -> placeHit.run());
        hitTrack.widthProperty().addListener((o, a, b) -> placeMarks.run());
        player.durationProperty().addListener((o, a, b) -> placeHit.run());
        player.durationProperty().addListener((o, a, b) -> placeMarks.run());
        vm.clipProperty().addListener((o, a, b) -> placeHit.run());
        Tooltip.install(hitTrack, new Tooltip("the span that matched the search (orange) and the file's other hits (blue)"));

        // transport
        Button start = iconButton(Icon.TO_START, "First frame (Home)", player::toStart);
        Button back = iconButton(Icon.STEP_BACK, "Previous frame (Left, J)", player::stepBack);
        Button play = iconButton(Icon.PLAY, "Play/pause (Space)", player::togglePlay);
        play.setId("viewer-play");
        player.playingProperty().addListener((o, a, p) -> play.setGraphic((p ? Icon.PAUSE : Icon.PLAY).node(20)));
        Button forward = iconButton(Icon.STEP_FORWARD, "Next frame (Right)", player::stepForward);
        Button end = iconButton(Icon.TO_END, "Last frame (End)", player::toEnd);
        Label offset = new Label();
        offset.getStyleClass().add("timecode");
        offset.setId("viewer-offset");
        offset.textProperty().bind(vm.offsetText());
        offset.setMinWidth(Region.USE_PREF_SIZE);
        TextField wall = readOnlyField();
        wall.setId("viewer-wallclock");
        wall.textProperty().bind(vm.wallClockText());
        Button similar = new Button("Find similar", Icon.SIMILAR.node(18));
        similar.setMinWidth(Region.USE_PREF_SIZE);
        similar.setId("viewer-find-similar");
        similar.textProperty().bind(Bindings.when(selection.visibleProperty())
                .then("Find similar (selection)").otherwise("Find similar"));
        similar.disableProperty().bind(vm.onFindSimilarProperty().isNull().or(player.imageProperty().isNull()));
        similar.setOnAction(e -> {
            if (selection.isVisible() && selected != null) {
                vm.findSimilar(selected[0], selected[1], selected[2], selected[3]);
            } else {
                vm.findSimilar();
            }
        });
        Button addToCase = new Button("Add to case", Icon.CASE_ADD.node(18));
        addToCase.setMinWidth(Region.USE_PREF_SIZE);
        addToCase.setId("viewer-add-to-case");
        addToCase.disableProperty().bind(vm.onAddToCaseProperty().isNull().or(vm.clipProperty().isNull()));
        addToCase.setOnAction(e -> vm.addToCase());
        HBox transport = new HBox(8, start, back, play, forward, end, offset);
        transport.getStyleClass().add("transport");
        transport.setAlignment(Pos.CENTER_LEFT);

        // identity of the file
        TextField path = readOnlyField();
        path.setId("viewer-path");
        path.textProperty().bind(Bindings.createStringBinding(
                () -> vm.clipProperty().get() == null ? "" : vm.clipProperty().get().video().toString(), vm.clipProperty()));
        TextField sha = readOnlyField();
        sha.setId("viewer-sha256");
        sha.textProperty().bind(vm.sha256Property());
        Label keys = new Label(KEY_HELP);
        keys.getStyleClass().add("muted");
        keys.setWrapText(true);
        keys.setMinHeight(Region.USE_PREF_SIZE);
        VBox facts = new VBox(4, row("File", path), row("SHA-256", sha), row("Wall clock", wall), keys);
        facts.getStyleClass().add("file-facts");

        // the title and the buttons share a line when they fit; in a narrow viewer the buttons go below the title
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        HBox buttons = new HBox(8, similar, addToCase);
        buttons.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.layout.FlowPane header = new javafx.scene.layout.FlowPane(16, 6, title, buttons);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setMinWidth(0);
        getChildren().addAll(header, surface, error, timeline, hitTrack, transport, facts);
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        // a new clip (or the same one opened again) starts without a rectangle
        vm.openedProperty().addListener((o, a, b) -> {
            selection.setVisible(false);
            selected = null;
            requestFocus();
        });
    }

    private void placeSelection() {
        if (selected == null) {
            return;
        }
        Bounds img = picture.getBoundsInParent();
        selection.setX(img.getMinX() + selected[0] * img.getWidth());
        selection.setY(img.getMinY() + selected[1] * img.getHeight());
        selection.setWidth((selected[2] - selected[0]) * img.getWidth());
        selection.setHeight((selected[3] - selected[1]) * img.getHeight());
    }

    /** True while a rectangle is shown on the picture. */
    public boolean hasSelection() {
        return selection.isVisible();
    }

    private void onKey(KeyEvent e) {
        VideoPlayer p = vm.player();
        switch (e.getCode()) {
            case SPACE -> p.togglePlay();
            case LEFT, J -> p.stepBack();
            case RIGHT -> p.stepForward();
            case K -> p.pause();
            case L -> p.play();
            case HOME -> p.toStart();
            case END -> p.toEnd();
            case ESCAPE -> {
                selection.setVisible(false);
                selected = null;
            }
            default -> {
                return;
            }
        }
        e.consume();
    }

    private static Button iconButton(Icon icon, String tip, Runnable action) {
        Button b = new Button(null, icon.node(20));
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }

    private static TextField readOnlyField() {
        TextField f = new TextField();
        f.setEditable(false);
        f.getStyleClass().add("mono");
        f.setFocusTraversable(false);
        HBox.setHgrow(f, Priority.ALWAYS);
        return f;
    }

    private static HBox row(String label, TextField field) {
        Label l = new Label(label);
        l.getStyleClass().add("muted");
        l.setMinWidth(84);
        HBox h = new HBox(8, l, field);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }
}
