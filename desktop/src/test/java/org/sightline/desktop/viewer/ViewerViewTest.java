package org.sightline.desktop.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
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
    void opensJustBeforeTheHitStepsFramesAndHashesTheFile(FxRobot robot) throws Exception {
        robot.interact(() -> vm.open(new ClipToView(VIDEO, null, 15.0, 18.0, 16.0, Optional.empty(), "parking")));
        waitFor(() -> Math.abs(vm.player().positionProperty().get() - 14.0) < 0.01);
        assertEquals("0:14.000 / 0:30.160", vm.offsetText().get().substring(0, 19));
        assertEquals(VIDEO_SHA256, vm.sha256Property().get(), "hashed during the open (synchronous tasks)");

        org.sightline.desktop.FxClicks.click(robot, "#viewer");
        robot.type(KeyCode.RIGHT);
        waitFor(() -> Math.abs(vm.player().positionProperty().get() - 14.08) < 0.01);
        robot.type(KeyCode.J);
        waitFor(() -> Math.abs(vm.player().positionProperty().get() - 14.0) < 0.01);
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
    void playsFromJustBeforeTheHitToJustAfterItThenPauses(FxRobot robot) throws Exception {
        robot.interact(() -> vm.open(new ClipToView(VIDEO, VIDEO_SHA256, 2.0, 2.5, 2.2, Optional.empty(), null)));
        waitFor(() -> Math.abs(vm.player().positionProperty().get() - 1.0) < 0.1);
        robot.interact(vm.player()::play);
        waitFor(() -> vm.player().playingProperty().get());
        waitFor(() -> !vm.player().playingProperty().get());
        double at = vm.player().positionProperty().get();
        assertTrue(at >= 3.5 && at < 3.8, "paused one second after the hit, at " + at);
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    }
}
