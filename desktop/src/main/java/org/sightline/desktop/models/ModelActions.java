package org.sightline.desktop.models;

import java.io.File;
import javafx.scene.Node;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

/** The buttons' shared behaviour: choose a pack folder or archive and import it. */
final class ModelActions {
    private ModelActions() {
    }

    static void chooseAndImport(Node owner, ModelsViewModel vm) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Choose a model or perception pack folder (sightline-model.json, sightline-perception.json or a"
                + " model export; Ctrl+L types a path)");
        File dir = chooser.showDialog(owner.getScene() == null ? null : owner.getScene().getWindow());
        if (dir != null) {
            vm.importPack(dir.toPath());
        }
    }

    static void chooseArchiveAndImport(Node owner, ModelsViewModel vm) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose a pack archive (.zip, .tar, .tar.gz) or a bare .onnx detector");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Pack archives and ONNX models", "*.zip", "*.tar", "*.tar.gz", "*.tgz", "*.onnx"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File file = chooser.showOpenDialog(owner.getScene() == null ? null : owner.getScene().getWindow());
        if (file != null) {
            vm.importPack(file.toPath());
        }
    }
}
