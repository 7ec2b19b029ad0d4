package org.sightline.desktop.models;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.MapChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.sightline.desktop.icons.Icon;
import org.sightline.desktop.models.ModelPacks.PackRow;

/** The Models page: installed packs, the active one, verification, import and the demo pack. */
public final class ModelsView extends VBox {

    public ModelsView(ModelsViewModel vm) {
        getStyleClass().add("page");
        setId("models-view");
        Label title = new Label("Model packs");
        title.getStyleClass().add("heading");

        Button importPack = new Button("Import a pack folder…", Icon.FOLDER_ADD.node(18));
        importPack.setId("models-import");
        importPack.setOnAction(e -> ModelActions.chooseAndImport(this, vm));
        Button importArchive = new Button("Import an archive…", Icon.FOLDER_ADD.node(18));
        importArchive.setId("models-import-archive");
        importArchive.setOnAction(e -> ModelActions.chooseArchiveAndImport(this, vm));
        importArchive.disableProperty().bind(vm.busyProperty());
        Button demo = new Button("Install demo model", Icon.MODELS.node(18));
        demo.setId("models-install-demo");
        demo.setOnAction(e -> vm.installDemo());
        Button verifyAll = new Button("Verify all", Icon.CHECK.node(18));
        verifyAll.setOnAction(e -> vm.verifyAll());
        importPack.disableProperty().bind(vm.busyProperty());
        demo.disableProperty().bind(vm.busyProperty());
        HBox actions = new HBox(10, importPack, importArchive, demo, verifyAll);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label demoNotice = new Label(ModelsViewModel.DEMO_NOTICE);
        demoNotice.setWrapText(true);
        // a wrapped label in a row gets one line unless it may grow: the warning must never be cut mid-sentence
        demoNotice.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        demoNotice.setMinWidth(0);
        HBox.setHgrow(demoNotice, Priority.ALWAYS);
        HBox notice = new HBox(10, Icon.WARNING.node(20), demoNotice);
        notice.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        notice.getStyleClass().add("notice");
        notice.setId("demo-notice");
        notice.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> vm.activeProperty().get() != null && vm.activeProperty().get().isDemo(), vm.activeProperty()));
        notice.managedProperty().bind(notice.visibleProperty());

        TableView<PackRow> table = new TableView<>(vm.rows());
        table.setId("models-table");
        table.setPlaceholder(new Label("No model pack installed. Install the demo model or import a pack folder."));
        table.setMinHeight(110);
        table.setPrefHeight(170);
        table.getColumns().add(column("Active", r -> r.active() ? "● active" : "", 90));
        table.getColumns().add(column("Name", PackRow::name, 230));
        table.getColumns().add(column("Version", PackRow::version, 80));
        table.getColumns().add(column("Kind", r -> r.problem() != null ? "unreadable: " + r.problem() : r.kind(), 320));
        table.getColumns().add(column("Verification", r -> vm.verificationOf(r.name()).toString(), 170));
        table.getColumns().add(column("Licence", PackRow::licence, 200));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        vm.verification().addListener((MapChangeListener<String, ModelsViewModel.Verification>) c -> table.refresh());
        VBox.setVgrow(table, Priority.SOMETIMES);

        Button activate = new Button("Make active");
        activate.setId("models-activate");
        activate.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull().or(vm.busyProperty()));
        activate.setOnAction(e -> vm.activate(table.getSelectionModel().getSelectedItem().name()));
        Button verify = new Button("Verify");
        verify.setId("models-verify");
        verify.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        verify.setOnAction(e -> vm.verify(table.getSelectionModel().getSelectedItem().name()));
        Label description = new Label();
        description.setWrapText(true);
        description.getStyleClass().add("muted");
        description.textProperty().bind(Bindings.createStringBinding(() -> {
            PackRow r = table.getSelectionModel().getSelectedItem();
            if (r == null) {
                return "";
            }
            ModelsViewModel.Verification v = vm.verificationOf(r.name());
            return (r.description() == null ? "" : r.description())
                    + (v.state() == ModelsViewModel.Verification.State.VERIFIED ? "  ·  " + v.detail() : "");
        }, table.getSelectionModel().selectedItemProperty(), vm.verification()));
        description.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        description.setMinWidth(0);
        HBox.setHgrow(description, Priority.ALWAYS);
        HBox rowActions = new HBox(10, activate, verify, description);
        rowActions.setAlignment(Pos.CENTER_LEFT);

        Label message = new Label();
        message.setId("models-message");
        message.textProperty().bind(vm.messageProperty());
        message.setWrapText(true);
        message.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        Label error = new Label();
        error.setId("models-error");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        error.managedProperty().bind(error.textProperty().isNotEmpty());

        getChildren().addAll(title, actions, notice, table, rowActions, new PerceptionPacksSection(vm), message, error);
    }

    static <T> TableColumn<T, String> column(String name, java.util.function.Function<T, String> f, double width) {
        TableColumn<T, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setMinWidth(width <= 90 ? width : 60); // short columns ("● active", the version) stay whole
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(f.apply(d.getValue())));
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                boolean none = empty || item == null || item.isEmpty();
                setText(none ? null : item);
                setTooltip(none ? null : new javafx.scene.control.Tooltip(item)); // whole when the column cuts it
            }
        });
        return c;
    }
}
