package org.sightline.indexer.footage;

import java.nio.file.Path;
import java.util.Optional;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Looks at a container's streams directly with libavformat when JavaCV refuses a file without saying why
 * ("did not find a video or audio stream"): a video stream without a decoder is an unsupported codec.
 */
final class StreamInspection {
    private StreamInspection() {
    }

    /** The error for a container whose streams JavaCV would not use, when the streams explain it. */
    static Optional<FootageException> explain(Path path) {
        AVFormatContext context = new AVFormatContext(null);
        try (VideoOpener.FfmpegName name = VideoOpener.ffmpegName(path)) {
            if (avformat.avformat_open_input(context, name.name(), null, null) < 0) {
                return Optional.empty();
            }
        } catch (FootageException e) {
            return Optional.of(e);
        }
        try {
            avformat.avformat_find_stream_info(context, (PointerPointer<?>) null);
            boolean audio = false;
            for (int i = 0; i < context.nb_streams(); i++) {
                AVCodecParameters parameters = context.streams(i).codecpar();
                if (parameters.codec_type() == avutil.AVMEDIA_TYPE_VIDEO
                        && avcodec.avcodec_find_decoder(parameters.codec_id()) == null) {
                    return Optional.of(new FootageException(path, FootageError.UNSUPPORTED_CODEC,
                            "video stream " + i + ": " + describe(parameters)));
                }
                audio |= parameters.codec_type() == avutil.AVMEDIA_TYPE_AUDIO;
            }
            if (context.nb_streams() > 0) {
                return Optional.of(new FootageException(path, FootageError.NO_VIDEO_STREAM,
                        context.nb_streams() + " stream(s), none of them video" + (audio ? " (audio)" : "")));
            }
            return Optional.empty();
        } finally {
            avformat.avformat_close_input(context);
        }
    }

    private static String describe(AVCodecParameters parameters) {
        int codecId = parameters.codec_id();
        String name = codecId == avcodec.AV_CODEC_ID_NONE ? "unknown codec" : avcodec.avcodec_get_name(codecId).getString();
        int tag = parameters.codec_tag();
        if (tag == 0) {
            return name;
        }
        StringBuilder fourcc = new StringBuilder();
        for (int shift = 0; shift < 32; shift += 8) {
            int c = (tag >>> shift) & 0xFF;
            fourcc.append(c >= 0x20 && c < 0x7F ? (char) c : '?');
        }
        return name + ", tag \"" + fourcc + "\"";
    }
}
