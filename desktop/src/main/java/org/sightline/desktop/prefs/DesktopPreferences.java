package org.sightline.desktop.prefs;

import java.nio.file.Path;
import java.util.Optional;

/** What the desktop remembers between runs: window placement and the last data directory. */
public interface DesktopPreferences {

    /** Window placement in screen coordinates. */
    record WindowBounds(double x, double y, double width, double height, boolean maximized) {
    }

    Optional<WindowBounds> windowBounds();

    void saveWindowBounds(WindowBounds bounds);

    Optional<Path> lastDataDirectory();

    void saveLastDataDirectory(Path dir);
}
