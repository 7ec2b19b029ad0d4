package org.sightline.indexer.footage;

import java.lang.reflect.Field;
import java.util.Optional;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacv.FFmpegFrameGrabber;

/**
 * The two parts of a started JavaCV {@link FFmpegFrameGrabber} that it keeps private and the sampler needs: the video
 * decoder's context (to change {@code skip_frame} midway, see {@link NonReferenceSkipping}) and the decoder's picture
 * (to read a frame that {@code grabFrame(..., doProcessing = false, ...)} decoded but did not convert, see
 * {@link RgbScaler}). JavaCV's RAW image mode would hand out the picture, but fails on pictures stored bottom-up (a
 * negative stride, as in raw BGR AVI). Both are reached by reflection once per file; when a JavaCV version has
 * renamed them, {@link #of} is empty and the sampler falls back to JavaCV's own conversion.
 */
record GrabberInternals(AVCodecContext videoDecoder, AVFrame picture) {

    static Optional<GrabberInternals> of(FFmpegFrameGrabber grabber) {
        try {
            if (privateField(grabber, "video_c") instanceof AVCodecContext decoder && !decoder.isNull()
                    && privateField(grabber, "picture") instanceof AVFrame picture && !picture.isNull()) {
                return Optional.of(new GrabberInternals(decoder, picture));
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // fall through: not this JavaCV's layout
        }
        return Optional.empty();
    }

    private static Object privateField(FFmpegFrameGrabber grabber, String name) throws ReflectiveOperationException {
        Field field = FFmpegFrameGrabber.class.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(grabber);
    }
}
