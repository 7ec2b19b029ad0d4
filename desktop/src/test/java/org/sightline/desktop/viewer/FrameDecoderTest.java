package org.sightline.desktop.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.models.testing.SharedData;

class FrameDecoderTest {
    private static final Path VIDEO = SharedData.footage("parking-aisle-cars.mp4");

    @Test
    void seeksStepsForwardAndBackByOneFrame() throws IOException {
        try (FrameDecoder d = new FrameDecoder(VIDEO, 1280)) {
            assertEquals(12.5, d.frameRate(), 0.01);
            assertEquals(30.0, d.durationSeconds(), 0.5);
            DecodedFrame at = d.seek(15.0);
            assertEquals(15.0, at.seconds(), d.frameSeconds() / 2, "seek lands on the frame at the offset");
            assertEquals(768, at.width());
            assertEquals(432, at.height());
            DecodedFrame next = d.next();
            assertNotNull(next);
            assertEquals(at.seconds() + d.frameSeconds(), next.seconds(), 1e-3);
            DecodedFrame back = d.previous(next.seconds());
            assertEquals(at.seconds(), back.seconds(), 1e-3, "one frame back from the next frame");
            DecodedFrame last = d.lastFrame();
            assertTrue(last.seconds() > 29.0, "last frame near the end, was " + last.seconds());
            DecodedFrame first = d.seek(0);
            assertEquals(0.0, first.seconds(), 1e-3);
        }
    }

    @Test
    void scalesWidePicturesDownAndKeepsAspect() throws IOException {
        try (FrameDecoder d = new FrameDecoder(VIDEO, 384)) {
            DecodedFrame f = d.seek(1.0);
            assertEquals(384, f.width());
            assertEquals(216, f.height());
            assertEquals(384 * 216 * 3, f.toRgb().rgb().length);
        }
    }

    @Test
    void aFileThatIsNotAVideoIsRefusedWithItsName(@TempDir Path dir) throws IOException {
        Path notVideo = Files.writeString(dir.resolve("notes.mp4"), "this is not a video");
        IOException e = assertThrows(IOException.class, () -> new FrameDecoder(notVideo, 1280));
        assertTrue(e.getMessage().contains("notes.mp4"), e.getMessage());
    }
}
