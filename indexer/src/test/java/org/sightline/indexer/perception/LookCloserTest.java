package org.sightline.indexer.perception;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sightline.models.perception.detect.Detection;
import org.sightline.models.perception.detect.NormalisedBox;
import org.sightline.models.runtime.RgbFrame;

/** Where {@link LookCloser} crops: around small motion no large box explains; never for large or explained motion. */
class LookCloserTest {
    /** A 256×144 grey frame with a dark rectangle (pixels), or none when {@code w} is 0. */
    private static RgbFrame frame(int x, int y, int w, int h) {
        byte[] rgb = new byte[3 * 256 * 144];
        java.util.Arrays.fill(rgb, (byte) 128);
        for (int yy = y; yy < y + h; yy++) {
            for (int xx = x; xx < x + w; xx++) {
                int p = 3 * (yy * 256 + xx);
                rgb[p] = rgb[p + 1] = rgb[p + 2] = 0;
            }
        }
        return new RgbFrame(256, 144, rgb);
    }

    private static MovingCells motion(RgbFrame before, RgbFrame now) {
        return MovingCells.between(MovingCells.thumbnail(before), MovingCells.thumbnail(now));
    }

    private final LookCloser closer = new LookCloser(LookCloser.Settings.DEFAULT);

    @Test
    void aSmallMovingThingGetsOneCropCentredOnIt() {
        MovingCells moving = motion(frame(180, 20, 12, 12), frame(192, 24, 12, 12));
        List<NormalisedBox> crops = closer.crops(moving, List.of());
        assertEquals(1, crops.size(), crops.toString());
        NormalisedBox crop = crops.getFirst();
        assertEquals(0.5f, crop.width(), 1e-6f);
        assertEquals(0.5f, crop.height(), 1e-6f);
        assertTrue(crop.x1() <= 180 / 256f && 204 / 256f <= crop.x2() && crop.y1() <= 20 / 144f && 36 / 144f <= crop.y2(), crop.toString());
    }

    @Test
    void motionInsideALargeDetectedBoxIsExplained() {
        MovingCells moving = motion(frame(180, 20, 12, 12), frame(192, 24, 12, 12));
        Detection car = new Detection("car", 2, 0.8f, new NormalisedBox(0.6f, 0.05f, 0.9f, 0.4f));
        assertEquals(List.of(), closer.crops(moving, List.of(car)));
        Detection small = new Detection("person", 0, 0.8f, new NormalisedBox(0.7f, 0.1f, 0.78f, 0.3f));
        assertEquals(1, closer.crops(moving, List.of(small)).size(), "a box narrower than a tenth of the frame explains nothing");
    }

    @Test
    void largeOrNoMotionIsTheWholeFramesBusiness() {
        assertEquals(List.of(), closer.crops(motion(frame(0, 0, 0, 0), frame(40, 20, 120, 100)), List.of()), "large");
        assertEquals(List.of(), closer.crops(motion(frame(10, 10, 8, 8), frame(10, 10, 8, 8)), List.of()), "still");
    }
}
