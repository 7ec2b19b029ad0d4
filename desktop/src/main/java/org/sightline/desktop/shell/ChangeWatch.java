package org.sightline.desktop.shell;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.sightline.desktop.services.DesktopServices;

/**
 * Notices what another process (the command line) changes in the open data directory: every {@code every}, a cheap
 * check ({@link DesktopServices#changesByOthers()}) on its own daemon thread; when the number moved,
 * {@code onChange} runs on the FX thread so the pages read their data again. The FX thread never waits for a check,
 * and the checks stay out of the task executor (they are not work the user started).
 */
final class ChangeWatch implements AutoCloseable {
    private final DesktopServices services;
    private final Runnable onChange;
    private final Duration every;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sightline-change-watch");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean stopped;
    private Long seen;

    ChangeWatch(DesktopServices services, Duration every, Runnable onChange) {
        this.services = Objects.requireNonNull(services, "services");
        this.onChange = Objects.requireNonNull(onChange, "onChange");
        this.every = Objects.requireNonNull(every, "every");
    }

    void start() {
        thread.scheduleWithFixedDelay(this::check, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Looks once more soon, besides the regular checks (tests, after a known change). */
    void checkSoon() {
        if (!stopped) {
            thread.execute(this::check);
        }
    }

    private void check() {
        if (stopped) {
            return;
        }
        long now;
        try {
            now = services.changesByOthers();
        } catch (Exception | LinkageError e) {
            return; // closing, or the catalog busy a moment: the next check looks again
        }
        boolean changed = seen != null && seen != now;
        seen = now;
        if (changed) {
            Platform.runLater(() -> {
                if (!stopped) {
                    onChange.run();
                }
            });
        }
    }

    /** Stops checking; a check under way finishes on its own thread. */
    @Override
    public void close() {
        stopped = true;
        thread.shutdown();
    }
}
