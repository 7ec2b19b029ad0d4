package org.sightline.indexer.perception;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sightline.models.perception.detect.NormalisedBox;
import org.sightline.models.runtime.RgbFrame;

/** Box colours come from the colour vocabulary; the clock start is the median of what the readings imply. */
class BoxColourTest {
    private static RgbFrame halves(int[] left, int[] right) {
        int w = 40;
        int h = 20;
        byte[] rgb = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int[] c = x < w / 2 ? left : right;
                for (int k = 0; k < 3; k++) {
                    rgb[(y * w + x) * 3 + k] = (byte) c[k];
                }
            }
        }
        return new RgbFrame(w, h, rgb);
    }

    @Test
    void theDominantColourOfTheBoxCentreIsNamed() {
        RgbFrame frame = halves(new int[] {200, 30, 30}, new int[] {30, 60, 200});
        assertEquals("red", BoxColour.of(frame, new NormalisedBox(0, 0, 0.5f, 1)));
        assertEquals("blue", BoxColour.of(frame, new NormalisedBox(0.5f, 0, 1, 1)));
        assertEquals("white", BoxColour.of(halves(new int[] {240, 240, 235}, new int[] {240, 240, 235}), new NormalisedBox(0, 0, 1, 1)));
        assertEquals("black", BoxColour.of(halves(new int[] {10, 12, 8}, new int[] {10, 12, 8}), new NormalisedBox(0, 0, 1, 1)));
        assertNull(BoxColour.of(frame, new NormalisedBox(0.5f, 0.5f, 0.5f, 0.5f)), "an empty box has no colour");
    }

    @Test
    void theClockStartIsTheMedianOfTheReadings() {
        LocalDateTime t = LocalDateTime.of(2024, 3, 18, 14, 22, 5);
        ClockSighting good = new ClockSighting("", t.plusSeconds(6), "yyyy-MM-dd HH:mm:ss");
        ClockSighting misread = new ClockSighting("", t.plusHours(8), "yyyy-MM-dd HH:mm:ss");
        List<FrameDetections> frames = List.of(new FrameDetections(0, List.of(), List.of(), new ClockSighting("", t, "f")),
                new FrameDetections(6, List.of(), List.of(), good), new FrameDetections(12, List.of(), List.of(), misread),
                new FrameDetections(18, List.of()));
        assertEquals(t.toInstant(ZoneOffset.UTC), ClockStart.estimate(frames, ZoneOffset.UTC).orElseThrow());
        assertEquals(java.util.Optional.empty(), ClockStart.estimate(List.of(new FrameDetections(0, List.of())), ZoneOffset.UTC));
    }
}
