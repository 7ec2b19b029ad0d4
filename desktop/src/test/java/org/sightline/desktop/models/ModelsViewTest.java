package org.sightline.desktop.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.desktop.SightlineApp;
import org.sightline.desktop.services.StoreModelPacks;
import org.sightline.desktop.task.TaskExecutor;
import org.sightline.indexer.app.DataDirectory;
import org.sightline.indexer.app.ModelLibrary;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ModelsViewTest {
    @TempDir
    Path data;

    private TaskExecutor tasks;
    private ModelsViewModel vm;

    @Start
    void start(Stage stage) {
        tasks = new TaskExecutor();
        vm = new ModelsViewModel(tasks, new StoreModelPacks(ModelLibrary.open(new DataDirectory(data))));
        Scene scene = new Scene(new ModelsView(vm), 1100, 700);
        scene.getStylesheets().add(SightlineApp.stylesheet());
        stage.setScene(scene);
        stage.show();
        vm.refresh();
    }

    @AfterEach
    void stop() {
        tasks.close();
    }

    @Test
    void installsTheDemoWithItsNoticeAndVerifiesItInTheBackground(FxRobot robot) throws Exception {
        waitFor(() -> vm.loadedProperty().get());
        assertTrue(vm.rows().isEmpty());
        assertTrue(!robot.lookup("#demo-notice").query().isVisible(), "no notice without the demo");

        org.sightline.desktop.FxClicks.click(robot, "#models-install-demo");
        waitFor(() -> vm.active().isPresent());
        assertTrue(vm.active().get().isDemo(), vm.active().get().toString());
        waitFor(() -> robot.lookup("#demo-notice").query().isVisible());

        @SuppressWarnings("unchecked")
        TableView<ModelPacks.PackRow> table = robot.lookup("#models-table").queryAs(TableView.class);
        assertEquals(1, table.getItems().size());
        robot.interact(() -> table.getSelectionModel().select(0));
        org.sightline.desktop.FxClicks.click(robot, "#models-verify");
        waitFor(() -> vm.verificationOf(vm.active().get().name()).state() == ModelsViewModel.Verification.State.VERIFIED);
        assertTrue(vm.verificationOf(vm.active().get().name()).detail().contains("SHA-256"));
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
    }
}
