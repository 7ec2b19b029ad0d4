package org.sightline.desktop.shell;

import java.util.Objects;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.sightline.desktop.prefs.DesktopPreferences;
import org.sightline.desktop.prefs.DesktopPreferences.WindowBounds;

/**
 * Keeps a window's size, position and maximised state between runs: {@link #restore()} puts the window where the
 * preferences say (when that place is still on a screen), and the placement is saved when the window is hidden (or on
 * {@link #save()}). A maximised window keeps the size it had before, so un-maximising after a restart gives it back.
 */
public final class WindowPlacement {
    private final Stage stage;
    private final DesktopPreferences prefs;
    private WindowBounds normal;

    private WindowPlacement(Stage stage, DesktopPreferences prefs) {
        this.stage = Objects.requireNonNull(stage, "stage");
        this.prefs = Objects.requireNonNull(prefs, "prefs");
    }

    /** Follows the stage from now on and saves its placement when it is hidden. */
    public static WindowPlacement track(Stage stage, DesktopPreferences prefs) {
        WindowPlacement p = new WindowPlacement(stage, prefs);
        javafx.beans.InvalidationListener moved = o -> p.noteNormalBounds();
        stage.xProperty().addListener(moved);
        stage.yProperty().addListener(moved);
        stage.widthProperty().addListener(moved);
        stage.heightProperty().addListener(moved);
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> p.save());
        return p;
    }

    /** Places the window as it was when last saved; does nothing without saved bounds or when they are off-screen. */
    public void restore() {
        prefs.windowBounds().filter(WindowPlacement::onSomeScreen).ifPresent(b -> {
            stage.setX(b.x());
            stage.setY(b.y());
            stage.setWidth(b.width());
            stage.setHeight(b.height());
            normal = new WindowBounds(b.x(), b.y(), b.width(), b.height(), false);
            stage.setMaximized(b.maximized());
        });
    }

    /** Saves where the window is: its un-maximised bounds and whether it is maximised. */
    public void save() {
        noteNormalBounds();
        WindowBounds b = normal != null ? normal
                : new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false);
        if (b.width() > 0 && b.height() > 0) {
            prefs.saveWindowBounds(new WindowBounds(b.x(), b.y(), b.width(), b.height(), stage.isMaximized()));
        }
    }

    private void noteNormalBounds() {
        if (!stage.isMaximized() && !stage.isIconified() && stage.getWidth() > 0 && stage.getHeight() > 0
                && !Double.isNaN(stage.getX()) && !Double.isNaN(stage.getY())) {
            normal = new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false);
        }
    }

    private static boolean onSomeScreen(WindowBounds b) {
        return !Screen.getScreensForRectangle(new Rectangle2D(b.x(), b.y(), b.width(), b.height())).isEmpty();
    }
}
