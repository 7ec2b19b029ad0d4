package org.sightline.desktop;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.desktop.library.LibraryViewModel;
import org.sightline.desktop.library.VideoEntry;
import org.sightline.desktop.services.WorkspaceServices;
import org.sightline.desktop.shell.Page;
import org.sightline.desktop.shell.Workbench;
import org.sightline.desktop.task.FxTaskExecutor;
import org.sightline.indexer.app.DataDirectory;
import org.sightline.indexer.catalog.VideoStatus;
import org.sightline.models.testing.SharedData;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A fresh data directory: guidance instead of an error, then the demo model, then indexing with a broken file. Runs
 * the work on the application's own background pool (pause needs a job that really runs beside the FX thread).
 */
@ExtendWith(ApplicationExtension.class)
class LibraryAndGuidanceTest {
    @TempDir
    Path temp;

    private FxTaskExecutor tasks;
    private Workbench workbench;

    @Start
    void start(Stage stage) throws Exception {
        tasks = new FxTaskExecutor();
        DataDirectory dir = new DataDirectory(temp.resolve("data"));
        workbench = WorkbenchWindow.show(stage, dir, tasks, 1240, 780);
    }

    @AfterEach
    void stop() {
        workbench.close();
        tasks.close();
    }

    @Test
    void noPackShowsGuidanceThenTheLibraryShowsProgressAndAFailedFilesReason(FxRobot robot) throws Exception {
        // no pack installed: the search page explains and offers the fixes, no error
        waitFor(() -> robot.lookup("#no-model-guidance").query().isVisible());
        assertFalse(robot.lookup("#search-error").query().isVisible());
        assertTrue(robot.lookup("#prompt-field").query().isDisabled());

        FxClicks.click(robot, "#guidance-install-demo");
        waitFor(() -> workbench.modelsViewModel().active().isPresent());
        waitFor(() -> !robot.lookup("#no-model-guidance").query().isVisible());
        assertFalse(robot.lookup("#prompt-field").query().isDisabled());

        // a folder with a truncated video (its index is cut off) next to a good one
        Path archive = Files.createDirectories(temp.resolve("archive"));
        Path truncated = archive.resolve("truncated.mp4");
        try (InputStream in = Files.newInputStream(SharedData.footage("street-montage-scene-cuts.mp4"))) {
            Files.write(truncated, in.readNBytes(200_000));
        }
        LibraryViewModel library = workbench.libraryViewModel();
        List<String> progressSeen = new CopyOnWriteArrayList<>();
        robot.interact(() -> {
            library.progressTextProperty().addListener((o, a, b) -> progressSeen.add(b));
            workbench.mainViewModel().show(Page.LIBRARY);
            library.add(List.of(archive, SharedData.footage("tiny-highway-48px-raw.avi")));
            library.pause(); // stops at the first check; what is finished is kept
        });
        waitFor(() -> library.stateProperty().get() == LibraryViewModel.JobState.PAUSED
                && library.messageProperty().get().startsWith("Paused"));
        robot.interact(library::resume);
        waitFor(() -> library.stateProperty().get() == LibraryViewModel.JobState.IDLE
                && library.messageProperty().get().startsWith("Done"));

        assertTrue(progressSeen.stream().anyMatch(s -> s.contains("files")), "progress was shown: " + progressSeen);
        waitFor(() -> library.videos().stream().anyMatch(v -> v.fileName().equals("truncated.mp4")
                && v.statusProperty().get() == VideoStatus.FAILED && !v.reasonProperty().get().isBlank()));
        waitFor(() -> library.videos().stream().anyMatch(v -> v.fileName().equals("tiny-highway-48px-raw.avi")
                && v.statusProperty().get() == VideoStatus.DONE));
        @SuppressWarnings("unchecked")
        ListView<String> errors = robot.lookup("#library-errors").queryAs(ListView.class);
        assertTrue(errors.isVisible());
        assertTrue(errors.getItems().stream().anyMatch(s -> s.contains("truncated.mp4")), errors.getItems().toString());
        VideoEntry failed = library.videos().stream().filter(v -> v.fileName().equals("truncated.mp4")).findFirst().orElseThrow();
        assertTrue(robot.lookup(".table-cell").queryAll().stream()
                .anyMatch(n -> n instanceof javafx.scene.control.TableCell<?, ?> cell
                        && failed.reasonProperty().get().equals(cell.getText())),
                "the table shows the reason: " + failed.reasonProperty().get());
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, condition);
    }
}
