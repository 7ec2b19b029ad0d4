package org.sightline.desktop.models;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.sightline.desktop.icons.Icon;

/** Shown where a search would be while no model pack is active: what is missing and the ways to fix it. */
public final class NoModelGuidanceView extends VBox {

    public NoModelGuidanceView(ModelsViewModel vm) {
        getStyleClass().add("guidance");
        setId("no-model-guidance");
        Label title = new Label("No model pack installed");
        title.getStyleClass().add("heading");
        Label why = new Label("Sightline needs a vision-language model pack to understand written prompts and to index "
                + "footage. Packs are verified by SHA-256 and run on this computer; nothing is downloaded.");
        why.setWrapText(true);
        Button demo = new Button("Install demo model", Icon.MODELS.node(18));
        demo.setId("guidance-install-demo");
        demo.getStyleClass().add("primary-button");
        demo.setOnAction(e -> vm.installDemo());
        demo.disableProperty().bind(vm.busyProperty());
        Button importPack = new Button("Import a pack folder…", Icon.FOLDER_ADD.node(18));
        importPack.setId("guidance-import-pack");
        importPack.setOnAction(e -> ModelActions.chooseAndImport(this, vm));
        importPack.disableProperty().bind(vm.busyProperty());
        HBox buttons = new HBox(12, demo, importPack);
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label demoNote = new Label(ModelsViewModel.DEMO_NOTICE);
        demoNote.setWrapText(true);
        demoNote.getStyleClass().add("muted");
        Label message = new Label();
        message.textProperty().bind(vm.messageProperty());
        Label error = new Label();
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        getChildren().addAll(title, why, buttons, demoNote, message, error);
    }
}
