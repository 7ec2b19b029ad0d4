package org.sightline.desktop.prefs;

import java.nio.file.Path;
import java.util.Optional;

/** {@link DesktopPreferences} that last as long as the object: for tests and throw-away runs. */
public final class InMemoryPreferences implements DesktopPreferences {
    private WindowBounds bounds;
    private Path dataDirectory;

    @Override
    public Optional<WindowBounds> windowBounds() {
        return Optional.ofNullable(bounds);
    }

    @Override
    public void saveWindowBounds(WindowBounds b) {
        this.bounds = b;
    }

    @Override
    public Optional<Path> lastDataDirectory() {
        return Optional.ofNullable(dataDirectory);
    }

    @Override
    public void saveLastDataDirectory(Path dir) {
        this.dataDirectory = dir;
    }
}
