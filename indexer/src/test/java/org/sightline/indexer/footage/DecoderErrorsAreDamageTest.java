package org.sightline.indexer.footage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.models.testing.SharedData;

/**
 * Issue 11, item 10: a file cut at 99 % and files with flipped bytes mid-stream decode almost whole, but FFmpeg
 * reports a partial file or decode errors; the report records that as damage instead of a clean file. The clean
 * fixtures stay clean.
 */
class DecoderErrorsAreDamageTest {
    private final FrameSampler sampler = new FrameSampler();

    @TempDir
    Path dir;

    @Test
    void aFileCutAtNinetyNinePercentIsDamaged() throws Exception {
        byte[] bytes = Files.readAllBytes(SharedData.footage("parking-aisle-cars.mp4"));
        Path cut = Files.write(dir.resolve("cut99.mp4"), Arrays.copyOf(bytes, (int) (bytes.length * 0.99)));
        List<SampledFrame> frames = new ArrayList<>();
        SamplingReport report = sampler.sample(cut, SamplingOptions.DEFAULT, frames::add, () -> false);
        SamplingReport.Damage damage = report.damage().orElseThrow(() -> new AssertionError("no damage: " + report));
        assertTrue(damage.error() == FootageError.TRUNCATED || damage.error() == FootageError.DECODE_ERRORS, damage.toString());
        assertTrue(frames.size() > 25, "the frames before the cut are kept: " + frames.size());
    }

    @Test
    void flippedBytesMidStreamAreDamage() throws Exception {
        byte[] bytes = Files.readAllBytes(SharedData.footage("parking-aisle-cars.mp4"));
        for (int i = bytes.length / 2; i < bytes.length / 2 + 200_000; i++) {
            bytes[i] ^= (byte) 0xFF;
        }
        Path flipped = Files.write(dir.resolve("flipped.mp4"), bytes);
        List<SampledFrame> frames = new ArrayList<>();
        SamplingReport report = sampler.sample(flipped, SamplingOptions.DEFAULT, frames::add, () -> false);
        SamplingReport.Damage damage = report.damage().orElseThrow(() -> new AssertionError("no damage: " + report));
        assertTrue(damage.detail().contains("error") || damage.detail().contains("did not decode"), damage.toString());
        assertTrue(frames.size() > 20, "frames around the damage are kept: " + frames.size());
    }

    @Test
    void aFewFlippedBytesAreDecodeErrors() throws Exception {
        byte[] bytes = Files.readAllBytes(SharedData.footage("residential-street-vehicles.mp4"));
        for (int i = bytes.length / 2; i < bytes.length / 2 + 2_000; i++) {
            bytes[i] ^= (byte) 0xFF;
        }
        Path flipped = Files.write(dir.resolve("flipped-few.mp4"), bytes);
        SamplingReport report = sampler.sample(flipped, SamplingOptions.DEFAULT, f -> { }, () -> false);
        SamplingReport.Damage damage = report.damage().orElseThrow(() -> new AssertionError("no damage: " + report));
        assertEquals(FootageError.DECODE_ERRORS, damage.error(), damage.toString());
    }

    @Test
    void theCleanFixturesHaveNoDamage() throws Exception {
        for (String name : List.of("parking-aisle-cars.mp4", "indoor-people-one-by-one.mp4", "motorway-cctv-cyclist.avi",
                "parking-lot-person-bicycle-car.mp4", "residential-street-vehicles.mp4", "road-traffic-60fps.avi",
                "street-montage-scene-cuts.mp4", "tiny-highway-48px-raw.avi")) {
            SamplingReport report = sampler.sample(SharedData.footage(name), SamplingOptions.DEFAULT, f -> { }, () -> false);
            assertEquals(java.util.Optional.empty(), report.damage(), name + ": " + report);
        }
    }
}
