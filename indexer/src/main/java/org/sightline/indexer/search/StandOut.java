package org.sightline.indexer.search;

import java.util.Arrays;

/**
 * How far a score stands out from the scores of one query's hits: deviations above their median, the deviation
 * being the median absolute deviation scaled to a standard deviation, or half the standard deviation when that is
 * larger (footage where most frames score alike, e.g. empty tarmac under a colour model, has a median absolute
 * deviation near zero, which would make every small difference look enormous). Unlike a cosine similarity it
 * compares across prompts and models.
 */
record StandOut(double median, double spread) {
    private static final double MAD_TO_SD = 1.4826;
    private static final double SMALLEST_SPREAD = 1e-3;

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
        double mean = 0;
        for (float x : sorted) {
            mean += x;
        }
        mean /= sorted.length;
        double variance = 0;
        for (float x : sorted) {
            variance += (x - mean) * (x - mean);
        }
        double sd = Math.sqrt(variance / sorted.length);
        return new StandOut(median, Math.max(SMALLEST_SPREAD, Math.max(MAD_TO_SD * deviations[deviations.length / 2], 0.5 * sd)));
    }

    double of(float score) {
        return (score - median) / spread;
    }
}
