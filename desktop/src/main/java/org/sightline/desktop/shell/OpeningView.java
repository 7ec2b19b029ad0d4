package org.sightline.desktop.shell;

import java.nio.file.Path;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * What the window shows while a data directory's services open in the background, and why they did not open
 * when that fails (with a way to choose another data directory).
 */
public final class OpeningView extends StackPane {
    private final Label text = new Label();
    private final ProgressIndicator spinner = new ProgressIndicator(-1);
    private final Button chooseAnother = new Button("Choose another data folder…");
    private final Button repair = new Button();

    /** @param chooseAnotherDirectory what "Choose another data folder…" does after a failure */
    public OpeningView(Path dataDirectory, Runnable chooseAnotherDirectory) {
        setId("opening-view");
        text.setId("opening-text");
        text.setWrapText(true);
        text.setText("Opening " + dataDirectory + "…");
        chooseAnother.setId("opening-choose-another");
        chooseAnother.setVisible(false);
        chooseAnother.setManaged(false);
        chooseAnother.setOnAction(e -> chooseAnotherDirectory.run());
        repair.setId("opening-repair");
        repair.getStyleClass().add("primary-button");
        repair.setVisible(false);
        repair.setManaged(false);
        VBox box = new VBox(spinner, text, repair, chooseAnother);
        box.getStyleClass().add("guidance");
        box.setAlignment(Pos.CENTER);
        getChildren().add(box);
    }

    /** Replaces the spinner by the reason, in plain words. */
    public void showFailure(Path dataDirectory, Throwable failure) {
        spinner.setVisible(false);
        spinner.setManaged(false);
        text.getStyleClass().add("error-text");
        String reason = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        text.setText("Cannot open the data directory " + dataDirectory + ": " + reason);
        chooseAnother.setVisible(true);
        chooseAnother.setManaged(true);
    }

    /** Offers a repair beside the failure (e.g. "Rebuild index" for a damaged search index). */
    public void offerRepair(String label, Runnable action) {
        repair.setText(label);
        repair.setOnAction(e -> {
            repair.setDisable(true);
            spinner.setVisible(true);
            spinner.setManaged(true);
            action.run();
        });
        repair.setVisible(true);
        repair.setManaged(true);
    }

    /** The line the view shows now. */
    public String text() {
        return text.getText();
    }
}
