package org.sightline.desktop.task;

/** A task handed to a {@link TaskExecutor}: cancel it, ask whether it ended, or wait for its end. */
public interface StartedTask {

    /**
     * Asks the work to stop: its {@link TaskContext#isCancelled()} turns true and its result, if any, is ignored;
     * the task's cancel handler runs instead of its success or failure handler. Does nothing once it ended.
     */
    void cancel();

    /** True once the work succeeded, failed or was cancelled. */
    boolean isDone();

    /** Blocks until the work has stopped running (never call on the UI thread). */
    void awaitEnd() throws InterruptedException;
}
