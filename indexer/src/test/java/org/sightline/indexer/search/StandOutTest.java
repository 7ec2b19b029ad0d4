package org.sightline.indexer.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StandOutTest {
    @Test
    void placesAScoreInTheSpreadOfTheQuerysHits() {
        StandOut s = StandOut.of(new float[] {0.20f, 0.21f, 0.22f, 0.23f, 0.24f, 0.40f});
        assertEquals(0.23, s.median(), 1e-6);
        assertTrue(s.of(0.40f) > 4, "the outlier stands out: " + s.of(0.40f));
        assertTrue(Math.abs(s.of(0.22f)) < 1);
    }

    @Test
    void footageWhereMostFramesScoreAlikeDoesNotMakeTinyDifferencesHuge() {
        // most frames are the same empty tarmac: the median absolute deviation is zero
        float[] scores = new float[40];
        java.util.Arrays.fill(scores, 0.1f);
        scores[0] = 0.3f;
        scores[1] = 0.101f;
        StandOut s = StandOut.of(scores);
        assertTrue(s.of(0.101f) < 0.1, "a difference of 0.001 is not a standout: " + s.of(0.101f));
        assertTrue(s.of(0.3f) > 3, "the real outlier is: " + s.of(0.3f));
    }

    @Test
    void tiersFollowTheThresholds() {
        ExplainedSearch.Thresholds t = new ExplainedSearch.Thresholds(4, 2, 10);
        assertEquals(Tier.STRONG, t.tierOf(4.0));
        assertEquals(Tier.POSSIBLE, t.tierOf(2.5));
        assertEquals(Tier.MORE, t.tierOf(1.9));
        assertTrue(t.describe().contains("from 10 prompts"));
        assertTrue(new ExplainedSearch.Thresholds(3.5, 2, 0).describe().contains("fixed"));
    }
}
