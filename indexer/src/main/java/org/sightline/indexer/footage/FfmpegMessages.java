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
 * Lines logged by FFmpeg's internal decoder threads are only forwarded to the debug log.
 */
final class FfmpegMessages {
    private static final System.Logger LOG = System.getLogger("org.sightline.indexer.footage.ffmpeg");
    private static final int KEPT = 4;
    /** FFmpeg prefixes lines with the component and its address: "[mov,mp4,m4a @ 0x7f44cca84100] ". */
    private static final java.util.regex.Pattern CONTEXT_PREFIX = java.util.regex.Pattern.compile("^\\[[^\\]]* @ 0x[0-9a-f]+\\]\\s*");
    private static final ThreadLocal<Deque<String>> RECENT = ThreadLocal.withInitial(ArrayDeque::new);
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
