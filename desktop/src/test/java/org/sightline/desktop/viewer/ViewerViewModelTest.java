package org.sightline.desktop.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.desktop.task.SynchronousTaskExecutor;
import org.sightline.desktop.viewer.ViewerViewModel.ViewerMoment;
import org.sightline.models.testing.SharedData;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The viewer's state with tasks run synchronously: the file's identity, the hand-over to cases. The player decodes
 * on its own thread and reports on the FX thread, so the FX toolkit is started (no window, no robot).
 */
class ViewerViewModelTest {
    private static final Path VIDEO = SharedData.footage("parking-aisle-cars.mp4");
    private static final String VIDEO_SHA256 = "d31e0ebf194cc16e50eea784e7c3b0b1bb7976a4fb9b3fec26cb92a6704cca34";

    @TempDir
    Path temp;

    private final SynchronousTaskExecutor tasks = new SynchronousTaskExecutor();
    private final ViewerViewModel vm = new ViewerViewModel(tasks);

    @BeforeAll
    static void fxToolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() {
        vm.close();
    }

    @Test
    void aFileWithoutAKnownHashIsHashedReadOnlyInTheBackground() {
        vm.open(new ClipToView(VIDEO, null, 15.0, 18.0, 16.0, Optional.empty(), "parking"));
        assertEquals(VIDEO_SHA256, vm.sha256Property().get());
        assertEquals(List.of("SHA-256 of parking-aisle-cars.mp4"), tasks.titles());
        assertEquals(VIDEO, vm.currentClip().orElseThrow().video());
    }

    @Test
    void theCatalogsHashIsShownWithoutReadingTheFile() {
        vm.open(new ClipToView(VIDEO, VIDEO_SHA256, 2.0, 2.5, 2.2, Optional.empty(), null));
        assertEquals(VIDEO_SHA256, vm.sha256Property().get());
        assertTrue(tasks.titles().isEmpty());
    }

    @Test
    void whileHashingThePageSaysSoAndAnotherClipCancelsTheHash() {
        tasks.holdTasks();
        vm.open(ClipToView.wholeFile(VIDEO));
        assertEquals("computing…", vm.sha256Property().get());
        vm.open(new ClipToView(VIDEO, VIDEO_SHA256, 2.0, 2.5, 2.2, Optional.empty(), null));
        assertEquals(0, tasks.heldCount(), "the first hash was cancelled");
        tasks.runHeldTasks();
        assertEquals(VIDEO_SHA256, vm.sha256Property().get());
    }

    @Test
    void aMissingFileIsSaidInWordsNamingIt() {
        Path gone = temp.resolve("gone.mp4");
        vm.open(ClipToView.wholeFile(gone));
        String said = vm.sha256Property().get();
        assertTrue(said.startsWith("not available: ") && said.contains(gone.toString()), said);
    }

    @Test
    void addToCaseHandsOverTheClipAndItsHashOnlyWhenSomeoneListens() {
        vm.addToCase(); // no clip, no listener: nothing happens
        assertFalse(vm.canAddToCase());
        List<ViewerMoment> kept = new ArrayList<>();
        vm.onAddToCaseProperty().set(kept::add);
        assertTrue(vm.canAddToCase());
        vm.addToCase();
        assertTrue(kept.isEmpty(), "no clip open yet");

        ClipToView clip = new ClipToView(VIDEO, VIDEO_SHA256, 15.0, 18.0, 16.0, Optional.empty(), "parking");
        vm.open(clip);
        vm.addToCase();
        assertEquals(1, kept.size());
        assertEquals(clip, kept.getFirst().clip());
        assertEquals(VIDEO_SHA256, kept.getFirst().sha256());
    }

    @Test
    void theClipOpensAtItsHitFrameAndAddToCaseKeepsTheSearchAndTheFrameOnScreen() throws Exception {
        List<ViewerMoment> kept = new ArrayList<>();
        vm.onAddToCaseProperty().set(kept::add);
        SearchOrigin red = new SearchOrigin("red", false, 0.23f, "demo-colour");
        ClipToView clip = new ClipToView(VIDEO, VIDEO_SHA256, 15.0, 18.0, 16.0, Optional.empty(), "parking", red);
        assertEquals(16.0, clip.openAtSeconds(), 1e-9, "the hit frame, not a lead-in");
        int before = vm.openedProperty().get();
        vm.open(clip);
        assertEquals(before + 1, vm.openedProperty().get());
        vm.open(clip);
        assertEquals(before + 2, vm.openedProperty().get(), "opening the same clip again counts too");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Math.abs(vm.player().positionProperty().get() - 16.0) < 1e-3);
        vm.addToCase();
        assertEquals(red, kept.getFirst().clip().origin());
        assertEquals(16.0, kept.getFirst().seconds(), 1e-3);
    }

    @Test
    void theWallClockIsShownOnlyWhenTheRecordingStartIsKnown() {
        vm.open(new ClipToView(VIDEO, VIDEO_SHA256, 15.0, 18.0, 16.0, Optional.empty(), "parking"));
        assertEquals("wall clock unknown", vm.wallClockText().get());
        Instant zero = Instant.parse("2026-01-02T10:00:00Z");
        vm.open(new ClipToView(VIDEO, VIDEO_SHA256, 15.0, 18.0, 16.0, Optional.of(zero), "parking"));
        assertFalse(vm.wallClockText().get().equals("wall clock unknown"), vm.wallClockText().get());
    }
}
