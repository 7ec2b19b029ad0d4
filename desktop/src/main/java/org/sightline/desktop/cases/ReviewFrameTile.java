package org.sightline.desktop.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Cursor;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.sightline.desktop.cases.CaseFiles.BoxSource;
import org.sightline.desktop.cases.CaseFiles.ReviewBox;
import org.sightline.desktop.cases.CaseFiles.ReviewFrame;

/**
 * One frame of a disclosure copy's review with the plan's boxes drawn on it (red: found by a detector, green: a
 * tracked box, yellow: the user's). Click a box and press Delete to drop it; drag on the picture to draw a box that is
 * hidden in every frame of the clip.
 */
final class ReviewFrameTile extends Pane {
    /** Smallest drawn box, in pixels of the tile, taken as meant (smaller drags are clicks). */
    private static final double MIN_DRAWN = 6;

    private final CasesViewModel vm;
    private final int item;
    private final ReviewFrame frame;
    private final double width;
    private final double height;
    private final List<Rectangle> boxes = new ArrayList<>();
    private Rectangle selected;
    private ReviewBox selectedBox;
    private Rectangle drawing;
    private double startX;
    private double startY;

    ReviewFrameTile(CasesViewModel vm, int item, int index, ReviewFrame frame, double width) {
        this.vm = vm;
        this.item = item;
        this.frame = frame;
        this.width = width;
        Image image = new Image(frame.image().toUri().toString(), width, 0, true, true, false);
        this.height = image.getHeight() > 0 ? image.getHeight() : width * 9 / 16;
        setId(String.format(Locale.ROOT, "review-frame-%d-%d", item, index));
        getStyleClass().add("review-frame");
        setPrefSize(width, height);
        setMinSize(width, height);
        setMaxSize(width, height);
        setFocusTraversable(true);
        ImageView picture = new ImageView(image);
        picture.setFitWidth(width);
        picture.setFitHeight(height);
        picture.setCursor(Cursor.CROSSHAIR);
        getChildren().add(picture);
        for (int i = 0; i < frame.boxes().size(); i++) {
            ReviewBox b = frame.boxes().get(i);
            Rectangle r = new Rectangle(b.x() * width, b.y() * height, Math.max(1, b.width() * width), Math.max(1, b.height() * height));
            r.setId(String.format(Locale.ROOT, "review-box-%d-%d-%d", item, index, i));
            r.setFill(Color.TRANSPARENT);
            r.setStroke(colour(b.source()));
            r.setStrokeWidth(2);
            r.setCursor(Cursor.HAND);
            r.setOnMouseClicked(e -> {
                select(r, b);
                e.consume();
            });
            boxes.add(r);
            getChildren().add(r);
        }
        picture.setOnMousePressed(e -> {
            requestFocus();
            startX = clampX(e.getX());
            startY = clampY(e.getY());
            drawing = new Rectangle(startX, startY, 0, 0);
            drawing.setFill(Color.color(1, 1, 0, 0.15));
            drawing.setStroke(Color.YELLOW);
            drawing.setStrokeWidth(2);
            drawing.setMouseTransparent(true);
            getChildren().add(drawing);
        });
        picture.setOnMouseDragged(e -> {
            if (drawing != null) {
                double x = clampX(e.getX());
                double y = clampY(e.getY());
                drawing.setX(Math.min(startX, x));
                drawing.setY(Math.min(startY, y));
                drawing.setWidth(Math.abs(x - startX));
                drawing.setHeight(Math.abs(y - startY));
            }
        });
        picture.setOnMouseReleased(e -> {
            if (drawing == null) {
                return;
            }
            Rectangle d = drawing;
            drawing = null;
            getChildren().remove(d);
            if (d.getWidth() >= MIN_DRAWN && d.getHeight() >= MIN_DRAWN) {
                vm.drawBox(item, new ReviewBox(d.getX() / width, d.getY() / height, d.getWidth() / width,
                        d.getHeight() / height, BoxSource.MANUAL, "region"));
            } else {
                select(null, null);
            }
        });
        setOnKeyPressed(e -> {
            if ((e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) && selectedBox != null) {
                vm.dropBox(this.item, this.frame.seconds(), selectedBox);
                e.consume();
            }
        });
    }

    private void select(Rectangle r, ReviewBox b) {
        if (selected != null) {
            selected.setStrokeWidth(2);
            selected.getStrokeDashArray().clear();
        }
        selected = r;
        selectedBox = b;
        if (r != null) {
            r.setStrokeWidth(4);
            r.getStrokeDashArray().setAll(8.0, 4.0);
        }
        requestFocus();
    }

    private double clampX(double x) {
        return Math.max(0, Math.min(width, x));
    }

    private double clampY(double y) {
        return Math.max(0, Math.min(height, y));
    }

    static Color colour(BoxSource source) {
        return switch (source) {
            case DETECTOR -> Color.RED;
            case TRACKED -> Color.LIME;
            case MANUAL -> Color.YELLOW;
        };
    }
}
