package org.sightline.desktop.search;

import java.nio.file.Files;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.sightline.desktop.icons.Icon;
import org.sightline.desktop.viewer.Timecodes;
import org.sightline.indexer.search.Clip;

/** One search hit in the grid: thumbnail, score bar, camera, time, duration. */
public final class ClipCard extends VBox {
    public static final double THUMB_WIDTH = 224;
    public static final double THUMB_HEIGHT = 126;

    private final Clip clip;

    public ClipCard(Clip clip, Runnable onOpen, Runnable onAddToCase) {
        this.clip = clip;
        getStyleClass().add("clip-card");
        setPrefWidth(THUMB_WIDTH + 16);
        setMaxWidth(THUMB_WIDTH + 16);

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
        double strength = Math.clamp(clip.relativeStrength(), 0f, 1f);
        Region track = new Region();
        track.getStyleClass().add("track");
        StackPane scoreBar = new StackPane(track, bar);
        scoreBar.getStyleClass().add("score-bar");
        scoreBar.setMinHeight(8);
        scoreBar.setMaxHeight(8);
        StackPane.setAlignment(bar, Pos.CENTER_LEFT);
        bar.maxWidthProperty().bind(scoreBar.widthProperty().multiply(Math.max(0.03, strength)));
        bar.setMinWidth(0);
        Tooltip.install(scoreBar, new Tooltip("relative strength within this query: 100% is its best clip"));

        Label score = new Label(String.format(Locale.ROOT, "score %.3f · %d%% of best", clip.score(), Math.round(strength * 100)));
        score.getStyleClass().add("score-text");

        Label camera = new Label(clip.camera() == null || clip.camera().isBlank()
                ? clip.video().getFileName().toString() : clip.camera());
        camera.getStyleClass().add("camera");
        Tooltip.install(camera, new Tooltip(clip.video().toString()));
        Label when = new Label(describeTime(clip));
        when.getStyleClass().add("when");

        Button add = new Button(null, Icon.CASE_ADD.node(16));
        add.setTooltip(new Tooltip("Add to case"));
        add.getStyleClass().add("card-add");
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
        HBox top = new HBox(6, camera, spacer, add);
        top.setAlignment(Pos.CENTER_LEFT);

        getChildren().addAll(frame, scoreBar, top, when, score);
        setOnMouseClicked(e -> onOpen.run());
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

    /** Wall-clock time when known, else the offset in the file; plus the duration. */
    static String describeTime(Clip c) {
        String duration = String.format(Locale.ROOT, "%.1f s", c.durationSeconds());
        return c.wallClockStart()
                .map(t -> Timecodes.wallClock(t).substring(0, 19) + " · " + duration)
                .orElse(Timecodes.shortOffset(c.startSeconds()) + "–" + Timecodes.shortOffset(c.endSeconds())
                        + " in file · " + duration);
    }
}
