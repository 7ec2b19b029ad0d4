package org.sightline.desktop.task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.concurrent.Task;
import javafx.concurrent.WorkerStateEvent;
import javafx.event.EventHandler;

/**
 * Runs {@link BackgroundTask}s on daemon threads and counts the ones still running (for a busy indicator).
 * One instance per application.
 */
public final class TaskExecutor implements AutoCloseable {
    private final ExecutorService pool;
    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper(this, "running", 0);

    public TaskExecutor() {
        AtomicInteger counter = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "sightline-task-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts the work. The returned task exposes progress, message and {@code cancel()} for binding.
     * May be called from any thread.
     */
    public <V> Task<V> execute(BackgroundTask<V> work) {
        Task<V> task = work.toFxTask();
        runOnFx(() -> running.set(running.get() + 1));
        EventHandler<WorkerStateEvent> done = e -> running.set(Math.max(0, running.get() - 1));
        task.addEventHandler(WorkerStateEvent.WORKER_STATE_SUCCEEDED, done);
        task.addEventHandler(WorkerStateEvent.WORKER_STATE_FAILED, done);
        task.addEventHandler(WorkerStateEvent.WORKER_STATE_CANCELLED, done);
        pool.execute(task);
        return task;
    }

    /** Number of tasks started and not yet finished. Changes on the FX thread. */
    public ReadOnlyIntegerProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void runOnFx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }
}
