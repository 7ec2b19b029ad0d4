package org.sightline.indexer.search.query;

import java.util.Locale;
import java.util.Optional;

/**
 * Matching of text searched for against text read from the picture, forgiving what OCR confuses: letters and digits
 * that look alike (O/0/D/Q, I/1/L, B/8, S/5, Z/2, G/6) count as one, spaces and punctuation are ignored, and one
 * further character may differ, be missing or be extra.
 */
public final class SceneText {
    private SceneText() {
    }

    /**
     * The text folded to one canonical character per look-alike group, upper case, letters and digits only.
     */
    public static String fold(String text) {
        StringBuilder s = new StringBuilder(text.length());
        for (char c : text.toUpperCase(Locale.ROOT).toCharArray()) {
            if (!Character.isLetterOrDigit(c)) {
                continue;
            }
            s.append(switch (c) {
                case 'O', 'D', 'Q' -> '0';
                case 'I', 'L', '|' -> '1';
                case 'B' -> '8';
                case 'S' -> '5';
                case 'Z' -> '2';
                case 'G' -> '6';
                default -> c;
            });
        }
        return s.toString();
    }

    /**
     * Whether {@code read} (text recognised in a frame) contains {@code wanted}, after {@link #fold folding}, with at
     * most one character different, missing or extra (none for wanted text of three characters or fewer).
     */
    public static boolean matches(String wanted, String read) {
        String w = fold(wanted);
        String r = fold(read);
        if (w.isEmpty()) {
            return false;
        }
        int allowed = w.length() <= 3 ? 0 : 1;
        return bestSubstringDistance(w, r) <= allowed;
    }

    /** How closely text read in a frame matches text searched for. */
    public enum Quality {
        /** the same letters and digits (spaces and punctuation aside) */
        EXACT(1.0),
        /** the same once look-alike characters count as one (B read as 8) */
        LOOK_ALIKE(0.9),
        /** one character different, missing or extra, after look-alikes */
        ONE_EDIT(0.7);

        private final double weight;

        Quality(double weight) {
            this.weight = weight;
        }

        /** How much a reading of this quality counts, 0 to 1 (multiplied with the reader's confidence). */
        public double weight() {
            return weight;
        }

        public String describe() {
            return switch (this) {
                case EXACT -> "exact";
                case LOOK_ALIKE -> "look-alike characters";
                case ONE_EDIT -> "one character off";
            };
        }
    }

    /** How {@code read} matches {@code wanted} ({@link #matches}), or empty when it does not. */
    public static Optional<Quality> match(String wanted, String read) {
        if (!matches(wanted, read)) {
            return Optional.empty();
        }
        String plainWanted = plain(wanted);
        if (!plainWanted.isEmpty() && plain(read).contains(plainWanted)) {
            return Optional.of(Quality.EXACT);
        }
        return Optional.of(bestSubstringDistance(fold(wanted), fold(read)) == 0 ? Quality.LOOK_ALIKE : Quality.ONE_EDIT);
    }

    private static String plain(String text) {
        StringBuilder s = new StringBuilder(text.length());
        for (char c : text.toUpperCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                s.append(c);
            }
        }
        return s.toString();
    }

    /** Smallest edit distance between {@code w} and any substring of {@code r} (Sellers' algorithm). */
    static int bestSubstringDistance(String w, String r) {
        int[] previous = new int[w.length() + 1];
        int[] current = new int[w.length() + 1];
        for (int i = 0; i <= w.length(); i++) {
            previous[i] = i;
        }
        int best = previous[w.length()];
        for (int j = 1; j <= r.length(); j++) {
            current[0] = 0;
            for (int i = 1; i <= w.length(); i++) {
                int substitute = previous[i - 1] + (w.charAt(i - 1) == r.charAt(j - 1) ? 0 : 1);
                current[i] = Math.min(substitute, Math.min(previous[i] + 1, current[i - 1] + 1));
            }
            best = Math.min(best, current[w.length()]);
            int[] t = previous;
            previous = current;
            current = t;
        }
        return best;
    }
}
