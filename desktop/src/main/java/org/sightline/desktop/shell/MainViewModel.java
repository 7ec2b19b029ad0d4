package org.sightline.desktop.shell;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** Which page is showing, and the status bar's facts. */
public final class MainViewModel {
    private final ObjectProperty<Page> page = new SimpleObjectProperty<>(this, "page", Page.SEARCH);
    private final StatusBarViewModel statusBar = new StatusBarViewModel();
    private final javafx.collections.ObservableList<WorkspaceNotice> notices = javafx.collections.FXCollections.observableArrayList();
    private final ObjectProperty<Runnable> onChooseDataDirectory = new SimpleObjectProperty<>(this, "onChooseDataDirectory");

    /** What "Data folder…" does; null hides the button. */
    public ObjectProperty<Runnable> onChooseDataDirectoryProperty() {
        return onChooseDataDirectory;
    }

    public ObjectProperty<Page> pageProperty() {
        return page;
    }

    public void show(Page p) {
        page.set(p);
    }

    /** What is wrong in the data directory now, shown above the page; empty when all is well. */
    public javafx.collections.ObservableList<WorkspaceNotice> notices() {
        return notices;
    }

    public StatusBarViewModel statusBar() {
        return statusBar;
    }
}
