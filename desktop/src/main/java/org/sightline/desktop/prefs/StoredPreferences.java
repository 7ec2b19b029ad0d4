package org.sightline.desktop.prefs;

import java.nio.file.Path;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/** {@link DesktopPreferences} kept in the user's {@link Preferences} under {@code org/sightline/desktop}. */
public final class StoredPreferences implements DesktopPreferences {
    private static final String X = "window.x";
    private static final String Y = "window.y";
    private static final String W = "window.width";
    private static final String H = "window.height";
    private static final String MAX = "window.maximized";
    private static final String DATA = "data.directory";

    private final Preferences node;

    public StoredPreferences(Preferences node) {
        this.node = node;
    }

    public static StoredPreferences forUser() {
        return new StoredPreferences(Preferences.userRoot().node("org/sightline/desktop"));
    }

    @Override
    public Optional<WindowBounds> windowBounds() {
        double w = node.getDouble(W, -1);
        double h = node.getDouble(H, -1);
        if (w <= 0 || h <= 0) {
            return Optional.empty();
        }
        return Optional.of(new WindowBounds(node.getDouble(X, 0), node.getDouble(Y, 0), w, h, node.getBoolean(MAX, false)));
    }

    @Override
    public void saveWindowBounds(WindowBounds b) {
        node.putDouble(X, b.x());
        node.putDouble(Y, b.y());
        node.putDouble(W, b.width());
        node.putDouble(H, b.height());
        node.putBoolean(MAX, b.maximized());
        flush();
    }

    @Override
    public Optional<Path> lastDataDirectory() {
        String s = node.get(DATA, null);
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(Path.of(s));
    }

    @Override
    public void saveLastDataDirectory(Path dir) {
        node.put(DATA, dir.toAbsolutePath().toString());
        flush();
    }

    private void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // Remembering is a convenience; the app works without it.
            System.getLogger(StoredPreferences.class.getName())
                    .log(System.Logger.Level.WARNING, "could not save desktop preferences: " + e.getMessage());
        }
    }
}
