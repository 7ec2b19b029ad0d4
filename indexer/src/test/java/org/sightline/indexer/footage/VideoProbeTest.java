package org.sightline.indexer.footage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sightline.models.testing.SharedData;

class VideoProbeTest {
    private final VideoProbe probe = new VideoProbe(ZoneOffset.UTC);

    @ParameterizedTest
    @CsvSource({
        "parking-aisle-cars.mp4,             h264,      768, 432, 12.5, 30.2",
        "indoor-people-one-by-one.mp4,       h264,      768, 432, 10,   139.4",
        "parking-lot-person-bicycle-car.mp4, h264,      768, 432, 12,   38.3",
        "motorway-cctv-cyclist.avi,          mpeg4,     320, 240, 25,   30",
        "road-traffic-60fps.avi,             mpeg4,     320, 240, 60,   28.3",
        "tiny-highway-48px-raw.avi,          rawvideo,  48,  48,  15,   3.4",
        "street-montage-scene-cuts.mp4,      h264,      640, 272, 25,   10",
        "residential-street-vehicles.mp4,    h264,      640, 352, 24,   37.7",
    })
    void probesEveryFixture(String name, String codec, int width, int height, double fps, double duration)
            throws Exception {
        VideoInfo info = probe.probe(SharedData.footage(name));
        assertEquals(codec, info.codec(), name);
        assertEquals(width, info.width(), name);
        assertEquals(height, info.height(), name);
        assertEquals(fps, info.framesPerSecond(), 0.1, name);
        assertEquals(duration, info.durationSeconds(), 0.2, name);
        assertTrue(info.recordingStartSource().equals("metadata") == info.recordingStart().isPresent()
                || info.recordingStartSource().equals("filename"), info.toString());
    }

    @Test
    void recordingStartComesFromMetadataCreationTime() throws Exception {
        VideoInfo info = probe.probe(SharedData.footage("indoor-people-one-by-one.mp4"));
        assertEquals("metadata", info.recordingStartSource());
        assertEquals(Instant.parse("2017-09-26T16:57:49Z"), info.recordingStart().orElseThrow());
    }

    @Test
    void recordingStartFallsBackToFileNameNeverToModificationTime(@TempDir Path dir) throws Exception {
        // the AVI fixtures carry no creation_time
        Path named = Files.copy(SharedData.footage("tiny-highway-48px-raw.avi"), dir.resolve("ch01_20240131235959.avi"));
        VideoInfo info = probe.probe(named);
        assertEquals("filename", info.recordingStartSource());
        assertEquals(Instant.parse("2024-01-31T23:59:59Z"), info.recordingStart().orElseThrow());

        Path plain = Files.copy(SharedData.footage("tiny-highway-48px-raw.avi"), dir.resolve("demo.avi"));
        VideoInfo unknown = probe.probe(plain);
        assertEquals("unknown", unknown.recordingStartSource());
        assertTrue(unknown.recordingStart().isEmpty(), "mtime must never be used");
    }

    @Test
    void absurdFrameRateIsReportedAsUnknownAndSamplingStillWorks(@TempDir Path dir) throws Exception {
        Path fast = TestMedia.tinyWithFrameRate(dir.resolve("fast.mkv"), "matroska", 1000);
        VideoInfo info = probe.probe(fast);
        assertEquals(0, info.framesPerSecond(), "1000 fps is container nonsense");
        SamplingReport report = new FrameSampler().sample(fast, SamplingOptions.DEFAULT, f -> { }, () -> false);
        assertEquals(51, report.framesDecoded());
        assertTrue(report.damage().isEmpty(), report.toString());
    }

    @Test
    void aPictureRenamedAsVideoIsRefusedWithItsRealContentNamed(@TempDir Path dir) throws Exception {
        // issue 11, item 11: a PNG or JPEG renamed .mp4 was indexed as a 0 s video
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
        Path png = dir.resolve("renamed.mp4");
        javax.imageio.ImageIO.write(img, "png", png.toFile());
        Path jpeg = dir.resolve("renamed.avi");
        javax.imageio.ImageIO.write(img, "jpeg", jpeg.toFile());
        FootageException e = org.junit.jupiter.api.Assertions.assertThrows(FootageException.class, () -> probe.probe(png));
        assertEquals(FootageError.NOT_VIDEO, e.error());
        assertTrue(e.getMessage().contains("PNG image") && e.getMessage().contains(".mp4"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(FootageException.class, () -> probe.probe(jpeg));
        assertTrue(e.getMessage().contains("JPEG image"), e.getMessage());
    }

    @Test
    void missingFileIsNotFound(@TempDir Path dir) {
        assertError(FootageError.NOT_FOUND, dir.resolve("nope.mp4"));
    }

    @Test
    void zeroLengthFileIsEmpty(@TempDir Path dir) throws Exception {
        assertError(FootageError.EMPTY_FILE, Files.createFile(dir.resolve("empty.mp4")));
    }

    @Test
    void textRenamedMp4IsNotVideo(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("notes.mp4"), "Shift log: camera 3 offline from 02:00 to 03:15.\n");
        FootageException e = assertError(FootageError.NOT_VIDEO, text);
        assertTrue(e.getMessage().contains("notes.mp4"), e.getMessage());
    }

    @Test
    void folderIsNotVideo(@TempDir Path dir) {
        assertError(FootageError.NOT_VIDEO, dir);
    }

    @Test
    void audioOnlyFileHasNoVideoStream(@TempDir Path dir) throws Exception {
        assertError(FootageError.NO_VIDEO_STREAM, TestMedia.sineM4a(dir.resolve("interview.m4a")));
    }

    @Test
    void unknownCodecIsUnsupported(@TempDir Path dir) throws Exception {
        assertError(FootageError.UNSUPPORTED_CODEC, TestMedia.aviWithUnknownFourcc(dir.resolve("odd.avi")));
    }

    @Test
    void unreadableFileIsUnreadable(@TempDir Path dir) throws Exception {
        Path locked = Files.copy(SharedData.footage("tiny-highway-48px-raw.avi"), dir.resolve("locked.avi"));
        Files.setPosixFilePermissions(locked, java.util.Set.of());
        // Tests run as root, and root reads a chmod 000 file anyway: then this cannot be observed here.
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(locked),
                "running as root: permissions do not stop reading, UNREADABLE cannot be provoked by chmod");
        assertError(FootageError.UNREADABLE, locked);
    }

    @Test
    void headerOfCutOffMp4IsCorruptNotNotVideo(@TempDir Path dir) throws Exception {
        // an MP4 whose moov atom is missing: it starts like a video, so this is damage, not a foreign file
        byte[] original = Files.readAllBytes(SharedData.footage("parking-aisle-cars.mp4"));
        Path cut = dir.resolve("cut.mp4");
        Files.write(cut, java.util.Arrays.copyOf(original, 2048));
        FootageException e = assertThrows(FootageException.class, () -> probe.probe(cut));
        assertTrue(e.error() == FootageError.CORRUPT, e.toString());
    }

    private FootageException assertError(FootageError expected, Path path) {
        FootageException e = assertThrows(FootageException.class, () -> probe.probe(path));
        assertEquals(expected, e.error(), e.getMessage());
        return e;
    }
}
