package org.sightline.desktop.models;

import java.io.File;
import javafx.scene.Node;
import javafx.stage.DirectoryChooser;

/** The buttons' shared behaviour: choose a pack folder and import it. */
final class ModelActions {
    private ModelActions() {
    }

    static void chooseAndImport(Node owner, ModelsViewModel vm) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Choose a model pack folder (it holds sightline-model.json; Ctrl+L types a path)");
        File dir = chooser.showDialog(owner.getScene() == null ? null : owner.getScene().getWindow());
        if (dir != null) {
            vm.importPack(dir.toPath());
        }
    }
}
