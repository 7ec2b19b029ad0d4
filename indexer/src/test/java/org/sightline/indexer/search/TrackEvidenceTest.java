package org.sightline.indexer.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sightline.indexer.perception.ObjectTrack;
import org.sightline.indexer.search.query.QueryPart.Motion;
import org.sightline.models.perception.detect.NormalisedBox;

/**
 * The motion thresholds of {@link TrackEvidence} on tracks shaped like the stored ones (the indoor fixture's man at
 * the table from 30 s, leaving right at 44 s, as the starter detector boxed him; see StructuredSearchTest for the
 * same on the indexed footage).
 */
class TrackEvidenceTest {
    /** A track of boxes {@code w} × {@code h} with centres at the given (t, x, y). */
    private static ObjectTrack track(String label, float w, float h, double[]... points) {
        List<ObjectTrack.Point> path = new ArrayList<>();
        for (double[] p : points) {
            float x = (float) p[1];
            float y = (float) p[2];
            path.add(new ObjectTrack.Point(p[0], NormalisedBox.clamped(x - w / 2, y - h / 2, x + w / 2, y + h / 2)));
        }
        return new ObjectTrack(label, null, path, ObjectTrack.Direction.STILL);
    }

    private static final ObjectTrack LEAVES_RIGHT = track("person", 0.2f, 0.87f,
            new double[] {30, 0.60, 0.45}, new double[] {37, 0.60, 0.45}, new double[] {44, 0.82, 0.47});

    @Test
    void leftToRightCoversTheFramesBetweenWhichItMovedThatWay() {
        var moved = TrackEvidence.moved(Motion.LEFT_TO_RIGHT, LEAVES_RIGHT).orElseThrow();
        assertEquals(37, moved.from());
        assertEquals(44, moved.to());
        assertTrue(moved.evidence().contains("0.60 → 0.82"), moved.evidence());
        assertFalse(TrackEvidence.moved(Motion.RIGHT_TO_LEFT, LEAVES_RIGHT).isPresent());
        assertFalse(TrackEvidence.moved(Motion.CROSSING, LEAVES_RIGHT).isPresent(), "0.22 of the frame is no crossing");
        assertFalse(TrackEvidence.moved(Motion.STOPPED, LEAVES_RIGHT).isPresent());
    }

    @Test
    void aSmallSidewaysShiftIsNoDirection() {
        ObjectTrack shuffle = track("person", 0.2f, 0.8f, new double[] {0, 0.50, 0.5}, new double[] {6, 0.55, 0.5});
        assertFalse(TrackEvidence.moved(Motion.LEFT_TO_RIGHT, shuffle).isPresent());
        ObjectTrack down = track("person", 0.1f, 0.3f, new double[] {0, 0.50, 0.2}, new double[] {6, 0.62, 0.6});
        assertFalse(TrackEvidence.moved(Motion.LEFT_TO_RIGHT, down).isPresent(), "more down than sideways");
        assertTrue(TrackEvidence.moved(Motion.CROSSING, down).isPresent(), "0.40 down the frame is crossing");
    }

    @Test
    void stoppedAndLoiteringByDisplacementAndDwell() {
        ObjectTrack parked = track("car", 0.1f, 0.08f, new double[] {0, 0.46, 0.34}, new double[] {6, 0.46, 0.34},
                new double[] {15, 0.46, 0.34}, new double[] {24, 0.47, 0.34});
        assertTrue(TrackEvidence.moved(Motion.STOPPED, parked).isPresent());
        assertFalse(TrackEvidence.moved(Motion.LOITERING, parked).isPresent(), "24 s is under 30 s");
        ObjectTrack once = track("car", 0.1f, 0.08f, new double[] {0, 0.46, 0.34});
        assertFalse(TrackEvidence.moved(Motion.STOPPED, once).isPresent(), "seen once: not known to be stopped");
        ObjectTrack lingering = track("person", 0.2f, 0.85f, new double[] {0, 0.12, 0.44}, new double[] {36, 0.12, 0.44});
        assertTrue(TrackEvidence.moved(Motion.LOITERING, lingering).orElseThrow().evidence().contains("stayed 36 s"));
    }

    @Test
    void speedIsInTheObjectsOwnSizePerSecond() {
        // 0.5 of the frame in 1 s for a box 0.2 high: 2.5 sizes a second
        ObjectTrack runner = track("person", 0.08f, 0.2f, new double[] {0, 0.2, 0.5}, new double[] {1, 0.7, 0.5});
        assertTrue(TrackEvidence.moved(Motion.RUNNING, runner).isPresent());
        assertFalse(TrackEvidence.moved(Motion.WALKING, runner).isPresent());
        ObjectTrack walker = track("person", 0.08f, 0.2f, new double[] {0, 0.2, 0.5}, new double[] {6, 0.5, 0.5});
        assertTrue(TrackEvidence.moved(Motion.WALKING, walker).isPresent(), "0.25 sizes a second");
        assertFalse(TrackEvidence.moved(Motion.RUNNING, walker).isPresent());
    }

    @Test
    void towardsTheCameraByGrowingAndEnteringFromTheEdge() {
        List<ObjectTrack.Point> path = List.of(new ObjectTrack.Point(0, new NormalisedBox(0.45f, 0.30f, 0.50f, 0.40f)),
                new ObjectTrack.Point(6, new NormalisedBox(0.40f, 0.40f, 0.55f, 0.70f)));
        ObjectTrack coming = new ObjectTrack("car", "white", path, ObjectTrack.Direction.DOWN);
        assertTrue(TrackEvidence.moved(Motion.TOWARD_CAMERA, coming).isPresent());
        assertFalse(TrackEvidence.moved(Motion.AWAY_FROM_CAMERA, coming).isPresent());
        ObjectTrack entering = track("car", 0.1f, 0.1f, new double[] {0, 0.04, 0.5}, new double[] {6, 0.4, 0.5});
        assertTrue(TrackEvidence.moved(Motion.ENTERING, entering).isPresent());
        assertFalse(TrackEvidence.moved(Motion.LEAVING, entering).isPresent());
    }

    @Test
    void theGapBetweenBoxesIsZeroWhenTheyTouch() {
        assertEquals(0, RelationEvidence.gap(new NormalisedBox(0.1f, 0.1f, 0.3f, 0.9f), new NormalisedBox(0.25f, 0.2f, 0.4f, 0.8f)));
        assertEquals(0.1, RelationEvidence.gap(new NormalisedBox(0.1f, 0.1f, 0.3f, 0.9f), new NormalisedBox(0.4f, 0.1f, 0.6f, 0.9f)), 1e-6);
    }
}
