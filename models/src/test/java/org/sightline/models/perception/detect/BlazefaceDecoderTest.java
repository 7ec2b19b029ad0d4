package org.sightline.models.perception.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Anchors and box decoding of BlazeFace as {@code @vladmandic/human} does them. */
class BlazefaceDecoderTest {

    @Test
    void a256PixelInputHas512FineAnd384CoarseAnchors() {
        BlazefaceDecoder d = new BlazefaceDecoder(256, 100);
        assertEquals(512, d.anchorCount(0));
        assertEquals(384, d.anchorCount(1));
    }

    @Test
    void aFaceIsItsAnchorPlusTheOffsetWithTheGivenSize() {
        BlazefaceDecoder d = new BlazefaceDecoder(256, 100);
        float[] fineScores = new float[512];
        float[] coarseScores = new float[384];
        Arrays.fill(fineScores, -10f);
        Arrays.fill(coarseScores, -10f);
        float[] fineBoxes = new float[512 * 16];
        float[] coarseBoxes = new float[384 * 16];
        // fine grid, stride 16, 2 anchors per cell: anchor 2 * (row 3 * 16 + column 5) + 1 sits at (88, 56)
        int a = 2 * (3 * 16 + 5) + 1;
        fineScores[a] = 2f;
        fineBoxes[a * 16] = 4f;
        fineBoxes[a * 16 + 1] = -6f;
        fineBoxes[a * 16 + 2] = 20f;
        fineBoxes[a * 16 + 3] = 30f;
        // coarse grid, stride 32, 6 anchors per cell: anchor 6 * (row 7 * 8 + column 0) sits at (16, 240), below threshold
        coarseScores[6 * 56] = -1f;
        List<CenternetDecoder.Peak> faces = d.decode(List.of(fineScores, coarseScores), List.of(fineBoxes, coarseBoxes), 0.5f);
        assertEquals(1, faces.size());
        CenternetDecoder.Peak p = faces.getFirst();
        assertEquals(1 / (1 + Math.exp(-2)), p.score(), 1e-6);
        assertEquals(88 + 4 - 10, p.x1(), 1e-4);
        assertEquals(56 - 6 - 15, p.y1(), 1e-4);
        assertEquals(88 + 4 + 10, p.x2(), 1e-4);
        assertEquals(56 - 6 + 15, p.y2(), 1e-4);
        assertEquals(2, d.decode(List.of(fineScores, coarseScores), List.of(fineBoxes, coarseBoxes), 0.2f).size());
    }

    @Test
    void outputsOfTheWrongSizeAreRefused() {
        BlazefaceDecoder d = new BlazefaceDecoder(256, 100);
        assertThrows(IllegalArgumentException.class, () -> d.decode(List.of(new float[10], new float[384]),
                List.of(new float[512 * 16], new float[384 * 16]), 0.5f));
    }
}
