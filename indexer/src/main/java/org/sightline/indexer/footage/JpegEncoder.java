package org.sightline.indexer.footage;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.sightline.models.runtime.RgbFrame;

/** Encodes a decoded frame as a JPEG (segment thumbnails, evidence stills) with the JDK's ImageIO writer. */
public final class JpegEncoder {
    /** Quality used for thumbnails: small files, no visible blocking at thumbnail size. */
    public static final float DEFAULT_QUALITY = 0.85f;

    private JpegEncoder() {
    }

    public static byte[] encode(RgbFrame frame) {
        return encode(frame, DEFAULT_QUALITY);
    }

    /** @param quality 0..1, as ImageIO's JPEG compression quality */
    public static byte[] encode(RgbFrame frame, float quality) {
        if (!(quality >= 0 && quality <= 1)) {
            throw new IllegalArgumentException("JPEG quality must be within 0..1, got " + quality);
        }
        BufferedImage image = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        byte[] rgb = frame.rgb();
        for (int i = 0; i < rgb.length; i += 3) {
            bgr[i] = rgb[i + 2];
            bgr[i + 1] = rgb[i + 1];
            bgr[i + 2] = rgb[i];
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream(frame.width() * frame.height() / 4);
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("JPEG encoding of a " + frame.width() + "x" + frame.height() + " frame failed", e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
