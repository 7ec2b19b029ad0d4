package org.sightline.desktop.task;

import java.util.Objects;
import java.util.function.Consumer;
import javafx.concurrent.Task;

/**
 * A piece of long work for the desktop: runs off the FX thread, reports progress and a message, can be
 * cancelled, and hands its result (or failure) back on the FX thread. The only way the desktop runs
 * slow work; see {@link TaskExecutor}.
 *
 * @param <V> the result type
 */
public final class BackgroundTask<V> {

    /** The work itself. Runs on a background thread. */
    @FunctionalInterface
    public interface Work<V> {
        V run(TaskContext context) throws Exception;
    }

    private final String title;
    private final Work<V> work;
    private Consumer<V> onSuccess = v -> { };
    private Consumer<Throwable> onFailure = e -> { };
    private Runnable onCancelled = () -> { };
    private Runnable onFinished = () -> { };

    private BackgroundTask(String title, Work<V> work) {
        this.title = Objects.requireNonNull(title, "title");
        this.work = Objects.requireNonNull(work, "work");
    }

    public static <V> BackgroundTask<V> of(String title, Work<V> work) {
        return new BackgroundTask<>(title, work);
    }

    public String title() {
        return title;
    }

    /** Called on the FX thread with the result. */
    public BackgroundTask<V> onSuccess(Consumer<V> handler) {
        this.onSuccess = Objects.requireNonNull(handler);
        return this;
    }

    /** Called on the FX thread with the exception the work threw. */
    public BackgroundTask<V> onFailure(Consumer<Throwable> handler) {
        this.onFailure = Objects.requireNonNull(handler);
        return this;
    }

    /** Called on the FX thread when the task was cancelled. */
    public BackgroundTask<V> onCancelled(Runnable handler) {
        this.onCancelled = Objects.requireNonNull(handler);
        return this;
    }

    /** Called on the FX thread after success, failure or cancellation. */
    public BackgroundTask<V> onFinished(Runnable handler) {
        this.onFinished = Objects.requireNonNull(handler);
        return this;
    }

    /** A fresh JavaFX task for this work; each call gives a new, unstarted task. */
    Task<V> toFxTask() {
        Task<V> task = new Task<>() {
            @Override
            protected V call() throws Exception {
                updateTitle(title);
                TaskContext context = new TaskContext() {
                    @Override
                    public void progress(double workDone, double max) {
                        updateProgress(workDone, max);
                    }

                    @Override
                    public void message(String message) {
                        updateMessage(message);
                    }

                    @Override
                    public boolean isCancelled() {
                        return Thread.currentThread().isInterrupted() || isCancelledTask();
                    }
                };
                return work.run(context);
            }

            private boolean isCancelledTask() {
                return isCancelled();
            }
        };
        task.setOnSucceeded(e -> {
            onSuccess.accept(task.getValue());
            onFinished.run();
        });
        task.setOnFailed(e -> {
            onFailure.accept(task.getException());
            onFinished.run();
        });
        task.setOnCancelled(e -> {
            onCancelled.run();
            onFinished.run();
        });
        return task;
    }
}
