package org.sightline.indexer.footage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sightline.models.runtime.RgbFrame;
import org.sightline.models.testing.SharedData;

class FrameSamplerTest {
    private final FrameSampler sampler = new FrameSampler();

    @Test
    void samplesOnceASecondWithMonotonicOffsetsAndLeavesTheOriginalUntouched() throws Exception {
        // residential-street-vehicles.mp4 has timestamps that are not strictly increasing
        Path video = SharedData.footage("residential-street-vehicles.mp4");
        byte[] before = sha256(video);
        VideoInfo info = new VideoProbe().probe(video);

        List<SampledFrame> frames = new ArrayList<>();
        SamplingReport report = sampler.sample(video, SamplingOptions.DEFAULT, frames::add, () -> false);

        assertTrue(report.damage().isEmpty(), report.toString());
        assertEquals(Math.round(info.durationSeconds()), frames.size(), 2, "about one frame per second");
        assertEquals(frames.size(), report.framesSampled());
        assertTrue(report.framesDecoded() > 800, report.toString());
        for (int i = 1; i < frames.size(); i++) {
            assertTrue(frames.get(i).offsetSeconds() > frames.get(i - 1).offsetSeconds(), "offsets go forward at " + i);
        }
        RgbFrame first = frames.getFirst().frame();
        assertEquals(224, Math.min(first.width(), first.height()), "short side scaled to the model's size");
        assertEquals(640.0 / 352, first.width() / (double) first.height(), 0.02, "aspect kept");
        assertTrue(notBlank(first), "decoded picture has content");
        assertArrayEquals(before, sha256(video), "original footage must not change");
    }

    @Test
    void aOneSecondGopIsSampledFromItsKeyframesAlone() throws Exception {
        // indoor-people-one-by-one.mp4: 10 fps, a keyframe every second, 1394 frames
        Path video = SharedData.footage("indoor-people-one-by-one.mp4");
        List<SampledFrame> frames = new ArrayList<>();
        SamplingReport report = sampler.sample(video, SamplingOptions.DEFAULT, frames::add, () -> false);

        assertTrue(report.damage().isEmpty(), "skipping non-key frames by design is not damage: " + report);
        assertTrue(report.framesDecoded() < 0.25 * 1394, "only keyframes decoded after the first seconds: " + report);
        assertEquals(140, frames.size(), 3, "still about one frame per second");
        assertTrue(frames.getLast().offsetSeconds() > 137, "to the end of the file: " + frames.getLast().offsetSeconds());
        for (int i = 1; i < frames.size(); i++) {
            double step = frames.get(i).offsetSeconds() - frames.get(i - 1).offsetSeconds();
            assertTrue(step > 0 && step <= 1.05, "no hole in the timeline at " + frames.get(i).offsetSeconds());
        }
    }

    @Test
    void takesAFrameAtEachHardCut() throws Exception {
        // hard cuts checked by eye on frames either side: 1.20, 3.04, 5.48, 7.48 and 9.68 s
        List<SampledFrame> frames = new ArrayList<>();
        sampler.sample(SharedData.footage("street-montage-scene-cuts.mp4"), SamplingOptions.DEFAULT, frames::add,
                () -> false);
        double[] cuts = frames.stream().filter(SampledFrame::sceneCut).mapToDouble(SampledFrame::offsetSeconds).toArray();
        double[] expected = {1.20, 3.04, 5.48, 7.48, 9.68};
        assertEquals(expected.length, cuts.length, "cuts found at " + Arrays.toString(cuts));
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], cuts[i], 0.1, "cuts found at " + Arrays.toString(cuts));
        }
        assertEquals(10 + expected.length, frames.size(), "10 regular samples plus the cuts");
    }

    @Test
    void noSceneCutsInFixedCameraFootage() throws Exception {
        List<SampledFrame> frames = new ArrayList<>();
        sampler.sample(SharedData.footage("motorway-cctv-cyclist.avi"), SamplingOptions.DEFAULT, frames::add, () -> false);
        assertEquals(30, frames.size(), 1, "MPEG-4 Part 2 AVI decodes at one frame a second");
        assertFalse(frames.stream().anyMatch(SampledFrame::sceneCut));
    }

    @Test
    void rawVideoIsDecodedAndNeverEnlarged() throws Exception {
        List<SampledFrame> frames = new ArrayList<>();
        SamplingReport report = sampler.sample(SharedData.footage("tiny-highway-48px-raw.avi"), SamplingOptions.DEFAULT,
                frames::add, () -> false);
        assertEquals(51, report.framesDecoded());
        assertEquals(4, frames.size(), "3.4 s at one frame a second: 0, 1, 2, 3");
        assertEquals(48, frames.getFirst().frame().width());
        assertEquals(48, frames.getFirst().frame().height());
        assertTrue(notBlank(frames.getFirst().frame()));
    }

    @Test
    void truncatedFileDeliversFramesUpToTheDamage(@TempDir Path dir) throws Exception {
        Path truncated = TestMedia.truncatedCopy("parking-aisle-cars.mp4", 0.4, dir.resolve("parking-cut.mp4"));
        List<SampledFrame> frames = new ArrayList<>();
        SamplingReport report = sampler.sample(truncated, SamplingOptions.DEFAULT, frames::add, () -> false);

        SamplingReport.Damage damage = report.damage().orElseThrow(() -> new AssertionError("no damage: " + report));
        assertEquals(FootageError.TRUNCATED, damage.error());
        assertTrue(damage.atSeconds() > 5 && damage.atSeconds() < 25, damage.toString());
        assertTrue(damage.detail().contains("30.2"), "names the expected length: " + damage.detail());
        assertFalse(frames.isEmpty());
        assertTrue(frames.getLast().offsetSeconds() <= damage.atSeconds() + 1e-6);
        assertEquals(Math.floor(damage.atSeconds()) + 1, frames.size(), 1);
    }

    @Test
    void corruptMiddleIsReportedWithTheFramesAroundIt(@TempDir Path dir) throws Exception {
        byte[] bytes = Files.readAllBytes(SharedData.footage("parking-aisle-cars.mp4"));
        for (int i = bytes.length / 2; i < bytes.length / 2 + 300_000; i++) {
            bytes[i] = (byte) (i * 7);
        }
        Path damaged = Files.write(dir.resolve("parking-damaged.mp4"), bytes);
        List<SampledFrame> frames = new ArrayList<>();
        SamplingReport report = sampler.sample(damaged, SamplingOptions.DEFAULT, frames::add, () -> false);

        SamplingReport.Damage damage = report.damage().orElseThrow(() -> new AssertionError("no damage: " + report));
        assertEquals(FootageError.CORRUPT, damage.error(), damage.toString());
        assertTrue(frames.size() > 20, "frames before and after the damage: " + frames.size());
    }

    @Test
    void fileWithNoDecodablePictureIsCorrupt(@TempDir Path dir) throws Exception {
        // keep ftyp and moov (the index) of the fixture, wipe the picture data
        byte[] bytes = Files.readAllBytes(SharedData.footage("parking-aisle-cars.mp4"));
        Arrays.fill(bytes, 0x2600, bytes.length, (byte) 0);
        Path wiped = Files.write(dir.resolve("wiped.mp4"), bytes);
        FootageException e = assertThrows(FootageException.class,
                () -> sampler.sample(wiped, SamplingOptions.DEFAULT, f -> { }, () -> false));
        assertEquals(FootageError.CORRUPT, e.error(), e.getMessage());
    }

    @Test
    void stopsPromptlyWhenCancelled() throws Exception {
        AtomicInteger seen = new AtomicInteger();
        assertThrows(InterruptedException.class, () -> sampler.sample(SharedData.footage("parking-aisle-cars.mp4"),
                SamplingOptions.DEFAULT, f -> seen.incrementAndGet(), () -> seen.get() >= 3));
        assertEquals(3, seen.get());
    }

    @Test
    void stopsWhenTheThreadIsInterrupted() throws Exception {
        AtomicInteger seen = new AtomicInteger();
        try {
            assertThrows(InterruptedException.class, () -> sampler.sample(SharedData.footage("parking-aisle-cars.mp4"),
                    SamplingOptions.DEFAULT, f -> {
                        if (seen.incrementAndGet() == 2) {
                            Thread.currentThread().interrupt();
                        }
                    }, () -> false));
        } finally {
            Thread.interrupted();
        }
        assertEquals(2, seen.get());
    }

    @Test
    void singleDecoderThreadGivesTheSameFrames() throws Exception {
        List<SampledFrame> auto = new ArrayList<>();
        List<SampledFrame> single = new ArrayList<>();
        Path video = SharedData.footage("tiny-highway-48px-raw.avi");
        sampler.sample(video, SamplingOptions.DEFAULT, auto::add, () -> false);
        new FrameSampler(1).sample(video, SamplingOptions.DEFAULT, single::add, () -> false);
        assertEquals(auto.size(), single.size());
        assertArrayEquals(auto.getLast().frame().rgb(), single.getLast().frame().rgb());
    }

    @ParameterizedTest
    @CsvSource({"road-traffic-60fps.avi, 1699", "motorway-cctv-cyclist.avi, 748", "street-montage-scene-cuts.mp4, 250"})
    void bFramesAreNotDecodedAndSamplesStayAboutASecondApart(String fixture, int frameCount) throws Exception {
        List<SampledFrame> frames = new ArrayList<>();
        SamplingReport report = new FrameSampler(1).sample(SharedData.footage(fixture), SamplingOptions.DEFAULT,
                frames::add, () -> false);

        assertTrue(report.damage().isEmpty(), "skipped B-frames are not damage: " + report);
        assertTrue(report.framesDecoded() < 0.6 * frameCount, "non-reference frames skipped: " + report);
        double[] regular = frames.stream().filter(f -> !f.sceneCut()).mapToDouble(SampledFrame::offsetSeconds).toArray();
        for (int i = 0; i < regular.length; i++) {
            assertEquals(i, regular[i], 0.25, "sample " + i + " near its second: " + Arrays.toString(regular));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"indoor-people-one-by-one.mp4", "motorway-cctv-cyclist.avi", "parking-aisle-cars.mp4",
        "parking-lot-person-bicycle-car.mp4", "residential-street-vehicles.mp4", "road-traffic-60fps.avi",
        "street-montage-scene-cuts.mp4", "tiny-highway-48px-raw.avi"})
    void noFixtureIsReportedDamaged(String fixture) throws Exception {
        SamplingReport report = sampler.sample(SharedData.footage(fixture), SamplingOptions.DEFAULT, f -> { }, () -> false);
        assertTrue(report.damage().isEmpty(), report.toString());
    }

    @Test
    void truncatedFileWithBFramesIsStillTruncated(@TempDir Path dir) throws Exception {
        Path truncated = TestMedia.truncatedCopy("road-traffic-60fps.avi", 0.5, dir.resolve("road-cut.avi"));
        List<SampledFrame> frames = new ArrayList<>();
        SamplingReport report = sampler.sample(truncated, SamplingOptions.DEFAULT, frames::add, () -> false);

        SamplingReport.Damage damage = report.damage().orElseThrow(() -> new AssertionError("no damage: " + report));
        assertEquals(FootageError.TRUNCATED, damage.error(), damage.toString());
        assertTrue(damage.atSeconds() > 5 && damage.atSeconds() < 25, damage.toString());
        assertEquals(Math.floor(damage.atSeconds()) + 1, frames.size(), 1);
    }

    @Test
    void corruptMiddleOfAFileWithBFramesIsStillCorrupt(@TempDir Path dir) throws Exception {
        byte[] bytes = Files.readAllBytes(SharedData.footage("street-montage-scene-cuts.mp4"));
        for (int i = bytes.length / 2; i < bytes.length / 2 + 100_000; i++) {
            bytes[i] = (byte) (i * 7);
        }
        Path damaged = Files.write(dir.resolve("montage-damaged.mp4"), bytes);
        List<SampledFrame> frames = new ArrayList<>();
        SamplingReport report = sampler.sample(damaged, SamplingOptions.DEFAULT, frames::add, () -> false);

        SamplingReport.Damage damage = report.damage().orElseThrow(() -> new AssertionError("no damage: " + report));
        assertEquals(FootageError.CORRUPT, damage.error(), damage.toString());
        assertTrue(frames.getLast().offsetSeconds() > 8, "frames after the damage: " + frames.getLast());
    }

    static boolean notBlank(RgbFrame frame) {
        byte[] rgb = frame.rgb();
        int min = 255;
        int max = 0;
        for (byte b : rgb) {
            min = Math.min(min, b & 0xFF);
            max = Math.max(max, b & 0xFF);
        }
        return max - min > 50;
    }

    static byte[] sha256(Path file) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
    }
}
