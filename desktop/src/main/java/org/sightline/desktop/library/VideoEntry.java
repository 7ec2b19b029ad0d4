package org.sightline.desktop.library;

import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.sightline.indexer.catalog.VideoStatus;

/** One row of the library table: a video, its archive folder, status and reason; live progress while indexing. */
public final class VideoEntry {
    private final Path path;
    private final StringProperty camera = new SimpleStringProperty("");
    private final ObjectProperty<VideoStatus> status = new SimpleObjectProperty<>(VideoStatus.QUEUED);
    private final StringProperty reason = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final DoubleProperty durationSeconds = new SimpleDoubleProperty(0);
    private final BooleanProperty copy = new SimpleBooleanProperty(false);
    private final StringProperty found = new SimpleStringProperty("");
    private final StringProperty foundDetails = new SimpleStringProperty("");

    public VideoEntry(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    /** The folder holding the file: the archive it belongs to. */
    public String archive() {
        Path parent = path.getParent();
        return parent == null ? "" : parent.toString();
    }

    public String fileName() {
        return path.getFileName().toString();
    }

    public StringProperty cameraProperty() {
        return camera;
    }

    /** True while the file is being indexed (its progress is then worth showing). */
    public javafx.beans.binding.BooleanBinding indexingProperty() {
        return javafx.beans.binding.Bindings.createBooleanBinding(() -> statusProperty().get() == VideoStatus.INDEXING, statusProperty());
    }

    public ObjectProperty<VideoStatus> statusProperty() {
        return status;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    /** 0..1 through the file while it is indexed. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    public DoubleProperty durationSecondsProperty() {
        return durationSeconds;
    }

    /**
     * True for a file with the same content as another catalogued video: it is not indexed again nor catalogued under
     * its own path (the status bar does not count it); the reason names the other file.
     */
    public BooleanProperty copyProperty() {
        return copy;
    }

    /** The status word shown: the catalog's, or {@code duplicate} for a copy of another video. */
    public String statusText() {
        return copy.get() ? "duplicate" : status.get().label();
    }

    /** What the perception packs found, in one line; empty when none ran. */
    public StringProperty foundProperty() {
        return found;
    }

    /** What the perception packs found in full, and which packs ran; empty when none ran. */
    public StringProperty foundDetailsProperty() {
        return foundDetails;
    }
}
