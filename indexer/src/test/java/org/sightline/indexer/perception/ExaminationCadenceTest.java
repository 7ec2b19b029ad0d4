package org.sightline.indexer.perception;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sightline.models.runtime.RgbFrame;

/**
 * Which frames are examined: one kept frame every 6 s in a still scene; every 2 s while something travels (at most 8
 * more a minute); not for something moving on the spot. Synthetic 256×144 grey frames (4×4 pixels a motion cell) with
 * a dark 16-pixel square.
 */
class ExaminationCadenceTest {
    private static RgbFrame frameWithSquareAt(int x) {
        int w = 256;
        int h = 144;
        byte[] rgb = new byte[3 * w * h];
        java.util.Arrays.fill(rgb, (byte) 128);
        if (x >= 0) {
            for (int y = 60; y < 76; y++) {
                for (int dx = 0; dx < 16; dx++) {
                    int p = 3 * (y * w + x + dx);
                    rgb[p] = rgb[p + 1] = rgb[p + 2] = 0;
                }
            }
        }
        return new RgbFrame(w, h, rgb);
    }

    /** Offsets examined over {@code seconds} samples one second apart; kept frames as the filter would keep them. */
    private static List<Integer> examined(ExaminationCadence cadence, int seconds, java.util.function.IntUnaryOperator squareAt,
            java.util.function.IntPredicate kept) {
        List<Integer> examined = new ArrayList<>();
        for (int t = 0; t < seconds; t++) {
            cadence.observe(frameWithSquareAt(squareAt.applyAsInt(t)));
            if (cadence.due(t, kept.test(t))) {
                cadence.examined(t);
                examined.add(t);
            }
        }
        return examined;
    }

    @Test
    void aStillSceneIsExaminedEverySixSecondsOfKeptFrames() {
        ExaminationCadence cadence = new ExaminationCadence(Examination.DEFAULT, true);
        assertEquals(List.of(0, 6, 12, 18), examined(cadence, 20, t -> -1, t -> true));
    }

    @Test
    void somethingTravellingIsExaminedEveryTwoSecondsWithinTheBudget() {
        ExaminationCadence cadence = new ExaminationCadence(Examination.DEFAULT, true);
        // two cells a second to the right; only the first frame kept, so every other examination is for motion
        assertEquals(List.of(0, 2, 4, 6, 8, 10, 12, 14, 16), examined(cadence, 20, t -> 16 + 8 * t, t -> t == 0),
                "at most 8 more a minute");
        assertEquals(8, cadence.extraExamined());
    }

    @Test
    void movingOnTheSpotSpendsNoExtraExaminations() {
        ExaminationCadence cadence = new ExaminationCadence(Examination.DEFAULT, true);
        List<Integer> examined = examined(cadence, 20, t -> t % 2 == 0 ? 100 : 104, t -> t == 0);
        assertEquals(List.of(0), examined.stream().filter(t -> t > 3 || t == 0).toList(),
                "after its first moves, a square shaking on the spot moves where it already moved: " + examined);
    }

    @Test
    void notFollowingMotionKeepsTheStillCadence() {
        ExaminationCadence cadence = new ExaminationCadence(Examination.DEFAULT.withFollowMotion(false), true);
        assertEquals(List.of(0, 6, 12, 18), examined(cadence, 20, t -> 16 + 8 * t, t -> true));
        assertEquals(0, cadence.extraExamined());
    }
}
