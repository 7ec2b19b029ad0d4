package org.sightline.indexer.footage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.models.runtime.RgbFrame;
import org.sightline.models.testing.SharedData;

class FrameAtTest {
    @Test
    void decodesThePictureOnScreenAtTheRequestedTime() throws Exception {
        // every picture of the 25 fps montage, decoded in order, is the reference
        Path video = SharedData.footage("street-montage-scene-cuts.mp4");
        java.util.List<SampledFrame> all = new java.util.ArrayList<>();
        new FrameSampler().sample(video, new SamplingOptions(25, 224, false), all::add, () -> false);
        for (double t : new double[] {0.5, 2.9, 3.1, 6.0}) {
            RgbFrame seeked = FrameAt.frameAt(video, t, 224);
            assertEquals(224, seeked.height());
            SampledFrame onScreen = all.stream().filter(f -> f.offsetSeconds() <= t + 1e-6)
                    .reduce((a, b) -> b).orElseThrow();
            assertTrue(difference(seeked, onScreen.frame()) < 1,
                    "picture at " + t + " s is the one shown from " + onScreen.offsetSeconds() + " s");
        }
        assertTrue(difference(FrameAt.frameAt(video, 2.9, 224), FrameAt.frameAt(video, 3.1, 224)) > 30,
                "either side of the cut at 3.04 s");
    }

    @Test
    void transportStreamOffsetsStartAtZeroAndSeekingAgrees(@TempDir Path dir) throws Exception {
        Path ts = TestMedia.transportStream(dir.resolve("dvr-export.ts"), 60);
        java.util.List<SampledFrame> all = new java.util.ArrayList<>();
        SamplingReport report = new FrameSampler().sample(ts, new SamplingOptions(100, 224, false), all::add, () -> false);
        assertEquals(0.0, all.getFirst().offsetSeconds(), 1e-9, "offsets count from the container's start time");
        assertTrue(report.damage().isEmpty(), report.toString());
        SampledFrame reference = all.get(30);
        RgbFrame seeked = FrameAt.frameAt(ts, reference.offsetSeconds(), 224);
        assertTrue(difference(seeked, reference.frame()) < 1, "FrameAt uses the sampler's offsets");
    }

    @Test
    void timeBeyondTheEndGivesTheLastPicture() throws Exception {
        RgbFrame last = FrameAt.frameAt(SharedData.footage("tiny-highway-48px-raw.avi"), 99, 224);
        assertEquals(48, last.width());
    }

    @Test
    void badFileGivesTheSpecificError(@TempDir Path dir) {
        FootageException e = assertThrows(FootageException.class, () -> FrameAt.frameAt(dir.resolve("gone.mp4"), 1, 224));
        assertEquals(FootageError.NOT_FOUND, e.error());
    }

    @Test
    void jpegOfAFrameReadsBackWithItsSizeAndColours() throws Exception {
        RgbFrame frame = FrameAt.frameAt(SharedData.footage("parking-aisle-cars.mp4"), 16, 224);
        byte[] jpeg = JpegEncoder.encode(frame);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertEquals(frame.width(), image.getWidth());
        assertEquals(frame.height(), image.getHeight());
        assertTrue(jpeg.length < frame.rgb().length / 4, "compressed: " + jpeg.length + " bytes");
        int x = frame.width() / 2;
        int y = frame.height() / 2;
        int p = 3 * (y * frame.width() + x);
        int rgb = image.getRGB(x, y);
        assertEquals(frame.rgb()[p] & 0xFF, (rgb >> 16) & 0xFF, 24, "red, not swapped with blue");
        assertEquals(frame.rgb()[p + 2] & 0xFF, rgb & 0xFF, 24, "blue");
    }

    private static double difference(RgbFrame a, RgbFrame b) {
        return GreyThumbnail.of(a, 32, 18).meanAbsDifference(GreyThumbnail.of(b, 32, 18));
    }
}
