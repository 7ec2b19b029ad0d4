package org.sightline.desktop.cases;

import java.util.Locale;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.sightline.desktop.cases.CaseFiles.RedactionReviewSet;
import org.sightline.desktop.cases.CaseFiles.ReviewFrame;
import org.sightline.desktop.cases.CaseFiles.ReviewItem;
import org.sightline.desktop.viewer.Timecodes;

/**
 * The review of a disclosure copy before it is exported: for each clip, frames across its span with the boxes the
 * plan hides; drop a box (click it, Delete) or draw one (drag on a picture); then "Export reviewed copy" exports
 * exactly what is shown.
 */
public final class RedactionReviewView extends VBox {
    private static final double TILE_WIDTH = 300;

    private final CasesViewModel vm;
    private final VBox itemsBox = new VBox(14);
    private final Label summary = new Label();

    public RedactionReviewView(CasesViewModel vm) {
        this.vm = vm;
        setId("redaction-review");
        getStyleClass().add("case-section");
        setSpacing(8);
        Label title = new Label("Disclosure copy: review what is hidden");
        title.getStyleClass().add("subheading");
        summary.setId("review-summary");
        summary.setWrapText(true);
        summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label how = new Label("Red boxes were found by a detector, yellow ones are yours. Click a box and press Delete to"
                + " drop it (the same object's box goes from the frames around it too); drag on a picture to draw a box,"
                + " hidden in every frame of that clip. The copy is exported exactly as shown.");
        how.getStyleClass().add("muted");
        how.setWrapText(true);
        how.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        ScrollPane scroll = new ScrollPane(itemsBox);
        scroll.setId("review-scroll");
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        BooleanBinding reviewing = vm.exportStateProperty().isEqualTo(ExportState.REVIEWING);
        Button export = new Button("Export reviewed copy");
        export.setId("review-export");
        export.getStyleClass().add("primary-button");
        export.disableProperty().bind(reviewing.not());
        export.setOnAction(e -> vm.exportReviewed());
        Button back = new Button("Back to the case");
        back.setId("review-close");
        back.disableProperty().bind(vm.exportStateProperty().isEqualTo(ExportState.RUNNING));
        back.setOnAction(e -> vm.closeReview());
        HBox buttons = new HBox(8, export, back);
        buttons.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title, summary, how, scroll, buttons);
        vm.reviewProperty().addListener((o, a, b) -> show(b));
        show(vm.reviewProperty().get());
    }

    private void show(RedactionReviewSet review) {
        itemsBox.getChildren().clear();
        if (review == null) {
            summary.setText("");
            return;
        }
        CaseFiles.DisclosureChoice c = review.choice();
        summary.setText("Hiding " + c.describe() + " by " + (c.blur() ? "blurring" : "blocking")
                + (c.leaveOriginalsOut() ? "; the originals are left out of the package." : "; the originals are included unchanged."));
        for (ReviewItem item : review.items()) {
            Label head = new Label(String.format(Locale.ROOT, "Clip %d · %s · %d frames, %d boxes to hide", item.position(),
                    item.file(), item.frameCount(), item.boxCount()));
            head.setId("review-item-" + item.position());
            head.getStyleClass().add("review-item-heading");
            FlowPane frames = new FlowPane(10, 10);
            for (int k = 0; k < item.frames().size(); k++) {
                ReviewFrame f = item.frames().get(k);
                Label at = new Label(Timecodes.offset(f.seconds()) + " · " + f.boxes().size() + " box(es)");
                at.getStyleClass().add("muted");
                frames.getChildren().add(new VBox(2, new ReviewFrameTile(vm, item.position(), k, f, TILE_WIDTH), at));
            }
            VBox section = new VBox(6, head, frames);
            for (String note : item.notes()) {
                Label n = new Label(note);
                n.getStyleClass().add("error-text");
                n.setWrapText(true);
                section.getChildren().add(1, n);
            }
            itemsBox.getChildren().add(section);
        }
    }
}
