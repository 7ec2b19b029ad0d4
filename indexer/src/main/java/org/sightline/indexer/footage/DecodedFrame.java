package org.sightline.indexer.footage;

import org.sightline.models.runtime.RgbFrame;

/**
 * One decoded picture for display ({@link SeekableVideo}): premultiplied BGRA bytes (alpha always 255), row by row,
 * no padding.
 *
 * @param seconds offset of the frame in its video
 */
public record DecodedFrame(double seconds, int width, int height, byte[] bgra) {

    /** The same picture as packed RGB, for the model ("find similar"). */
    public RgbFrame toRgb() {
        byte[] rgb = new byte[width * height * 3];
        for (int i = 0, j = 0; i < bgra.length; i += 4, j += 3) {
            rgb[j] = bgra[i + 2];
            rgb[j + 1] = bgra[i + 1];
            rgb[j + 2] = bgra[i];
        }
        return new RgbFrame(width, height, rgb);
    }

    /** The pixels inside a rectangle (clamped to the frame) as packed RGB. */
    public RgbFrame cropToRgb(int x, int y, int w, int h) {
        int x0 = Math.clamp(x, 0, width - 1);
        int y0 = Math.clamp(y, 0, height - 1);
        int cw = Math.clamp(w, 1, width - x0);
        int ch = Math.clamp(h, 1, height - y0);
        byte[] rgb = new byte[cw * ch * 3];
        int j = 0;
        for (int row = y0; row < y0 + ch; row++) {
            for (int col = x0; col < x0 + cw; col++) {
                int i = 4 * (row * width + col);
                rgb[j++] = bgra[i + 2];
                rgb[j++] = bgra[i + 1];
                rgb[j++] = bgra[i];
            }
        }
        return new RgbFrame(cw, ch, rgb);
    }
}
