package org.sightline.desktop.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.desktop.SightlineApp;
import org.sightline.desktop.services.StoreModelPacks;
import org.sightline.desktop.task.SynchronousTaskExecutor;
import org.sightline.indexer.app.DataDirectory;
import org.sightline.indexer.app.ModelLibrary;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Models page in a real window; the work runs synchronously on the FX thread, so no waiting. */
@ExtendWith(ApplicationExtension.class)
class ModelsViewTest {
    @TempDir
    Path data;

    private SynchronousTaskExecutor tasks;
    private ModelsViewModel vm;

    @Start
    void start(Stage stage) {
        tasks = new SynchronousTaskExecutor();
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
        assertTrue(vm.loadedProperty().get());
        assertTrue(vm.rows().isEmpty());
        assertTrue(!robot.lookup("#demo-notice").query().isVisible(), "no notice without the demo");

        org.sightline.desktop.FxClicks.click(robot, "#models-install-demo");
        assertTrue(vm.active().orElseThrow().isDemo(), vm.active().get().toString());
        assertTrue(robot.lookup("#demo-notice").query().isVisible());

        @SuppressWarnings("unchecked")
        TableView<ModelPacks.PackRow> table = robot.lookup("#models-table").queryAs(TableView.class);
        assertEquals(1, table.getItems().size());
        robot.interact(() -> table.getSelectionModel().select(0));
        org.sightline.desktop.FxClicks.click(robot, "#models-verify");
        assertEquals(ModelsViewModel.Verification.State.VERIFIED, vm.verificationOf(vm.active().get().name()).state());
        assertTrue(vm.verificationOf(vm.active().get().name()).detail().contains("SHA-256"));
    }

    @Test
    void listsThePerceptionPacksAndChoosesTheSelectedOneForItsUse(FxRobot robot) {
        @SuppressWarnings("unchecked")
        TableView<ModelPacks.PerceptionRow> table = robot.lookup("#perception-table").queryAs(TableView.class);
        assertEquals(4, table.getItems().size(), "the four starter packs: " + table.getItems());
        int text = table.getItems().indexOf(table.getItems().stream()
                .filter(r -> r.name().equals(org.sightline.models.perception.TextStarterPack.NAME)).findFirst().orElseThrow());
        robot.interact(() -> table.getSelectionModel().select(text));
        assertEquals("Use for reading text", robot.lookup("#perception-choose").queryButton().getText());

        org.sightline.desktop.FxClicks.click(robot, "#perception-choose");
        assertEquals(new ModelPacks.PackInUse(org.sightline.models.perception.TextStarterPack.NAME, true),
                vm.perceptionUses().get(ModelPacks.PerceptionUse.TEXT));
        String uses = robot.lookup("#perception-uses").queryAs(javafx.scene.control.Label.class).getText();
        assertTrue(uses.contains("Text reader: sightline-text-ppocrv4 (chosen)"), uses);
        assertTrue(uses.contains("Indexing detector: sightline-detector-centernet (built-in default)"), uses);
    }
}
