package org.sightline.desktop.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.indexer.catalog.VideoStatus;
import org.sightline.desktop.library.LibraryViewModel.JobState;
import org.sightline.desktop.task.SynchronousTaskExecutor;
import org.sightline.indexer.ingest.FileOutcome;
import org.sightline.indexer.ingest.IngestListener;
import org.sightline.indexer.ingest.IngestProgress;

/** The Library page's state over a scripted footage library, with tasks run synchronously. */
class LibraryViewModelTest {
    @TempDir
    Path archive;

    private Path good;
    private Path truncated;
    private final SynchronousTaskExecutor tasks = new SynchronousTaskExecutor();
    private final ScriptedLibrary library = new ScriptedLibrary();
    private final LibraryViewModel vm = new LibraryViewModel(tasks, library);
    private final List<String> progressShown = new ArrayList<>();
    private int indexChanges;

    /** What one index call does while it runs, given the call's cancel check (e.g. the user pauses). */
    @FunctionalInterface
    private interface DuringJob {
        void run(BooleanSupplier cancelled) throws Exception;
    }

    /**
     * A catalog in a list. Indexing reports progress and an outcome per file: files named "truncated…" fail, the
     * others are indexed as camera "gate". {@code duringFirstFile} runs after the first file's progress report.
     */
    private static final class ScriptedLibrary implements FootageLibrary {
        final List<VideoRow> rows = new ArrayList<>();
        final List<List<Path>> calls = new ArrayList<>();
        DuringJob duringFirstFile = cancelled -> { };
        IOException failure;

        @Override
        public List<VideoRow> videos() {
            return List.copyOf(rows);
        }

        @Override
        public IndexRun index(List<Path> paths, boolean reindex, IngestListener listener, BooleanSupplier cancelled)
                throws Exception {
            calls.add(paths);
            if (failure != null) {
                throw failure;
            }
            DuringJob during = duringFirstFile;
            duringFirstFile = c -> { };
            List<FileOutcome> outcomes = new ArrayList<>();
            for (int i = 0; i < paths.size(); i++) {
                if (cancelled.getAsBoolean()) {
                    return new IndexRun(outcomes, true, 10.0 * i, 1);
                }
                Path p = paths.get(i);
                listener.progress(new IngestProgress(paths.size(), i, 0, p, 0.5, 0, 0, 0, 10.0 * i + 5,
                        10.0 * paths.size(), 4.0, i == 0 ? OptionalDouble.empty() : OptionalDouble.of(3)));
                if (i == 0) {
                    during.run(cancelled);
                }
                if (p.getFileName().toString().startsWith("copy-of-")) { // a copy: not catalogued under its own path
                    FileOutcome copy = new FileOutcome(p, FileOutcome.Status.UNCHANGED, FileOutcome.SAME_CONTENT_AS
                            + p.resolveSibling(p.getFileName().toString().substring(8)) + ", already indexed", 0);
                    outcomes.add(copy);
                    listener.fileFinished(copy);
                    continue;
                }
                boolean bad = p.getFileName().toString().startsWith("truncated");
                FileOutcome o = bad
                        ? new FileOutcome(p, FileOutcome.Status.FAILED, "cannot read " + p + ": the moov atom is missing", 0)
                        : new FileOutcome(p, FileOutcome.Status.INDEXED, null, 3);
                rows.removeIf(r -> r.path().equals(p));
                rows.add(new VideoRow(p, bad ? null : "gate", 10, bad ? VideoStatus.FAILED : VideoStatus.DONE, o.message()));
                outcomes.add(o);
                listener.fileFinished(o);
            }
            return new IndexRun(outcomes, false, 10.0 * paths.size(), 2);
        }
    }

    @BeforeEach
    void twoFilesAndListeners() throws IOException {
        good = Files.createFile(archive.resolve("gate.mp4"));
        truncated = Files.createFile(archive.resolve("truncated.mp4"));
        vm.progressTextProperty().addListener((o, a, b) -> progressShown.add(b));
        vm.onIndexChangedProperty().set(() -> indexChanges++);
    }

    private VideoEntry entry(Path p) {
        return vm.videos().stream().filter(v -> v.path().equals(p)).findFirst().orElseThrow();
    }

    @Test
    void addingIndexesShowingProgressAndEachFilesOutcomeWithTheReasonOfAFailure() {
        vm.add(List.of(good, truncated));

        assertEquals(JobState.IDLE, vm.stateProperty().get());
        assertEquals("Done: 1 indexed, 1 failed or partial, 0:20 of footage in 0:02.", vm.messageProperty().get());
        assertEquals(List.of("starting…",
                "0 of 2 files · 0 failed · 4.0× real time · ETA estimating…",
                "1 of 2 files · 0 failed · 4.0× real time · ETA 0:03", ""), progressShown);
        assertEquals(1.0, vm.overallProgressProperty().get());
        assertEquals(VideoStatus.DONE, entry(good).statusProperty().get());
        assertEquals(1.0, entry(good).progressProperty().get());
        assertEquals("gate", entry(good).cameraProperty().get());
        assertEquals(VideoStatus.FAILED, entry(truncated).statusProperty().get());
        assertEquals("cannot read " + truncated + ": the moov atom is missing", entry(truncated).reasonProperty().get());
        assertEquals(List.of(truncated + ": cannot read " + truncated + ": the moov atom is missing"), vm.errors());
        assertEquals(java.util.Set.of("gate"), vm.cameras());
        assertEquals(3, indexChanges, "after each file and after the job");
        assertTrue(vm.runningJob().isEmpty());
    }

    @Test
    void aCopyOfAnIndexedVideoReadsDuplicateWithItsFullReasonAndIsCountedApart() throws IOException {
        Path copy = Files.createFile(archive.resolve("copy-of-gate.mp4"));
        vm.add(List.of(good, copy));

        assertEquals("Done: 1 indexed, 0 failed or partial, 1 duplicate, 0:20 of footage in 0:02.", vm.messageProperty().get());
        VideoEntry row = entry(copy);
        assertTrue(row.copyProperty().get());
        assertEquals("duplicate", row.statusText(), "not \"done\": it was not indexed");
        assertEquals("same content as " + good + ", already indexed", row.reasonProperty().get());
        assertEquals("done", entry(good).statusText());
        assertEquals("1 video in the catalog · 1 duplicate file (same content as a catalogued video, not indexed again)",
                vm.countText().get(), "the first figure is the status bar's");

        vm.refresh(); // the catalog does not hold the copy: it stays a duplicate
        assertTrue(entry(copy).copyProperty().get());
    }

    @Test
    void aTypedPathAddsTheFolderAndAPathThatIsNotThereIsNamed() throws IOException {
        Path folder = Files.createDirectory(archive.resolve("gate camera"));
        assertTrue(vm.addTypedPath("  \"" + folder + "\" "), "quotes and spaces around a pasted path are fine");
        assertEquals(List.of(List.of(folder)), library.calls);
        assertEquals("", vm.typedPathProblemProperty().get());

        assertTrue(!vm.addTypedPath(archive.resolve("nowhere").toString()));
        assertEquals("There is no folder or file " + archive.resolve("nowhere") + ".", vm.typedPathProblemProperty().get());
        assertTrue(!vm.addTypedPath("footage/gate"));
        assertEquals("Give the whole path, from the top: 'footage/gate' does not start with /.",
                vm.typedPathProblemProperty().get());
        assertTrue(!vm.addTypedPath("  "));
        assertEquals(1, library.calls.size(), "nothing else was indexed");
    }

    @Test
    void pausingStopsAtTheNextCheckAndResumeCarriesOnWithTheSameFiles() {
        library.duringFirstFile = cancelled -> {
            assertEquals(JobState.RUNNING, vm.stateProperty().get());
            assertEquals(VideoStatus.INDEXING, entry(good).statusProperty().get());
            assertEquals(good.toString(), vm.currentFileProperty().get());
            vm.pause();
            assertTrue(cancelled.getAsBoolean(), "the job is told to stop");
            assertEquals("Pausing after the current batch…", vm.messageProperty().get());
        };
        vm.add(List.of(good, truncated));
        assertEquals(JobState.PAUSED, vm.stateProperty().get());
        assertEquals("Paused (1 indexed, 0 failed or partial, 0:10 of footage in 0:01). Resume carries on; finished "
                + "files are kept.", vm.messageProperty().get());
        assertEquals(VideoStatus.DONE, entry(good).statusProperty().get());

        vm.resume();
        assertEquals(List.of(List.of(good, truncated), List.of(good, truncated)), library.calls);
        assertEquals(JobState.IDLE, vm.stateProperty().get());
        assertTrue(vm.messageProperty().get().startsWith("Done: "), vm.messageProperty().get());
    }

    @Test
    void cancellingForgetsWhatWasLeftAndKeepsWhatWasFinished() {
        library.duringFirstFile = cancelled -> vm.cancel();
        vm.add(List.of(good, truncated));
        assertEquals(JobState.IDLE, vm.stateProperty().get());
        assertEquals("Cancelled (1 indexed, 0 failed or partial, 0:10 of footage in 0:01). Finished files are kept.",
                vm.messageProperty().get());
        vm.resume();
        assertEquals(1, library.calls.size(), "nothing left to resume");
    }

    @Test
    void filesAddedWhileAJobRunsAreIndexedAfterIt() {
        library.duringFirstFile = cancelled -> vm.add(List.of(truncated));
        vm.add(List.of(good));
        assertEquals(List.of(List.of(good), List.of(truncated)), library.calls);
        assertEquals(JobState.IDLE, vm.stateProperty().get());
        assertEquals(VideoStatus.FAILED, entry(truncated).statusProperty().get());
    }

    @Test
    void reindexingIsRefusedWhileAJobRuns() {
        List<String> said = new ArrayList<>();
        library.duringFirstFile = cancelled -> {
            vm.reindex(List.of());
            said.add(vm.messageProperty().get());
        };
        vm.add(List.of(good));
        assertEquals(List.of("Wait for the running job to finish, or pause it, before re-indexing."), said);
        assertEquals(1, library.calls.size());
    }

    @Test
    void missingPathsAndAFailingJobAreSaidInWords() {
        Path gone = archive.resolve("gone.mp4");
        vm.add(List.of(gone));
        assertEquals(List.of(gone + ": does not exist"), vm.errors());
        assertTrue(tasks.titles().isEmpty(), "nothing to index");

        library.failure = new IOException("the catalog " + archive.resolve("catalog.db") + " is locked by another program");
        vm.add(List.of(good));
        assertEquals(JobState.IDLE, vm.stateProperty().get());
        String said = "Indexing stopped: the catalog " + archive.resolve("catalog.db") + " is locked by another program";
        assertEquals(said, vm.messageProperty().get());
        assertTrue(vm.errors().contains(said), vm.errors().toString());
    }

    @Test
    void refreshShowsTheCatalogAndItsFailuresInOrder() {
        library.rows.add(new FootageLibrary.VideoRow(truncated, "", 0, VideoStatus.FAILED, "no video stream in " + truncated));
        library.rows.add(new FootageLibrary.VideoRow(good, "gate", 12.5, VideoStatus.DONE, null));
        vm.refresh();
        assertEquals(List.of(good, truncated), vm.videos().stream().map(VideoEntry::path).toList(), "sorted by name");
        assertEquals(12.5, entry(good).durationSecondsProperty().get());
        assertEquals(List.of(truncated + ": no video stream in " + truncated), vm.errors());

        vm.reindex(List.of());
        assertEquals(1, library.calls.size());
        assertEquals(java.util.Set.of(good, truncated), java.util.Set.copyOf(library.calls.getFirst()),
                "re-indexing with no selection takes every catalogued video");
    }
}
