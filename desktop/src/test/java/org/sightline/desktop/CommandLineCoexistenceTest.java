package org.sightline.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.desktop.services.WorkspaceServices;
import org.sightline.desktop.shell.Workbench;
import org.sightline.desktop.task.SynchronousTaskExecutor;
import org.sightline.indexer.app.DataDirectory;
import org.sightline.models.store.ModelStore;
import org.sightline.models.testing.SharedData;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window open and idle on a data directory while the real command line (its own JVM) indexes a fixture and adds
 * a case item: the command line is not refused, and the window shows the new video, the status bar's count, the case
 * and its item, and finds the clip, without being restarted.
 */
@ExtendWith(ApplicationExtension.class)
class CommandLineCoexistenceTest {
    private static final Path VIDEO = SharedData.footage("tiny-highway-48px-raw.avi");

    @TempDir
    Path temp;

    private SynchronousTaskExecutor tasks;
    private Workbench workbench;
    private DataDirectory dir;

    @Start
    void start(Stage stage) throws Exception {
        tasks = new SynchronousTaskExecutor();
        dir = new DataDirectory(temp.resolve("data")).create();
        new ModelStore(dir.modelsDir()).installDemo();
        workbench = WorkbenchWindow.show(stage, dir, tasks, 1280, 800);
    }

    @AfterEach
    void stop() {
        workbench.close();
        tasks.close();
    }

    @Test
    void theCommandLineIndexesAndAddsToACaseWhileTheWindowIsOpenAndTheWindowSeesBoth(FxRobot robot) throws Exception {
        assertTrue(workbench.libraryViewModel().videos().isEmpty());

        Cli index = cli("index", VIDEO.toString());
        assertEquals(0, index.exit(), index.output());
        assertFalse(index.output().contains("another Sightline process"), index.output());
        waitFor(() -> workbench.libraryViewModel().videos().stream().anyMatch(v -> v.path().equals(VIDEO)));
        waitFor(() -> workbench.mainViewModel().statusBar().indexSizeProperty().get().startsWith("index: 1 videos"));

        Cli create = cli("case", "create", "--name", "Highway", "--reference", "HW-1");
        assertEquals(0, create.exit(), create.output());
        waitFor(() -> workbench.casesViewModel().cases().stream().anyMatch(c -> "HW-1".equals(c.reference())));
        robot.interact(() -> workbench.casesViewModel().currentProperty().set(workbench.casesViewModel().cases().stream()
                .filter(c -> "HW-1".equals(c.reference())).findFirst().orElseThrow()));
        assertTrue(workbench.casesViewModel().items().isEmpty());

        Cli add = cli("case", "add", "HW-1", "--video", VIDEO.toString(), "--in", "1", "--out", "3", "--note", "from the command line");
        assertEquals(0, add.exit(), add.output());
        waitFor(() -> workbench.casesViewModel().items().size() == 1);
        assertEquals("from the command line", workbench.casesViewModel().items().getFirst().note());
        Path still = workbench.casesViewModel().items().getFirst().thumbnail();
        assertTrue(still != null && Files.size(still) > 0, "the item shows a still of its hit frame: " + still);

        // the window's searches see the command line's index commits
        robot.interact(() -> {
            workbench.searchViewModel().promptProperty().set("grey road");
            workbench.searchViewModel().search();
        });
        waitFor(() -> workbench.searchViewModel().shownClips().stream().anyMatch(c -> c.video().equals(VIDEO)));

        // and the reverse: what the window writes the command line sees at once
        robot.interact(() -> workbench.casesViewModel().saveNote(workbench.casesViewModel().items().getFirst(), "seen in the window"));
        Cli show = cli("case", "show", "HW-1");
        assertTrue(show.output().contains("seen in the window"), show.output());
    }

    @Test
    void theWindowSaysPlainlyWhenItWantsToIndexWhileTheCommandLineIndexes(FxRobot robot) throws Exception {
        Path longer = SharedData.footage("indoor-people-one-by-one.mp4"); // 139 s at 8 frames a second: a while
        Process running = start(Files.createTempFile(temp, "cli", ".log"), "index", "--fps", "8", longer.toString());
        boolean stopped = false;
        try {
            // its video row appears once it holds the index (the window sees the catalog change); then the command
            // line is held still (SIGSTOP) so that a fast machine cannot finish before the window tries
            waitFor(() -> workbench.libraryViewModel().videos().stream().anyMatch(v -> v.path().equals(longer)));
            stopped = new ProcessBuilder("kill", "-STOP", Long.toString(running.pid())).start().waitFor() == 0;
            assertTrue(stopped && running.isAlive(), "the command line is still indexing");
            robot.interact(() -> workbench.libraryViewModel().add(java.util.List.of(VIDEO)));
            String said = workbench.libraryViewModel().messageProperty().get();
            assertEquals("Indexing stopped: another Sightline process is indexing into " + dir.root()
                    + "; try again when it is done", said);
        } finally {
            if (stopped) {
                new ProcessBuilder("kill", "-CONT", Long.toString(running.pid())).start().waitFor();
            }
            running.destroy();
            assertTrue(running.waitFor(1, TimeUnit.MINUTES));
        }
    }

    private record Cli(int exit, String output) {
    }

    /** Starts {@code sightline ARGS --data DIR} in a child JVM, its output into {@code log}. */
    private Process start(Path log, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"),
                "org.sightline.indexer.cli.SightlineCommand"));
        command.addAll(List.of(args));
        command.addAll(List.of("--data", dir.root().toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Runs {@code sightline ARGS --data DIR} in a child JVM, as an examiner at a terminal would. */
    private Cli cli(String... args) throws Exception {
        Path log = Files.createTempFile(temp, "cli", ".log");
        Process p = start(log, args);
        assertTrue(p.waitFor(3, TimeUnit.MINUTES), "the command line finished: " + String.join(" ", args));
        return new Cli(p.exitValue(), Files.readString(log));
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
    }
}
