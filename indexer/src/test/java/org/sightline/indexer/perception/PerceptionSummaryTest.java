package org.sightline.indexer.perception;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sightline.models.perception.detect.NormalisedBox;

/** The few words the Library shows per video, from examined frames, tracks and the packs that ran. */
class PerceptionSummaryTest {
    private static final NormalisedBox BOX = new NormalisedBox(0.1f, 0.1f, 0.3f, 0.5f);
    private static final String PACKS = "sightline-detector-centernet 1.0 (manifest sha256 ab); sightline-text-ppocrv4 1.0 (manifest sha256 cd)";

    private static ObjectSighting seen(String label) {
        return new ObjectSighting(label, 0.8f, BOX, "red");
    }

    @Test
    void objectsByMomentsThenTextThenTheClockAtTheStart() {
        List<FrameDetections> frames = List.of(
                new FrameDetections(0, List.of(seen("person"), seen("person"), seen("car")),
                        List.of(new SceneTextSighting("TAXI", BOX, 0.9f)),
                        new ClockSighting("2018-04-19 23:46:06", LocalDateTime.of(2018, 4, 19, 23, 46, 6), "yyyy-MM-dd HH:mm:ss")),
                new FrameDetections(6, List.of(seen("person"), seen("bus"))),
                new FrameDetections(12, List.of(seen("person")), List.of(new SceneTextSighting("KX19 ABC", BOX, 0.9f),
                        new SceneTextSighting("TAXI", BOX, 0.9f)), null),
                new FrameDetections(18, List.of(), List.of(new SceneTextSighting("X", BOX, 0.5f)), null));
        PerceptionSummary s = PerceptionSummary.of(frames, TrackLinker.link(frames), PACKS);
        assertEquals("people at 3 moments, buses 1, cars 1; text: TAXI, KX19 ABC; clock read: 2018-04-19 23:46:06 at the start (burned-in)",
                s.line());
        assertTrue(s.details().contains("Examined frames: 4"), s.details());
        assertTrue(s.details().contains("Followed across frames: "), s.details());
        assertTrue(s.details().contains("sightline-text-ppocrv4 1.0"), s.details());
        assertTrue(s.details().contains("Text read: TAXI, KX19 ABC, X"), "a lone character stays in the details: " + s.details());
    }

    @Test
    void theClockAtTheStartIsTheFirstReadingLessItsOffset() {
        List<FrameDetections> frames = List.of(new FrameDetections(12, List.of(), List.of(),
                new ClockSighting("24/03/18 14:22:17", LocalDateTime.of(2024, 3, 18, 14, 22, 17), "dd/MM/yy HH:mm:ss")));
        assertEquals("clock read: 2024-03-18 14:22:05 at the start (burned-in)", PerceptionSummary.of(frames, List.of(), PACKS).line());
    }

    @Test
    void nothingFoundAndNothingRunAreTold() {
        assertEquals("nothing found in 2 examined frames",
                PerceptionSummary.of(List.of(new FrameDetections(0, List.of()), new FrameDetections(6, List.of())), List.of(), PACKS).line());
        assertFalse(PerceptionSummary.NONE.ran());
        assertEquals("", PerceptionSummary.NONE.line());
        assertEquals("No perception packs ran on this video.", PerceptionSummary.NONE.details());
    }

    @Test
    void pluralsOfDetectorClasses() {
        assertEquals("people", PerceptionSummary.plural("person"));
        assertEquals("bicycles", PerceptionSummary.plural("bicycle"));
        assertEquals("buses", PerceptionSummary.plural("bus"));
        assertEquals("skis", PerceptionSummary.plural("skis"));
        assertEquals("traffic lights", PerceptionSummary.plural("traffic light"));
    }
}
