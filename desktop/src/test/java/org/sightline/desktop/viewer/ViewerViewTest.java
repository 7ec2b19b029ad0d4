package org.sightline.desktop.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sightline.desktop.SightlineApp;
import org.sightline.desktop.task.SynchronousTaskExecutor;
import org.sightline.models.testing.SharedData;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ViewerViewTest {
    private static final Path VIDEO = SharedData.footage("parking-aisle-cars.mp4");
    private static final String VIDEO_SHA256 = "d31e0ebf194cc16e50eea784e7c3b0b1bb7976a4fb9b3fec26cb92a6704cca34";
    private SynchronousTaskExecutor tasks;
    private ViewerViewModel vm;

    @Start
    void start(Stage stage) {
        tasks = new SynchronousTaskExecutor();
        vm = new ViewerViewModel(tasks);
        Scene scene = new Scene(new ViewerView(vm), 900, 640);
        scene.getStylesheets().add(SightlineApp.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        vm.close();
        tasks.close();
    }

    @Test
    void opensAtTheHitFrameStepsFramesAndHashesTheFile(FxRobot robot) throws Exception {
        robot.interact(() -> vm.open(new ClipToView(VIDEO, null, 15.0, 18.0, 16.0, Optional.empty(), "parking")));
        waitFor(() -> Math.abs(vm.player().positionProperty().get() - 16.0) < 0.01);
        assertEquals("0:16.000 / 0:30.160", vm.offsetText().get().substring(0, 19));
        assertEquals(VIDEO_SHA256, vm.sha256Property().get(), "hashed during the open (synchronous tasks)");

        org.sightline.desktop.FxClicks.click(robot, "#viewer");
        robot.type(KeyCode.RIGHT);
        waitFor(() -> Math.abs(vm.player().positionProperty().get() - 16.08) < 0.01);
        robot.type(KeyCode.J);
        waitFor(() -> Math.abs(vm.player().positionProperty().get() - 16.0) < 0.01);
        robot.type(KeyCode.END);
        waitFor(() -> vm.player().positionProperty().get() > 29.5);
        robot.type(KeyCode.HOME);
        waitFor(() -> vm.player().positionProperty().get() == 0.0);
        robot.type(KeyCode.SPACE);
        waitFor(() -> vm.player().positionProperty().get() > 0.3);
        robot.type(KeyCode.K);
        waitFor(() -> !vm.player().playingProperty().get());
        assertTrue(vm.player().imageProperty().get() != null);
    }

    @Test
    void playsFromTheHitFrameToJustAfterTheHitThenPauses(FxRobot robot) throws Exception {
        robot.interact(() -> vm.open(new ClipToView(VIDEO, VIDEO_SHA256, 2.0, 2.5, 2.2, Optional.empty(), null)));
        waitFor(() -> Math.abs(vm.player().positionProperty().get() - 2.24) < 0.05);
        robot.interact(vm.player()::play);
        waitFor(() -> vm.player().playingProperty().get());
        waitFor(() -> !vm.player().playingProperty().get());
        double at = vm.player().positionProperty().get();
        assertTrue(at >= 3.5 && at < 3.8, "paused one second after the hit, at " + at);
    }

    /**
     * Issue 15, item 2: a clip deep in a long file, then one in a shorter file, landed at the shorter file's end
     * (the timeline clamped its value to the new, smaller maximum and that clamp was sent to the player as a
     * seek). Every clip of the sequence must land on its own hit frame.
     */
    @Test
    void clipsOpenedInSequenceEachLandOnTheirHitFrame(FxRobot robot) throws Exception {
        Path longFile = SharedData.footage("indoor-people-one-by-one.mp4"); // 139 s, 10 fps
        Path otherFile = SharedData.footage("parking-lot-person-bicycle-car.mp4"); // 38 s, 12 fps
        List<ClipToView> sequence = List.of(
                new ClipToView(longFile, null, 100.0, 104.0, 101.0, Optional.empty(), "indoor"),
                new ClipToView(VIDEO, VIDEO_SHA256, 15.0, 18.0, 16.0, Optional.empty(), "parking"),
                new ClipToView(longFile, null, 120.0, 125.0, 122.0, Optional.empty(), "indoor"),
                new ClipToView(otherFile, null, 22.0, 27.0, 24.0, Optional.empty(), "lot"),
                new ClipToView(VIDEO, VIDEO_SHA256, 4.5, 7.5, 6.0, Optional.empty(), "parking"),
                new ClipToView(VIDEO, VIDEO_SHA256, 24.0, 27.0, 25.0, Optional.empty(), "parking"));
        for (ClipToView clip : sequence) {
            robot.interact(() -> vm.open(clip));
            waitFor(() -> Math.abs(vm.player().positionProperty().get() - clip.bestOffsetSeconds()) < 0.1
                    && vm.player().durationProperty().get() > 0);
            // a frame forward and back again: these commands queue behind any stray seek, so a seek to the end
            // (the bug) would show here as a position far from the hit
            double hit = vm.player().positionProperty().get();
            robot.interact(vm.player()::stepForward);
            waitFor(() -> vm.player().positionProperty().get() > hit);
            assertTrue(vm.player().positionProperty().get() < hit + 0.2,
                    clip.video().getFileName() + ": one frame after the hit is " + vm.player().positionProperty().get());
            robot.interact(vm.player()::stepBack);
            waitFor(() -> vm.player().positionProperty().get() < hit + 0.01);
            double at = vm.player().positionProperty().get();
            assertTrue(Math.abs(at - clip.bestOffsetSeconds()) < 0.1,
                    clip.video().getFileName() + ": the viewer shows " + at + " s, the hit is at " + clip.bestOffsetSeconds());
            // the timeline follows the position on the FX thread: let it catch up (a loaded machine lags)
            Slider timeline = robot.lookup("#viewer-timeline").queryAs(Slider.class);
            waitFor(() -> Math.abs(timeline.getValue() - vm.player().positionProperty().get()) < 1e-9);
            assertEquals(at, timeline.getValue(), 1e-9, "the timeline shows the frame on screen");
        }
    }

    @Test
    void theDraggedRectangleFollowsTheVideoAndIsClearedByAnotherClip(FxRobot robot) throws Exception {
        robot.interact(() -> vm.open(new ClipToView(VIDEO, VIDEO_SHA256, 15.0, 18.0, 16.0, Optional.empty(), "parking")));
        waitFor(() -> vm.player().imageProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.geometry.Bounds picture = org.sightline.desktop.FxClicks.boundsOf(robot.lookup(".video-surface").query());
        robot.drag(picture.getCenterX() - 60, picture.getCenterY() - 30, MouseButton.PRIMARY)
                .dropTo(picture.getCenterX() + 60, picture.getCenterY() + 30);
        ViewerView view = robot.lookup("#viewer").queryAs(ViewerView.class);
        assertTrue(view.hasSelection());
        Rectangle rect = robot.lookup(".selection").queryAs(Rectangle.class);
        double before = rect.getWidth();
        robot.interact(() -> robot.window(0).setWidth(robot.window(0).getWidth() - 300));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(rect.getWidth() < before - 10, "the rectangle shrank with the picture: " + before + " → " + rect.getWidth());

        robot.interact(() -> vm.open(new ClipToView(VIDEO, VIDEO_SHA256, 24.0, 27.0, 25.0, Optional.empty(), "parking")));
        assertTrue(!view.hasSelection(), "another clip starts without the rectangle");
    }

    private void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out; the viewer is at " + vm.player().positionProperty().get() + " s of "
                    + vm.player().durationProperty().get() + " s, error " + vm.player().errorProperty().get(), e);
        }
    }
}
