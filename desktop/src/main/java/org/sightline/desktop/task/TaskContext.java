package org.sightline.desktop.task;

/** What running work may tell the user, and how it learns it should stop. */
public interface TaskContext {
    /** Reports progress; {@code max} &lt;= 0 means indeterminate. Safe from any thread. */
    void progress(double workDone, double max);

    /** Sets the line of text shown with the progress. Safe from any thread. */
    void message(String message);

    /** True once the user cancelled; long loops should check it and stop. */
    boolean isCancelled();

    /**
     * Applies an update to a page's state on the UI thread, in the order given, without waiting for it (how work
     * reports partial results, e.g. per-file progress). The synchronous executor applies it at once.
     */
    void onUiThread(Runnable update);
}
