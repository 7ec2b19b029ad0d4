package org.sightline.desktop.shell;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.Parent;
import org.sightline.desktop.services.ServicesOpener;
import org.sightline.desktop.task.BackgroundTask;
import org.sightline.desktop.task.TaskExecutor;
import org.sightline.indexer.app.DataDirectory;

/**
 * Puts a data directory in the window: shows "opening…" ({@link OpeningView}) while its services open in the
 * background, then a {@link Workbench} over them, or the reason they did not open. Opening another data directory
 * closes the previous workbench in the background; an open that another one overtook closes what it opened.
 */
public final class WorkbenchLoader {
    private final TaskExecutor tasks;
    private final ServicesOpener opener;
    private final Consumer<Parent> show;
    private final Runnable chooseAnother;
    private DataDirectory current;
    /** The workbench on screen; null while a data directory opens or after it failed to. */
    private Workbench workbench;
    /** Counts open requests, so a slow one that was overtaken by another closes what it opened. */
    private long openings;
    private boolean stopped;

    /**
     * @param show          puts a root node in the window
     * @param chooseAnother lets the user choose another data directory (offered on the workbench and after a
     *                      failure)
     */
    public WorkbenchLoader(TaskExecutor tasks, ServicesOpener opener, Consumer<Parent> show, Runnable chooseAnother) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.show = Objects.requireNonNull(show, "show");
        this.chooseAnother = Objects.requireNonNull(chooseAnother, "chooseAnother");
    }

    /**
     * Closes the workbench on screen (in the background) and opens this data directory.
     *
     * @param onOpened told once with the new workbench, after it is on screen
     */
    public void open(DataDirectory data, Consumer<Workbench> onOpened) {
        if (stopped) {
            throw new IllegalStateException("the window is closing; " + data.root() + " is not opened");
        }
        long attempt = ++openings;
        current = data;
        if (workbench != null) {
            workbench.closeInBackground();
            workbench = null;
        }
        OpeningView opening = new OpeningView(data.root(), chooseAnother);
        show.accept(opening);
        tasks.execute(BackgroundTask.of("Opening " + data.root(), ctx -> opener.open(data))
                .onSuccess(services -> {
                    if (stopped || attempt != openings) {
                        services.close();
                        return;
                    }
                    workbench = new Workbench(data, services, tasks);
                    workbench.mainViewModel().onChooseDataDirectoryProperty().set(chooseAnother);
                    show.accept(workbench.view());
                    onOpened.accept(workbench);
                })
                .onFailure(e -> {
                    if (attempt == openings) {
                        opening.showFailure(data.root(), e);
                        if (opener.damagedIndex(e)) {
                            opening.offerRepair("Rebuild index", () -> rebuild(data, onOpened));
                        }
                    }
                }));
    }

    /**
     * Sets the damaged search index aside (kept for examination), opens the data directory again and embeds every
     * catalogued video into the new index, with the Library page's progress and cancel.
     */
    private void rebuild(DataDirectory data, Consumer<Workbench> onOpened) {
        tasks.execute(BackgroundTask.of("Setting the damaged index aside", ctx -> opener.setDamagedIndexAside(data))
                .onSuccess(done -> open(data, wb -> {
                    onOpened.accept(wb);
                    wb.mainViewModel().statusBar().showActivity(done);
                    wb.rebuildMissingVectors();
                }))
                .onFailure(e -> {
                    OpeningView failed = new OpeningView(data.root(), chooseAnother);
                    show.accept(failed);
                    failed.showFailure(data.root(), e);
                }));
    }

    /** The data directory on screen or opening; null before the first {@link #open}. */
    public DataDirectory dataDirectory() {
        return current;
    }

    /** The workbench on screen; empty while opening or after a failure. */
    public Optional<Workbench> workbench() {
        return Optional.ofNullable(workbench);
    }

    /** The window is closing: asks running work to stop; services that finish opening from now on are closed. */
    public void stopWork() {
        stopped = true;
        if (workbench != null) {
            workbench.stopWork(); // an index job stops at its next check; finished files are kept
        }
    }

    /** Closes the workbench on screen and its services (after {@link #stopWork()} and the tasks have ended). */
    public void close() {
        stopped = true;
        if (workbench != null) {
            workbench.close();
        }
    }
}
