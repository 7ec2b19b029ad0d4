package org.sightline.indexer.footage;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;

/**
 * Opens a video file with FFmpeg, read-only, and turns every way that can fail into a {@link FootageException}
 * with the specific {@link FootageError}. Shared by {@link VideoProbe}, {@link FrameSampler}, {@link FrameAt} and
 * {@link SeekableVideo} (the desktop viewer), and by the evidence export ({@link #openForReading}): the one place
 * Sightline opens video with FFmpeg.
 */
public final class VideoOpener {
    private static final Pattern FFMPEG_ERROR_CODE = Pattern.compile("error (-?\\d+)");
    private static final int ENOENT = -2;
    private static final int EPERM = -1;
    private static final int EIO = -5;
    private static final int EACCES = -13;
    private static final int EISDIR = -21;

    private VideoOpener() {
    }

    /**
     * Checks that {@code path} is a non-empty regular file this process can read, and returns its first bytes.
     * Reading them through Java first gives precise errors (FFmpeg only says "could not open").
     */
    static byte[] checkReadable(Path path) throws FootageException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !Files.exists(path)) {
            throw new FootageException(path, FootageError.NOT_FOUND, null);
        }
        if (!Files.exists(path)) {
            throw new FootageException(path, FootageError.NOT_FOUND, "dangling symbolic link");
        }
        if (Files.isDirectory(path)) {
            throw new FootageException(path, FootageError.NOT_VIDEO, "it is a folder");
        }
        if (!Files.isRegularFile(path)) {
            throw new FootageException(path, FootageError.NOT_VIDEO, "not a regular file (device, pipe or socket)");
        }
        byte[] head;
        long size;
        try {
            size = Files.size(path);
            head = ContainerSignature.readHead(path);
        } catch (NoSuchFileException e) {
            throw new FootageException(path, FootageError.NOT_FOUND, null, e);
        } catch (AccessDeniedException e) {
            throw new FootageException(path, FootageError.UNREADABLE, "permission denied", e);
        } catch (IOException e) {
            throw new FootageException(path, FootageError.UNREADABLE, e.toString(), e);
        }
        if (size == 0) {
            throw new FootageException(path, FootageError.EMPTY_FILE, null);
        }
        return head;
    }

    /**
     * Opens and starts a grabber on {@code path}, read-only, for a caller that drives FFmpeg itself (the evidence
     * export's clip cutter): the same checks and errors as indexing. The caller closes it.
     *
     * @param pixelFormat the {@code AV_PIX_FMT_*} (of {@link avutil}) pictures are delivered in
     * @throws FootageException the file cannot be opened as a video (see {@link FootageError})
     */
    public static FFmpegFrameGrabber openForReading(Path path, int pixelFormat) throws FootageException {
        return open(path, checkReadable(path), pixelFormat, 0, false);
    }

    /**
     * The name FFmpeg opens for {@code path}: the {@code file:} protocol (read-only), so a ':' in a file name is not
     * taken for a protocol. FFmpeg (through JavaCV) takes the name as text, which cannot carry a name that is not
     * valid UTF-8 ({@link PathText}): such a file is opened through a symbolic link with a plain ASCII name, in a
     * private (0700) temporary folder, removed by {@link FfmpegName#close()} once FFmpeg holds the file open. The
     * link changes nothing about the open: FFmpeg's {@code file:} protocol opens read-only either way.
     */
    static FfmpegName ffmpegName(Path path) throws FootageException {
        Path absolute = path.toAbsolutePath();
        if (PathText.isFaithful(absolute)) {
            return new FfmpegName("file:" + absolute, null);
        }
        Path folder = null;
        try {
            folder = Files.createTempDirectory("sightline-open-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Path link = Files.createSymbolicLink(folder.resolve("video" + asciiExtension(absolute)), absolute);
            return new FfmpegName("file:" + link, folder);
        } catch (IOException | UnsupportedOperationException e) {
            new FfmpegName(null, folder).close();
            throw new FootageException(path, FootageError.UNREADABLE, "its name is not valid UTF-8 and a temporary link "
                    + "with a plain name, to open it through, could not be made: " + e.getMessage(), e);
        }
    }

    /** The file's extension with its dot when it is plain ASCII letters and digits (raw streams are told by it), else "". */
    private static String asciiExtension(Path path) {
        String name = PathText.escaped(path.getFileName());
        int dot = name.lastIndexOf('.');
        String extension = dot <= 0 ? "" : name.substring(dot + 1);
        return !extension.isEmpty() && extension.length() <= 8 && extension.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c))
                ? "." + extension : "";
    }

    /** A name FFmpeg can open, and the private link folder to remove once it has opened it (null when none). */
    record FfmpegName(String name, Path linkFolder) implements AutoCloseable {
        @Override
        public void close() {
            if (linkFolder == null) {
                return;
            }
            try (DirectoryStream<Path> links = Files.newDirectoryStream(linkFolder)) {
                for (Path link : links) {
                    Files.deleteIfExists(link);
                }
                Files.deleteIfExists(linkFolder);
            } catch (IOException e) {
                // a link left in a private temporary folder points to a file opened read-only; nothing to undo
            }
        }
    }

    /**
     * Opens and starts a grabber that delivers packed RGB24 pictures, and checks there is a video stream.
     *
     * @param decoderThreads threads for the video decoder; 0 lets FFmpeg choose
     * @param forEmbedding    frames go to the model only (never shown to a person or exported): trade invisible
     *                        quality for decode speed
     */
    static FFmpegFrameGrabber openRgb(Path path, byte[] head, int decoderThreads, boolean forEmbedding) throws FootageException {
        return open(path, head, avutil.AV_PIX_FMT_RGB24, decoderThreads, forEmbedding);
    }

    /**
     * Opens and starts a grabber that delivers pictures in {@code pixelFormat} (an {@code AV_PIX_FMT_*} of
     * {@link avutil}), and checks there is a video stream. Parameters as for {@link #openRgb}.
     */
    static FFmpegFrameGrabber open(Path path, byte[] head, int pixelFormat, int decoderThreads, boolean forEmbedding)
            throws FootageException {
        FfmpegMessages.install();
        FfmpegMessages.clear();
        try (FfmpegName name = ffmpegName(path)) {
            return start(path, name, head, pixelFormat, decoderThreads, forEmbedding);
        }
    }

    private static FFmpegFrameGrabber start(Path path, FfmpegName name, byte[] head, int pixelFormat, int decoderThreads,
            boolean forEmbedding) throws FootageException {
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(name.name());
        grabber.setPixelFormat(pixelFormat);
        grabber.setImageScalingFlags(org.bytedeco.ffmpeg.global.swscale.SWS_AREA);
        if (decoderThreads > 0) {
            grabber.setVideoOption("threads", Integer.toString(decoderThreads));
        }
        if (forEmbedding) {
            // Frames for the model are scaled down to ~224 px, where deblocking makes no visible difference;
            // skipping it decodes H.264 12-20% faster (sightline bench decode, see docs/benchmarks.md).
            grabber.setVideoOption("skip_loop_filter", "all");
            grabber.setVideoOption("flags2", "+fast");
        }
        try {
            grabber.start();
        } catch (Exception | LinkageError e) {
            closeQuietly(grabber);
            throw classifyOpenFailure(path, head, e);
        }
        if (!grabber.hasVideo()) {
            String detail = grabber.hasAudio() ? "audio only" : "no audio or video stream";
            closeQuietly(grabber);
            throw new FootageException(path, FootageError.NO_VIDEO_STREAM, detail);
        }
        if (grabber.getImageWidth() <= 0 || grabber.getImageHeight() <= 0) {
            String codec = grabber.getVideoCodecName();
            closeQuietly(grabber);
            throw new FootageException(path, FootageError.CORRUPT,
                    "video stream" + (codec == null ? "" : " (" + codec + ")") + " has no picture size");
        }
        return grabber;
    }

    static void closeQuietly(FFmpegFrameGrabber grabber) {
        try {
            grabber.close();
        } catch (Exception | LinkageError ignored) {
            // closing a half-opened grabber: nothing more to report than the original failure
        }
    }

    private static FootageException classifyOpenFailure(Path path, byte[] head, Throwable e) {
        String message = String.valueOf(e.getMessage());
        String ffmpeg = FfmpegMessages.recentJoined();
        String detail = ffmpeg.isEmpty() ? firstSentence(message) : "FFmpeg: " + ffmpeg;
        if (message.contains("avcodec_find_decoder") || message.contains("avcodec_open2")
                || message.contains("Unsupported video format")) {
            return new FootageException(path, FootageError.UNSUPPORTED_CODEC, detail, e);
        }
        if (message.contains("Did not find a video or audio stream")) {
            Optional<FootageException> explained = StreamInspection.explain(path);
            if (explained.isPresent()) {
                return explained.get();
            }
        }
        ContainerSignature signature = ContainerSignature.of(head);
        Matcher m = FFMPEG_ERROR_CODE.matcher(message);
        int code = m.find() ? Integer.parseInt(m.group(1)) : 0;
        if (code == ENOENT) {
            return new FootageException(path, FootageError.NOT_FOUND, detail, e);
        }
        if (code == EACCES || code == EPERM || code == EIO) {
            return new FootageException(path, FootageError.UNREADABLE, detail, e);
        }
        if (code == EISDIR) {
            return new FootageException(path, FootageError.NOT_VIDEO, "it is a folder", e);
        }
        if (code == avutil.AVERROR_DECODER_NOT_FOUND) {
            return new FootageException(path, FootageError.UNSUPPORTED_CODEC, detail, e);
        }
        if (signature.kind() == ContainerSignature.Kind.VIDEO) {
            return new FootageException(path, FootageError.CORRUPT,
                    "starts like " + signature.label() + " but FFmpeg cannot read it; " + detail, e);
        }
        String kind = signature.kind() == ContainerSignature.Kind.NOT_VIDEO ? "content looks like " + signature.label() + "; " : "";
        return new FootageException(path, FootageError.NOT_VIDEO, kind + detail, e);
    }

    private static String firstSentence(String message) {
        int end = message.indexOf(". ");
        return end < 0 ? message : message.substring(0, end + 1);
    }
}
