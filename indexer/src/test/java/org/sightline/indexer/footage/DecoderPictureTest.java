package org.sightline.indexer.footage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.sightline.models.testing.SharedData;

/**
 * The sampler's shortcuts against JavaCV's own per-frame conversion, on every frame of real footage: {@link RgbScaler}
 * gives the same pixels, and thumbnails read from the luma plane ({@link LumaPlane}) make the same scene-cut decisions.
 */
class DecoderPictureTest {

    @ParameterizedTest
    @ValueSource(strings = {"street-montage-scene-cuts.mp4", "motorway-cctv-cyclist.avi", "residential-street-vehicles.mp4",
        "tiny-highway-48px-raw.avi"})
    void rgbScalerGivesTheSamePixelsAsJavaCv(String fixture) throws Exception {
        int frames = 0;
        try (Decoding decoding = new Decoding(fixture)) {
            Frame frame;
            while ((frame = decoding.grabber.grabImage()) != null) {
                byte[] javacv = new byte[3 * frame.imageWidth * frame.imageHeight];
                FrameSampler.copyPacked(frame, javacv);
                assertArrayEquals(javacv, decoding.scaler.convert(decoding.picture), "frame " + frames + " of " + fixture);
                frames++;
            }
        }
        assertTrue(frames > 50, frames + " frames");
    }

    @Test
    void lumaThumbnailsFindTheSameCutsAsRgbThumbnails() throws Exception {
        List<Integer> rgbCuts = new ArrayList<>();
        List<Integer> lumaCuts = new ArrayList<>();
        double largestDisagreement = 0;
        try (Decoding decoding = new Decoding("street-montage-scene-cuts.mp4")) {
            GreyThumbnail previousRgb = null;
            GreyThumbnail previousLuma = null;
            Frame frame;
            for (int i = 0; (frame = decoding.grabber.grabImage()) != null; i++) {
                byte[] rgb = new byte[3 * frame.imageWidth * frame.imageHeight];
                FrameSampler.copyPacked(frame, rgb);
                GreyThumbnail rgbThumb = GreyThumbnail.of(rgb, frame.imageWidth, frame.imageHeight,
                        FrameSampler.CUT_THUMB_WIDTH, FrameSampler.CUT_THUMB_HEIGHT);
                GreyThumbnail lumaThumb = LumaPlane.thumbnail(decoding.picture,
                        FrameSampler.CUT_THUMB_WIDTH, FrameSampler.CUT_THUMB_HEIGHT);
                if (previousRgb != null) {
                    double byRgb = rgbThumb.meanAbsDifference(previousRgb);
                    double byLuma = lumaThumb.meanAbsDifference(previousLuma);
                    largestDisagreement = Math.max(largestDisagreement, Math.abs(byRgb - byLuma));
                    if (byRgb > FrameSampler.SCENE_CUT_LEVELS) {
                        rgbCuts.add(i);
                    }
                    if (byLuma > FrameSampler.SCENE_CUT_LEVELS) {
                        lumaCuts.add(i);
                    }
                }
                previousRgb = rgbThumb;
                previousLuma = lumaThumb;
            }
        }
        assertEquals(5, rgbCuts.size(), "the montage's five hard cuts: " + rgbCuts);
        assertEquals(rgbCuts, lumaCuts);
        assertTrue(largestDisagreement < 3, "luma and RGB measures agree within 3 levels: " + largestDisagreement);
    }

    /** A grabber set up as the sampler's, converting every frame to RGB itself, and the decoder's picture beside it. */
    private static final class Decoding implements AutoCloseable {
        final FFmpegFrameGrabber grabber;
        final RgbScaler scaler;
        final AVFrame picture;

        Decoding(String fixture) throws Exception {
            Path video = SharedData.footage(fixture);
            grabber = VideoOpener.openRgb(video, VideoOpener.checkReadable(video), 1, true);
            int[] size = FrameSampler.scaledSize(grabber.getImageWidth(), grabber.getImageHeight(),
                    grabber.getAspectRatio(), 224);
            grabber.setImageWidth(size[0]);
            grabber.setImageHeight(size[1]);
            scaler = new RgbScaler(size[0], size[1]);
            picture = GrabberInternals.of(grabber).orElseThrow().picture();
        }

        @Override
        public void close() {
            scaler.close();
            VideoOpener.closeQuietly(grabber);
        }
    }
}
