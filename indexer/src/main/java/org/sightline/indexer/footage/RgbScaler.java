package org.sightline.indexer.footage;

import static org.bytedeco.ffmpeg.global.avutil.av_free;
import static org.bytedeco.ffmpeg.global.avutil.av_malloc;
import static org.bytedeco.ffmpeg.global.swscale.SWS_AREA;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Converts one decoded picture to packed RGB24 at the sampling size, on demand. The sampler decodes every frame but
 * hands on only about one in 10-60, so converting just those (instead of letting JavaCV convert each frame as it
 * decodes) saves most of the swscale work.
 *
 * <p>Makes the same swscale call JavaCV's grabber makes in RGB mode, so the pixels are the same: a cached context
 * from the picture's size and pixel format to RGB24 with {@code SWS_AREA}, the whole picture height as one slice,
 * into rows padded to a multiple of 64 bytes (JavaCV's work-around for swscale's alignment needs). Owns native
 * memory: close it.
 */
final class RgbScaler implements AutoCloseable {
    private static final int ROW_ALIGNMENT = 64;

    private final int width;
    private final int height;
    private final int rowBytes;
    private final int linesize;
    private final BytePointer pixels;
    private final PointerPointer<?> planes;
    private final IntPointer linesizes;
    private SwsContext context;
    private boolean closed;

    /** Pictures come out {@code width x height}. */
    RgbScaler(int width, int height) {
        this.width = width;
        this.height = height;
        this.rowBytes = 3 * width;
        int alignedWidth = (width + ROW_ALIGNMENT - 1) & ~(ROW_ALIGNMENT - 1);
        this.linesize = 3 * alignedWidth;
        long size = (long) linesize * height;
        this.pixels = new BytePointer(av_malloc(size)).capacity(size);
        if (pixels.isNull()) {
            throw new OutOfMemoryError("av_malloc of " + size + " bytes for RGB pictures failed");
        }
        this.planes = new PointerPointer<>(4).put(0, pixels);
        this.linesizes = new IntPointer(4).put(0, linesize);
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** A new packed array ({@code 3 * width * height} bytes) holding {@code picture} scaled and converted to RGB. */
    byte[] convert(AVFrame picture) {
        context = sws_getCachedContext(context, picture.width(), picture.height(), picture.format(),
                width, height, avutil.AV_PIX_FMT_RGB24, SWS_AREA, null, null, (DoublePointer) null);
        if (context == null || context.isNull()) {
            throw new IllegalStateException("swscale cannot convert pixel format " + picture.format() + " at "
                    + picture.width() + "x" + picture.height() + " to RGB24 " + width + "x" + height);
        }
        sws_scale(context, new PointerPointer<>(picture), picture.linesize(), 0, picture.height(), planes, linesizes);
        byte[] rgb = new byte[rowBytes * height];
        for (int y = 0; y < height; y++) {
            pixels.position((long) y * linesize).get(rgb, y * rowBytes, rowBytes);
        }
        pixels.position(0);
        return rgb;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (context != null) {
            sws_freeContext(context);
            context = null;
        }
        av_free(pixels);
        planes.close();
        linesizes.close();
    }
}
