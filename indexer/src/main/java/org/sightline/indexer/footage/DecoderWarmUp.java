package org.sightline.indexer.footage;

import java.util.concurrent.atomic.AtomicBoolean;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.javacpp.Loader;
import org.sightline.models.runtime.RgbFrame;

/**
 * Loads FFmpeg's native libraries and the JDK's JPEG writer on a daemon thread, once per process: about half a
 * second that the first file's probe and first thumbnail would otherwise wait for (`sightline bench index`: run 1
 * against later runs). Started where other start-up work (loading the model) can hide it. Failures are left to the
 * first real use, which reports them for the file concerned.
 */
public final class DecoderWarmUp {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private DecoderWarmUp() {
    }

    /** Starts the warm-up unless it already ran in this process; returns at once. */
    public static void start() {
        if (STARTED.compareAndSet(false, true)) {
            Thread.ofPlatform().name("sightline-warm-up").daemon(true).start(() -> {
                try {
                    Loader.load(avformat.class);
                    Loader.load(swscale.class);
                    JpegEncoder.encode(new RgbFrame(16, 16, new byte[16 * 16 * 3]));
                } catch (RuntimeException | LinkageError e) {
                    // the first probe meets the same problem and names the file it happened on
                }
            });
        }
    }
}
