package org.sightline.indexer.footage;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

/**
 * Reads what a video file is (container, codec, size, frame rate, duration, recording start) with FFmpeg, opening
 * the file read-only, and checks that its first picture decodes. Thread-safe; each call opens its own decoder.
 */
public final class VideoProbe {
    /** Frame rates outside this range are container nonsense (0/0, 90000/1...) and reported as unknown (0). */
    static final double MIN_PLAUSIBLE_FPS = 0.05;
    static final double MAX_PLAUSIBLE_FPS = 480;

    private static final String[] CREATION_TIME_KEYS = {
        "creation_time", "com.apple.quicktime.creationdate", "date", "DATE_RECORDED", "DATE"};

    private final ZoneId fileNameZone;

    /** Date-times found in file names are read in the system's time zone. */
    public VideoProbe() {
        this(ZoneId.systemDefault());
    }

    /** @param fileNameZone the recorders' time zone, used for date-times found in file names (they carry none) */
    public VideoProbe(ZoneId fileNameZone) {
        this.fileNameZone = fileNameZone;
    }

    /**
     * Probes one file.
     *
     * @throws FootageException NOT_FOUND, UNREADABLE, EMPTY_FILE, NOT_VIDEO, NO_VIDEO_STREAM, UNSUPPORTED_CODEC or
     *                          CORRUPT (the container opens but not a single picture decodes)
     */
    public VideoInfo probe(Path path) throws FootageException {
        byte[] head = VideoOpener.checkReadable(path);
        ContainerSignature signature = ContainerSignature.of(head);
        if (signature.kind() == ContainerSignature.Kind.NOT_VIDEO) {
            // FFmpeg would open a picture renamed .mp4 as a one-frame, 0 s "video"
            throw new FootageException(path, FootageError.NOT_VIDEO, "its content is " + signature.label() + ", not video"
                    + (FootageScanner.extension(path).isEmpty() ? "" : ", although it is named ." + FootageScanner.extension(path)));
        }
        FFmpegFrameGrabber grabber = VideoOpener.openRgb(path, head, 0, false);
        try {
            int width = grabber.getImageWidth();
            int height = grabber.getImageHeight();
            String codec = codecName(grabber);
            String container = grabber.getFormat();
            double fps = plausibleFps(grabber.getVideoFrameRate());
            if (fps == 0) {
                fps = plausibleFps(grabber.getFrameRate());
            }
            double duration = durationSeconds(grabber);
            checkFirstPictureDecodes(path, grabber, codec);

            Optional<Instant> start = creationTime(grabber);
            String source = "metadata";
            if (start.isEmpty()) {
                start = RecordingStart.fromFileName(path.getFileName().toString())
                        .map(t -> t.atZone(fileNameZone).toInstant());
                source = start.isPresent() ? "filename" : "unknown";
            }
            return new VideoInfo(path, container, codec, width, height, fps, duration, start, source);
        } finally {
            VideoOpener.closeQuietly(grabber);
        }
    }

    static double plausibleFps(double fps) {
        return Double.isFinite(fps) && fps >= MIN_PLAUSIBLE_FPS && fps <= MAX_PLAUSIBLE_FPS ? fps : 0;
    }

    static String codecName(FFmpegFrameGrabber grabber) {
        String name = grabber.getVideoCodecName();
        if (name == null || name.isBlank()) {
            name = avcodec.avcodec_get_name(grabber.getVideoCodec()).getString();
        }
        return name;
    }

    /** Container duration, else the video stream's own, else 0 (unknown). */
    static double durationSeconds(FFmpegFrameGrabber grabber) {
        AVFormatContext context = grabber.getFormatContext();
        long duration = context.duration();
        if (duration > 0 && duration != avutil.AV_NOPTS_VALUE) {
            return duration / (double) avutil.AV_TIME_BASE;
        }
        int index = grabber.getVideoStream();
        if (index >= 0 && index < context.nb_streams()) {
            AVStream stream = context.streams(index);
            long streamDuration = stream.duration();
            if (streamDuration > 0 && streamDuration != avutil.AV_NOPTS_VALUE && stream.time_base().den() > 0) {
                return streamDuration * avutil.av_q2d(stream.time_base());
            }
        }
        return 0;
    }

    private static void checkFirstPictureDecodes(Path path, FFmpegFrameGrabber grabber, String codec)
            throws FootageException {
        // A small picture keeps the check cheap; the decoder still decodes the first frame in full.
        int width = grabber.getImageWidth();
        int height = grabber.getImageHeight();
        double scale = Math.min(1.0, 64.0 / Math.max(width, height));
        grabber.setImageWidth(Math.max(1, (int) Math.round(width * scale)));
        grabber.setImageHeight(Math.max(1, (int) Math.round(height * scale)));
        FfmpegMessages.clear();
        Frame frame;
        try {
            frame = grabber.grabImage();
        } catch (Exception e) {
            throw new FootageException(path, FootageError.CORRUPT, codec + " stream: " + e.getMessage(), e);
        }
        if (frame == null || frame.image == null) {
            String ffmpeg = FfmpegMessages.recentJoined();
            throw new FootageException(path, FootageError.CORRUPT,
                    "no " + codec + " picture decodes" + (ffmpeg.isEmpty() ? "" : "; FFmpeg: " + ffmpeg));
        }
    }

    private static Optional<Instant> creationTime(FFmpegFrameGrabber grabber) {
        for (String key : CREATION_TIME_KEYS) {
            Optional<Instant> t = RecordingStart.fromMetadata(grabber.getMetadata(key));
            if (t.isEmpty()) {
                t = RecordingStart.fromMetadata(grabber.getVideoMetadata(key));
            }
            if (t.isPresent()) {
                return t;
            }
        }
        return Optional.empty();
    }
}
