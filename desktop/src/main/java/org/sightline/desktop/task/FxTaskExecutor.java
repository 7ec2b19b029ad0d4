package org.sightline.desktop.task;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.concurrent.Task;

/**
 * Runs {@link BackgroundTask}s on daemon threads as JavaFX tasks; results, failures and cancellation arrive on
 * the FX thread. One instance per application.
 */
public final class FxTaskExecutor implements TaskExecutor {
    private final ExecutorService pool;

    public FxTaskExecutor() {
        AtomicInteger counter = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "sightline-task-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts the work on a pool thread. May be called from any thread. */
    @Override
    public <V> StartedTask execute(BackgroundTask<V> work) {
        Task<V> task = toFxTask(work);
        pool.execute(task);
        return new StartedTask() {
            @Override
            public void cancel() {
                task.cancel();
            }

            @Override
            public boolean isDone() {
                return task.isDone();
            }

            @Override
            public void awaitEnd() throws InterruptedException {
                try {
                    task.get();
                } catch (ExecutionException | CancellationException e) {
                    // it ended; how is for the task's own handlers
                }
            }
        };
    }

    private static <V> Task<V> toFxTask(BackgroundTask<V> work) {
        Task<V> task = new Task<>() {
            @Override
            protected V call() throws Exception {
                updateTitle(work.title());
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

                    @Override
                    public void onUiThread(Runnable update) {
                        Platform.runLater(update);
                    }
                };
                return work.run(context);
            }

            private boolean isCancelledTask() {
                return isCancelled();
            }
        };
        task.setOnSucceeded(e -> work.succeeded(task.getValue()));
        task.setOnFailed(e -> work.failed(task.getException()));
        task.setOnCancelled(e -> work.cancelled());
        return task;
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
}
