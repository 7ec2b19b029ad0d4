package org.sightline.indexer.it;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.sightline.models.testing.SharedData;

/**
 * A generated clip of real pixels with known motion: the empty room of {@code indoor-people-one-by-one.mp4} (its frame
 * at 22 s) with the person standing at the table at 30 s (his box, 154 × 376 pixels from (384, 4), pasted) twice: A
 * stands still at the left for the whole clip; B starts 10 pixels to A's right, edges 4 pixels a second to the right
 * for {@link #TOGETHER_UNTIL} s (gap under 60 pixels, less than 0.4 of their width: together), then walks right at 16
 * pixels a second to x = 680 at {@link #SECONDS} s (0.65 of the frame width left to right).
 */
final class PeopleWalkingClip {
    static final int SECONDS = 40;
    static final int TOGETHER_UNTIL = 12;
    static final int WIDTH = 768;
    static final int HEIGHT = 432;

    private PeopleWalkingClip() {
    }

    /** B's left edge in pixels at a time. */
    static double bAt(double seconds) {
        return seconds <= TOGETHER_UNTIL ? 184 + 4 * seconds : 184 + 4 * TOGETHER_UNTIL + 16 * (seconds - TOGETHER_UNTIL);
    }

    static Path write(Path target) throws Exception {
        BufferedImage room;
        BufferedImage person;
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(
                SharedData.root().resolve("footage").resolve("indoor-people-one-by-one.mp4").toString());
             Java2DFrameConverter c = new Java2DFrameConverter()) {
            grabber.start();
            grabber.setTimestamp(22_000_000L);
            room = copy(c.convert(grabber.grabImage()));
            grabber.setTimestamp(30_000_000L);
            person = copy(c.convert(grabber.grabImage())).getSubimage(384, 4, 154, 376);
            grabber.stop();
        }
        int fps = 5;
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(target.toString(), WIDTH, HEIGHT, 0);
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            recorder.setFormat("mp4");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            recorder.setVideoQuality(2);
            recorder.setFrameRate(fps);
            recorder.start();
            for (int i = 0; i < SECONDS * fps; i++) {
                BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
                Graphics2D g = image.createGraphics();
                g.drawImage(room, 0, 0, null);
                g.drawImage(person, 20, 4, null);
                g.drawImage(person, (int) Math.round(bAt((double) i / fps)), 4, null);
                g.setColor(new Color(i % 7 * 30, 0, 0)); // a little change every frame in a corner
                g.fillRect(0, HEIGHT - 4, 4, 4);
                g.dispose();
                recorder.record(converter.convert(image));
            }
            recorder.stop();
        }
        return target;
    }

    private static BufferedImage copy(BufferedImage source) {
        BufferedImage out = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        g.drawImage(source, 0, 0, null);
        g.dispose();
        return out;
    }
}
