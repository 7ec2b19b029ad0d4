package org.sightline.models.perception.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DbPostProcessorTest {
    private final DbPostProcessor db = DbPostProcessor.paddleDefaults();

    @Test
    void aTextKernelBecomesAnEnlargedBoxInFramePixels() {
        int w = 40;
        int h = 20;
        float[] map = new float[w * h];
        fill(map, w, 10, 5, 29, 9, 0.9f); // a 20x5 kernel
        List<TextBox> boxes = db.boxes(map, w, h, 2.0, 2.0, 80, 40);
        assertEquals(1, boxes.size());
        TextBox b = boxes.getFirst();
        // unclip distance = 20*5*1.5 / (2*(20+5)) = 3 map pixels on every side, then x2 into the frame
        assertEquals(new TextBox(14, 4, 52, 22, 0.9f), b);
    }

    @Test
    void faintRegionsAndSpecksAreDroppedAndBoxesComeInReadingOrder() {
        int w = 60;
        int h = 30;
        float[] map = new float[w * h];
        fill(map, w, 30, 2, 50, 6, 0.95f);  // top right
        fill(map, w, 2, 3, 20, 7, 0.95f);   // top left, same line
        fill(map, w, 5, 15, 25, 19, 0.4f);  // above the pixel threshold, under the box threshold
        fill(map, w, 40, 20, 41, 21, 0.99f); // a 2x2 speck
        fill(map, w, 5, 24, 25, 28, 0.8f);  // second line
        List<TextBox> boxes = db.boxes(map, w, h, 1, 1, w, h);
        assertEquals(3, boxes.size(), boxes.toString());
        assertEquals(List.of(0, 0, 1), boxes.stream().map(b -> b.y() < 12 ? 0 : 1).toList());
        assertEquals(true, boxes.get(0).x() < boxes.get(1).x());
    }

    @Test
    void boxesAreClippedToTheFrame() {
        float[] map = new float[10 * 10];
        fill(map, 10, 0, 0, 9, 9, 1f);
        assertEquals(List.of(new TextBox(0, 0, 10, 10, 1f)), db.boxes(map, 10, 10, 1, 1, 10, 10));
    }

    private static void fill(float[] map, int w, int x0, int y0, int x1, int y1, float p) {
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                map[y * w + x] = p;
            }
        }
    }
}
