package org.sightline.models.perception.text;

import org.sightline.models.perception.CharacterList;

/**
 * Greedy CTC decoding: the most likely class at every time step, repeats collapsed, blanks (class 0) removed.
 * Thread-safe (immutable).
 */
public final class CtcDecoder {
    private final CharacterList characters;

    public CtcDecoder(CharacterList characters) {
        this.characters = characters;
    }

    /** Decoded text with the mean probability of the kept characters (0 when nothing is kept). */
    public record Decoded(String text, float confidence) {
    }

    /**
     * Decodes sequence {@code n} of {@code probs}, laid out [N, steps, classes].
     *
     * @throws IllegalArgumentException when {@code classes} differs from the character list's class count
     */
    public Decoded decode(float[] probs, int n, int steps, int classes) {
        if (classes != characters.classCount()) {
            throw new IllegalArgumentException("recogniser gives " + classes + " classes, the character set has " + characters.classCount());
        }
        StringBuilder text = new StringBuilder();
        double sum = 0;
        int kept = 0;
        int previous = -1;
        int base = n * steps * classes;
        for (int t = 0; t < steps; t++) {
            int row = base + t * classes;
            int best = 0;
            float bestP = probs[row];
            for (int c = 1; c < classes; c++) {
                if (probs[row + c] > bestP) {
                    bestP = probs[row + c];
                    best = c;
                }
            }
            if (best != 0 && best != previous) {
                text.append(characters.text(best));
                sum += bestP;
                kept++;
            }
            previous = best;
        }
        return new Decoded(text.toString(), kept == 0 ? 0f : (float) (sum / kept));
    }
}
