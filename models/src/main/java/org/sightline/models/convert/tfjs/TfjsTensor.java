package org.sightline.models.convert.tfjs;

import java.util.Arrays;
import java.util.Objects;

/**
 * A constant of a TensorFlow.js graph model, dequantised: floating-point weights as {@code float[]}, integer
 * constants (axes, sizes) as {@code int[]}. The shape is TensorFlow's (NHWC for images, HWIO for conv filters).
 */
public record TfjsTensor(String name, Kind kind, int[] shape, float[] floats, int[] ints) {

    /** How the values are held. */
    public enum Kind { FLOAT, INT }

    public TfjsTensor {
        Objects.requireNonNull(name);
        Objects.requireNonNull(kind);
        shape = shape.clone();
        if ((kind == Kind.FLOAT) != (floats != null) || (kind == Kind.INT) != (ints != null)) {
            throw new IllegalArgumentException("constant " + name + " of kind " + kind + " has the wrong value array");
        }
        int n = count(shape);
        int have = kind == Kind.FLOAT ? floats.length : ints.length;
        if (n != have) {
            throw new IllegalArgumentException("constant " + name + " has " + have + " values but shape "
                    + Arrays.toString(shape) + " needs " + n);
        }
    }

    public static TfjsTensor ofFloats(String name, int[] shape, float[] values) {
        return new TfjsTensor(name, Kind.FLOAT, shape, values, null);
    }

    public static TfjsTensor ofInts(String name, int[] shape, int[] values) {
        return new TfjsTensor(name, Kind.INT, shape, null, values);
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    public int size() {
        return count(shape);
    }

    /** The values as {@code float}s whatever the kind. */
    public float[] asFloats() {
        if (kind == Kind.FLOAT) {
            return floats.clone();
        }
        float[] out = new float[ints.length];
        for (int i = 0; i < ints.length; i++) {
            out[i] = ints[i];
        }
        return out;
    }

    /** The values as {@code int}s; fails for floating-point constants. */
    public int[] asInts() {
        if (kind != Kind.INT) {
            throw new TfjsConversionException("constant " + name + " holds floating-point values where integers are needed");
        }
        return ints.clone();
    }

    static int count(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }
}
