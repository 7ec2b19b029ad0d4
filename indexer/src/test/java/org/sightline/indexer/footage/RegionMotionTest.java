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
    void aPolygonLimitsMotionToItsOwnArea() throws Exception {
        // a diamond inside the entry rectangle still sees both cars come in ...
        FrameRegion diamond = FrameRegion.parse("0.55,0.76, 0.67,0.88, 0.55,0.99, 0.43,0.88");
        List<RegionMotion.Span> spans = new RegionMotion().scan(AISLE, List.of(diamond),
                RegionMotion.Settings.sensitivity(RegionMotion.Settings.DEFAULT_SENSITIVITY), null);
        assertTrue(spans.stream().anyMatch(s -> s.startSeconds() <= 6.0 && s.endSeconds() >= 4.5), "white car: " + spans);
        assertTrue(spans.stream().anyMatch(s -> s.startSeconds() <= 17.0 && s.endSeconds() >= 15.5), "red car: " + spans);
        // ... while a thin triangle along the right edge, whose bounding box reaches into the aisle's entry, sees none:
        // only the cells inside the polygon count
        FrameRegion edge = FrameRegion.parse("0.99,0.3, 0.99,0.99, 0.45,0.99");
        assertTrue(edge.x() < 0.5 && edge.y() < 0.76, "its bounding box covers part of the entry: " + edge);
        assertEquals(List.of(), new RegionMotion().scan(AISLE, List.of(FrameRegion.parse("0.99,0.3, 0.99,0.7, 0.78,0.7")),
                RegionMotion.Settings.sensitivity(RegionMotion.Settings.DEFAULT_SENSITIVITY), null));
    }

    @Test
    void polygonsAreCheckedAndParsed() {
        FrameRegion triangle = FrameRegion.parse("0.4,1, 0.5,0.6, 0.7,1");
        assertEquals(3, triangle.polygon().size());
        assertEquals(0.4, triangle.x(), 1e-9);
        assertEquals(0.6, triangle.y(), 1e-9);
        assertEquals(0.3, triangle.width(), 1e-9);
        assertTrue(triangle.contains(0.5, 0.9));
        assertFalse(triangle.contains(0.42, 0.65), "inside the bounding box, outside the triangle");
        assertTrue(triangle.toString().startsWith("polygon "), triangle.toString());
        // a concave L: the notch is outside
        FrameRegion l = FrameRegion.parse("0,0, 0.5,0, 0.5,0.2, 0.2,0.2, 0.2,0.5, 0,0.5");
        assertTrue(l.contains(0.1, 0.4));
        assertFalse(l.contains(0.4, 0.4));
        assertThrows(() -> FrameRegion.parse("0,0, 0.5,0.5, 1,1"));   // no area
        assertThrows(() -> FrameRegion.parse("0,0, 0.5,0.5, 1.2,1"));  // outside the picture
        assertThrows(() -> FrameRegion.parse("0,0, 0.5,0.5, 1"));      // odd count
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
