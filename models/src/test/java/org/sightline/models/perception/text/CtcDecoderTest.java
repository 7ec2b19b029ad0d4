package org.sightline.models.perception.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.sightline.models.perception.CharacterList;
import org.sightline.models.perception.PerceptionManifest.CharacterSet;

class CtcDecoderTest {
    // classes: 0 blank, 1 'A', 2 'B', 3 '1', 4 space
    private final CtcDecoder decoder = new CtcDecoder(CharacterList.parse("A\nB\n1\n", new CharacterSet("keys.txt", true)));

    @Test
    void repeatsCollapseBlanksSeparateAndConfidenceIsTheMeanOfKeptSteps() {
        int[] best = {1, 1, 0, 1, 4, 2, 2, 3, 0};
        float[] probs = new float[best.length * 5];
        for (int t = 0; t < best.length; t++) {
            for (int c = 0; c < 5; c++) {
                probs[t * 5 + c] = c == best[t] ? 0.8f : 0.05f;
            }
        }
        probs[5 + 1] = 0.6f; // second step of the first 'A' is not counted again
        probs[0 * 5 + 1] = 1.0f;
        CtcDecoder.Decoded d = decoder.decode(probs, 0, best.length, 5);
        assertEquals("AA B1", d.text());
        assertEquals((1.0f + 0.8f * 4) / 5, d.confidence(), 1e-6);
    }

    @Test
    void theSecondSequenceOfABatchIsDecodedFromItsOwnRows() {
        float[] probs = new float[2 * 2 * 5];
        probs[0 * 5 + 1] = 1;
        probs[1 * 5 + 1] = 1;
        probs[2 * 5 + 2] = 1;
        probs[3 * 5 + 0] = 1;
        assertEquals("B", decoder.decode(probs, 1, 2, 5).text());
        assertEquals("", decoder.decode(new float[10], 0, 2, 5).text(), "all blank (ties go to the blank)");
    }

    @Test
    void aClassCountDifferentFromTheCharacterSetIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> decoder.decode(new float[12], 0, 2, 6));
    }
}
