package org.sightline.indexer.footage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sightline.models.testing.SharedData;

/**
 * Motion in rectangles of parking-aisle-cars.mp4 (frames looked at, one a second): a white car enters at the bottom
 * of the aisle at about 4.5-6 s and drives up and out at the top by 8 s; a grey car comes in at the top at ~15 s while
 * a red car enters at the bottom at ~16 s; a white sports car comes in at the top at ~26 s and leaves at the bottom
 * left at ~27-28 s. The right quarter of the picture is empty tarmac throughout.
 */
class RegionMotionTest {
    private static final Path AISLE = SharedData.footage("parking-aisle-cars.mp4");
    /** Where cars enter the aisle from the bottom edge, centre of the picture. */
    static final FrameRegion ENTRY = new FrameRegion(0.42, 0.75, 0.26, 0.25);
    /** Tarmac no car crosses. */
    static final FrameRegion EMPTY_TARMAC = new FrameRegion(0.75, 0.3, 0.2, 0.45);

    @Test
    void findsTheCarsEnteringTheAisle() throws Exception {
        List<RegionMotion.Span> spans = new RegionMotion().scan(AISLE, List.of(ENTRY),
                RegionMotion.Settings.sensitivity(RegionMotion.Settings.DEFAULT_SENSITIVITY), null);
        spans.forEach(s -> System.out.println(s.describe()));
        assertTrue(spans.stream().anyMatch(s -> s.startSeconds() <= 6.0 && s.endSeconds() >= 4.5), "white car entering at ~5 s: " + spans);
        assertTrue(spans.stream().anyMatch(s -> s.startSeconds() <= 17.0 && s.endSeconds() >= 15.5), "red car entering at ~16 s: " + spans);
        for (RegionMotion.Span s : spans) {
            boolean whiteCar = s.endSeconds() >= 4 && s.startSeconds() <= 8;
            boolean redCar = s.endSeconds() >= 15 && s.startSeconds() <= 19;
            assertTrue(whiteCar || redCar, "motion at the entry with no car there: " + s.describe());
        }
    }

    @Test
    void emptyTarmacHasNoMotion() throws Exception {
        List<RegionMotion.Span> spans = new RegionMotion().scan(AISLE, List.of(EMPTY_TARMAC),
                RegionMotion.Settings.sensitivity(RegionMotion.Settings.DEFAULT_SENSITIVITY), null);
        assertEquals(List.of(), spans);
    }

    @Test
    void regionsAreCheckedAndParsed() {
        assertEquals(new FrameRegion(0.1, 0.2, 0.3, 0.4), FrameRegion.parse(" 0.1, 0.2,0.3 ,0.4"));
        assertFalse(FrameRegion.parse("0,0,1,1").contains(1.0, 0.5));
        var outside = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> FrameRegion.parse("0.8,0,0.5,1"));
        assertTrue(outside.getMessage().contains("not inside the picture"), outside.getMessage());
        assertThrows(() -> FrameRegion.parse("0.1,0.2"));
        assertThrows(() -> RegionMotion.Settings.sensitivity(1.5));
    }

    private static void assertThrows(org.junit.jupiter.api.function.Executable e) {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, e);
    }
}
