package org.sightline.indexer.footage;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

/**
 * One video opened for viewing (the desktop viewer): seek to a time, step a frame forward or back, jump to the end,
 * with each picture as {@link DecodedFrame} BGRA bytes. Opened read-only through {@link VideoOpener}, so a file that
 * cannot be played fails with the same {@link FootageException} and {@link FootageError} as indexing it would.
 * Not thread-safe: one thread drives it.
 */
public final class SeekableVideo implements AutoCloseable {
    private static final double FALLBACK_FRAME_RATE = 25.0;
    /** How far before the end {@link #lastFrame} seeks and then decodes forward. */
    private static final double END_SEARCH_SECONDS = 2.0;
    /** How many frames {@link #seek} decodes on at most when FFmpeg stopped short of the target. */
    private static final int MAX_CATCH_UP_FRAMES = 250;
    /** Frame times are rounded to microseconds: a frame this close before the target counts as at it. */
    private static final double TIMESTAMP_TOLERANCE_SECONDS = 0.001;

    private final Path file;
    private final FFmpegFrameGrabber grabber;
    private final double durationSeconds;
    private final double frameRate;

    private SeekableVideo(Path file, FFmpegFrameGrabber grabber) {
        this.file = file;
        this.grabber = grabber;
        double rate = grabber.getVideoFrameRate() > 0 ? grabber.getVideoFrameRate() : grabber.getFrameRate();
        this.frameRate = rate > 0 && Double.isFinite(rate) ? rate : FALLBACK_FRAME_RATE;
        this.durationSeconds = Math.max(0, grabber.getLengthInTime() / 1e6);
    }

    /**
     * Opens {@code file}; pictures wider than {@code maxWidth} are scaled down during decode (keeps playback light),
     * keeping the stored width-to-height ratio, to even sizes.
     *
     * @throws FootageException the file cannot be opened as a video (see {@link FootageError})
     */
    public static SeekableVideo open(Path file, int maxWidth) throws FootageException {
        if (maxWidth < 2) {
            throw new IllegalArgumentException("need maxWidth >= 2, got " + maxWidth);
        }
        byte[] head = VideoOpener.checkReadable(file);
        FFmpegFrameGrabber grabber = VideoOpener.open(file, head, avutil.AV_PIX_FMT_BGRA, 0, false);
        if (grabber.getImageWidth() > maxWidth) {
            int w = maxWidth & ~1;
            int h = (int) Math.round((double) grabber.getImageHeight() * w / grabber.getImageWidth()) & ~1;
            grabber.setImageWidth(w);
            grabber.setImageHeight(Math.max(2, h));
        }
        return new SeekableVideo(file, grabber);
    }

    public Path file() {
        return file;
    }

    /** The container's duration, 0 when unknown. */
    public double durationSeconds() {
        return durationSeconds;
    }

    /** Frames per second (25 when the file does not say). */
    public double frameRate() {
        return frameRate;
    }

    /** Seconds between two frames. */
    public double frameSeconds() {
        return 1.0 / frameRate;
    }

    /** The next frame, or null at the end of the stream. */
    public DecodedFrame next() throws FootageException {
        Frame f;
        try {
            f = grabber.grabImage();
        } catch (Exception e) {
            throw new FootageException(file, FootageError.CORRUPT, "cannot decode the next picture: " + e.getMessage(), e);
        }
        return f == null || f.image == null ? null : copy(f);
    }

    /** The first frame at or after {@code seconds} (clamped to the video); the last frame when seeking past the end. */
    public DecodedFrame seek(double seconds) throws FootageException {
        double target = Math.clamp(seconds, 0.0, Math.max(0.0, durationSeconds));
        seekTo(target);
        DecodedFrame f = next();
        if (f == null) {
            return lastFrame();
        }
        // FFmpeg's seek can stop a frame or two early (seen on H.264 after an earlier seek in the same file):
        // decode on to the frame at or after the target, so the viewer shows the frame asked for
        for (int i = 0; i < MAX_CATCH_UP_FRAMES && f.seconds() < target - TIMESTAMP_TOLERANCE_SECONDS; i++) {
            DecodedFrame later = next();
            if (later == null) {
                break;
            }
            f = later;
        }
        return f;
    }

    /** The video's last decodable frame. */
    public DecodedFrame lastFrame() throws FootageException {
        seekTo(Math.max(0, durationSeconds - END_SEARCH_SECONDS));
        DecodedFrame last = null;
        for (DecodedFrame f = next(); f != null; f = next()) {
            last = f;
        }
        if (last == null) {
            throw new FootageException(file, FootageError.CORRUPT, "no picture decodes at the end");
        }
        return last;
    }

    /** The frame before the one at {@code currentSeconds}, or the first frame. */
    public DecodedFrame previous(double currentSeconds) throws FootageException {
        return seek(Math.max(0, currentSeconds - 1.5 * frameSeconds()));
    }

    private void seekTo(double seconds) throws FootageException {
        try {
            grabber.setTimestamp(Math.round(seconds * 1e6));
        } catch (Exception e) {
            throw new FootageException(file, FootageError.CORRUPT,
                    String.format("cannot seek to %.2f s: %s", seconds, e.getMessage()), e);
        }
    }

    /** The picture as tightly packed BGRA with opaque alpha (FFmpeg leaves alpha undefined for video without it). */
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
        VideoOpener.closeQuietly(grabber);
    }
}
