package org.sightline.indexer.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import javax.imageio.ImageIO;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.sightline.indexer.footage.FootageException;
import org.sightline.indexer.footage.VideoOpener;

/**
 * Cuts the in/out span of a video into a playable H.264 MP4 (yuv420p, the source's frame rate, video only)
 * with FFmpeg through JavaCV, and saves the hit frame as a JPEG. Frames are chosen by timestamp: every frame
 * with {@code in <= t < out}. The H.264 encoder is the one the bundled FFmpeg has (OpenH264).
 */
public class ClipCutter {
    /** Length of a video in seconds, as its container states it. */
    public double durationSeconds(Path video) throws ExportException {
        try (FFmpegFrameGrabber g = VideoOpener.openForReading(video, avutil.AV_PIX_FMT_BGR24)) {
            return g.getLengthInTime() / 1e6;
        } catch (FootageException e) {
            throw new ExportException(ExportException.Reason.ENCODE_FAILED, video, "cannot open video " + e.getMessage(), e);
        } catch (FrameGrabber.Exception e) {
            throw new ExportException(ExportException.Reason.ENCODE_FAILED, video,
                    "cannot open video " + video + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code clip} (MP4) and {@code still} (JPEG).
     *
     * @throws ExportException SPAN_OUTSIDE_FILE when the span is not inside the video, ENCODE_FAILED when
     *                         FFmpeg fails, CANCELLED when {@code cancelled} turns true
     */
    public ClipCut cut(Path source, double inSeconds, double outSeconds, double hitSeconds, Path clip, Path still,
                       BooleanSupplier cancelled) throws ExportException {
        return cut(source, inSeconds, outSeconds, hitSeconds, clip, still, Redaction.NONE, cancelled);
    }

    /** As {@link #cut(Path, double, double, double, Path, Path, BooleanSupplier)}, hiding {@code redaction}'s regions. */
    public ClipCut cut(Path source, double inSeconds, double outSeconds, double hitSeconds, Path clip, Path still,
                       Redaction redaction, BooleanSupplier cancelled) throws ExportException {
        return cut(source, inSeconds, outSeconds, hitSeconds, clip, still, (FrameRedaction) redaction, cancelled);
    }

    /** As {@link #cut(Path, double, double, double, Path, Path, BooleanSupplier)}, hiding what a plan says in each frame. */
    public ClipCut cut(Path source, double inSeconds, double outSeconds, double hitSeconds, Path clip, Path still,
                       RedactionPlan plan, BooleanSupplier cancelled) throws ExportException {
        return cut(source, inSeconds, outSeconds, hitSeconds, clip, still, (FrameRedaction) plan, cancelled);
    }

    private ClipCut cut(Path source, double inSeconds, double outSeconds, double hitSeconds, Path clip, Path still,
                        FrameRedaction redaction, BooleanSupplier cancelled) throws ExportException {
        long inMicros = Math.round(inSeconds * 1e6);
        long outMicros = Math.round(outSeconds * 1e6);
        long hitMicros = Math.round(hitSeconds * 1e6);
        // BGR24: grey, 16-bit and alpha sources all become 8-bit colour
        try (FFmpegFrameGrabber g = VideoOpener.openForReading(source, avutil.AV_PIX_FMT_BGR24);
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            double fps = g.getFrameRate() > 0 && g.getFrameRate() < 1000 ? g.getFrameRate() : 25;
            long length = g.getLengthInTime();
            long interval = Math.round(1e6 / fps);
            boolean lengthKnown = length > 0;
            if (inSeconds < 0 || outMicros <= inMicros
                    || lengthKnown && (inMicros >= length || outMicros > length + interval)) {
                throw new ExportException(ExportException.Reason.SPAN_OUTSIDE_FILE, source, String.format(
                        "span %.3f-%.3f s is outside %s, which is %.3f s long", inSeconds, outSeconds,
                        source.getFileName(), length / 1e6));
            }
            int width = g.getImageWidth() & ~1;
            int height = g.getImageHeight() & ~1;
            String encoder;
            int frames = 0;
            long first = -1;
            long last = -1;
            long stillAt = -1;
            try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(clip.toFile(), Math.max(width, 2), Math.max(height, 2), 0)) {
                r.setFormat("mp4");
                r.setVideoCodec(avcodec.AV_CODEC_ID_H264);
                r.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
                r.setFrameRate(fps);
                r.setGopSize((int) Math.max(1, Math.round(fps * 2)));
                r.setVideoBitrate((int) Math.min(20_000_000, Math.max(1_000_000, width * (long) height * fps * 0.25)));
                r.start();
                encoder = h264EncoderName();
                g.setTimestamp(inMicros);
                Frame f;
                while ((f = g.grabImage()) != null) {
                    long ts = g.getTimestamp();
                    if (ts < inMicros) {
                        continue;
                    }
                    if (ts >= outMicros) {
                        break;
                    }
                    if (first < 0) {
                        first = ts;
                    }
                    redaction.apply(f, ts / 1e6);
                    if (stillAt < 0 && ts + interval / 2 >= hitMicros) {
                        writeStill(converter.convert(f), still, source);
                        stillAt = ts;
                    }
                    r.setTimestamp(ts - first);
                    r.record(f);
                    frames++;
                    last = ts;
                    if (frames % 16 == 0 && cancelled.getAsBoolean()) {
                        throw new ExportException(ExportException.Reason.CANCELLED, clip, "export cancelled");
                    }
                }
                r.stop();
            }
            if (frames == 0) {
                throw new ExportException(ExportException.Reason.SPAN_OUTSIDE_FILE, source, String.format(
                        "no frames of %s fall within %.3f-%.3f s", source.getFileName(), inSeconds, outSeconds));
            }
            if (stillAt < 0) {
                // the hit lies after the last frame of the span (e.g. at its very end): take the nearest frame
                stillAt = grabStill(g, Math.min(hitMicros, last), interval, converter, still, source, redaction);
            }
            return new ClipCut(frames, fps, first / 1e6, last / 1e6, stillAt / 1e6, encoder);
        } catch (FootageException e) {
            throw new ExportException(ExportException.Reason.ENCODE_FAILED, source,
                    "cannot cut " + clip.getFileName() + ": " + e.getMessage(), e);
        } catch (FrameGrabber.Exception | FrameRecorder.Exception e) {
            throw new ExportException(ExportException.Reason.ENCODE_FAILED, source,
                    "FFmpeg could not cut " + source.getFileName() + " into " + clip.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** The encoder FFmpeg picks for H.264 (the recorder asks by codec id); with the bundled FFmpeg, libopenh264. */
    static String h264EncoderName() {
        var codec = avcodec.avcodec_find_encoder(avcodec.AV_CODEC_ID_H264);
        return codec == null || codec.name() == null ? "h264" : codec.name().getString();
    }

    private static long grabStill(FFmpegFrameGrabber g, long hitMicros, long interval, Java2DFrameConverter converter,
                                  Path still, Path source, FrameRedaction redaction) throws FrameGrabber.Exception, ExportException {
        g.setTimestamp(hitMicros);
        Frame f;
        while ((f = g.grabImage()) != null) {
            if (g.getTimestamp() + interval / 2 >= hitMicros) {
                redaction.apply(f, g.getTimestamp() / 1e6);
                writeStill(converter.convert(f), still, source);
                return g.getTimestamp();
            }
        }
        throw new ExportException(ExportException.Reason.SPAN_OUTSIDE_FILE, source,
                String.format("no frame at the hit time %.3f s of %s", hitMicros / 1e6, source.getFileName()));
    }

    private static void writeStill(BufferedImage frame, Path still, Path source) throws ExportException {
        BufferedImage image = frame;
        try {
            if (image != null && image.getType() != BufferedImage.TYPE_3BYTE_BGR && image.getType() != BufferedImage.TYPE_INT_RGB) {
                BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
                rgb.createGraphics().drawImage(image, 0, 0, null);
                image = rgb;
            }
            if (image == null || !ImageIO.write(image, "jpg", still.toFile())) {
                throw new IOException("no JPEG writer for the frame");
            }
        } catch (IOException e) {
            throw new ExportException(ExportException.Reason.IO_FAILED, still,
                    "cannot write still " + still + " from " + source.getFileName() + ": " + e.getMessage(), e);
        }
    }
}
