package org.sightline.desktop.search;

import java.nio.file.Files;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.sightline.desktop.icons.Icon;
import org.sightline.desktop.viewer.CameraClock;
import org.sightline.desktop.viewer.Timecodes;
import org.sightline.indexer.search.Clip;

/**
 * One search hit in the grid: thumbnail, score bar, camera, file name, time in the file, wall-clock time and its source,
 * score, and, for an explained search, why it matched (one line per part with its evidence), object chips ("person ×
 * 2") and recognised text. Enter opens it; Space or P shows a larger still of its hit frame.
 */
public final class ClipCard extends VBox {
    public static final double THUMB_WIDTH = 224;
    public static final double THUMB_HEIGHT = 126;

    private final Clip clip;

    /**
     * @param shareOfBest  the clip's score over the best score of all hits of its search (0..1)
     * @param clockSource  where the wall-clock time comes from ("metadata", "filename"), null when unknown
     */
    public ClipCard(Clip clip, double shareOfBest, String clockSource, Runnable onOpen, Runnable onAddToCase) {
        this(clip, shareOfBest, clockSource, null, ClipExplanation.NONE, onOpen, onAddToCase, null);
    }

    /**
     * @param clock the camera's name, clock zone and time source; null to show the camera key and the workstation's zone
     */
    public ClipCard(Clip clip, double shareOfBest, String clockSource, CameraClock clock, Runnable onOpen, Runnable onAddToCase) {
        this(clip, shareOfBest, clockSource, clock, ClipExplanation.NONE, onOpen, onAddToCase, null);
    }

    /**
     * @param clock       the camera's name, clock zone and time source; null to show the camera key and the
     *                    workstation's zone
     * @param explanation why the clip matched (tier, parts with evidence, objects, text)
     * @param onPreview   Space or P on the card: show or hide the larger still (null: no preview)
     */
    public ClipCard(Clip clip, double shareOfBest, String clockSource, CameraClock clock, ClipExplanation explanation,
                    Runnable onOpen, Runnable onAddToCase, Runnable onPreview) {
        this.clip = clip;
        getStyleClass().add("clip-card");
        setPrefWidth(THUMB_WIDTH + 16);
        setMaxWidth(THUMB_WIDTH + 16);
        setFocusTraversable(true);

        ImageView thumb = new ImageView();
        thumb.setFitWidth(THUMB_WIDTH);
        thumb.setFitHeight(THUMB_HEIGHT);
        thumb.setPreserveRatio(true);
        if (clip.thumbnail() != null && Files.isRegularFile(clip.thumbnail())) {
            thumb.setImage(new Image(clip.thumbnail().toUri().toString(), THUMB_WIDTH, THUMB_HEIGHT, true, true, true));
        }
        StackPane frame = new StackPane(thumb);
        frame.getStyleClass().add("thumb-frame");
        frame.setMinSize(THUMB_WIDTH, THUMB_HEIGHT);
        frame.setPrefSize(THUMB_WIDTH, THUMB_HEIGHT);

        Region bar = new Region();
        bar.getStyleClass().add("bar");
        double strength = Math.clamp(shareOfBest, 0.0, 1.0);
        Region track = new Region();
        track.getStyleClass().add("track");
        StackPane scoreBar = new StackPane(track, bar);
        scoreBar.getStyleClass().add("score-bar");
        scoreBar.setMinHeight(8);
        scoreBar.setMaxHeight(8);
        StackPane.setAlignment(bar, Pos.CENTER_LEFT);
        bar.maxWidthProperty().bind(scoreBar.widthProperty().multiply(Math.max(0.03, strength)));
        bar.setMinWidth(0);
        Tooltip.install(scoreBar, new Tooltip("score as a share of the best score among all clips this search found"));

        Label score = new Label(scoreText(clip, strength));
        score.getStyleClass().add("score-text");

        String cameraName = clock != null && clock.cameraName() != null ? clock.cameraName() : clip.camera();
        Label camera = new Label(cameraName == null || cameraName.isBlank() ? "camera unknown" : cameraName);
        camera.getStyleClass().add("camera");
        Label file = new Label(clip.video().getFileName().toString());
        file.getStyleClass().add("file-name");
        Label offset = new Label(describeOffset(clip));
        offset.getStyleClass().add("when");
        String wallText = clock == null ? describeWallClock(clip, clockSource)
                : clip.wallClockStart().map(clock::describe).orElse("wall clock unknown");
        Label wall = new Label(wallText);
        wall.getStyleClass().add("when");
        Tooltip details = new Tooltip(clip.video() + "\n" + describeOffset(clip) + "\n" + wallText
                + "\n" + scoreText(clip, strength) + (explanation.why().isEmpty() ? "" : "\nwhy: " + String.join("\n     ",
                explanation.why())));
        details.setWrapText(true);
        details.setMaxWidth(560);
        if (onPreview == null) {
            Tooltip.install(this, details); // with a preview, its caption says all this
        }

        Button add = new Button(null, Icon.CASE_ADD.node(16));
        add.setTooltip(new Tooltip("Add to case (Ctrl+D)"));
        add.getStyleClass().add("card-add");
        add.setFocusTraversable(false);
        add.setVisible(onAddToCase != null);
        add.setManaged(onAddToCase != null);
        add.setOnAction(e -> {
            e.consume();
            if (onAddToCase != null) {
                onAddToCase.run();
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        camera.setMinWidth(0);
        HBox top = new HBox(6, camera, spacer, add);
        top.setAlignment(Pos.CENTER_LEFT);

        for (Label l : new Label[] {file, offset, wall, score}) {
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        getChildren().addAll(frame, scoreBar, top, file, offset, wall, score);
        if (explanation.tier() != null) {
            Label tier = new Label(explanation.tier());
            tier.getStyleClass().addAll("tier-badge", "tier-" + explanation.tier());
            top.getChildren().add(1, tier);
        }
        if (!explanation.objects().isEmpty()) {
            FlowPane chips = new FlowPane(4, 4);
            chips.getStyleClass().add("object-chips");
            for (String o : explanation.objects()) {
                Label chip = new Label(o);
                chip.getStyleClass().add("object-chip");
                chips.getChildren().add(chip);
            }
            getChildren().add(chips);
        }
        if (!explanation.text().isEmpty()) {
            Label text = new Label("text: " + String.join(" · ", explanation.text().stream().map(t -> "“" + t + "”").toList()));
            text.getStyleClass().add("recognised-text");
            text.setWrapText(true);
            text.setMinHeight(Region.USE_PREF_SIZE);
            getChildren().add(text);
        }
        if (!explanation.why().isEmpty()) {
            VBox why = new VBox(2);
            why.getStyleClass().add("why-lines");
            for (String line : explanation.why()) {
                Label l = new Label("✓ " + line);
                l.getStyleClass().add("why-line");
                l.setWrapText(true);
                l.setMinHeight(Region.USE_PREF_SIZE);
                why.getChildren().add(l);
            }
            getChildren().add(why);
        }
        setOnMouseClicked(e -> {
            requestFocus();
            onOpen.run();
        });
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE && onPreview == null) {
                onOpen.run();
                requestFocus(); // opened from the keyboard: the arrows keep moving through the cards
                e.consume();
            } else if ((e.getCode() == KeyCode.SPACE || e.getCode() == KeyCode.P) && onPreview != null) {
                onPreview.run();
                e.consume();
            }
        });
    }

    /**
     * A card is always {@link #THUMB_WIDTH} wide plus padding, so its wrapped lines (why it matched, the file name)
     * are measured at that width even when asked without one (a flow pane asks so, and would otherwise place the
     * cards of a row over each other).
     */
    @Override
    protected double computePrefHeight(double width) {
        return super.computePrefHeight(width < 0 ? getPrefWidth() : width);
    }

    @Override
    protected double computeMinHeight(double width) {
        return super.computeMinHeight(width < 0 ? getPrefWidth() : width);
    }

    /** "score 0.235 · 94% of best". */
    static String scoreText(Clip c, double shareOfBest) {
        return String.format(Locale.ROOT, "score %.3f · %d%% of best", c.score(), Math.round(shareOfBest * 100));
    }

    /** "0:15–0:18 in file · 3.0 s". */
    static String describeOffset(Clip c) {
        return Timecodes.shortOffset(c.startSeconds()) + "–" + Timecodes.shortOffset(c.endSeconds()) + " in file · "
                + String.format(Locale.ROOT, "%.1f s", c.durationSeconds());
    }

    /** "0:15": a moment or a length of a file. */
    static String describeLength(double seconds) {
        return Timecodes.shortOffset(seconds);
    }

    /** "2018-01-01 10:00:15 CET (from metadata)", or that it is unknown. */
    static String describeWallClock(Clip c, String source) {
        return c.wallClockStart()
                .map(t -> Timecodes.wallClockSeconds(t) + (source == null ? "" : " (from " + source + ")"))
                .orElse("wall clock unknown");
    }

    public Clip clip() {
        return clip;
    }

    public void setSelected(boolean selected) {
        if (selected) {
            if (!getStyleClass().contains("selected")) {
                getStyleClass().add("selected");
            }
        } else {
            getStyleClass().remove("selected");
        }
    }
}
