package org.sightline.desktop.task;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * A piece of long work for the desktop: runs off the UI thread, reports progress and a message, can be
 * cancelled, and hands its result (or failure) back on the UI thread. The only way the desktop runs
 * slow work; see {@link TaskExecutor}.
 *
 * @param <V> the result type
 */
public final class BackgroundTask<V> {

    /** The work itself. Runs on a background thread (on the calling thread under {@link SynchronousTaskExecutor}). */
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

    /** Called on the UI thread with the result. */
    public BackgroundTask<V> onSuccess(Consumer<V> handler) {
        this.onSuccess = Objects.requireNonNull(handler);
        return this;
    }

    /** Called on the UI thread with the exception the work threw. */
    public BackgroundTask<V> onFailure(Consumer<Throwable> handler) {
        this.onFailure = Objects.requireNonNull(handler);
        return this;
    }

    /** Called on the UI thread when the task was cancelled. */
    public BackgroundTask<V> onCancelled(Runnable handler) {
        this.onCancelled = Objects.requireNonNull(handler);
        return this;
    }

    /** Called on the UI thread after success, failure or cancellation. */
    public BackgroundTask<V> onFinished(Runnable handler) {
        this.onFinished = Objects.requireNonNull(handler);
        return this;
    }

    /** Runs the work itself (on whichever thread the executor chose). */
    V run(TaskContext context) throws Exception {
        return work.run(context);
    }

    /** Delivers the result: the success handler, then the finished handler. */
    void succeeded(V value) {
        onSuccess.accept(value);
        onFinished.run();
    }

    /** Delivers the failure: the failure handler, then the finished handler. */
    void failed(Throwable failure) {
        onFailure.accept(failure);
        onFinished.run();
    }

    /** Delivers the cancellation: the cancel handler, then the finished handler. */
    void cancelled() {
        onCancelled.run();
        onFinished.run();
    }
}
