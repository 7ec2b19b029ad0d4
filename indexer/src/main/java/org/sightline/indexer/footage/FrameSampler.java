package org.sightline.indexer.footage;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.sightline.models.runtime.RgbFrame;

/**
 * Decodes a video once and hands the sink a frame at a regular rate on the presentation timeline plus a frame at
 * each scene cut, scaled down inside FFmpeg to about the model's input size.
 *
 * <p>Frames no other frame refers to (B-frames, mostly) are not decoded at all ({@link NonReferenceSkipping}): a
 * sample then comes from the next decoded frame, a few frame intervals later at most, and a scene cut is found at the
 * first reference frame after it. Only the frames handed on are converted to RGB (by {@link RgbScaler}, the same swscale call JavaCV would make);
 * scene cuts are measured on a thumbnail read from the decoder's own luma plane ({@link LumaPlane}), or, for pixel
 * formats without one, on the RGB picture as before.
 *
 * <p>Offsets are seconds from the first frame and never go backwards: a timestamp that is missing or earlier than
 * the previous frame's is replaced by the previous one plus one frame duration. A file that stops decoding partway
 * returns a report with the damage; the frames before it have been delivered. Not thread-safe per call target:
 * one instance may serve several threads, each call opens its own decoder.
 */
public final class FrameSampler {
    /** Scene cut: mean grey difference (0..255) to the previous decoded frame on a 32x18 thumbnail above this. */
    static final double SCENE_CUT_LEVELS = 30;
    /** After a scene cut, another is only taken this much later (flashes, fades, fast pans). */
    static final double MIN_SECONDS_BETWEEN_CUTS = 0.5;
    static final int CUT_THUMB_WIDTH = 32;
    static final int CUT_THUMB_HEIGHT = 18;
    /**
     * While non-reference frames are skipped, decoded frames may lie at most this fraction of the sampling interval
     * apart (a sample comes at most that late); at a longer hole skipping stops (see {@link NonReferenceSkipping}).
     */
    static final double LONGEST_SKIPPED_HOLE_OF_SAMPLE_INTERVAL = 0.5;
    /** Frame duration assumed when the container gives no usable frame rate. */
    private static final double FALLBACK_FRAME_SECONDS = 1 / 25.0;

    private final int decoderThreads;

    /** FFmpeg chooses the decoder's thread count (one per core). */
    public FrameSampler() {
        this(0);
    }

    /**
     * @param decoderThreads threads for the video decoder, 0 to let FFmpeg choose; 1 leaves the other core to the
     *                       model when decode and embedding run side by side
     */
    public FrameSampler(int decoderThreads) {
        if (decoderThreads < 0) {
            throw new IllegalArgumentException("decoder threads must be 0 (auto) or positive, got " + decoderThreads);
        }
        this.decoderThreads = decoderThreads;
    }

    /**
     * Samples one video.
     *
     * @param cancelled polled once per decoded frame; when it returns true (or the thread is interrupted) sampling
     *                  stops and {@link InterruptedException} is thrown
     * @return counts, the last good offset and any damage (TRUNCATED or CORRUPT) found partway
     * @throws FootageException     the file cannot be opened or not a single frame decodes (see {@link FootageError})
     * @throws InterruptedException cancelled, interrupted, or the sink was interrupted
     */
    public SamplingReport sample(Path video, SamplingOptions options, FrameSink sink, BooleanSupplier cancelled)
            throws FootageException, InterruptedException {
        byte[] head = VideoOpener.checkReadable(video);
        FFmpegFrameGrabber grabber = VideoOpener.openRgb(video, head, decoderThreads, true);
        try {
            return new Pass(video, grabber, options, sink, cancelled).run();
        } finally {
            VideoOpener.closeQuietly(grabber);
        }
    }

    /** Size of decoded pictures: display aspect kept (sample aspect ratio applied), never enlarged. */
    static int[] scaledSize(int width, int height, double sampleAspectRatio, int shortSide) {
        double sar = Double.isFinite(sampleAspectRatio) && sampleAspectRatio > 0.2 && sampleAspectRatio < 5
                ? sampleAspectRatio : 1.0;
        double displayWidth = width * sar;
        double shortest = Math.min(displayWidth, height);
        double scale = Math.min(1.0, shortSide / shortest);
        return new int[] {
            Math.max(1, (int) Math.round(displayWidth * scale)), Math.max(1, (int) Math.round(height * scale))};
    }

    /** Copies a JavaCV RGB24 picture, row by row (rows may be padded), into a packed array. */
    static void copyPacked(Frame frame, byte[] into) {
        ByteBuffer buffer = ((ByteBuffer) frame.image[0]).duplicate();
        int rowBytes = 3 * frame.imageWidth;
        int stride = frame.imageStride;
        if (stride == rowBytes) {
            buffer.position(0).get(into, 0, rowBytes * frame.imageHeight);
            return;
        }
        for (int y = 0; y < frame.imageHeight; y++) {
            buffer.position(y * stride).get(into, y * rowBytes, rowBytes);
        }
    }

    /** One pass over one file. */
    private static final class Pass {
        private final Path video;
        private final FFmpegFrameGrabber grabber;
        private final SamplingOptions options;
        private final FrameSink sink;
        private final BooleanSupplier cancelled;
        private final double frameSeconds;
        private final double durationSeconds;
        private final long expectedFrames;

        private long decoded;
        private long sampled;
        private final MonotonicOffsets offsets;
        private double nextSampleAt;
        private double lastCutAt = Double.NEGATIVE_INFINITY;
        private GreyThumbnail previousThumb;
        /** Keyframe spacing decides whether only keyframes need decoding (see {@link KeyframeCadence}). */
        private final KeyframeCadence cadence;
        /** Non-reference frames are not decoded while that keeps decoded frames close together. */
        private NonReferenceSkipping skipping;

        Pass(Path video, FFmpegFrameGrabber grabber, SamplingOptions options, FrameSink sink, BooleanSupplier cancelled) {
            this.video = video;
            this.grabber = grabber;
            this.options = options;
            this.sink = sink;
            this.cancelled = cancelled;
            double fps = VideoProbe.plausibleFps(grabber.getVideoFrameRate());
            this.frameSeconds = fps > 0 ? 1 / fps : FALLBACK_FRAME_SECONDS;
            this.expectedFrames = streamFrameCount(grabber);
            // FrameAt seeks on the same scale: JavaCV adds the container's start time back when seeking.
            long start = grabber.getFormatContext().start_time();
            this.offsets = new MonotonicOffsets(start == avutil.AV_NOPTS_VALUE ? Long.MIN_VALUE : start, frameSeconds);
            // A truncated AVI reports the duration of what is left, but its header still counts every frame.
            this.durationSeconds = Math.max(VideoProbe.durationSeconds(grabber),
                    fps > 0 && expectedFrames > 0 ? expectedFrames / fps : 0);
            this.cadence = new KeyframeCadence(1 / options.framesPerSecond());
        }

        private static long streamFrameCount(FFmpegFrameGrabber grabber) {
            int index = grabber.getVideoStream();
            var context = grabber.getFormatContext();
            if (index >= 0 && index < context.nb_streams()) {
                return Math.max(0, context.streams(index).nb_frames());
            }
            return 0;
        }

        SamplingReport run() throws FootageException, InterruptedException {
            int[] size = scaledSize(grabber.getImageWidth(), grabber.getImageHeight(), grabber.getAspectRatio(),
                    options.shortSide());
            // JavaCV's own conversion, used only when its decoder picture cannot be reached
            grabber.setImageWidth(size[0]);
            grabber.setImageHeight(size[1]);
            Optional<GrabberInternals> internals = GrabberInternals.of(grabber);
            skipping = NonReferenceSkipping.start(internals.map(GrabberInternals::videoDecoder),
                    LONGEST_SKIPPED_HOLE_OF_SAMPLE_INTERVAL / options.framesPerSecond());
            try (RgbScaler scaler = new RgbScaler(size[0], size[1])) {
                return run(scaler, internals.map(GrabberInternals::picture));
            }
        }

        private SamplingReport run(RgbScaler scaler, Optional<AVFrame> decoderPicture)
                throws FootageException, InterruptedException {
            SamplingReport.Damage damage = null;
            FfmpegMessages.clear();
            long errorsBefore = FfmpegMessages.errorCount();
            double firstErrorAt = Double.NaN;
            while (true) {
                if (Double.isNaN(firstErrorAt) && FfmpegMessages.errorCount() > errorsBefore) {
                    firstErrorAt = decoded == 0 ? 0 : lastGoodOffset();
                }
                if (cancelled.getAsBoolean() || Thread.interrupted()) {
                    throw new InterruptedException("sampling of " + video + " cancelled");
                }
                Frame frame;
                boolean keyframesOnly = cadence.keyframesOnly();
                try {
                    // with the decoder's picture at hand, JavaCV need not convert every frame to RGB
                    frame = grabber.grabFrame(false, true, decoderPicture.isEmpty(), keyframesOnly, false);
                } catch (Exception e) {
                    damage = new SamplingReport.Damage(FootageError.CORRUPT, lastGoodOffset(),
                            "decoding failed after " + decoded + " frames: " + e.getMessage());
                    break;
                }
                if (frame == null) {
                    break;
                }
                Picture picture = decoderPicture.isPresent() ? Picture.decoded(decoderPicture.get(), scaler)
                        : Picture.converted(frame);
                if (picture == null) {
                    continue;
                }
                double offset = offsets.next(presentationTime());
                decoded++;
                if (keyframesOnly) {
                    skipping.forgetPrevious();
                } else {
                    skipping.decoded(offset, frame.pictType == 'I');
                    if (skipping.holeWasSkipped()) {
                        offsets.excuseLastStep();
                    }
                }
                if (frame.keyFrame) {
                    cadence.keyframeAt(offset);
                }
                handle(offset, picture);
            }
            if (decoded == 0) {
                String ffmpeg = FfmpegMessages.recentJoined();
                throw new FootageException(video, FootageError.CORRUPT, damage != null ? damage.detail()
                        : "the stream opens but no picture decodes" + (ffmpeg.isEmpty() ? "" : "; FFmpeg: " + ffmpeg));
            }
            if (damage == null) {
                damage = damageFromCoverage();
            }
            long errors = FfmpegMessages.errorCount() - errorsBefore;
            if (damage == null && errors > 0) {
                damage = decodeErrors(errors, Double.isNaN(firstErrorAt) ? lastGoodOffset() : firstErrorAt);
            }
            return new SamplingReport(decoded, sampled, lastGoodOffset(), Optional.ofNullable(damage));
        }

        private double lastGoodOffset() {
            return offsets.last();
        }

        private void handle(double offset, Picture picture) throws InterruptedException {
            // in keyframe mode every keyframe is a regular sample: they come at least as often as the sampling rate
            boolean regular = cadence.keyframesOnly() || offset >= nextSampleAt - 1e-6;
            boolean cut = false;
            if (options.sceneCuts()) {
                GreyThumbnail thumb = picture.thumbnail(CUT_THUMB_WIDTH, CUT_THUMB_HEIGHT);
                boolean comparable = previousThumb != null && previousThumb.width() == thumb.width()
                        && previousThumb.height() == thumb.height();
                if (comparable && offset - lastCutAt >= MIN_SECONDS_BETWEEN_CUTS
                        && thumb.meanAbsDifference(previousThumb) > SCENE_CUT_LEVELS) {
                    cut = true;
                    lastCutAt = offset;
                }
                previousThumb = thumb;
            }
            if (regular) {
                nextSampleAt = (Math.floor(offset * options.framesPerSecond() + 1e-6) + 1) / options.framesPerSecond();
            }
            if (regular || cut) {
                sampled++;
                sink.accept(new SampledFrame(offset, picture.rgb(), cut));
            }
        }

        /** The frame's presentation time in microseconds, or {@code Long.MIN_VALUE} when the decoder has none. */
        private long presentationTime() {
            long timestamp = grabber.getTimestamp();
            return timestamp == avutil.AV_NOPTS_VALUE ? Long.MIN_VALUE : timestamp;
        }

        /**
         * Errors FFmpeg reported though the frames came (a file cut short in its last second, damaged bytes the
         * decoder concealed): a partial file is truncation, anything else decode errors; both are recorded as damage.
         */
        private SamplingReport.Damage decodeErrors(long errors, double at) {
            List<String> lines = FfmpegMessages.latestAnyThread();
            String said = lines.isEmpty() ? "" : ", e.g. \"" + lines.getLast() + "\"";
            boolean partial = lines.stream().anyMatch(l -> l.contains("partial file"));
            return new SamplingReport.Damage(partial ? FootageError.TRUNCATED : FootageError.DECODE_ERRORS, at,
                    String.format(java.util.Locale.ROOT, "FFmpeg reported %d error%s while decoding%s", errors,
                            errors == 1 ? "" : "s", said));
        }

        /** A clean end before the container's duration is truncation; many missing frames mid-way is corruption. */
        private SamplingReport.Damage damageFromCoverage() {
            double tolerance = Math.max(1.0, 3 * frameSeconds);
            if (durationSeconds > 0 && lastGoodOffset() + frameSeconds + tolerance < durationSeconds) {
                return new SamplingReport.Damage(FootageError.TRUNCATED, lastGoodOffset(), String.format(
                        "decoding stopped at %.1f s of %.1f s (%d frames decoded)", lastGoodOffset(), durationSeconds, decoded));
            }
            // with keyframes only, fewer frames decode by design: only holes in time count then. Skipped
            // non-reference frames also lower the count (to a third in some files) but leave no hole this long.
            boolean missingFrames = cadence.everUsed() ? offsets.largestGap() > cadence.gapTolerance(tolerance)
                    : decoded < 0.9 * expectedFrames && offsets.largestGap() > tolerance;
            if (expectedFrames > 10 && missingFrames) {
                double from = offsets.largestGapStart();
                return new SamplingReport.Damage(FootageError.CORRUPT, from, String.format(
                        "%d of %d frames did not decode; largest hole %.1f-%.1f s", expectedFrames - decoded,
                        expectedFrames, from, from + offsets.largestGap()));
            }
            return null;
        }
    }

    /**
     * One decoded frame, converted to RGB only when asked: the scene-cut thumbnail comes from the luma plane when the
     * pixel format has one, and most frames are never handed on.
     */
    private static final class Picture {
        private final AVFrame decoded;
        private final RgbScaler scaler;
        private RgbFrame rgb;

        private Picture(AVFrame decoded, RgbScaler scaler, RgbFrame rgb) {
            this.decoded = decoded;
            this.scaler = scaler;
            this.rgb = rgb;
        }

        /** The decoder's picture, or null when it holds none. */
        static Picture decoded(AVFrame picture, RgbScaler scaler) {
            boolean usable = picture.width() > 0 && picture.height() > 0 && picture.data(0) != null
                    && !picture.data(0).isNull();
            return usable ? new Picture(picture, scaler, null) : null;
        }

        /** JavaCV's RGB conversion of the frame, or null when it holds none. */
        static Picture converted(Frame frame) {
            if (frame.image == null || frame.imageWidth <= 0 || frame.imageHeight <= 0) {
                return null;
            }
            byte[] packed = new byte[3 * frame.imageWidth * frame.imageHeight];
            copyPacked(frame, packed);
            return new Picture(null, null, new RgbFrame(frame.imageWidth, frame.imageHeight, packed));
        }

        GreyThumbnail thumbnail(int width, int height) {
            if (rgb == null && LumaPlane.readable(decoded.format()) && decoded.linesize(0) >= decoded.width()) {
                return LumaPlane.thumbnail(decoded, width, height);
            }
            RgbFrame frame = rgb();
            return GreyThumbnail.of(frame.rgb(), frame.width(), frame.height(), width, height);
        }

        RgbFrame rgb() {
            if (rgb == null) {
                rgb = new RgbFrame(scaler.width(), scaler.height(), scaler.convert(decoded));
            }
            return rgb;
        }
    }
}
