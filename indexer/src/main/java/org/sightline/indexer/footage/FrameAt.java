package org.sightline.indexer.footage;

import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.sightline.models.runtime.RgbFrame;

/**
 * Decodes the single picture shown at a given time, for thumbnails, "find similar" and the viewer. Seeks to the
 * keyframe before the time and decodes forward to it, so it costs at most one group of pictures.
 */
public final class FrameAt {
    private FrameAt() {
    }

    /**
     * The picture on screen at {@code seconds} into the video (clamped to the video's length), scaled so its
     * short side is about {@code shortSide} (never enlarged).
     *
     * @throws FootageException the file cannot be opened (see {@link FootageError}) or no picture decodes there
     */
    public static RgbFrame frameAt(Path video, double seconds, int shortSide) throws FootageException {
        if (!(seconds >= 0) || shortSide < 1) {
            throw new IllegalArgumentException("need seconds >= 0 and shortSide >= 1, got " + seconds + ", " + shortSide);
        }
        byte[] head = VideoOpener.checkReadable(video);
        FFmpegFrameGrabber grabber = VideoOpener.openRgb(video, head, 0, false);
        try {
            int[] size = FrameSampler.scaledSize(grabber.getImageWidth(), grabber.getImageHeight(),
                    grabber.getAspectRatio(), shortSide);
            grabber.setImageWidth(size[0]);
            grabber.setImageHeight(size[1]);
            double duration = VideoProbe.durationSeconds(grabber);
            double fps = VideoProbe.plausibleFps(grabber.getVideoFrameRate());
            double target = seconds;
            if (duration > 0) {
                target = Math.min(target, Math.max(0, duration - (fps > 0 ? 1 / fps : 0.04)));
            }
            Frame frame = null;
            try {
                if (target > 0) {
                    grabber.setVideoTimestamp(Math.round(target * 1e6));
                }
                frame = grabber.grabImage();
            } catch (Exception e) {
                throw new FootageException(video, FootageError.CORRUPT,
                        String.format("cannot decode the picture at %.2f s: %s", seconds, e.getMessage()), e);
            }
            if (frame == null || frame.image == null) {
                throw new FootageException(video, FootageError.CORRUPT,
                        String.format("no picture decodes at %.2f s", seconds));
            }
            byte[] rgb = new byte[3 * frame.imageWidth * frame.imageHeight];
            FrameSampler.copyPacked(frame, rgb);
            return new RgbFrame(frame.imageWidth, frame.imageHeight, rgb);
        } finally {
            VideoOpener.closeQuietly(grabber);
        }
    }
}
