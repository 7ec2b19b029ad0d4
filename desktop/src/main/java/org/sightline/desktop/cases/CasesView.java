package org.sightline.desktop.cases;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.sightline.desktop.cases.CaseFiles.CaseRow;
import org.sightline.desktop.cases.CaseFiles.ItemRow;
import org.sightline.desktop.viewer.Timecodes;

/** The Cases page: choose or create the current case and see the clips kept in it. */
public final class CasesView extends VBox {

    public CasesView(CasesViewModel vm) {
        getStyleClass().add("page");
        setId("cases-view");
        Label title = new Label("Cases");
        title.getStyleClass().add("heading");
        Label unavailable = new Label("Case dossiers are not available in this build. \"Add to case\" stays disabled.");
        unavailable.getStyleClass().add("muted");
        unavailable.visibleProperty().bind(vm.availableProperty().not());
        unavailable.managedProperty().bind(unavailable.visibleProperty());

        ComboBox<CaseRow> current = new ComboBox<>(vm.cases());
        current.setId("cases-current");
        current.setPromptText("no case yet");
        current.valueProperty().bindBidirectional(vm.currentProperty());
        current.setPrefWidth(360);
        TextField name = new TextField();
        name.setId("cases-new-name");
        name.setPromptText("new case name");
        TextField reference = new TextField();
        reference.setPromptText("reference (optional)");
        Button create = new Button("Create case");
        create.setId("cases-create");
        create.disableProperty().bind(name.textProperty().isEmpty());
        create.setOnAction(e -> {
            vm.create(name.getText(), reference.getText());
            name.clear();
            reference.clear();
        });
        Label currentLabel = new Label("Current case");
        currentLabel.getStyleClass().add("muted");
        HBox chooser = new HBox(10, currentLabel, current, name, reference, create);
        chooser.setAlignment(Pos.CENTER_LEFT);
        chooser.disableProperty().bind(vm.availableProperty().not());

        TableView<ItemRow> table = new TableView<>(vm.items());
        table.setId("cases-items");
        table.setPlaceholder(new Label("No clips in this case yet. Use \"Add to case\" on a search result or in the viewer."));
        table.getColumns().addAll(List.of(
                column("#", r -> Integer.toString(r.position())),
                column("File", r -> r.video().getFileName().toString()),
                column("Camera", r -> r.camera() == null ? "" : r.camera()),
                column("Span", r -> Timecodes.offset(r.inSeconds()) + " – " + Timecodes.offset(r.outSeconds())),
                column("Hit", r -> Timecodes.offset(r.hitSeconds())),
                column("Found by", ItemRow::foundBy),
                column("Note", ItemRow::note)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(table, Priority.ALWAYS);

        Label message = new Label();
        message.textProperty().bind(vm.messageProperty());
        Label error = new Label();
        error.setId("cases-error");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(Bindings.isNotNull(vm.errorProperty()));
        getChildren().addAll(title, unavailable, chooser, table, message, error);
    }

    private static TableColumn<ItemRow, String> column(String name, java.util.function.Function<ItemRow, String> f) {
        TableColumn<ItemRow, String> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(f.apply(d.getValue())));
        return c;
    }
}
