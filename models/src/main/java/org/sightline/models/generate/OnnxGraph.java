package org.sightline.models.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A small builder for an ONNX computation graph: named inputs and outputs with (partly symbolic) shapes,
 * initializers (weights) and operator nodes. {@link OnnxGraphWriter} turns it into an ONNX {@code ModelProto}.
 *
 * <pre>{@code
 * OnnxGraph g = new OnnxGraph("colours");
 * g.input("x", ElementType.FLOAT, "batch", 3);
 * g.initializer("w", new float[] {...}, 3, 11);
 * g.node("MatMul", List.of("x", "w"), List.of("y"));
 * g.output("y", ElementType.FLOAT, "batch", 11);
 * }</pre>
 *
 * <p>Not thread-safe; build on one thread, then write.
 */
public final class OnnxGraph {

    /** ONNX tensor element types (values of {@code TensorProto.DataType}). */
    public enum ElementType {
        FLOAT(1, 4), UINT8(2, 1), INT8(3, 1), INT32(6, 4), INT64(7, 8);

        final int code;
        final int bytes;

        ElementType(int code, int bytes) {
            this.code = code;
            this.bytes = bytes;
        }

        public int code() {
            return code;
        }
    }

    /** A graph input or output: name, element type, and dims that are each a {@link Long} size or a {@link String} symbol. */
    public record ValueInfo(String name, ElementType type, List<Object> dims) {
        public ValueInfo {
            Objects.requireNonNull(name);
            Objects.requireNonNull(type);
            dims = List.copyOf(dims);
            for (Object d : dims) {
                if (!(d instanceof Long) && !(d instanceof String)) {
                    throw new IllegalArgumentException("dimension of " + name + " must be a size or a symbol, got " + d);
                }
            }
        }
    }

    /** A constant tensor stored in the model, as little-endian raw bytes. */
    public record Initializer(String name, ElementType type, long[] dims, TensorData data) {
    }

    /** Where an initializer's values come from; written straight into the output without a second copy. */
    public sealed interface TensorData permits FloatData, LongData, ByteData {
        long byteLength();
    }

    public record FloatData(float[] values) implements TensorData {
        public long byteLength() {
            return 4L * values.length;
        }
    }

    public record LongData(long[] values) implements TensorData {
        public long byteLength() {
            return 8L * values.length;
        }
    }

    public record ByteData(byte[] values) implements TensorData {
        public long byteLength() {
            return values.length;
        }
    }

    /** One operator call. */
    public record Node(String opType, String name, List<String> inputs, List<String> outputs, List<Attribute> attributes, String domain) {
    }

    /** A node attribute; build with the static factories. */
    public record Attribute(String name, Kind kind, float f, long i, String s, float[] floats, long[] ints) {
        public enum Kind {
            FLOAT(1), INT(2), STRING(3), FLOATS(6), INTS(7);

            final int code;

            Kind(int code) {
                this.code = code;
            }
        }

        public static Attribute of(String name, float f) {
            return new Attribute(name, Kind.FLOAT, f, 0, null, null, null);
        }

        public static Attribute of(String name, long i) {
            return new Attribute(name, Kind.INT, 0, i, null, null, null);
        }

        public static Attribute of(String name, String s) {
            return new Attribute(name, Kind.STRING, 0, 0, s, null, null);
        }

        public static Attribute floats(String name, float... values) {
            return new Attribute(name, Kind.FLOATS, 0, 0, null, values.clone(), null);
        }

        public static Attribute ints(String name, long... values) {
            return new Attribute(name, Kind.INTS, 0, 0, null, null, values.clone());
        }
    }

    private final String name;
    private final List<ValueInfo> inputs = new ArrayList<>();
    private final List<ValueInfo> outputs = new ArrayList<>();
    private final List<Initializer> initializers = new ArrayList<>();
    private final List<Node> nodes = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private int nodeCounter;

    public OnnxGraph(String name) {
        this.name = Objects.requireNonNull(name);
    }

    public String name() {
        return name;
    }

    /** Declares a graph input; each dim is an {@code Integer}/{@code Long} size or a {@code String} symbol such as "batch". */
    public OnnxGraph input(String valueName, ElementType type, Object... dims) {
        defineValue(valueName);
        inputs.add(new ValueInfo(valueName, type, normalise(dims)));
        return this;
    }

    /** Declares a graph output (a value some node produces). */
    public OnnxGraph output(String valueName, ElementType type, Object... dims) {
        outputs.add(new ValueInfo(valueName, type, normalise(dims)));
        return this;
    }

    public OnnxGraph initializer(String valueName, float[] values, long... dims) {
        checkCount(valueName, values.length, dims);
        defineValue(valueName);
        initializers.add(new Initializer(valueName, ElementType.FLOAT, dims.clone(), new FloatData(values)));
        return this;
    }

    public OnnxGraph initializer(String valueName, long[] values, long... dims) {
        checkCount(valueName, values.length, dims);
        defineValue(valueName);
        initializers.add(new Initializer(valueName, ElementType.INT64, dims.clone(), new LongData(values)));
        return this;
    }

    /** An initializer of 8-bit values (INT8 or UINT8), e.g. quantised weights. */
    public OnnxGraph initializer(String valueName, ElementType byteType, byte[] values, long... dims) {
        if (byteType.bytes != 1) {
            throw new IllegalArgumentException(byteType + " is not an 8-bit type");
        }
        checkCount(valueName, values.length, dims);
        defineValue(valueName);
        initializers.add(new Initializer(valueName, byteType, dims.clone(), new ByteData(values)));
        return this;
    }

    /** Adds an operator of the default ONNX domain; returns the name of its first output. */
    public String node(String opType, List<String> nodeInputs, List<String> nodeOutputs, Attribute... attributes) {
        return node("", opType, nodeInputs, nodeOutputs, attributes);
    }

    /** Adds an operator of the given domain ("" is the default ONNX domain). */
    public String node(String domain, String opType, List<String> nodeInputs, List<String> nodeOutputs, Attribute... attributes) {
        if (nodeOutputs.isEmpty()) {
            throw new IllegalArgumentException(opType + " node needs at least one output");
        }
        for (String out : nodeOutputs) {
            defineValue(out);
        }
        nodes.add(new Node(opType, opType + "_" + nodeCounter++, List.copyOf(nodeInputs), List.copyOf(nodeOutputs),
                List.of(attributes), domain));
        return nodeOutputs.getFirst();
    }

    public List<ValueInfo> inputs() {
        return List.copyOf(inputs);
    }

    public List<ValueInfo> outputs() {
        return List.copyOf(outputs);
    }

    public List<Initializer> initializers() {
        return List.copyOf(initializers);
    }

    public List<Node> nodes() {
        return List.copyOf(nodes);
    }

    private void defineValue(String valueName) {
        if (!names.add(Objects.requireNonNull(valueName))) {
            throw new IllegalArgumentException("value " + valueName + " is defined twice in graph " + name);
        }
    }

    private static void checkCount(String valueName, int count, long[] dims) {
        long expected = Arrays.stream(dims).reduce(1, Math::multiplyExact);
        if (expected != count) {
            throw new IllegalArgumentException("initializer " + valueName + " has " + count + " values but dims "
                    + Arrays.toString(dims) + " need " + expected);
        }
    }

    private static List<Object> normalise(Object[] dims) {
        List<Object> out = new ArrayList<>(dims.length);
        for (Object d : dims) {
            out.add(d instanceof Integer i ? Long.valueOf(i) : d);
        }
        return out;
    }
}
