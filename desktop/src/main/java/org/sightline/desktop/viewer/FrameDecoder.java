package org.sightline.desktop.viewer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Decodes one video file for display with JavaCV/FFmpeg (so every format the indexer reads also plays),
 * opening it read-only. Not thread-safe: one thread drives it ({@link VideoPlayer}'s decoder thread).
 */
public final class FrameDecoder implements AutoCloseable {
    static {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR); // no stream dumps on the console
    }

    private final Path file;
    private final FFmpegFrameGrabber grabber;
    private final double durationSeconds;
    private final double frameRate;

    /**
     * @param maxWidth pictures wider than this are scaled down during decode (keeps playback light)
     * @throws IOException naming the file when it cannot be opened or holds no video stream
     */
    public FrameDecoder(Path file, int maxWidth) throws IOException {
        this.file = file;
        if (!Files.isReadable(file)) {
            throw new IOException("cannot play " + file + ": the file is missing or not readable");
        }
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile());
        g.setPixelFormat(avutil.AV_PIX_FMT_BGRA);
        try {
            g.start();
            if (g.getVideoStream() < 0 || g.getImageWidth() <= 0) {
                g.close();
                throw new IOException("cannot play " + file + ": it holds no video stream");
            }
            if (g.getImageWidth() > maxWidth) {
                int w = maxWidth & ~1;
                int h = (int) Math.round((double) g.getImageHeight() * w / g.getImageWidth()) & ~1;
                g.stop();
                g.setImageWidth(w);
                g.setImageHeight(h);
                g.start();
            }
        } catch (FrameGrabber.Exception e) {
            closeQuietly(g);
            throw new IOException("cannot play " + file + ": " + e.getMessage(), e);
        }
        this.grabber = g;
        double rate = g.getVideoFrameRate() > 0 ? g.getVideoFrameRate() : g.getFrameRate();
        this.frameRate = rate > 0 && Double.isFinite(rate) ? rate : 25.0;
        this.durationSeconds = Math.max(0, g.getLengthInTime() / 1e6);
    }

    public Path file() {
        return file;
    }

    public double durationSeconds() {
        return durationSeconds;
    }

    public double frameRate() {
        return frameRate;
    }

    /** Seconds between two frames. */
    public double frameSeconds() {
        return 1.0 / frameRate;
    }

    /** The next frame, or null at the end of the stream. */
    public DecodedFrame next() throws IOException {
        try {
            Frame f = grabber.grabImage();
            return f == null || f.image == null ? null : copy(f);
        } catch (FrameGrabber.Exception e) {
            throw new IOException("cannot decode " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The first frame at or after {@code seconds} (clamped to the video); the last frame when seeking past
     * the end.
     */
    public DecodedFrame seek(double seconds) throws IOException {
        double target = Math.clamp(seconds, 0.0, Math.max(0.0, durationSeconds));
        try {
            grabber.setTimestamp(Math.round(target * 1e6));
            DecodedFrame f = next();
            if (f != null) {
                return f;
            }
            return lastFrame();
        } catch (FrameGrabber.Exception e) {
            throw new IOException("cannot seek in " + file + " to " + target + " s: " + e.getMessage(), e);
        }
    }

    /** The video's last decodable frame. */
    public DecodedFrame lastFrame() throws IOException {
        double back = Math.max(0, durationSeconds - 2.0);
        try {
            grabber.setTimestamp(Math.round(back * 1e6));
        } catch (FrameGrabber.Exception e) {
            throw new IOException("cannot seek in " + file + ": " + e.getMessage(), e);
        }
        DecodedFrame last = null;
        for (DecodedFrame f = next(); f != null; f = next()) {
            last = f;
        }
        if (last == null) {
            throw new IOException("cannot decode the end of " + file);
        }
        return last;
    }

    /** The frame before the one at {@code currentSeconds}, or the first frame. */
    public DecodedFrame previous(double currentSeconds) throws IOException {
        return seek(Math.max(0, currentSeconds - 1.5 * frameSeconds()));
    }

    private static DecodedFrame copy(Frame f) {
        int w = f.imageWidth;
        int h = f.imageHeight;
        int stride = f.imageStride;
        ByteBuffer src = ((ByteBuffer) f.image[0]).duplicate();
        byte[] out = new byte[w * h * 4];
        int rowBytes = w * 4;
        if (stride == rowBytes) {
            src.position(0);
            src.get(out, 0, out.length);
        } else {
            for (int y = 0; y < h; y++) {
                src.position(y * stride);
                src.get(out, y * rowBytes, rowBytes);
            }
        }
        for (int i = 3; i < out.length; i += 4) {
            out[i] = (byte) 0xFF;
        }
        return new DecodedFrame(f.timestamp / 1e6, w, h, out);
    }

    @Override
    public void close() {
        closeQuietly(grabber);
    }

    private static void closeQuietly(FFmpegFrameGrabber g) {
        try {
            g.close();
        } catch (FrameGrabber.Exception e) {
            // nothing left to do with a grabber that will not close
        }
    }
}
