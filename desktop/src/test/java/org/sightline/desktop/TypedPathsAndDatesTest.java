package org.sightline.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.desktop.library.VideoEntry;
import org.sightline.desktop.services.WorkspaceServices;
import org.sightline.desktop.shell.Page;
import org.sightline.desktop.shell.Workbench;
import org.sightline.desktop.library.LibraryViewModel.JobState;
import org.sightline.desktop.task.FxTaskExecutor;
import org.sightline.indexer.app.DataDirectory;
import org.sightline.indexer.app.Workspace;
import org.sightline.indexer.ingest.IngestListener;
import org.sightline.indexer.ingest.IngestRequest;
import org.sightline.indexer.search.Clip;
import org.sightline.models.store.ModelStore;
import org.sightline.models.testing.SharedData;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 15, item 11, in a real window over real footage: a folder path typed on the Library page is added, a copy of a
 * video reads "duplicate" with its whole reason and is counted apart as the status bar counts; ISO dates typed in the
 * Search page's date fields stay and narrow the results to the footage recorded then (times from the file names).
 */
@ExtendWith(ApplicationExtension.class)
class TypedPathsAndDatesTest {
    @TempDir
    static Path data;
    @TempDir
    static Path footage;

    private static Path evening;
    private static Path morning;
    private static Path copy;

    private FxTaskExecutor tasks; // the real pool: indexing reports from its own thread
    private Workbench workbench;

    @BeforeAll
    static void twoRecordingsOnTwoDaysAndACopy() throws Exception {
        Path gate = Files.createDirectories(footage.resolve("gate"));
        evening = Files.copy(SharedData.footage("tiny-highway-48px-raw.avi"), gate.resolve("gate_20180101_213000.avi"));
        morning = Files.copy(SharedData.footage("motorway-cctv-cyclist.avi"), gate.resolve("gate_20180102_080000.avi"));
        copy = Files.copy(evening, Files.createDirectories(footage.resolve("copies")).resolve("evening copy.avi"));
        DataDirectory dir = new DataDirectory(data).create();
        new ModelStore(dir.modelsDir()).installDemo();
        try (Workspace w = Workspace.open(dir)) {
            w.ingest(IngestRequest.of(List.of(gate)), IngestListener.NONE, () -> false);
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        tasks = new FxTaskExecutor();
        DataDirectory dir = new DataDirectory(data);
        workbench = WorkbenchWindow.show(stage, dir, tasks, 1240, 780);
    }

    @AfterEach
    void stop() {
        workbench.close();
        tasks.close();
    }

    @Test
    void aTypedFolderIsAddedAndItsCopyReadsDuplicateWithTheWholeReason(FxRobot robot) throws Exception {
        robot.interact(() -> workbench.mainViewModel().show(Page.LIBRARY));
        FxClicks.click(robot, "#library-path");
        robot.write(footage.resolve("nowhere").toString()).type(KeyCode.ENTER);
        assertEquals("There is no folder or file " + footage.resolve("nowhere") + ".",
                robot.lookup("#library-path-problem").queryAs(Label.class).getText());

        robot.interact(() -> robot.lookup("#library-path").queryAs(TextField.class).setText(footage.toString()));
        FxClicks.click(robot, "#library-add");
        WaitForAsyncUtils.waitForFxEvents();
        waitFor(() -> workbench.libraryViewModel().stateProperty().get() == JobState.IDLE
                && workbench.libraryViewModel().messageProperty().get().startsWith("Done")
                && workbench.libraryViewModel().videos().stream().anyMatch(v -> v.path().equals(copy)));
        waitFor(() -> workbench.mainViewModel().statusBar().indexSizeProperty().get().startsWith("index: 2 videos"));
        assertEquals("", robot.lookup("#library-path").queryAs(TextField.class).getText(), "added: the field is cleared");
        assertFalse(robot.lookup("#library-path-problem").queryAs(Label.class).isVisible());

        VideoEntry row = workbench.libraryViewModel().videos().stream().filter(v -> v.path().equals(copy)).findFirst()
                .orElseThrow(() -> new AssertionError("the copy is listed: " + workbench.libraryViewModel().videos()));
        String reason = "same content as " + evening + ", already indexed";
        assertEquals("duplicate", row.statusText());
        assertEquals(reason, row.reasonProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        TableCell<?, ?> cell = robot.lookup("#library-table .table-cell")
                .match((TableCell<?, ?> c) -> reason.equals(c.getItem())).query();
        Text shown = (Text) cell.getGraphic();
        assertEquals(reason, shown.getText(), "the reason is shown whole, not cut with an ellipsis");
        assertTrue(shown.getBoundsInParent().getWidth() <= cell.getWidth(), "wrapped within its column");
        assertTrue(cell.getHeight() >= shown.getBoundsInLocal().getHeight(), "the row is as tall as the wrapped reason");
        assertEquals(reason, cell.getTooltip().getText());
        robot.lookup("#library-table .table-cell").match((TableCell<?, ?> c) -> "duplicate".equals(c.getItem())).query();

        assertEquals("2 videos in the catalog · 1 duplicate file (same content as a catalogued video, not indexed again)",
                robot.lookup("#library-count").queryAs(Label.class).getText());
        assertTrue(workbench.mainViewModel().statusBar().indexSizeProperty().get().startsWith("index: 2 videos"),
                "the status bar counts the same videos: " + workbench.mainViewModel().statusBar().indexSizeProperty().get());
    }

    @Test
    void isoDatesTypedInTheDateFieldsStayAndFilterTheFootage(FxRobot robot) throws Exception {
        waitFor(() -> !robot.lookup("#prompt-field").query().isDisabled());
        FxClicks.click(robot, "#prompt-field");
        robot.write("cars on a road").type(KeyCode.ENTER);
        searched();
        assertEquals(Set.of(evening, morning), videosShown(), "both days without a date");

        FxClicks.click(robot, "#filter-from-date");
        robot.write("2018-01-02").type(KeyCode.ENTER);
        searched();
        assertEquals("2018-01-02", robot.lookup("#filter-from-date").queryAs(TextField.class).getText());
        assertEquals(Set.of(morning), videosShown(), "from the second day on");

        robot.interact(() -> robot.lookup("#filter-from-date").queryAs(TextField.class).clear());
        FxClicks.click(robot, "#filter-to-date");
        robot.write("2018-01-01T22:00").type(KeyCode.TAB); // leaving the field runs the search again too
        searched();
        assertEquals("2018-01-01T22:00", robot.lookup("#filter-to-date").queryAs(TextField.class).getText());
        assertEquals(Set.of(evening), videosShown(), "up to 22:00 on the first day");

        robot.interact(() -> robot.lookup("#filter-to-date").queryAs(TextField.class).setText("1/2/2018"));
        assertEquals("'1/2/2018' is not a date: type it as 2018-01-31 or 2018-01-31T22:00.",
                robot.lookup("#filter-date-problem").queryAs(Label.class).getText());
        assertEquals("1/2/2018", robot.lookup("#filter-to-date").queryAs(TextField.class).getText(), "not wiped");
    }

    private void searched() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        waitFor(() -> !workbench.searchViewModel().searchingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, condition);
    }

    private Set<Path> videosShown() {
        List<Clip> shown = workbench.searchViewModel().shownClips();
        assertFalse(shown.isEmpty(), "some clips are shown");
        return shown.stream().map(Clip::video).collect(Collectors.toSet());
    }
}
