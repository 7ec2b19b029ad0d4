package org.sightline.indexer.search;

import java.util.Arrays;

/**
 * How far a score stands out from the scores of one query's hits: robust deviations (the median absolute
 * deviation, scaled to a standard deviation) above their median. Unlike a cosine similarity it compares across
 * prompts and models.
 */
record StandOut(double median, double spread) {
    private static final double MAD_TO_SD = 1.4826;
    private static final double SMALLEST_SPREAD = 1e-4;

    static StandOut of(float[] scores) {
        if (scores.length == 0) {
            return new StandOut(0, 1);
        }
        float[] sorted = scores.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        float[] deviations = new float[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            deviations[i] = (float) Math.abs(sorted[i] - median);
        }
        Arrays.sort(deviations);
        return new StandOut(median, Math.max(SMALLEST_SPREAD, MAD_TO_SD * deviations[deviations.length / 2]));
    }

    double of(float score) {
        return (score - median) / spread;
    }
}
