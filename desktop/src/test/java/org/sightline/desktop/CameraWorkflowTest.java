package org.sightline.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.desktop.library.FootageLibrary.CameraRow;
import org.sightline.desktop.search.ClipCard;
import org.sightline.desktop.services.WorkspaceServices;
import org.sightline.desktop.shell.Page;
import org.sightline.desktop.shell.Workbench;
import org.sightline.desktop.task.SynchronousTaskExecutor;
import org.sightline.indexer.app.DataDirectory;
import org.sightline.indexer.app.Workspace;
import org.sightline.indexer.ingest.IngestListener;
import org.sightline.indexer.ingest.IngestReport;
import org.sightline.indexer.ingest.IngestRequest;
import org.sightline.models.store.ModelStore;
import org.sightline.models.testing.SharedData;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Cameras on the Library page: set the workstation zone, name camera "gate" and set its zone, then a search card shows the new name and the
 * wall clock on the camera's clock. The fixture's recording start is in its file name: 2024-07-15 20:30:00 UTC,
 * 21:30 in London (summer time).
 */
@ExtendWith(ApplicationExtension.class)
class CameraWorkflowTest {
    @TempDir
    static Path data;
    @TempDir
    static Path footage;

    private SynchronousTaskExecutor tasks;
    private Workbench workbench;

    @BeforeAll
    static void indexOneCameraWithTheDemoModel() throws Exception {
        Path gate = Files.createDirectories(footage.resolve("gate"));
        Files.copy(SharedData.footage("tiny-highway-48px-raw.avi"), gate.resolve("20240715_203000.avi"));
        DataDirectory dir = new DataDirectory(data).create();
        new ModelStore(dir.modelsDir()).installDemo();
        try (Workspace w = Workspace.open(dir)) {
            IngestReport r = w.ingest(IngestRequest.of(List.of(gate)), IngestListener.NONE, () -> false);
            assertEquals(1, r.outcomes().size(), "one file indexed: " + r.outcomes());
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        tasks = new SynchronousTaskExecutor();
        DataDirectory dir = new DataDirectory(data);
        workbench = WorkbenchWindow.show(stage, dir, tasks, 1280, 800);
    }

    @AfterEach
    void stop() {
        workbench.close();
        tasks.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void renameACameraAndSetItsZoneThenACardShowsThem(FxRobot robot) throws Exception {
        robot.interact(() -> workbench.mainViewModel().show(Page.LIBRARY));
        TableView<CameraRow> cameras = robot.lookup("#library-cameras").queryAs(TableView.class);
        assertEquals(1, cameras.getItems().size());
        assertEquals("UTC", cameras.getItems().getFirst().zone());
        assertTrue(cameras.getItems().getFirst().zoneAssumed());
        assertTrue(robot.lookup("#workstation-zone").queryAs(Label.class).getText().endsWith("(from the operating system)"));

        // the workstation zone, set from the same zone list, stands in for the camera's until it has its own
        robot.interact(() -> robot.lookup("#camera-zone-search").queryAs(TextField.class).setText("tokyo"));
        FxClicks.click(robot, "#workstation-zone-save");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Workstation zone, for cameras with none of their own: Asia/Tokyo (from the workstation setting)",
                robot.lookup("#workstation-zone").queryAs(Label.class).getText(),
                robot.lookup("#camera-message").queryAs(Label.class).getText());
        assertEquals("Asia/Tokyo (workstation zone, from the workstation setting)", cameras.getItems().getFirst().zoneLabel());

        robot.interact(() -> cameras.getSelectionModel().select(0));
        robot.interact(() -> robot.lookup("#camera-name").queryAs(TextField.class).setText("Front gate"));
        robot.interact(() -> robot.lookup("#camera-zone-search").queryAs(TextField.class).setText("london"));
        ListView<String> zones = robot.lookup("#camera-zones").queryAs(ListView.class);
        assertEquals(List.of("Europe/London"), List.copyOf(zones.getItems()), "the zone list filters as one types");
        assertEquals("Europe/London", zones.getSelectionModel().getSelectedItem());
        FxClicks.click(robot, "#camera-save");
        WaitForAsyncUtils.waitForFxEvents();

        CameraRow saved = cameras.getItems().getFirst();
        assertEquals("Front gate", saved.name(), robot.lookup("#camera-message").queryAs(Label.class).getText());
        assertEquals("Europe/London", saved.zone());
        assertFalse(saved.zoneAssumed());

        robot.interact(() -> workbench.mainViewModel().show(Page.SEARCH));
        robot.interact(() -> robot.lookup("#prompt-field").queryAs(TextField.class).setText("grey"));
        robot.interact(() -> workbench.searchViewModel().search());
        assertFalse(workbench.searchViewModel().shownClips().isEmpty(), "the grey highway matches \"grey\"");
        ClipCard card = robot.lookup(".clip-card").queryAs(ClipCard.class);
        String texts = String.join(" | ", robot.from(card).lookup(".label").queryAllAs(Label.class).stream().map(Label::getText).toList());
        assertTrue(texts.contains("Front gate"), texts);
        assertTrue(texts.contains("2024-07-15 21:30:0") && texts.contains("Europe/London (UTC+01:00)")
                && texts.contains("from file name"), texts);
        MenuButton filter = robot.lookup("#filter-cameras").queryAs(MenuButton.class);
        assertEquals(List.of("Front gate"), filter.getItems().stream().map(i -> i.getText()).toList(),
                "the camera filter lists cameras by name");

        FxClicks.click(robot, card);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#viewer-wallclock").queryAs(TextField.class)
                .getText().contains("Europe/London (UTC+01:00)"));
    }
}
