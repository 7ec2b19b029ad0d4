package org.sightline.models.perception.detect;

import java.util.Arrays;
import java.util.Objects;

/**
 * One output of a detector as the decoders read it: its name, its shape and its values as floats, in row-major
 * order (integer outputs such as class ids converted exactly for ids below 2^24).
 */
public record OutputTensor(String name, long[] shape, float[] values) {
    public OutputTensor {
        Objects.requireNonNull(name, "output name");
        shape = shape.clone();
        long count = Arrays.stream(shape).reduce(1, Math::multiplyExact);
        if (count != values.length) {
            throw new IllegalArgumentException("output " + name + " of shape " + Arrays.toString(shape) + " needs "
                    + count + " values, got " + values.length);
        }
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** Size of dimension {@code i}. */
    public long dim(int i) {
        return shape[i];
    }

    public int rank() {
        return shape.length;
    }

    /** The shape written as {@code [1, 84, 8400]}. */
    public String shapeText() {
        return Arrays.toString(shape);
    }

    /** The error for an output whose shape is not the one its decoding reads. */
    public DetectorOutputException wrongShape(String expected) {
        return new DetectorOutputException("output " + name + " has shape " + shapeText() + ", expected " + expected);
    }
}
