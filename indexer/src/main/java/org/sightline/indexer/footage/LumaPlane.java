package org.sightline.indexer.footage;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_NV12;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_NV21;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV410P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV411P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV422P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV440P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV444P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ422P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ440P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ444P;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;

/**
 * The scene-cut thumbnail of a decoded picture, read from its luma (Y) plane where the pixel format has a plain
 * 8-bit one: the planar and semi-planar YUV formats that H.264, MPEG-4 Part 2, MPEG-2 and HEVC 8-bit decoders give.
 * For any other format (raw BGR video, palettes, high bit depth) {@link #readable} is false and the caller measures
 * on the RGB picture instead.
 *
 * <p>Limited or full range follows the pixel format alone (yuvj* are full range), as swscale does when it makes the
 * RGB that the thumbnail would otherwise come from.
 */
final class LumaPlane {
    private LumaPlane() {
    }

    /** The picture's first plane is 8-bit luma. */
    static boolean readable(int pixelFormat) {
        return pixelFormat == AV_PIX_FMT_YUV420P || pixelFormat == AV_PIX_FMT_YUVJ420P
                || pixelFormat == AV_PIX_FMT_YUV422P || pixelFormat == AV_PIX_FMT_YUVJ422P
                || pixelFormat == AV_PIX_FMT_YUV444P || pixelFormat == AV_PIX_FMT_YUVJ444P
                || pixelFormat == AV_PIX_FMT_YUV440P || pixelFormat == AV_PIX_FMT_YUVJ440P
                || pixelFormat == AV_PIX_FMT_YUV411P || pixelFormat == AV_PIX_FMT_YUV410P
                || pixelFormat == AV_PIX_FMT_NV12 || pixelFormat == AV_PIX_FMT_NV21;
    }

    private static boolean fullRange(int pixelFormat) {
        return pixelFormat == AV_PIX_FMT_YUVJ420P || pixelFormat == AV_PIX_FMT_YUVJ422P
                || pixelFormat == AV_PIX_FMT_YUVJ444P || pixelFormat == AV_PIX_FMT_YUVJ440P;
    }

    /** The {@code width x height} thumbnail of a picture whose format is {@link #readable}. */
    static GreyThumbnail thumbnail(AVFrame picture, int width, int height) {
        int w = picture.width();
        int h = picture.height();
        int stride = picture.linesize(0);
        if (stride < w) {
            throw new IllegalArgumentException("luma rows of " + w + " pixels with a stride of " + stride);
        }
        BytePointer plane = picture.data(0);
        var bytes = plane.capacity((long) stride * (h - 1) + w).asBuffer();
        return GreyThumbnail.ofLuma(bytes, w, h, stride, !fullRange(picture.format()), width, height);
    }
}
