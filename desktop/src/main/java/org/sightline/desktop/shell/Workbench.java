package org.sightline.desktop.shell;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.sightline.desktop.task.TaskExecutor;
import org.sightline.indexer.DataDirectory;

/**
 * Puts the desktop together for one data directory: view-models, views and the services behind them.
 * {@link org.sightline.desktop.SightlineApp} shows it in a window; tests show it in a test stage.
 */
public final class Workbench implements AutoCloseable {
    private final DataDirectory dataDirectory;
    private final TaskExecutor tasks;
    private final MainViewModel main = new MainViewModel();
    private final MainView view;

    public Workbench(DataDirectory dataDirectory, TaskExecutor tasks) {
        this.dataDirectory = dataDirectory;
        this.tasks = tasks;
        main.statusBar().showDataDirectory(dataDirectory.root().toString());
        Map<Page, Supplier<Node>> pages = new EnumMap<>(Page.class);
        for (Page p : Page.values()) {
            pages.put(p, () -> placeholder(p));
        }
        this.view = new MainView(main, pages);
    }

    public Parent view() {
        return view;
    }

    public MainViewModel mainViewModel() {
        return main;
    }

    public DataDirectory dataDirectory() {
        return dataDirectory;
    }

    public TaskExecutor tasks() {
        return tasks;
    }

    /** Fills the prompt and runs it, optionally opening the first clip (start-up option for demos and screenshots). */
    public void searchAtStartup(String prompt, boolean openFirstClip) {
        // wired to the search page once it lands
    }

    private static Node placeholder(Page p) {
        VBox box = new VBox(new Label(p.title()));
        box.getStyleClass().add("page");
        return box;
    }

    @Override
    public void close() {
        // services are closed here once they are wired
    }
}
