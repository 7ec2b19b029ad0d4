package org.sightline.models.runtime;

import ai.djl.engine.Engine;
import java.util.concurrent.atomic.AtomicReference;
import org.sightline.models.OfflineMode;

/**
 * Starts ONNX Runtime (through DJL) once per process, on a thread of its own with a very large stack.
 *
 * <p>When ONNX Runtime's environment is created it reads the process's whole command line ({@code /proc/self/cmdline})
 * and parses it with a recursive matcher whose stack use grows with the command line's length: a 600-character
 * prompt or camera name given to {@code sightline search} overflowed the main thread's 1 MB stack and killed the JVM
 * with SIGSEGV before any Java code could react. On this thread the longest command line Linux accepts for one
 * argument (128 KiB) starts normally. The stack is reserved, not committed, and is released when the thread ends.
 */
public final class OnnxRuntimeStartup {
    /** Enough for a command line of several megabytes (about 170 bytes of stack per character were measured). */
    static final long STACK_BYTES = 1L << 30;

    private static final Object LOCK = new Object();
    private static volatile boolean started;

    private OnnxRuntimeStartup() {
    }

    /** Starts the engine if it has not started yet; blocks until it has. Safe from any thread, any number of times. */
    public static void ensureStarted() {
        if (started) {
            return;
        }
        synchronized (LOCK) {
            if (started) {
                return;
            }
            OfflineMode.enforce();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread t = new Thread(null, () -> {
                try {
                    Engine.getEngine(OnnxVisionLanguageModel.ENGINE);
                } catch (Throwable e) {
                    failure.set(e);
                }
            }, "sightline-onnxruntime-start", STACK_BYTES);
            t.setDaemon(true);
            t.start();
            boolean interrupted = false;
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            Throwable e = failure.get();
            if (e != null) {
                throw new IllegalStateException("ONNX Runtime could not start: " + e.getMessage(), e);
            }
            started = true;
        }
    }
}
