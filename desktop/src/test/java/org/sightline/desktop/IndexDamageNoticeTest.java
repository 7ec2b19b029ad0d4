package org.sightline.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.desktop.services.WorkspaceServices;
import org.sightline.desktop.shell.Page;
import org.sightline.desktop.shell.Workbench;
import org.sightline.desktop.shell.WorkbenchLoader;
import org.sightline.desktop.task.FxTaskExecutor;
import org.sightline.indexer.app.DataDirectory;
import org.sightline.indexer.app.Workspace;
import org.sightline.indexer.ingest.IngestListener;
import org.sightline.indexer.ingest.IngestRequest;
import org.sightline.models.store.ModelStore;
import org.sightline.models.testing.SharedData;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A damaged search index (one of its files deleted) stops the data directory from opening: the window says so and
 * offers "Rebuild index", which sets the damaged index aside and embeds the footage again, after which the clip is
 * found. A deleted index folder opens, with a notice naming the videos without vectors and a "Rebuild index" action.
 */
@ExtendWith(ApplicationExtension.class)
class IndexDamageNoticeTest {
    private static final Path VIDEO = SharedData.footage("tiny-highway-48px-raw.avi");

    @TempDir
    Path temp;

    private FxTaskExecutor tasks;
    private WorkbenchLoader loader;
    private final StackPane root = new StackPane();
    private DataDirectory dir;

    @Start
    void start(Stage stage) throws Exception {
        tasks = new FxTaskExecutor();
        dir = new DataDirectory(temp.resolve("data")).create();
        new ModelStore(dir.modelsDir()).installDemo();
        try (Workspace w = Workspace.open(dir)) {
            w.ingest(IngestRequest.of(List.of(VIDEO)), IngestListener.NONE, () -> false);
        }
        loader = new WorkbenchLoader(tasks, WorkspaceServices::open, (Parent p) -> root.getChildren().setAll(p), () -> { });
        stage.setScene(new Scene(root, 1280, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        loader.close();
        tasks.close();
    }

    @Test
    void aDamagedIndexIsNamedAndRebuildRepairsIt(FxRobot robot) throws Exception {
        try (Stream<Path> files = Files.list(dir.indexDir())) {
            for (Path si : files.filter(f -> f.getFileName().toString().endsWith(".si")).toList()) {
                Files.delete(si);
            }
        }
        AtomicReference<Workbench> opened = new AtomicReference<>();
        robot.interact(() -> loader.open(dir, opened::set));
        waitFor(() -> robot.lookup("#opening-repair").tryQuery().map(javafx.scene.Node::isVisible).orElse(false));
        assertTrue(opened.get() == null, "a damaged index does not open");
        String said = robot.lookup("#opening-text").queryAs(Label.class).getText();
        assertTrue(said.contains("the search index in " + dir.indexDir() + " is damaged"), said);
        Button rebuild = robot.lookup("#opening-repair").queryAs(Button.class);
        assertEquals("Rebuild index", rebuild.getText());

        robot.interact(rebuild::fire);
        waitFor(() -> opened.get() != null);
        Workbench wb = opened.get();
        try (Stream<Path> siblings = Files.list(dir.root())) {
            assertTrue(siblings.anyMatch(p -> p.getFileName().toString().startsWith("index.damaged-")), "the damaged index is kept aside");
        }
        waitFor(() -> wb.libraryViewModel().messageProperty().get().startsWith("Done: 1 indexed"));
        assertEquals(Page.LIBRARY, wb.mainViewModel().pageProperty().get(), "the rebuild runs on the Library page");
        waitFor(() -> wb.mainViewModel().notices().isEmpty());
        robot.interact(() -> {
            wb.searchViewModel().promptProperty().set("grey road");
            wb.searchViewModel().search();
        });
        waitFor(() -> wb.searchViewModel().shownClips().stream().anyMatch(c -> c.video().equals(VIDEO)));
    }

    @Test
    void aDeletedIndexIsNoticedAndRebuildEmbedsTheVideosAgain(FxRobot robot) throws Exception {
        try (Stream<Path> files = Files.walk(dir.indexDir())) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        AtomicReference<Workbench> opened = new AtomicReference<>();
        robot.interact(() -> loader.open(dir, opened::set));
        waitFor(() -> opened.get() != null && !opened.get().mainViewModel().notices().isEmpty());
        waitFor(() -> robot.lookup("#notice-vectors-missing .label").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Workbench wb = opened.get();
        assertEquals(1, wb.mainViewModel().notices().size(), wb.mainViewModel().notices().toString());
        Label text = robot.lookup("#notice-vectors-missing .label").queryAs(Label.class);
        assertTrue(text.getText().startsWith("1 video has no vectors in the search index"), text.getText());

        robot.interact(() -> robot.lookup("#notice-vectors-missing-action").queryAs(Button.class).fire());
        waitFor(() -> wb.libraryViewModel().messageProperty().get().startsWith("Done: 1 indexed"));
        waitFor(() -> wb.mainViewModel().notices().isEmpty()); // the notice goes once the videos are embedded again
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#notice-bar").query().isVisible());
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(90, java.util.concurrent.TimeUnit.SECONDS, condition);
    }
}
