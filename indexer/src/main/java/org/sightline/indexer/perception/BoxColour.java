package org.sightline.indexer.perception;

import org.sightline.models.generate.ColourVocabulary;
import org.sightline.models.perception.detect.NormalisedBox;
import org.sightline.models.runtime.RgbFrame;

/**
 * The dominant colour of the pixels inside a box, named from the project's colour vocabulary
 * ({@link ColourVocabulary#COLOURS}). Each pixel of the box's central part (the middle 60 % of its width and height,
 * where the object rather than the background is) votes for one colour by hue, saturation and brightness; the colour
 * with most votes wins if it has at least a quarter of them, otherwise there is none. Deterministic.
 */
public final class BoxColour {
    private static final float INNER = 0.6f;
    private static final float MIN_SHARE = 0.25f;
    private static final int MAX_SAMPLES_PER_SIDE = 48;

    private BoxColour() {
    }

    /** The dominant colour name, or null when no colour dominates or the box holds no pixel. */
    public static String of(RgbFrame frame, NormalisedBox box) {
        float cx = box.centreX();
        float cy = box.centreY();
        int x1 = clamp((int) Math.floor((cx - box.width() * INNER / 2) * frame.width()), frame.width());
        int x2 = clamp((int) Math.ceil((cx + box.width() * INNER / 2) * frame.width()), frame.width());
        int y1 = clamp((int) Math.floor((cy - box.height() * INNER / 2) * frame.height()), frame.height());
        int y2 = clamp((int) Math.ceil((cy + box.height() * INNER / 2) * frame.height()), frame.height());
        if (x2 <= x1 || y2 <= y1) {
            return null;
        }
        int stepX = Math.max(1, (x2 - x1) / MAX_SAMPLES_PER_SIDE);
        int stepY = Math.max(1, (y2 - y1) / MAX_SAMPLES_PER_SIDE);
        int[] votes = new int[ColourVocabulary.COLOURS.size()];
        int total = 0;
        byte[] rgb = frame.rgb();
        for (int y = y1; y < y2; y += stepY) {
            for (int x = x1; x < x2; x += stepX) {
                int i = (y * frame.width() + x) * 3;
                votes[colourOf(rgb[i] & 0xff, rgb[i + 1] & 0xff, rgb[i + 2] & 0xff)]++;
                total++;
            }
        }
        int best = 0;
        for (int c = 1; c < votes.length; c++) {
            if (votes[c] > votes[best]) {
                best = c;
            }
        }
        return total > 0 && votes[best] >= MIN_SHARE * total ? ColourVocabulary.COLOURS.get(best) : null;
    }

    /** Index into {@link ColourVocabulary#COLOURS} of one pixel's colour. */
    static int colourOf(int r, int g, int b) {
        int max = Math.max(r, Math.max(g, b));
        int min = Math.min(r, Math.min(g, b));
        float value = max / 255f;
        float saturation = max == 0 ? 0 : (max - min) / (float) max;
        if (value < 0.2f) {
            return index("black");
        }
        if (saturation < 0.2f || (max - min) < 25) {
            return value > 0.78f ? index("white") : value < 0.3f ? index("black") : index("grey");
        }
        float hue;
        if (max == r) {
            hue = 60f * (((g - b) / (float) (max - min)) % 6f);
        } else if (max == g) {
            hue = 60f * ((b - r) / (float) (max - min) + 2f);
        } else {
            hue = 60f * ((r - g) / (float) (max - min) + 4f);
        }
        if (hue < 0) {
            hue += 360f;
        }
        if (hue < 15 || hue >= 340) {
            return saturation < 0.5f && value > 0.7f ? index("pink") : index("red");
        }
        if (hue < 45) {
            return value < 0.6f ? index("brown") : index("orange");
        }
        if (hue < 70) {
            return value < 0.5f ? index("brown") : index("yellow");
        }
        if (hue < 170) {
            return index("green");
        }
        if (hue < 260) {
            return index("blue");
        }
        if (hue < 300) {
            return index("purple");
        }
        return index("pink");
    }

    private static int index(String colour) {
        return ColourVocabulary.COLOURS.indexOf(colour);
    }

    private static int clamp(int v, int max) {
        return Math.max(0, Math.min(max, v));
    }
}
