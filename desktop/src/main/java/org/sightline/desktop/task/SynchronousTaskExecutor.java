package org.sightline.desktop.task;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Runs each {@link BackgroundTask} on the calling thread and delivers its result, failure or cancellation before
 * {@link #execute} returns; progress, messages and UI updates arrive synchronously too. For unit tests of
 * view-models (no FX thread, no waiting) and for scripted use.
 *
 * <p>{@link #holdTasks()} makes it keep new tasks until {@link #runHeldTasks()}, so a test can look at a
 * view-model while work is "running", start more work meanwhile or cancel it.
 */
public final class SynchronousTaskExecutor implements TaskExecutor {

    /** One progress report of a task: {@code max} &lt;= 0 means indeterminate. */
    public record Progress(String title, double workDone, double max) {
    }

    private final Deque<Started<?>> held = new ArrayDeque<>();
    private final List<String> titles = new ArrayList<>();
    private final List<Progress> progress = new ArrayList<>();
    private final List<String> messages = new ArrayList<>();
    private boolean holding;

    @Override
    public <V> StartedTask execute(BackgroundTask<V> task) {
        titles.add(task.title());
        Started<V> started = new Started<>(task);
        if (holding) {
            held.add(started);
        } else {
            started.runNow();
        }
        return started;
    }

    /** From now on, keeps new tasks until {@link #runHeldTasks()}. */
    public void holdTasks() {
        holding = true;
    }

    /** Runs the kept tasks in the order they came (and any they start), then runs new tasks at once again. */
    public void runHeldTasks() {
        holding = false;
        while (!held.isEmpty()) {
            held.removeFirst().runNow();
        }
    }

    /** Number of tasks kept by {@link #holdTasks()} and not yet run or cancelled. */
    public int heldCount() {
        return (int) held.stream().filter(s -> !s.isDone()).count();
    }

    /** Titles of every task started so far, in order. */
    public List<String> titles() {
        return List.copyOf(titles);
    }

    /** Every progress report so far, in order. */
    public List<Progress> progress() {
        return List.copyOf(progress);
    }

    /** Every progress message so far, in order. */
    public List<String> messages() {
        return List.copyOf(messages);
    }

    /** Cancels the tasks still held. */
    @Override
    public void close() {
        new ArrayList<>(held).forEach(Started::cancel);
        held.clear();
    }

    private enum State { WAITING, RUNNING, DONE }

    private final class Started<V> implements StartedTask, TaskContext {
        private final BackgroundTask<V> task;
        private State state = State.WAITING;
        private boolean cancelRequested;

        Started(BackgroundTask<V> task) {
            this.task = task;
        }

        void runNow() {
            if (state != State.WAITING) {
                return;
            }
            state = State.RUNNING;
            V value;
            try {
                value = task.run(this);
            } catch (Error e) {
                state = State.DONE; // e.g. a failed assertion in a test's fake service: surface it, do not show it as a failure
                throw e;
            } catch (Exception e) {
                state = State.DONE;
                if (cancelRequested) {
                    task.cancelled();
                } else {
                    task.failed(e);
                }
                return;
            }
            state = State.DONE;
            if (cancelRequested) {
                task.cancelled();
            } else {
                task.succeeded(value);
            }
        }

        @Override
        public void cancel() {
            switch (state) {
                case WAITING -> {
                    state = State.DONE;
                    cancelRequested = true;
                    task.cancelled();
                }
                case RUNNING -> cancelRequested = true;
                case DONE -> { }
            }
        }

        @Override
        public boolean isDone() {
            return state == State.DONE;
        }

        @Override
        public void awaitEnd() {
            if (state == State.WAITING) {
                throw new IllegalStateException("'" + task.title() + "' is held: call runHeldTasks() before waiting for it");
            }
        }

        @Override
        public void progress(double workDone, double max) {
            progress.add(new Progress(task.title(), workDone, max));
        }

        @Override
        public void message(String message) {
            messages.add(message);
        }

        @Override
        public boolean isCancelled() {
            return cancelRequested;
        }

        @Override
        public void onUiThread(Runnable update) {
            update.run();
        }
    }
}
