package org.sightline.desktop.task;

/**
 * Runs the desktop's slow work ({@link BackgroundTask}s) and hands results, failures and cancellation back to the
 * view-models. {@link FxTaskExecutor} runs work on background threads and reports on the FX thread (the
 * application); {@link SynchronousTaskExecutor} runs it on the calling thread (unit tests of view-models).
 */
public interface TaskExecutor extends AutoCloseable {

    /** Starts the work; the handle cancels it or waits for its end. Call from the UI thread. */
    <V> StartedTask execute(BackgroundTask<V> task);

    /** Stops running work (asks it to stop and waits a few seconds). */
    @Override
    void close();
}
