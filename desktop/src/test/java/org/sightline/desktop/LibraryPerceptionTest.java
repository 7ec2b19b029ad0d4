package org.sightline.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
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
import org.sightline.desktop.task.SynchronousTaskExecutor;
import org.sightline.indexer.app.DataDirectory;
import org.sightline.indexer.app.Workspace;
import org.sightline.indexer.ingest.IngestListener;
import org.sightline.indexer.ingest.IngestReport;
import org.sightline.indexer.ingest.IngestRequest;
import org.sightline.models.perception.DetectorStarterPack;
import org.sightline.models.store.ModelStore;
import org.sightline.models.testing.SharedData;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Library page shows, per video, what the starter perception packs found while indexing real footage (people in
 * the parking lot, cars in the street and on the motorway) in its "Found" column, and the details with the
 * packs that ran in the cell's tooltip.
 */
@ExtendWith(ApplicationExtension.class)
class LibraryPerceptionTest {
    @TempDir
    static Path data;
    @TempDir
    static Path footage;

    private SynchronousTaskExecutor tasks;
    private Workbench workbench;

    @BeforeAll
    static void indexWithTheStarterPacks() throws Exception {
        Path lot = Files.createDirectories(footage.resolve("lot"));
        Files.copy(SharedData.footage("parking-lot-person-bicycle-car.mp4"), lot.resolve("parking-lot-person-bicycle-car.mp4"));
        Files.copy(SharedData.footage("residential-street-vehicles.mp4"), lot.resolve("residential-street-vehicles.mp4"));
        Files.copy(SharedData.footage("motorway-cctv-cyclist.avi"), lot.resolve("motorway-cctv-cyclist.avi"));
        DataDirectory dir = new DataDirectory(data).create();
        new ModelStore(dir.modelsDir()).installDemo();
        try (Workspace w = Workspace.open(dir)) {
            IngestReport r = w.ingest(IngestRequest.of(List.of(lot)), IngestListener.NONE, () -> false);
            assertEquals(3, r.outcomes().size(), "three files indexed: " + r.outcomes());
            assertTrue(r.timings().perception().framesExamined() > 0, "the starter packs ran");
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
    void eachVideoSaysWhatThePacksFoundAndWhichPacksRan(FxRobot robot) throws Exception {
        robot.interact(() -> {
            workbench.mainViewModel().show(Page.LIBRARY);
            workbench.libraryViewModel().refresh();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> workbench.libraryViewModel().videos().stream()
                .anyMatch(v -> !v.foundProperty().get().isEmpty()));
        java.util.Map<String, String> lines = new java.util.TreeMap<>();
        workbench.libraryViewModel().videos().forEach(v -> lines.put(v.fileName(), v.foundProperty().get()));
        VideoEntry lot = workbench.libraryViewModel().videos().stream()
                .filter(v -> v.fileName().equals("parking-lot-person-bicycle-car.mp4")).findFirst().orElseThrow();
        String line = lot.foundProperty().get();
        assertTrue(line.matches("people at \\d+ moments?.*|.*, people \\d+.*"), "people are in the line: " + lines);
        assertTrue(lines.get("residential-street-vehicles.mp4").matches("cars at \\d+ moments?.*|.*, cars \\d+.*"),
                "cars are in the street's line: " + lines);
        assertTrue(lines.get("motorway-cctv-cyclist.avi").matches("cars at \\d+ moments?.*"), "the motorway is full of cars: " + lines);
        String details = lot.foundDetailsProperty().get();
        assertTrue(details.contains("Examined frames: ") && details.contains("person ") && details.contains("Text read: ")
                && details.contains("Burned-in clock: "), details);
        assertTrue(details.contains(DetectorStarterPack.NAME + " " + DetectorStarterPack.VERSION),
                "the details name the packs that ran: " + details);
        WaitForAsyncUtils.waitForFxEvents();
        List<TableCell<?, ?>> cells = new java.util.ArrayList<>();
        robot.lookup(".library-found").queryAll().forEach(n -> {
            if (n instanceof TableCell<?, ?> c) {
                cells.add(c);
            }
        });
        assertTrue(cells.stream().anyMatch(c -> line.equals(c.getText())), "the table shows the line: " + line);
        assertTrue(cells.stream().anyMatch(c -> line.equals(c.getText()) && c.getTooltip() != null
                && details.equals(c.getTooltip().getText())), "its tooltip shows the details");
    }
}
