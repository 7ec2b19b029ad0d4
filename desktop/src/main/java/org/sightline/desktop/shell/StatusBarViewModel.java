package org.sightline.desktop.shell;

import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The facts in the status bar. Updated on the FX thread. */
public final class StatusBarViewModel {
    private final ReadOnlyStringWrapper dataDirectory = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper indexSize = new ReadOnlyStringWrapper("index: loading");
    private final ReadOnlyStringWrapper footage = new ReadOnlyStringWrapper("footage: loading");
    private final ReadOnlyStringWrapper activeModel = new ReadOnlyStringWrapper("model: loading");
    private final ReadOnlyStringWrapper activity = new ReadOnlyStringWrapper("");

    public ReadOnlyStringProperty dataDirectoryProperty() {
        return dataDirectory.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty indexSizeProperty() {
        return indexSize.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty footageProperty() {
        return footage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty activeModelProperty() {
        return activeModel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty activityProperty() {
        return activity.getReadOnlyProperty();
    }

    public void showDataDirectory(String dir) {
        dataDirectory.set(dir);
    }

    /** Shows the catalog's figures. */
    public void showIndex(long videos, long segments, double footageSeconds, long indexBytes) {
        indexSize.set(String.format(Locale.ROOT, "index: %,d videos · %,d segments · %.1f MB", videos, segments,
                indexBytes / 1e6));
        footage.set(String.format(Locale.ROOT, "footage: %.1f h", footageSeconds / 3600.0));
    }

    /** As {@link #showIndex(long, long, double, long)}, for vectors kept in a team archive (no local index size). */
    public void showTeamArchive(long videos, long segments, double footageSeconds, String archive) {
        indexSize.set(String.format(Locale.ROOT, "index: %,d videos · %,d segments · %s", videos, segments, archive));
        footage.set(String.format(Locale.ROOT, "footage: %.1f h", footageSeconds / 3600.0));
    }

    public void showIndexUnavailable(String reason) {
        indexSize.set("index: " + reason);
        footage.set("footage: -");
    }

    public void showActiveModel(String name) {
        activeModel.set(name == null ? "model: none installed" : "model: " + name);
    }

    public void showActivity(String text) {
        activity.set(text == null ? "" : text);
    }
}
