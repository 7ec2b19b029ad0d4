package org.sightline.indexer.it;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * A generated clip with text an indexer should read: a recorder-style clock in the top-left corner that ticks every
 * second, and a shop sign in the middle. No recording start in its metadata or its name.
 */
final class TextClip {
    static final LocalDateTime CLOCK_START = LocalDateTime.of(2024, 3, 18, 14, 22, 5);
    static final String SIGN = "BAKERY";
    static final int SECONDS = 14;

    private TextClip() {
    }

    static Path write(Path target) throws Exception {
        int width = 640;
        int height = 360;
        int fps = 5;
        DateTimeFormatter clock = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(target.toString(), width, height, 0);
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            recorder.setFormat("mp4");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            recorder.setVideoQuality(2);
            recorder.setFrameRate(fps);
            recorder.start();
            for (int i = 0; i < SECONDS * fps; i++) {
                BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
                Graphics2D g = image.createGraphics();
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g.setColor(new Color(60 + i % 7, 90, 70)); // a little change every frame, so frames are kept and examined
                g.fillRect(0, 0, width, height);
                g.setColor(new Color(230, 200, 120));
                g.fillRect(180, 140, 280, 90);
                g.setColor(Color.BLACK);
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 56));
                g.drawString(SIGN, 215, 207);
                g.setColor(Color.WHITE);
                g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 22));
                g.drawString(CLOCK_START.plusSeconds(i / fps).format(clock), 16, 34);
                g.dispose();
                recorder.record(converter.convert(image));
            }
            recorder.stop();
        }
        return target;
    }
}
