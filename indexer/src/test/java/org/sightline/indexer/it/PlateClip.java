package org.sightline.indexer.it;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * A generated clip with a number plate to read: a white plate with {@link #PLATE} in black in the middle of a dark
 * grey picture, from {@link #FROM_SECONDS} to the end, nothing written before; a light block moves along the bottom.
 */
final class PlateClip {
    static final String PLATE = "KX19 ABC";
    static final int SECONDS = 24;
    static final int FROM_SECONDS = 14;

    private PlateClip() {
    }

    static Path write(Path target) throws Exception {
        int width = 640;
        int height = 360;
        int fps = 5;
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
                g.setColor(new Color(50 + i % 7, 55, 60)); // a little change every frame, so frames are kept and examined
                g.fillRect(0, 0, width, height);
                g.setColor(new Color(200, 200, 200)); // a block moving along the bottom, so frames change and are examined
                g.fillRect((i * 8) % width, height - 70, 60, 60);
                if (i >= FROM_SECONDS * fps) {
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
        }
        return target;
    }
}
