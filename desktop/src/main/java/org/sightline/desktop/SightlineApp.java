package org.sightline.desktop;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.application.Application;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;
import org.sightline.desktop.cases.CaseFiles;
import org.sightline.desktop.cases.CasesViewModel;
import org.sightline.desktop.prefs.DesktopPreferences;
import org.sightline.desktop.prefs.StoredPreferences;
import org.sightline.desktop.services.WorkspaceServices;
import org.sightline.desktop.shell.Page;
import org.sightline.desktop.shell.WindowPlacement;
import org.sightline.desktop.shell.Workbench;
import org.sightline.desktop.shell.WorkbenchLoader;
import org.sightline.desktop.task.FxTaskExecutor;
import org.sightline.desktop.task.TaskExecutor;
import org.sightline.desktop.viewer.ClipToView;
import org.sightline.indexer.app.DataDirectory;

/**
 * The JavaFX application: one window around a {@link Workbench}. Remembers the window's placement and the
 * data directory. System properties: {@code sightline.data} (data directory for this run),
 * {@code sightline.initialQuery} (a prompt to search at start-up; with {@code sightline.wholeArchive=true} in the
 * whole team archive), {@code sightline.openFirstClip=true}
 * (open the first result in the viewer), {@code sightline.openClipOf=TEXT} (open the best clip whose file path
 * contains TEXT), {@code sightline.window=WIDTHxHEIGHT} (place the window at 0,0 with that
 * size, for screenshots).
 */
public class SightlineApp extends Application {
    /** The stylesheet every scene of the desktop uses. */
    public static final String STYLESHEET = "/org/sightline/assets/styles/dark.css";

    private TaskExecutor tasks;
    private Stage stage;
    private DesktopPreferences prefs;
    private WorkbenchLoader loader;
    private WindowPlacement placement;

    @Override
    public void start(Stage stage) {
        DesktopPreferences prefs = StoredPreferences.forUser();
        DataDirectory data = chooseDataDirectory(prefs);
        prefs.saveLastDataDirectory(data.root());
        tasks = new FxTaskExecutor();
        this.stage = stage;
        this.prefs = prefs;

        Scene scene = new Scene(new StackPane(), 1280, 800);
        scene.getStylesheets().add(stylesheet());
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        placement = WindowPlacement.track(stage, prefs);
        placement.restore();
        String window = System.getProperty("sightline.window");
        if (window != null && window.matches("\\d+x\\d+")) {
            String[] wh = window.split("x");
            stage.setMaximized(false);
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(Double.parseDouble(wh[0]));
            stage.setHeight(Double.parseDouble(wh[1]));
        }
        loader = new WorkbenchLoader(tasks, WorkspaceServices::open, scene::setRoot, this::chooseAnotherDataDirectory);
        stage.setTitle("Sightline — " + data.root());
        loader.open(data, w -> {
            connectDesktop(w);
            applyStartupOptions(w);
        });
        stage.show();
    }

    /** What only the application can give a workbench: opening a folder in the system's file manager. */
    private void connectDesktop(Workbench workbench) {
        workbench.casesViewModel().folderOpenerProperty().set(
                folder -> getHostServices().showDocument(folder.toUri().toString()));
    }

    private static void applyStartupOptions(Workbench workbench) {
        String page = System.getProperty("sightline.page");
        if (page != null) {
            try {
                workbench.mainViewModel().show(Page.valueOf(page.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                System.getLogger(SightlineApp.class.getName()).log(System.Logger.Level.WARNING,
                        "sightline.page=" + page + " is not a page (search, library, cases, models)");
            }
        }
        if (Boolean.getBoolean("sightline.showExaminerKey")) {
            workbench.casesViewModel().toggleKeyPanel();
        }
        String disclosure = System.getProperty("sightline.reviewDisclosure");
        if (disclosure != null && !disclosure.isBlank()) {
            reviewDisclosureOnceLoaded(workbench, disclosure);
        }
        String initialQuery = System.getProperty("sightline.initialQuery");
        if (initialQuery != null && !initialQuery.isBlank()) {
            int steps = Integer.getInteger("sightline.stepFrames", 0);
            if (steps > 0) {
                workbench.viewerViewModel().clipProperty().addListener(new ChangeListener<>() {
                    @Override
                    public void changed(ObservableValue<? extends ClipToView> o, ClipToView a, ClipToView b) {
                        o.removeListener(this);
                        for (int i = 0; i < steps; i++) {
                            workbench.viewerViewModel().player().stepForward(); // queued after the open
                        }
                    }
                });
            }
            String preferred = System.getProperty("sightline.openClipOf");
            if (Boolean.getBoolean("sightline.wholeArchive")) {
                workbench.searchArchiveAtStartup(initialQuery);
                return;
            }
            workbench.searchAtStartup(initialQuery, Boolean.getBoolean("sightline.openFirstClip") || preferred != null,
                    preferred);
        }
    }

    /**
     * Starts a disclosure copy's review of the current case once its clips are read ({@code
     * sightline.reviewDisclosure=people,plates,blur}: what to hide, "blur" for blurring; for screenshots).
     */
    private static void reviewDisclosureOnceLoaded(Workbench workbench, String what) {
        List<String> words = List.of(what.toLowerCase(Locale.ROOT).split("\\s*,\\s*"));
        CaseFiles.DisclosureChoice choice = new CaseFiles.DisclosureChoice(words.contains("people"),
                words.contains("vehicles"), words.contains("plates"), words.contains("faces"), words.contains("blur"), true);
        CasesViewModel cases = workbench.casesViewModel();
        cases.items().addListener(new ListChangeListener<CaseFiles.ItemRow>() {
            @Override
            public void onChanged(Change<? extends CaseFiles.ItemRow> c) {
                if (!cases.items().isEmpty()) {
                    cases.items().removeListener(this);
                    Path folder = Path.of(System.getProperty("java.io.tmpdir"), "sightline-disclosure-" + ProcessHandle.current().pid());
                    cases.exportDisclosure(folder, choice);
                }
            }
        });
    }

    /** Lets the user pick another data directory, remembers it and rebuilds the window's content on it. */
    private void chooseAnotherDataDirectory() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Choose a Sightline data directory (created if empty; Ctrl+L types a path)");
        File currentDir = loader.dataDirectory().root().toFile();
        if (currentDir.isDirectory()) {
            chooser.setInitialDirectory(currentDir);
        }
        File dir = chooser.showDialog(stage);
        if (dir == null) {
            return;
        }
        DataDirectory data = DataDirectory.resolve(dir.toPath());
        prefs.saveLastDataDirectory(data.root());
        stage.setTitle("Sightline — " + data.root());
        loader.open(data, this::connectDesktop);
    }

    @Override
    public void stop() {
        if (placement != null) {
            placement.save(); // also when the app ends without the window being hidden first
        }
        if (loader != null) {
            loader.stopWork(); // an index job stops at its next check; finished files are kept
        }
        if (tasks != null) {
            tasks.close(); // waits a few seconds for running work to end
        }
        if (loader != null) {
            loader.close();
        }
    }

    /** The theme's URL, for any scene the desktop opens. */
    public static String stylesheet() {
        return Objects.requireNonNull(SightlineApp.class.getResource(STYLESHEET),
                "the desktop jar lacks " + STYLESHEET).toExternalForm();
    }

    private static DataDirectory chooseDataDirectory(DesktopPreferences prefs) {
        String explicit = System.getProperty("sightline.data");
        if (explicit != null && !explicit.isBlank()) {
            return DataDirectory.resolve(Path.of(explicit));
        }
        if (System.getenv("SIGHTLINE_HOME") == null) {
            var last = prefs.lastDataDirectory();
            if (last.isPresent()) {
                return DataDirectory.resolve(last.get());
            }
        }
        return DataDirectory.resolve(null);
    }
}
