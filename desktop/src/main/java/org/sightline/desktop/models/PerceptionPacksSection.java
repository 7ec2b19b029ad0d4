package org.sightline.desktop.models;

import javafx.beans.binding.Bindings;
import javafx.collections.MapChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.sightline.desktop.models.ModelPacks.PackInUse;
import org.sightline.desktop.models.ModelPacks.PerceptionRow;
import org.sightline.desktop.models.ModelPacks.PerceptionUse;

/**
 * The Models page's perception packs: installed and starter detectors and text readers, which one indexes, redacts
 * faces and reads text, verification, and choosing the selected pack for its use (with a confirmation for a detector
 * that knows no {@code person}).
 */
final class PerceptionPacksSection extends VBox {

    PerceptionPacksSection(ModelsViewModel vm) {
        super(8);
        setId("perception-section");
        VBox.setVgrow(this, Priority.ALWAYS);
        Label title = new Label("Perception packs (object detectors, text readers)");
        title.getStyleClass().add("subheading");

        Label inUse = new Label();
        inUse.setId("perception-uses");
        inUse.setWrapText(true);
        inUse.setMinHeight(Region.USE_PREF_SIZE);
        inUse.textProperty().bind(Bindings.createStringBinding(() -> usesLine(vm), vm.perceptionUses()));

        TableView<PerceptionRow> table = new TableView<>(vm.perceptionRows());
        table.setId("perception-table");
        table.setMinHeight(120);
        table.setPlaceholder(new Label("No perception pack: build Sightline again to make the starter packs, or import one."));
        table.getColumns().add(fixed(ModelsView.column("Name", PerceptionRow::name, 235), 230));
        table.getColumns().add(fixed(ModelsView.column("Kind", r -> r.problem() != null ? "unreadable: " + r.problem() : r.kind(), 90), 85));
        table.getColumns().add(fixed(ModelsView.column("Classes", r -> r.classes() == 0 ? "" : Integer.toString(r.classes()), 78), 78));
        table.getColumns().add(fixed(ModelsView.column("Used for", r -> vm.rolesOf(r.name()), 165), 160));
        table.getColumns().add(fixed(ModelsView.column("Verification", r -> vm.perceptionVerificationOf(r.name()).toString(), 118), 118));
        table.getColumns().add(ModelsView.column("Licence", PerceptionRow::licence, 200));
        table.getColumns().add(ModelsView.column("Source", r -> (r.starter() ? "built in · " : "") + (r.source() == null ? "" : r.source()), 260));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        vm.perceptionVerification().addListener((MapChangeListener<String, ModelsViewModel.Verification>) c -> table.refresh());
        vm.perceptionUses().addListener((MapChangeListener<PerceptionUse, PackInUse>) c -> table.refresh());
        VBox.setVgrow(table, Priority.ALWAYS);

        Button choose = new Button(PerceptionUse.INDEXING.action());
        choose.setId("perception-choose");
        choose.textProperty().bind(Bindings.createStringBinding(() -> {
            PerceptionRow r = table.getSelectionModel().getSelectedItem();
            return r == null || r.fitsUse() == null ? PerceptionUse.INDEXING.action() : r.fitsUse().action();
        }, table.getSelectionModel().selectedItemProperty()));
        choose.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull().or(vm.busyProperty()));
        choose.setMinWidth(Region.USE_PREF_SIZE);
        choose.setOnAction(e -> vm.choosePerception(table.getSelectionModel().getSelectedItem().name()));
        Button verify = new Button("Verify");
        verify.setId("perception-verify");
        verify.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        verify.setMinWidth(Region.USE_PREF_SIZE);
        verify.setOnAction(e -> vm.verifyPerception(table.getSelectionModel().getSelectedItem().name()));
        Label detail = new Label();
        detail.setWrapText(true);
        detail.getStyleClass().add("muted");
        detail.setMinHeight(Region.USE_PREF_SIZE);
        detail.setMinWidth(0);
        detail.textProperty().bind(Bindings.createStringBinding(() -> {
            PerceptionRow r = table.getSelectionModel().getSelectedItem();
            if (r == null) {
                return "A bare ONNX detector is imported from the command line: sightline models import FILE --decoding"
                        + " FAMILY --classes coco|FILE";
            }
            ModelsViewModel.Verification v = vm.perceptionVerificationOf(r.name());
            if (r.problem() != null) {
                return "Its manifest cannot be read: " + r.problem();
            }
            return (r.fitsUse() == null ? "Knows no 'person' nor 'face': it indexes only if you confirm. " : "")
                    + "Licence: " + r.licence() + ". Source: " + r.source() + "."
                    + (v.state() == ModelsViewModel.Verification.State.VERIFIED ? " " + v.detail() + "." : "");
        }, table.getSelectionModel().selectedItemProperty(), vm.perceptionVerification()));
        HBox.setHgrow(detail, Priority.ALWAYS);
        HBox rowActions = new HBox(10, choose, verify, detail);
        rowActions.setAlignment(Pos.CENTER_LEFT);

        Label error = new Label();
        error.setId("perception-error");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(vm.perceptionErrorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());

        vm.pendingChoiceProperty().addListener((obs, was, pending) -> {
            if (pending != null) {
                confirm(pending, vm);
            }
        });
        getChildren().addAll(title, inUse, table, rowActions, error);
        vm.checkPerceptionPacks(); // the page is shown: its packs are verified in the background

    }

    /** A column that keeps at least this width (names and uses stay whole in narrow windows). */
    private static <T> javafx.scene.control.TableColumn<T, String> fixed(javafx.scene.control.TableColumn<T, String> c, double min) {
        c.setMinWidth(min);
        return c;
    }

    private void confirm(ModelsViewModel.PendingChoice pending, ModelsViewModel vm) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, pending.question(), ButtonType.OK, ButtonType.CANCEL);
        alert.setHeaderText("Index with " + pending.name() + "?");
        if (getScene() != null) {
            alert.initOwner(getScene().getWindow());
        }
        alert.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        if (alert.showAndWait().filter(ButtonType.OK::equals).isPresent()) {
            vm.confirmChoice();
        } else {
            vm.cancelChoice();
        }
    }

    private static String usesLine(ModelsViewModel vm) {
        StringBuilder line = new StringBuilder();
        for (PerceptionUse u : PerceptionUse.values()) {
            PackInUse p = vm.perceptionUses().get(u);
            String label = switch (u) {
                case INDEXING -> "Indexing detector";
                case FACE_REDACTION -> "Face redaction";
                case TEXT -> "Text reader";
            };
            line.append(line.isEmpty() ? "" : "   ·   ").append(label).append(": ")
                    .append(p == null ? "none" : p.name() + (p.chosen() ? " (chosen)" : " (built-in default)"));
        }
        return line.toString();
    }
}
