package org.sightline.indexer.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A reviewer's drops and drawn boxes on a plan. */
class ReviewerEditTest {
    private static PlannedBox person(double x) {
        return new PlannedBox(x, 0.2, 0.2, 0.5, PlannedBox.Source.DETECTOR, "person");
    }

    /** Ten frames: a person walking right (two boxes a frame, as between detections), another standing still. */
    private static RedactionPlan plan() {
        List<RedactionPlan.Span> spans = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            spans.add(new RedactionPlan.Span(i * 0.1, (i + 1) * 0.1, List.of(person(0.05 + i * 0.01),
                    person(0.06 + i * 0.01), new PlannedBox(0.7, 0.2, 0.2, 0.5, PlannedBox.Source.DETECTOR, "person"),
                    new PlannedBox(0, 0, 0.1, 0.1, PlannedBox.Source.MANUAL, "region"))));
        }
        return new RedactionPlan(RedactionPlan.FORMAT, "R-1", 1, 7, "ab".repeat(32), "a.mp4", 0, 1, "block",
                List.of("people"), List.of("0,0,0.1,0.1"), List.of(), List.of(), spans);
    }

    @Test
    void aDroppedDetectorBoxGoesWhereverTheSameObjectContinuesAndNothingElse() {
        RedactionPlan edited = ReviewerEdit.drop(plan(), 0.45, person(0.09));
        for (RedactionPlan.Span s : edited.spans()) {
            assertEquals(2, s.boxes().size(), "the walker's boxes went, the other person and the region stay: " + s);
            assertTrue(s.boxes().stream().anyMatch(b -> b.x() == 0.7));
        }
    }

    @Test
    void aDroppedManualBoxGoesFromEveryFrameAndADrawnOneIsAddedToEvery() {
        PlannedBox region = new PlannedBox(0, 0, 0.1, 0.1, PlannedBox.Source.MANUAL, "region");
        RedactionPlan dropped = ReviewerEdit.drop(plan(), 0.05, region);
        assertTrue(dropped.spans().stream().allMatch(s -> s.boxes().stream().noneMatch(b -> b.label().equals("region"))));
        RedactionPlan drawn = ReviewerEdit.add(plan(), new PlannedBox(0.5, 0.5, 0.2, 0.2, null, ""));
        assertTrue(drawn.spans().stream().allMatch(s -> s.boxes().size() == 5));
        assertTrue(drawn.manualBoxes().getLast().startsWith("drawn in review 0.5000,0.5000"), drawn.manualBoxes().toString());
    }

    @Test
    void aBoxThatIsNotThereIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReviewerEdit.drop(plan(), 0.45, person(0.5)));
        assertTrue(e.getMessage().contains("item 1 has no box") && e.getMessage().contains("a.mp4"), e.getMessage());
    }
}
