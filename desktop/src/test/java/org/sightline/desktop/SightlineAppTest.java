package org.sightline.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.indexer.app.DataDirectory;
import org.sightline.models.store.ModelStore;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real application on its own thread pool: it opens the data directory given by {@code sightline.data} in the
 * background, shows the workbench and runs the start-up search. (The surefire argLine keeps user preferences in
 * {@code target/}.)
 */
class SightlineAppTest {
    @TempDir
    Path data;

    private Application app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
        System.clearProperty("sightline.data");
        System.clearProperty("sightline.initialQuery");
    }

    @Test
    void opensTheDataDirectoryThenShowsTheWorkbenchAndRunsTheStartupSearch() throws Exception {
        new ModelStore(new DataDirectory(data).create().modelsDir()).installDemo();
        System.setProperty("sightline.data", data.toString());
        System.setProperty("sightline.initialQuery", "red");
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(SightlineApp.class);
        FxRobot robot = new FxRobot();

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> robot.lookup("#search-status").tryQuery().isPresent()
                        && robot.lookup("#search-status").queryAs(Label.class).getText().startsWith("0 clips found for “red”"));
        assertEquals("red", robot.lookup("#prompt-field").queryAs(TextField.class).getText());
        assertTrue(robot.lookup("#status-model").queryAs(Label.class).getText().startsWith("model: "),
                robot.lookup("#status-model").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#opening-view").tryQuery().isEmpty(), "the opening view gave way to the workbench");
    }
}
