package org.sightline.desktop;

import java.io.IOException;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.sightline.desktop.services.WorkspaceServices;
import org.sightline.desktop.shell.Workbench;
import org.sightline.desktop.task.TaskExecutor;
import org.sightline.indexer.app.DataDirectory;

/** The workbench of a data directory in the test stage, styled as the app is, at a given window size. */
public final class WorkbenchWindow {
    private WorkbenchWindow() {
    }

    /**
     * Opens the data directory's services, puts its workbench in {@code stage} at {@code width}×{@code height} with the
     * app's stylesheet and shows it. The caller closes the workbench.
     */
    public static Workbench show(Stage stage, DataDirectory dir, TaskExecutor tasks, double width, double height) throws IOException {
        Workbench workbench = new Workbench(dir, WorkspaceServices.open(dir), tasks);
        Scene scene = new Scene(workbench.view(), width, height);
        scene.getStylesheets().add(SightlineApp.stylesheet());
        stage.setScene(scene);
        stage.sizeToScene(); // TestFX reuses one stage: a smaller window left by an earlier test would hide the right side
        stage.show();
        return workbench;
    }
}
