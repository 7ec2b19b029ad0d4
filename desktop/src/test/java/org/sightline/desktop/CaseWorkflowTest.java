package org.sightline.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.desktop.cases.CaseFiles.ItemRow;
import org.sightline.desktop.cases.CaseFiles.Moment;
import org.sightline.desktop.cases.CasesView;
import org.sightline.desktop.cases.CasesViewModel;
import org.sightline.desktop.services.WorkspaceServices;
import org.sightline.desktop.shell.Page;
import org.sightline.desktop.shell.Workbench;
import org.sightline.desktop.task.SynchronousTaskExecutor;
import org.sightline.indexer.app.DataDirectory;
import org.sightline.indexer.export.ExportVerifier;
import org.sightline.models.testing.SharedData;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Finishing a case in the window, over the real case service and exporter: two clips of real footage, a note and
 * tags, reorder, remove and undo, then a signed export whose verification the page shows. Work runs synchronously on
 * the FX thread.
 */
@ExtendWith(ApplicationExtension.class)
class CaseWorkflowTest {
    private static final Path VIDEO = SharedData.footage("parking-aisle-cars.mp4");

    @TempDir
    Path temp;

    private SynchronousTaskExecutor tasks;
    private Workbench workbench;

    @Start
    void start(Stage stage) throws Exception {
        tasks = new SynchronousTaskExecutor();
        DataDirectory dir = new DataDirectory(temp.resolve("data")).create();
        workbench = WorkbenchWindow.show(stage, dir, tasks, 1280, 800);
    }

    @AfterEach
    void stop() {
        workbench.close();
        tasks.close();
    }

    @Test
    void twoClipsWithNotesReorderedRemovedAndBackThenExportedAndVerified(FxRobot robot) throws Exception {
        CasesViewModel cases = workbench.casesViewModel();
        robot.interact(() -> workbench.mainViewModel().show(Page.CASES));
        FxClicks.click(robot, "#cases-new-name");
        robot.write("Red car");
        FxClicks.click(robot, "#cases-new-reference");
        robot.write("OP-1");
        FxClicks.click(robot, "#cases-create");
        assertEquals("OP-1", cases.currentProperty().get().reference());

        robot.interact(() -> {
            cases.add(new Moment(VIDEO, null, "parking", 15, 18, 16, null, "red", false, 0.31f, "demo-colour"));
            cases.add(new Moment(VIDEO, null, "parking", 24, 27, 25, null, "white", false, 0.28f, "demo-colour"));
        });
        assertEquals(2, cases.items().size());
        assertEquals("Added to OP-1 as item 2", cases.noticeProperty().get().text());

        // a note and tags on the first clip
        @SuppressWarnings("unchecked")
        TableView<ItemRow> table = robot.lookup("#cases-items").queryAs(TableView.class);
        robot.interact(() -> table.getSelectionModel().select(0));
        FxClicks.click(robot, "#item-note");
        robot.write("red car drives through the aisle");
        FxClicks.click(robot, "#item-tags");
        robot.write("vehicle, red");
        FxClicks.click(robot, "#item-save");
        ItemRow first = cases.items().getFirst();
        assertEquals("red car drives through the aisle", first.note());
        assertEquals(List.of("vehicle", "red"), first.tags());

        // the white car first; remove it (Delete), undo
        robot.interact(() -> table.getSelectionModel().select(1));
        FxClicks.click(robot, "#item-up");
        assertEquals("white", cases.items().getFirst().foundBy().replaceAll(".*“(.*)”.*", "$1"));
        robot.interact(() -> table.getSelectionModel().select(0));
        robot.interact(table::requestFocus);
        robot.type(KeyCode.DELETE);
        assertEquals(1, cases.items().size());
        assertTrue(robot.lookup("#item-undo").query().isVisible());
        FxClicks.click(robot, "#item-undo");
        assertEquals(2, cases.items().size());
        assertTrue(cases.items().getFirst().foundBy().contains("white"), "back in first place");

        // a note on the case, then export into a chosen folder
        FxClicks.click(robot, "#case-notes");
        robot.write("Two sightings on the lot.");
        FxClicks.click(robot, "#case-save");
        assertEquals("Two sightings on the lot.", cases.currentProperty().get().notes());

        Path out = temp.resolve("export");
        robot.interact(() -> robot.lookup("#cases-view").queryAs(CasesView.class).setFolderPicker(w -> out.toFile()));
        FxClicks.click(robot, "#case-export");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("✔ verified", robot.lookup("#export-verdict").queryAs(Label.class).getText(),
                robot.lookup("#export-message").queryAs(Label.class).getText());
        assertTrue(Files.isRegularFile(out.resolve("manifest.json")));
        assertTrue(new ExportVerifier().verify(out).ok(), "the package checks out on its own too");
        assertEquals(out.toString(), robot.lookup("#export-folder").queryTextInputControl().getText());
    }
}
