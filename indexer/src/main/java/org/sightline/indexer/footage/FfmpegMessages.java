package org.sightline.indexer.footage;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;

/**
 * Routes FFmpeg's own log lines away from stderr (they would garble progress bars) and keeps the last few
 * error lines logged on the calling thread, so an error message can say what FFmpeg saw ("moov atom not found").
 * Lines logged by FFmpeg's internal decoder threads are only forwarded to the debug log, but every error line, on any
 * thread, is counted ({@link #errorCount()}), so a decode can tell that it met errors.
 */
final class FfmpegMessages {
    private static final System.Logger LOG = System.getLogger("org.sightline.indexer.footage.ffmpeg");
    private static final int KEPT = 4;
    /** FFmpeg prefixes lines with the component and its address: "[mov,mp4,m4a @ 0x7f44cca84100] ". */
    private static final java.util.regex.Pattern CONTEXT_PREFIX = java.util.regex.Pattern.compile("^\\[[^\\]]* @ 0x[0-9a-f]+\\]\\s*");
    private static final ThreadLocal<Deque<String>> RECENT = ThreadLocal.withInitial(ArrayDeque::new);
    /** Every error line FFmpeg logged in this process, on any thread (decoder threads included). */
    private static final java.util.concurrent.atomic.AtomicLong ERRORS = new java.util.concurrent.atomic.AtomicLong();
    /** The first error line after each {@link #errorCount()} snapshot is wanted for a damage note: the latest few. */
    private static final Deque<String> LATEST_ANY_THREAD = new ArrayDeque<>();
    private static volatile boolean installed;
    private static Callback callback;

    private FfmpegMessages() {
    }

    /** Installs the log redirection once per process. */
    static synchronized void install() {
        if (installed) {
            return;
        }
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        callback = new Callback();
        callback.retainReference();
        avutil.setLogCallback(callback);
        installed = true;
    }

    /** Forgets the lines kept for this thread; call before an operation whose errors you want to describe. */
    static void clear() {
        RECENT.get().clear();
    }

    /** The error lines FFmpeg logged on this thread since {@link #clear()}, oldest first. */
    static List<String> recent() {
        return List.copyOf(RECENT.get());
    }

    /**
     * How many error lines FFmpeg has logged in this process, on any thread: the difference across a decode counts
     * the decode errors it met (its decoder threads' too; a decode running at the same time elsewhere in the process
     * would be counted as well).
     */
    static long errorCount() {
        return ERRORS.get();
    }

    /** The last few error lines logged on any thread, oldest first. */
    static List<String> latestAnyThread() {
        synchronized (LATEST_ANY_THREAD) {
            return List.copyOf(LATEST_ANY_THREAD);
        }
    }

    /** The recent lines joined for an error message, or an empty string. */
    static String recentJoined() {
        return String.join("; ", recent());
    }

    private static final class Callback extends LogCallback {
        @Override
        public void call(int level, BytePointer msg) {
            if (level > avutil.AV_LOG_ERROR) {
                return;
            }
            String line = msg == null ? "" : CONTEXT_PREFIX.matcher(msg.getString().strip()).replaceFirst("");
            if (!line.isEmpty()) {
                ERRORS.incrementAndGet();
                synchronized (LATEST_ANY_THREAD) {
                    if (LATEST_ANY_THREAD.size() == KEPT) {
                        LATEST_ANY_THREAD.removeFirst();
                    }
                    LATEST_ANY_THREAD.addLast(line);
                }
            }
            Deque<String> recent = RECENT.get();
            if (line.isEmpty() || line.equals(recent.peekLast())) {
                return;
            }
            if (recent.size() == KEPT) {
                recent.removeFirst();
            }
            recent.addLast(line);
            LOG.log(System.Logger.Level.DEBUG, line);
        }
    }
}
