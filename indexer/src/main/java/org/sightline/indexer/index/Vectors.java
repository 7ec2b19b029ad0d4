package org.sightline.indexer.index;

/** Small vector arithmetic for normalised embeddings. */
public final class Vectors {
    private Vectors() {
    }

    /** Scales {@code v} in place to unit length and returns it; a zero vector stays zero. */
    public static float[] normalise(float[] v) {
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        if (n > 0) {
            float inv = (float) (1 / Math.sqrt(n));
            for (int i = 0; i < v.length; i++) {
                v[i] *= inv;
            }
        }
        return v;
    }

    public static float dot(float[] a, float[] b) {
        float s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** The normalised mean of some vectors. */
    public static float[] mean(java.util.List<float[]> vectors) {
        float[] sum = new float[vectors.getFirst().length];
        for (float[] v : vectors) {
            for (int i = 0; i < v.length; i++) {
                sum[i] += v[i];
            }
        }
        return normalise(sum);
    }
}
