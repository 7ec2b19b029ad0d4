package org.sightline.indexer.footage;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KeyframeCadenceTest {

    @Test
    void oneSecondGopAtOneFrameASecondSwitchesToKeyframesAfterThreeIntervals() {
        KeyframeCadence c = new KeyframeCadence(1.0);
        c.keyframeAt(0.0);
        c.keyframeAt(1.0);
        c.keyframeAt(2.0);
        assertFalse(c.keyframesOnly());
        c.keyframeAt(3.0);
        assertTrue(c.keyframesOnly());
        assertTrue(c.everUsed());
    }

    @Test
    void sparseKeyframesNeverSwitch() {
        KeyframeCadence c = new KeyframeCadence(1.0);
        for (int i = 0; i < 10; i++) {
            c.keyframeAt(i * 2.0);
        }
        assertFalse(c.everUsed());
    }

    @Test
    void allIntraVideoGainsNothingAndNeverSwitches() {
        KeyframeCadence c = new KeyframeCadence(1.0);
        for (int i = 0; i < 100; i++) {
            c.keyframeAt(i / 25.0);
        }
        assertFalse(c.everUsed());
    }

    @Test
    void aLongerGopEndsKeyframeModeForTheRestOfTheFile() {
        KeyframeCadence c = new KeyframeCadence(1.0);
        for (int i = 0; i <= 4; i++) {
            c.keyframeAt(i);
        }
        assertTrue(c.keyframesOnly());
        c.keyframeAt(7.0);
        assertFalse(c.keyframesOnly());
        for (int i = 8; i < 20; i++) {
            c.keyframeAt(i);
        }
        assertFalse(c.keyframesOnly(), "once ruled out, full decoding stays");
        assertTrue(c.gapTolerance(0.1) >= 4.5, "the long interval is not reported as damage");
    }
}
