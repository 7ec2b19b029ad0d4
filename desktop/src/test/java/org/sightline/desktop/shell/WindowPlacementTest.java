package org.sightline.desktop.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.prefs.Preferences;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sightline.desktop.prefs.DesktopPreferences.WindowBounds;
import org.sightline.desktop.prefs.StoredPreferences;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** The window comes back where and as large as it was, maximised or not (issue 15, item 11). */
@ExtendWith(ApplicationExtension.class)
class WindowPlacementTest {
    private Preferences node;
    private StoredPreferences prefs;

    @BeforeEach
    void freshPreferences() {
        node = Preferences.userRoot().node("org/sightline/test/window-" + System.nanoTime());
        prefs = new StoredPreferences(node);
    }

    @AfterEach
    void removePreferences() throws Exception {
        node.removeNode();
    }

    private static Stage newWindow() {
        Stage stage = new Stage();
        stage.setScene(new Scene(new StackPane(), 640, 480));
        return stage;
    }

    @Test
    void theSizeAndPositionSavedOnCloseAreRestoredOnTheNextRun(FxRobot robot) {
        robot.interact(() -> {
            Stage first = newWindow();
            WindowPlacement.track(first, prefs).restore(); // nothing saved yet: the scene's size
            first.show();
            first.setX(40);
            first.setY(30);
            first.setWidth(1000);
            first.setHeight(700);
            first.hide(); // closing the window saves it
        });
        assertEquals(Optional.of(new WindowBounds(40, 30, 1000, 700, false)), prefs.windowBounds());

        StoredPreferences nextRun = new StoredPreferences(node); // read again, as a new run would
        robot.interact(() -> {
            Stage second = newWindow();
            WindowPlacement.track(second, nextRun).restore();
            second.show();
            assertEquals(40, second.getX());
            assertEquals(30, second.getY());
            assertEquals(1000, second.getWidth());
            assertEquals(700, second.getHeight());
            assertFalse(second.isMaximized());
            second.hide();
        });
    }

    @Test
    void aMaximisedWindowOpensMaximisedAndKeepsItsNormalSizeForLater(FxRobot robot) {
        robot.interact(() -> {
            Stage first = newWindow();
            WindowPlacement.track(first, prefs);
            first.show();
            first.setX(20);
            first.setY(10);
            first.setWidth(900);
            first.setHeight(650);
            first.setMaximized(true);
            first.hide();
        });
        WindowBounds saved = prefs.windowBounds().orElseThrow();
        assertTrue(saved.maximized());
        assertEquals(new WindowBounds(20, 10, 900, 650, true), saved, "the size it had before maximising");

        robot.interact(() -> {
            Stage second = newWindow();
            WindowPlacement.track(second, new StoredPreferences(node)).restore();
            second.show();
            assertTrue(second.isMaximized());
            second.hide();
        });
        assertEquals(new WindowBounds(20, 10, 900, 650, true), prefs.windowBounds().orElseThrow(),
                "a run spent maximised still remembers the normal size");
    }

    @Test
    void boundsOffEveryScreenAreIgnored(FxRobot robot) {
        prefs.saveWindowBounds(new WindowBounds(50_000, 50_000, 800, 600, false));
        robot.interact(() -> {
            Stage stage = newWindow();
            WindowPlacement.track(stage, prefs).restore();
            stage.show();
            assertTrue(stage.getX() < 10_000, "placed on a screen, not at " + stage.getX());
            stage.hide();
        });
    }
}
