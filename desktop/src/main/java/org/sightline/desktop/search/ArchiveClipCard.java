package org.sightline.desktop.search;

import java.io.ByteArrayInputStream;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
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

/**
 * One clip of a team archive search: the still kept in the archive, its tier, the file's name, the workstation,
 * camera, time span, recording time, why it matched, the objects the indexing workstation's detector saw, and where it
 * opens here in words. A clip this workstation can reach has an "Open" button (Enter too) that shows it in the viewer
 * at its best frame with its span marked; one it cannot says so and has none.
 */
public final class ArchiveClipCard extends VBox {
    static final double THUMB_WIDTH = 160;
    static final double THUMB_HEIGHT = 90;
    /** Narrower than this, the still goes above the words instead of beside them. */
    static final double SIDE_BY_SIDE_WIDTH = 440;

    private final ArchiveRow row;

    public ArchiveClipCard(ArchiveRow row, Runnable onOpen) {
        this.row = row;
        getStyleClass().addAll("clip-card", "archive-card");
        setSpacing(8);
        setAlignment(Pos.TOP_LEFT);
        setFocusTraversable(row.openableHere());

        ImageView thumb = new ImageView();
        thumb.setFitWidth(THUMB_WIDTH);
        thumb.setFitHeight(THUMB_HEIGHT);
        thumb.setPreserveRatio(true);
        row.thumbnailJpeg().ifPresent(jpeg -> thumb.setImage(
                new Image(new ByteArrayInputStream(jpeg), THUMB_WIDTH, THUMB_HEIGHT, true, true)));
        StackPane frame = new StackPane(thumb);
        frame.getStyleClass().add("thumb-frame");
        frame.setMinSize(THUMB_WIDTH, THUMB_HEIGHT);
        frame.setPrefSize(THUMB_WIDTH, THUMB_HEIGHT);
        frame.setMaxSize(THUMB_WIDTH, THUMB_HEIGHT);
        if (thumb.getImage() == null) {
            Label none = new Label("no still in the archive");
            none.getStyleClass().add("muted");
            none.setWrapText(true);
            frame.getChildren().add(none);
        }

        Label tier = new Label(row.tier());
        tier.getStyleClass().addAll("tier-badge", "tier-" + row.tier());
        tier.setMinWidth(Region.USE_PREF_SIZE);
        Label title = new Label(row.title());
        title.getStyleClass().add("file-name");
        HBox head = new HBox(6, tier, title);
        head.setAlignment(Pos.CENTER_LEFT);
        Label facts = new Label(row.facts());
        facts.getStyleClass().add("when");
        Label recorded = new Label(row.recorded());
        recorded.getStyleClass().add("when");
        Label where = new Label(row.openableHere() ? row.whereToOpen() : "Not on this workstation: " + row.whereToOpen());
        where.getStyleClass().add(row.openableHere() ? "archive-where" : "archive-not-here");
        where.setId(row.openableHere() ? null : "archive-not-here");
        VBox text = new VBox(4, head, facts, recorded);
        for (Label l : new Label[] {title, facts, recorded, where}) {
            l.setWrapText(true);
            l.setMinWidth(0);
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        if (!row.objects().isEmpty()) {
            FlowPane chips = new FlowPane(4, 4);
            chips.getStyleClass().add("object-chips");
            for (String o : row.objects()) {
                Label chip = new Label(o);
                chip.getStyleClass().add("object-chip");
                chips.getChildren().add(chip);
            }
            text.getChildren().add(chips);
        }
        VBox why = new VBox(2);
        why.getStyleClass().add("why-lines");
        for (String line : row.why()) {
            Label l = new Label("✓ " + line);
            l.getStyleClass().add("why-line");
            l.setWrapText(true);
            l.setMinWidth(0);
            l.setMinHeight(Region.USE_PREF_SIZE);
            why.getChildren().add(l);
        }
        text.getChildren().addAll(why, where);
        if (row.openableHere()) {
            Button open = new Button("Open", Icon.PLAY.node(14));
            open.getStyleClass().add("archive-open");
            open.setFocusTraversable(false);
            open.setOnAction(e -> onOpen.run());
            text.getChildren().add(open);
            setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ENTER) {
                    onOpen.run();
                    e.consume();
                }
            });
        }
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox side = new HBox(10, frame, text);
        side.setAlignment(Pos.TOP_LEFT);
        getChildren().add(side);
        widthProperty().addListener((o, was, is) -> {
            boolean narrow = is.doubleValue() > 0 && is.doubleValue() < SIDE_BY_SIDE_WIDTH;
            if (narrow && frame.getParent() == side) {
                side.getChildren().remove(frame);
                getChildren().addFirst(frame);
            } else if (!narrow && frame.getParent() != side) {
                getChildren().remove(frame);
                side.getChildren().addFirst(frame);
            }
        });
    }

    public ArchiveRow row() {
        return row;
    }
}
