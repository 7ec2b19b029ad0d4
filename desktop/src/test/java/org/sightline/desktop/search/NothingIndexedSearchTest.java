package org.sightline.desktop.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.sightline.desktop.WorkbenchWindow;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.desktop.FxClicks;
import org.sightline.desktop.SightlineApp;
import org.sightline.desktop.services.WorkspaceServices;
import org.sightline.desktop.shell.Workbench;
import org.sightline.desktop.task.SynchronousTaskExecutor;
import org.sightline.indexer.app.DataDirectory;
import org.sightline.models.store.ModelStore;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** With a model but nothing indexed, a search points to the Library, alone on the page (issue 15, item 11). */
@ExtendWith(ApplicationExtension.class)
class NothingIndexedSearchTest {
    @TempDir
    Path data;

    private SynchronousTaskExecutor tasks;
    private Workbench workbench;

    @Start
    void start(Stage stage) throws Exception {
        DataDirectory dir = new DataDirectory(data).create();
        new ModelStore(dir.modelsDir()).installDemo();
        tasks = new SynchronousTaskExecutor();
        workbench = WorkbenchWindow.show(stage, dir, tasks, 1240, 780);
    }

    @AfterEach
    void stop() {
        workbench.close();
        tasks.close();
    }

    @Test
    void aSearchOverNothingIndexedPointsToTheLibrary(FxRobot robot) {
        FxClicks.click(robot, "#prompt-field");
        robot.write("red").type(KeyCode.ENTER);

        Label empty = robot.lookup("#search-empty").queryAs(Label.class);
        assertEquals("Nothing is indexed yet: add footage on the Library page (Ctrl+2), then search.", empty.getText());
        assertTrue(empty.isVisible());
        ScrollPane results = (ScrollPane) robot.lookup(".scroll-pane")
                .match((ScrollPane s) -> s.getContent() != null && s.getContent().getParent() != null
                        && s.getParent() == empty.getParent()).query();
        assertFalse(results.isVisible(), "no empty tier headers printed over the message");
    }
}
