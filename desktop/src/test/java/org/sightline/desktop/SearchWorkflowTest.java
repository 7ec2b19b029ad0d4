package org.sightline.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.desktop.cases.AddNotice;
import org.sightline.desktop.search.ClipCard;
import org.sightline.desktop.services.WorkspaceServices;
import org.sightline.desktop.shell.Page;
import org.sightline.desktop.shell.Workbench;
import org.sightline.desktop.task.SynchronousTaskExecutor;
import org.sightline.indexer.app.DataDirectory;
import org.sightline.indexer.app.Workspace;
import org.sightline.indexer.audit.AuditLog;
import org.sightline.indexer.catalog.CatalogDatabase;
import org.sightline.indexer.ingest.IngestListener;
import org.sightline.indexer.ingest.IngestReport;
import org.sightline.indexer.ingest.IngestRequest;
import org.sightline.indexer.search.Clip;
import org.sightline.indexer.search.SearchQuery;
import org.sightline.models.store.ModelStore;
import org.sightline.models.testing.SharedData;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The investigator's path: type "red", see the red car's clip, open it at the right time. The window is real; the
 * work runs synchronously on the FX thread, so only the video player (its own thread) is waited for.
 */
@ExtendWith(ApplicationExtension.class)
class SearchWorkflowTest {
    private static final Path VIDEO = SharedData.footage("parking-aisle-cars.mp4");

    @TempDir
    static Path data;

    private SynchronousTaskExecutor tasks;
    private Workbench workbench;

    @BeforeAll
    static void indexOneFixtureWithTheDemoModel() throws Exception {
        DataDirectory dir = new DataDirectory(data).create();
        new ModelStore(dir.modelsDir()).installDemo();
        try (Workspace w = Workspace.open(dir)) {
            IngestReport r = w.ingest(IngestRequest.of(List.of(VIDEO)), IngestListener.NONE, () -> false);
            assertEquals(1, r.outcomes().size(), "one file indexed: " + r.outcomes());
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        tasks = new SynchronousTaskExecutor();
        DataDirectory dir = new DataDirectory(data);
        workbench = WorkbenchWindow.show(stage, dir, tasks, 1240, 780);
    }

    @AfterEach
    void stop() {
        workbench.close();
        tasks.close();
    }

    @Test
    void typingRedShowsTheRedCarClipAndOpensTheViewerAtTheHitFrame(FxRobot robot) throws Exception {
        assertTrue(!robot.lookup("#prompt-field").queryAs(TextField.class).isDisabled(), "the demo model is active");
        FxClicks.click(robot, "#prompt-field");
        robot.write("red").type(KeyCode.ENTER);
        assertTrue(!workbench.searchViewModel().shownClips().isEmpty());

        Clip top = workbench.searchViewModel().shownClips().getFirst();
        assertTrue(top.video().endsWith("parking-aisle-cars.mp4"), top.toString());
        assertTrue(top.startSeconds() <= 17.0 && top.endSeconds() >= 15.5,
                "the best clip for 'red' covers the red car at about 15-18 s, was " + top.startSeconds() + "-" + top.endSeconds());
        Node card = robot.lookup(".clip-card").match((ClipCard c) -> c.clip() == top).query();

        FxClicks.click(robot, card);
        double expected = top.bestOffsetSeconds();
        waitFor(() -> Math.abs(workbench.viewerViewModel().player().positionProperty().get() - expected) < 0.1);
        assertEquals(VIDEO.toString(), robot.lookup("#viewer-path").queryAs(TextField.class).getText());
        assertTrue(top.sha256().equals(robot.lookup("#viewer-sha256").queryAs(TextField.class).getText()));
        // opening the clip is recorded in the audit trail, after the search that found it
        var audit = new AuditLog(
                CatalogDatabase.open(new DataDirectory(data).catalogFile()));
        assertTrue(audit.entries().stream().anyMatch(e -> e.action().equals("view") && e.details().contains(top.sha256())));
        assertTrue(audit.entries().stream().anyMatch(e -> e.action().equals("search") && e.details().contains("red")));

        // keep the moment in a new case from the viewer, a frame after the hit: that frame becomes the item's hit,
        // and the search that found the clip is kept
        robot.interact(() -> workbench.casesViewModel().create("Red car", "T-1"));
        assertTrue(workbench.casesViewModel().currentProperty().get() != null);
        robot.interact(workbench.viewerViewModel().player()::stepForward);
        waitFor(() -> workbench.viewerViewModel().player().positionProperty().get() > expected + 0.01);
        double onScreen = workbench.viewerViewModel().player().positionProperty().get();
        FxClicks.click(robot, "#viewer-add-to-case");
        assertEquals(1, workbench.casesViewModel().items().size());
        var item = workbench.casesViewModel().items().getFirst();
        assertEquals(VIDEO, item.video());
        assertTrue(item.inSeconds() <= top.startSeconds() && item.outSeconds() >= top.endSeconds(), item.toString());
        assertEquals(onScreen, item.hitSeconds(), 1e-3, "the frame on screen is the hit");
        assertTrue(item.foundBy().contains("red"), "found by the search: " + item.foundBy());

        // find moments that look like a rectangle dragged on the picture
        javafx.geometry.Bounds picture = FxClicks.boundsOf(robot.lookup(".video-surface").query());
        robot.drag(picture.getCenterX() - 80, picture.getCenterY() - 40, javafx.scene.input.MouseButton.PRIMARY)
                .dropTo(picture.getCenterX() + 80, picture.getCenterY() + 40);
        assertTrue(robot.lookup("#viewer-find-similar").queryButton().getText().contains("selection"));
        FxClicks.click(robot, "#viewer-find-similar");
        assertTrue(workbench.searchViewModel().queryDescriptionProperty().get().startsWith("similar to"));
        assertTrue(!workbench.searchViewModel().searchingProperty().get());
        assertEquals(null, workbench.searchViewModel().errorProperty().get());
        assertTrue(!workbench.searchViewModel().shownClips().isEmpty());
        var example = (SearchQuery.Example.OfFrame) workbench.searchViewModel().lastResult()
                .query().example();
        assertTrue(example.frame().width() < 768 && example.frame().width() > 8, "a crop, " + example.frame().width() + " wide");
    }

    @Test
    void searchOpenAndAddFromTheKeyboardAlone(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("prompt-field", focusOwnerId(robot), "the prompt has the keyboard at start");
        robot.interact(() -> workbench.casesViewModel().create("Red car", "OP-1"));

        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT3).release(KeyCode.CONTROL);
        assertEquals(Page.CASES, workbench.mainViewModel().pageProperty().get());
        robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        assertEquals(Page.SEARCH, workbench.mainViewModel().pageProperty().get());
        assertEquals("prompt-field", focusOwnerId(robot));

        robot.write("white").type(KeyCode.ENTER);
        assertTrue(!workbench.searchViewModel().shownClips().isEmpty());
        robot.type(KeyCode.DOWN);
        assertEquals(workbench.searchViewModel().shownClips().get(0), focusedCard(robot).clip(), "Down moves into the results");
        if (workbench.searchViewModel().shownClips().size() >= 2) {
            robot.type(KeyCode.RIGHT);
            assertEquals(workbench.searchViewModel().shownClips().get(1), focusedCard(robot).clip());
            robot.type(KeyCode.LEFT);
        }
        Clip top = focusedCard(robot).clip();
        robot.type(KeyCode.ENTER);
        assertEquals(top, workbench.searchViewModel().selectedProperty().get(), "Enter opens the card");
        waitFor(() -> Math.abs(workbench.viewerViewModel().player().positionProperty().get() - top.bestOffsetSeconds()) < 0.1);
        assertEquals(top, focusedCard(robot).clip(), "the card keeps the keyboard");

        robot.press(KeyCode.CONTROL).type(KeyCode.D).release(KeyCode.CONTROL);
        assertEquals("Added to OP-1 as item 1", workbench.casesViewModel().noticeProperty().get().text());
        assertEquals(top.bestOffsetSeconds(), workbench.casesViewModel().items().getFirst().hitSeconds(), 1e-3);
        robot.press(KeyCode.CONTROL).type(KeyCode.D).release(KeyCode.CONTROL);
        assertEquals(AddNotice.Kind.DUPLICATE, workbench.casesViewModel().noticeProperty().get().kind(), "not twice unasked");

        robot.type(KeyCode.F1);
        assertTrue(robot.lookup("#shortcuts-help").query().isVisible(), "F1 lists the shortcuts");
        robot.type(KeyCode.F1);
        assertTrue(!robot.lookup("#shortcuts-help").query().isVisible());
        robot.type(KeyCode.UP);
        assertEquals("prompt-field", focusOwnerId(robot), "Up from the first row returns to the prompt");
    }

    private String focusOwnerId(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Node owner = workbench.view().getScene().getFocusOwner();
            return owner == null ? null : owner.getId();
        }).get(10, TimeUnit.SECONDS);
    }

    private ClipCard focusedCard(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> (ClipCard) workbench.view().getScene().getFocusOwner())
                .get(10, TimeUnit.SECONDS);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
    }
}
