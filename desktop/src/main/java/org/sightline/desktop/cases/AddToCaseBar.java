package org.sightline.desktop.cases;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.sightline.desktop.cases.CaseFiles.CaseRow;

/**
 * The answer to "Add to case", shown where it was pressed (above the results and the viewer): "Added to OP-1 as
 * item 3"; without a case, a case picker and a "new case" field (the clip waits, it is not lost); on a duplicate,
 * "Add again" or not.
 */
public final class AddToCaseBar extends HBox {

    public AddToCaseBar(CasesViewModel vm) {
        setId("add-notice");
        getStyleClass().add("add-notice");
        setSpacing(8);
        setAlignment(Pos.CENTER_LEFT);

        Label text = new Label();
        text.setId("add-notice-text");
        text.setWrapText(true);
        text.setMinWidth(200);
        HBox.setHgrow(text, Priority.ALWAYS);

        ComboBox<CaseRow> pick = new ComboBox<>(vm.cases());
        pick.setId("add-notice-case");
        pick.setPromptText("choose a case");
        Button addHere = new Button("Add to this case");
        addHere.setId("add-notice-add");
        addHere.disableProperty().bind(pick.valueProperty().isNull());
        addHere.setOnAction(e -> vm.addWaitingTo(pick.getValue()));
        TextField newName = new TextField();
        newName.setId("add-notice-new-name");
        newName.setPromptText("new case name");
        newName.setPrefColumnCount(12);
        Button create = new Button("New case and add");
        create.setId("add-notice-create");
        create.disableProperty().bind(newName.textProperty().isEmpty());
        Runnable createAndAdd = () -> {
            if (!newName.getText().isBlank()) {
                vm.createAndAdd(newName.getText(), null);
                newName.clear();
            }
        };
        create.setOnAction(e -> createAndAdd.run());
        newName.setOnAction(e -> createAndAdd.run());
        FlowPane chooser = new FlowPane(8, 6, pick, addHere, new Label("or"), newName, create);
        chooser.setAlignment(Pos.CENTER_LEFT);

        Button again = new Button("Add again");
        again.setId("add-notice-again");
        again.setOnAction(e -> vm.addAgain());
        Button close = new Button("Dismiss");
        close.setId("add-notice-dismiss");
        close.setOnAction(e -> vm.dismissNotice());

        getChildren().addAll(text, chooser, again, close);
        Runnable show = () -> {
            AddNotice n = vm.noticeProperty().get();
            setVisible(n != null);
            setManaged(n != null);
            if (n == null) {
                return;
            }
            text.setText(n.text());
            getStyleClass().removeAll("added", "failed", "waiting");
            getStyleClass().add(switch (n.kind()) {
                case ADDED, ADDING -> "added";
                case FAILED -> "failed";
                case NEEDS_CASE, DUPLICATE -> "waiting";
            });
            boolean needsCase = n.kind() == AddNotice.Kind.NEEDS_CASE;
            chooser.setVisible(needsCase);
            chooser.setManaged(needsCase);
            again.setVisible(n.kind() == AddNotice.Kind.DUPLICATE);
            again.setManaged(again.isVisible());
            close.setText(n.waiting() ? (needsCase ? "Cancel" : "Don't add") : "Dismiss");
            if (needsCase) {
                pick.setValue(null);
            }
        };
        vm.noticeProperty().addListener((o, a, b) -> show.run());
        pick.disableProperty().bind(Bindings.isEmpty(vm.cases()));
        show.run();
    }
}
