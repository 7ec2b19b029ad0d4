package org.sightline.desktop.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The test executor keeps the promises of the real one: one of success, failure or cancel, then finished. */
class SynchronousTaskExecutorTest {
    private final SynchronousTaskExecutor tasks = new SynchronousTaskExecutor();
    private final List<String> said = new ArrayList<>();

    private <V> BackgroundTask<V> recorded(BackgroundTask<V> task) {
        return task.onSuccess(v -> said.add("success " + v))
                .onFailure(e -> said.add("failure " + e.getMessage()))
                .onCancelled(() -> said.add("cancelled"))
                .onFinished(() -> said.add("finished"));
    }

    @Test
    void resultsFailuresAndProgressArriveBeforeExecuteReturns() {
        StartedTask t = tasks.execute(recorded(BackgroundTask.of("Counting", ctx -> {
            ctx.progress(1, 2);
            ctx.message("half way");
            ctx.onUiThread(() -> said.add("update"));
            return 42;
        })));
        assertTrue(t.isDone());
        assertEquals(List.of("update", "success 42", "finished"), said);
        assertEquals(List.of(new SynchronousTaskExecutor.Progress("Counting", 1, 2)), tasks.progress());
        assertEquals(List.of("half way"), tasks.messages());

        said.clear();
        tasks.execute(recorded(BackgroundTask.of("Reading", ctx -> {
            throw new IOException("/data/catalog.db is locked");
        })));
        assertEquals(List.of("failure /data/catalog.db is locked", "finished"), said);
        assertEquals(List.of("Counting", "Reading"), tasks.titles());
    }

    @Test
    void cancellingRunningWorkTellsItToStopAndIgnoresItsResult() {
        AtomicReference<StartedTask> self = new AtomicReference<>();
        tasks.holdTasks();
        self.set(tasks.execute(recorded(BackgroundTask.of("Long", ctx -> {
            self.get().cancel();
            return ctx.isCancelled() ? "stopped early" : "ran to the end";
        }))));
        assertFalse(self.get().isDone());
        tasks.runHeldTasks();
        assertEquals(List.of("cancelled", "finished"), said);
    }

    @Test
    void cancellingHeldWorkNeverRunsIt() {
        tasks.holdTasks();
        StartedTask t = tasks.execute(recorded(BackgroundTask.of("Never", ctx -> {
            said.add("ran");
            return 1;
        })));
        assertEquals(1, tasks.heldCount());
        assertThrows(IllegalStateException.class, t::awaitEnd, "waiting for held work would wait forever");
        t.cancel();
        t.cancel();
        assertEquals(List.of("cancelled", "finished"), said);
        assertEquals(0, tasks.heldCount());
        tasks.runHeldTasks();
        assertEquals(List.of("cancelled", "finished"), said);
    }

    @Test
    void aFailedAssertionInsideTheWorkIsNotTurnedIntoAFailure() {
        assertThrows(AssertionError.class, () -> tasks.execute(recorded(BackgroundTask.of("Broken fake", ctx -> {
            throw new AssertionError("the fake was called with the wrong path");
        }))));
        assertTrue(said.isEmpty());
    }
}
