package org.sightline.desktop.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sightline.desktop.FxClicks;
import org.sightline.desktop.SightlineApp;
import org.sightline.desktop.library.FootageLibrary;
import org.sightline.desktop.models.ModelPacks;
import org.sightline.desktop.search.ClipSearch;
import org.sightline.desktop.services.DesktopServices;
import org.sightline.desktop.task.SynchronousTaskExecutor;
import org.sightline.indexer.app.DataDirectory;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Opening data directories in a real window: "opening…", then the workbench or the reason; switching closes. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchLoaderTest {
    private final SynchronousTaskExecutor tasks = new SynchronousTaskExecutor();
    private final List<EmptyServices> opened = new ArrayList<>();
    private final List<Workbench> shown = new ArrayList<>();
    private int choices;
    private Scene scene;

    /** An empty data directory's services; counts closes. */
    private static final class EmptyServices implements DesktopServices {
        final DataDirectory dir;
        int closes;

        EmptyServices(DataDirectory dir) {
            this.dir = dir;
        }

        @Override
        public ModelPacks models() {
            return new ModelPacks() {
                @Override
                public List<PackRow> list() {
                    return List.of();
                }

                @Override
                public void activate(String name) {
                    throw new UnsupportedOperationException("no packs");
                }

                @Override
                public String importPack(Path folder) {
                    throw new UnsupportedOperationException("no packs");
                }

                @Override
                public String installDemo() {
                    throw new UnsupportedOperationException("no packs");
                }

                @Override
                public String verify(String name) {
                    throw new UnsupportedOperationException("no packs");
                }
            };
        }

        @Override
        public ClipSearch search() {
            return q -> {
                throw new IllegalStateException("no model pack installed");
            };
        }

        @Override
        public FootageLibrary library() {
            return new FootageLibrary() {
                @Override
                public List<VideoRow> videos() {
                    return List.of();
                }

                @Override
                public IndexRun index(List<Path> paths, boolean reindex, org.sightline.indexer.ingest.IngestListener l,
                        java.util.function.BooleanSupplier cancelled) {
                    return new IndexRun(List.of(), false, 0, 0);
                }
            };
        }

        @Override
        public IndexFacts facts() {
            return new IndexFacts(0, 0, 0, 0, Optional.empty());
        }

        @Override
        public void close() {
            closes++;
        }
    }

    @Start
    void start(Stage stage) {
        scene = new Scene(new StackPane(), 1100, 700);
        scene.getStylesheets().add(SightlineApp.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    private WorkbenchLoader loader(boolean failing) {
        return new WorkbenchLoader(tasks, dir -> {
            if (failing) {
                throw new IOException(dir.catalogFile() + " is not a SQLite database");
            }
            EmptyServices s = new EmptyServices(dir);
            opened.add(s);
            return s;
        }, scene::setRoot, () -> choices++);
    }

    private Parent root() {
        return scene.getRoot();
    }

    @Test
    void theWorkbenchReplacesOpeningOnceTheServicesAreOpen(FxRobot robot) {
        WorkbenchLoader loader = loader(false);
        DataDirectory dir = new DataDirectory(Path.of("/archive/data"));
        tasks.holdTasks();
        robot.interact(() -> loader.open(dir, shown::add));
        OpeningView opening = (OpeningView) root();
        assertEquals("Opening /archive/data…", opening.text());
        assertTrue(loader.workbench().isEmpty());

        robot.interact(tasks::runHeldTasks);
        Workbench w = loader.workbench().orElseThrow();
        assertEquals(List.of(w), shown);
        assertSame(w.view(), root());
        assertSame(opened.getFirst(), w.services());
        assertEquals("model: none installed", w.mainViewModel().statusBar().activeModelProperty().get());
        assertEquals(dir, loader.dataDirectory());
    }

    @Test
    void aFailureIsSaidInPlainWordsWithAWayToChooseAnotherFolder(FxRobot robot) {
        WorkbenchLoader loader = loader(true);
        DataDirectory dir = new DataDirectory(Path.of("/archive/data"));
        robot.interact(() -> loader.open(dir, shown::add));
        OpeningView opening = (OpeningView) root();
        assertEquals("Cannot open the data directory /archive/data: " + dir.catalogFile() + " is not a SQLite database",
                opening.text());
        assertTrue(shown.isEmpty());
        assertTrue(robot.lookup("#opening-choose-another").query().isVisible());
        FxClicks.click(robot, "#opening-choose-another");
        assertEquals(1, choices);
    }

    @Test
    void openingAnotherDirectoryClosesTheFirstAndAnOvertakenOpenClosesWhatItOpened(FxRobot robot) {
        WorkbenchLoader loader = loader(false);
        DataDirectory a = new DataDirectory(Path.of("/archive/a"));
        DataDirectory b = new DataDirectory(Path.of("/archive/b"));
        DataDirectory c = new DataDirectory(Path.of("/archive/c"));
        robot.interact(() -> loader.open(a, shown::add));
        robot.interact(() -> {
            tasks.holdTasks();
            loader.open(b, shown::add);
            loader.open(c, shown::add);
        });
        assertEquals(0, opened.getFirst().closes, "a closes in the background, after the window moved on");

        robot.interact(tasks::runHeldTasks);
        assertEquals(1, opened.getFirst().closes, "a's workbench closed its services");
        assertEquals(3, opened.size());
        assertEquals(1, opened.get(1).closes, "b was overtaken by c: closed as soon as it opened");
        assertEquals(0, opened.get(2).closes);
        assertEquals(2, shown.size());
        assertSame(opened.get(2), loader.workbench().orElseThrow().services());

        robot.interact(() -> {
            loader.stopWork();
            loader.close();
        });
        assertEquals(1, opened.get(2).closes);
        assertEquals(1, opened.getFirst().closes, "closed once");
    }
}
