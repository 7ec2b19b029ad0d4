package org.sightline.indexer.footage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

class SeekableVideoTest {
    private static final Path VIDEO = SharedData.footage("parking-aisle-cars.mp4");

    @Test
    void seeksStepsForwardAndBackByOneFrame() throws FootageException {
        try (SeekableVideo d = SeekableVideo.open(VIDEO, 1280)) {
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
            assertArrayEquals(at.bgra(), back.bgra(), "stepping back shows the same picture again");
            DecodedFrame last = d.lastFrame();
            assertTrue(last.seconds() > 29.0, "last frame near the end, was " + last.seconds());
            DecodedFrame first = d.seek(0);
            assertEquals(0.0, first.seconds(), 1e-3);
            assertEquals(last.seconds(), d.seek(1000).seconds(), 1e-3, "seeking past the end shows the last frame");
        }
    }

    /** FFmpeg alone stopped two frames short (16.0 s showed 15.84 s) after an earlier seek in the same file. */
    @Test
    void seeksInSequenceEachLandOnTheFrameAtOrAfterTheOffset() throws FootageException {
        try (SeekableVideo d = SeekableVideo.open(VIDEO, 1280)) {
            for (double s : new double[] {14.0, 16.0, 15.92, 6.0, 16.08, 25.04, 2.24}) {
                double shown = d.seek(s).seconds();
                assertTrue(shown >= s - 1e-3 && shown < s + d.frameSeconds() - 1e-3, "seek " + s + " showed " + shown);
            }
        }
    }

    @Test
    void scalesWidePicturesDownAndKeepsAspect() throws FootageException {
        try (SeekableVideo d = SeekableVideo.open(VIDEO, 384)) {
            DecodedFrame f = d.seek(1.0);
            assertEquals(384, f.width());
            assertEquals(216, f.height());
            assertEquals(384 * 216 * 3, f.toRgb().rgb().length);
            for (int i = 3; i < f.bgra().length; i += 4) {
                assertEquals((byte) 0xFF, f.bgra()[i], "opaque alpha");
            }
        }
    }

    @Test
    void theSameFrameAsTheIndexerDecodes() throws FootageException {
        try (SeekableVideo d = SeekableVideo.open(VIDEO, 1280)) {
            DecodedFrame shown = d.seek(15.0);
            byte[] rgb = FrameAt.frameAt(VIDEO, shown.seconds(), shown.height()).rgb();
            byte[] viewed = shown.toRgb().rgb();
            assertEquals(rgb.length, viewed.length);
            long diff = 0;
            for (int i = 0; i < rgb.length; i++) {
                diff += Math.abs((rgb[i] & 0xFF) - (viewed[i] & 0xFF));
            }
            assertTrue(diff / (double) rgb.length < 4, "viewer and indexer show the same picture, mean diff " + diff / (double) rgb.length);
        }
    }

    @Test
    void aFileThatIsNotAVideoIsRefusedWithItsNameAndReason(@TempDir Path dir) throws IOException {
        Path notVideo = Files.writeString(dir.resolve("notes.mp4"), "this is not a video");
        FootageException e = assertThrows(FootageException.class, () -> SeekableVideo.open(notVideo, 1280));
        assertEquals(FootageError.NOT_VIDEO, e.error());
        assertTrue(e.getMessage().contains("notes.mp4"), e.getMessage());
    }

    @Test
    void aMissingFileIsNotFound(@TempDir Path dir) {
        FootageException e = assertThrows(FootageException.class, () -> SeekableVideo.open(dir.resolve("gone.mp4"), 1280));
        assertEquals(FootageError.NOT_FOUND, e.error());
    }
}
