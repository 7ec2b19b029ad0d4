package org.sightline.indexer.bench;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.sightline.indexer.footage.VideoOpener;

/**
 * Clips generated with known content, for labelled searches of text and motion ({@link SearchQuality} and the tests):
 * <ul>
 *   <li>{@link #plate}: a white number plate reading {@link #PLATE} in black on a dark grey picture from
 *   {@link #PLATE_FROM_SECONDS} s to the end ({@link #PLATE_SECONDS} s), nothing written before; a light block moves
 *   along the bottom so frames change and are examined;</li>
 *   <li>{@link #peopleWalking}: real pixels with known motion: the empty room of {@code indoor-people-one-by-one.mp4}
 *   (its frame at 22 s) with the man standing at the table at 30 s (his box, 154 × 376 pixels from (384, 4)) pasted
 *   twice: A stands still at the left (x = 20) for the whole clip; B starts 10 pixels to A's right (x = 184), edges 4
 *   pixels a second to the right until {@link #TOGETHER_UNTIL} s (the gap between them stays under 0.4 of their width:
 *   together), then walks right at 16 pixels a second to x = 680 at {@link #WALK_SECONDS} s (0.65 of the frame width,
 *   left to right).</li>
 * </ul>
 */
public final class GeneratedClips {
    public static final String PLATE = "KX19 ABC";
    public static final int PLATE_SECONDS = 24;
    public static final int PLATE_FROM_SECONDS = 14;
    public static final int WALK_SECONDS = 40;
    public static final int TOGETHER_UNTIL = 12;
    /** The walking clip's source fixture. */
    public static final String WALK_SOURCE = "indoor-people-one-by-one.mp4";
    private static final int FPS = 5;

    private GeneratedClips() {
    }

    /** Writes the plate clip to {@code target} (an .mp4 path). */
    public static Path plate(Path target) throws IOException {
        int width = 640;
        int height = 360;
        try (FFmpegFrameRecorder recorder = recorder(target, width, height);
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            recorder.start();
            for (int i = 0; i < PLATE_SECONDS * FPS; i++) {
                BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
                Graphics2D g = image.createGraphics();
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g.setColor(new Color(50 + i % 7, 55, 60));
                g.fillRect(0, 0, width, height);
                g.setColor(new Color(200, 200, 200));
                g.fillRect((i * 8) % width, height - 70, 60, 60);
                if (i >= PLATE_FROM_SECONDS * FPS) {
                    g.setColor(new Color(245, 245, 240));
                    g.fillRect(150, 140, 340, 80);
                    g.setColor(Color.BLACK);
                    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 56));
                    g.drawString(PLATE, 172, 202);
                }
                g.dispose();
                recorder.record(converter.convert(image));
            }
            recorder.stop();
        } catch (FrameRecorder.Exception e) {
            throw new IOException("cannot write the generated plate clip " + target + ": " + e.getMessage(), e);
        }
        return target;
    }

    /** B's left edge in pixels at a time of the walking clip. */
    public static double walkerAt(double seconds) {
        return seconds <= TOGETHER_UNTIL ? 184 + 4 * seconds : 184 + 4 * TOGETHER_UNTIL + 16 * (seconds - TOGETHER_UNTIL);
    }

    /** Writes the walking clip to {@code target}, from {@link #WALK_SOURCE} in {@code footage}. */
    public static Path peopleWalking(Path footage, Path target) throws IOException {
        Path source = footage.resolve(WALK_SOURCE);
        if (!Files.isRegularFile(source)) {
            throw new IOException("the fixture " + source + " the walking clip is made from is missing (see ../shared/footage/README.md)");
        }
        BufferedImage room;
        BufferedImage person;
        try (FFmpegFrameGrabber grabber = VideoOpener.openForReading(source, avutil.AV_PIX_FMT_BGR24);
             Java2DFrameConverter c = new Java2DFrameConverter()) {
            grabber.setTimestamp(22_000_000L);
            room = copy(c.convert(grabber.grabImage()));
            grabber.setTimestamp(30_000_000L);
            person = copy(c.convert(grabber.grabImage())).getSubimage(384, 4, 154, 376);
            grabber.stop();
        } catch (FrameGrabber.Exception | org.sightline.indexer.footage.FootageException e) {
            throw new IOException("cannot read " + source + " for the walking clip: " + e.getMessage(), e);
        }
        int width = 768;
        int height = 432;
        try (FFmpegFrameRecorder recorder = recorder(target, width, height);
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            recorder.start();
            for (int i = 0; i < WALK_SECONDS * FPS; i++) {
                BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
                Graphics2D g = image.createGraphics();
                g.drawImage(room, 0, 0, null);
                g.drawImage(person, 20, 4, null);
                g.drawImage(person, (int) Math.round(walkerAt((double) i / FPS)), 4, null);
                g.setColor(new Color(i % 7 * 30, 0, 0));
                g.fillRect(0, height - 4, 4, 4);
                g.dispose();
                recorder.record(converter.convert(image));
            }
            recorder.stop();
        } catch (FrameRecorder.Exception e) {
            throw new IOException("cannot write the generated walking clip " + target + ": " + e.getMessage(), e);
        }
        return target;
    }

    private static FFmpegFrameRecorder recorder(Path target, int width, int height) {
        FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(target.toString(), width, height, 0);
        recorder.setFormat("mp4");
        recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
        recorder.setVideoQuality(2);
        recorder.setFrameRate(FPS);
        return recorder;
    }

    private static BufferedImage copy(BufferedImage source) {
        BufferedImage out = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        g.drawImage(source, 0, 0, null);
        g.dispose();
        return out;
    }
}
