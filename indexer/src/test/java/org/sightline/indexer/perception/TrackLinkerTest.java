package org.sightline.indexer.perception;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sightline.models.perception.detect.NormalisedBox;

/** Detections of consecutive examined frames become tracks by class and overlap. */
class TrackLinkerTest {
    private static ObjectSighting at(String label, float x, float y, String colour) {
        return new ObjectSighting(label, 0.8f, new NormalisedBox(x, y, x + 0.2f, y + 0.3f), colour);
    }

    @Test
    void aPersonWalkingRightAndAParkedCarAreTwoTracks() {
        List<FrameDetections> frames = List.of(
                new FrameDetections(0, List.of(at("person", 0.1f, 0.5f, "red"), at("car", 0.6f, 0.1f, "white"))),
                new FrameDetections(6, List.of(at("person", 0.25f, 0.5f, "red"), at("truck", 0.6f, 0.1f, "white"))),
                new FrameDetections(12, List.of(at("person", 0.4f, 0.52f, null), at("car", 0.61f, 0.1f, "grey"))),
                new FrameDetections(18, List.of()),
                new FrameDetections(24, List.of(at("person", 0.4f, 0.52f, "blue"))));
        List<ObjectTrack> tracks = TrackLinker.link(frames);
        assertEquals(3, tracks.size(), tracks.toString());
        ObjectTrack walker = tracks.get(0);
        assertEquals("person", walker.label());
        assertEquals("red", walker.colour());
        assertEquals(ObjectTrack.Direction.RIGHT, walker.direction());
        assertEquals(12.0, walker.dwellSeconds());
        assertEquals(List.of(0.0, 6.0, 12.0), walker.path().stream().map(ObjectTrack.Point::offsetSeconds).toList());
        ObjectTrack car = tracks.get(1);
        assertEquals("car", car.label(), "named by its most frequent label; car and truck are one vehicle");
        assertEquals("white", car.colour());
        assertEquals(ObjectTrack.Direction.STILL, car.direction());
        assertEquals(3, car.path().size());
        ObjectTrack later = tracks.get(2);
        assertEquals(24.0, later.firstSeen(), "a frame with nobody ends the track; the next sighting starts another");
        assertEquals(0.0, later.dwellSeconds());
        assertEquals(tracks, TrackLinker.link(frames), "deterministic");
    }

    @Test
    void farApartObjectsOfOneClassAreNotLinked() {
        List<ObjectTrack> tracks = TrackLinker.link(List.of(
                new FrameDetections(0, List.of(at("person", 0.0f, 0.0f, null))),
                new FrameDetections(6, List.of(at("person", 0.7f, 0.6f, null)))));
        assertEquals(2, tracks.size(), tracks.toString());
    }

    private static ObjectSighting small(String label, float x, float y) {
        return new ObjectSighting(label, 0.5f, new NormalisedBox(x, y, x + 0.06f, y + 0.1f), null);
    }

    @Test
    void aSmallCyclistExaminedEveryTwoSecondsIsOneTrackThroughAMissedFrame() {
        // about a tenth of the frame a second, as the parking lot's cyclist; not seen at 13 s
        List<ObjectTrack> tracks = TrackLinker.link(List.of(
                new FrameDetections(9, List.of(small("bicycle", 0.5f, 0.1f))),
                new FrameDetections(11, List.of(small("bicycle", 0.71f, 0.12f))),
                new FrameDetections(13, List.of()),
                new FrameDetections(15, List.of(small("bicycle", 0.9f, 0.15f)))));
        assertEquals(1, tracks.size(), tracks.toString());
        assertEquals(ObjectTrack.Direction.RIGHT, tracks.getFirst().direction());
        assertEquals(List.of(9.0, 11.0, 15.0), tracks.getFirst().path().stream().map(ObjectTrack.Point::offsetSeconds).toList());
    }

    @Test
    void aTrackUnseenForLongerThanTheGapEnds() {
        List<ObjectTrack> tracks = TrackLinker.link(List.of(
                new FrameDetections(0, List.of(small("person", 0.5f, 0.1f))),
                new FrameDetections(2, List.of()),
                new FrameDetections(4, List.of()),
                new FrameDetections(6, List.of()),
                new FrameDetections(6.5, List.of(small("person", 0.5f, 0.1f)))));
        assertEquals(2, tracks.size(), "6.5 s without it: " + tracks);
    }

    @Test
    void fastSmallObjectsFarApartAreStillNotLinked() {
        List<ObjectTrack> tracks = TrackLinker.link(List.of(
                new FrameDetections(0, List.of(small("person", 0.1f, 0.1f))),
                new FrameDetections(2, List.of(small("person", 0.5f, 0.1f)))));
        assertEquals(2, tracks.size(), "0.4 of the frame apart in 2 s: " + tracks);
    }
}
