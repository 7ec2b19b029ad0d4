package org.sightline.models.generate;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.sightline.models.generate.OnnxGraph.Attribute;
import org.sightline.models.generate.OnnxGraph.ByteData;
import org.sightline.models.generate.OnnxGraph.FloatData;
import org.sightline.models.generate.OnnxGraph.Initializer;
import org.sightline.models.generate.OnnxGraph.LongData;
import org.sightline.models.generate.OnnxGraph.Node;
import org.sightline.models.generate.OnnxGraph.ValueInfo;

/**
 * Writes an {@link OnnxGraph} as an ONNX {@code ModelProto} with protobuf-java's {@link CodedOutputStream},
 * using the field numbers of {@code onnx.proto} directly (no generated classes). Message sizes are computed
 * before writing, so initializers stream to the file without an extra copy; models up to 2 GB (the protobuf
 * limit) can be written with {@code raw_data}.
 *
 * <p>Output is deterministic: the same graph always gives the same bytes.
 */
public final class OnnxGraphWriter {

    /** IR version 8 (ONNX 1.10+); every ONNX Runtime release of recent years reads it. */
    public static final long IR_VERSION = 8;

    // ModelProto
    private static final int MODEL_IR_VERSION = 1;
    private static final int MODEL_PRODUCER_NAME = 2;
    private static final int MODEL_PRODUCER_VERSION = 3;
    private static final int MODEL_GRAPH = 7;
    private static final int MODEL_OPSET_IMPORT = 8;
    // OperatorSetIdProto
    private static final int OPSET_DOMAIN = 1;
    private static final int OPSET_VERSION = 2;
    // GraphProto
    private static final int GRAPH_NODE = 1;
    private static final int GRAPH_NAME = 2;
    private static final int GRAPH_INITIALIZER = 5;
    private static final int GRAPH_INPUT = 11;
    private static final int GRAPH_OUTPUT = 12;
    // NodeProto
    private static final int NODE_INPUT = 1;
    private static final int NODE_OUTPUT = 2;
    private static final int NODE_NAME = 3;
    private static final int NODE_OP_TYPE = 4;
    private static final int NODE_ATTRIBUTE = 5;
    private static final int NODE_DOMAIN = 7;
    // AttributeProto
    private static final int ATTR_NAME = 1;
    private static final int ATTR_F = 2;
    private static final int ATTR_I = 3;
    private static final int ATTR_S = 4;
    private static final int ATTR_FLOATS = 7;
    private static final int ATTR_INTS = 8;
    private static final int ATTR_TYPE = 20;
    // TensorProto
    private static final int TENSOR_DIMS = 1;
    private static final int TENSOR_DATA_TYPE = 2;
    private static final int TENSOR_NAME = 8;
    private static final int TENSOR_RAW_DATA = 9;
    // ValueInfoProto / TypeProto / TypeProto.Tensor / TensorShapeProto / Dimension
    private static final int VALUE_INFO_NAME = 1;
    private static final int VALUE_INFO_TYPE = 2;
    private static final int TYPE_TENSOR_TYPE = 1;
    private static final int TENSOR_TYPE_ELEM_TYPE = 1;
    private static final int TENSOR_TYPE_SHAPE = 2;
    private static final int SHAPE_DIM = 1;
    private static final int DIM_VALUE = 1;
    private static final int DIM_PARAM = 2;

    private static final int CHUNK_VALUES = 1 << 14;

    private final String producer;
    private final String producerVersion;
    private final Map<String, Long> opsets;

    /**
     * @param producer        written to {@code producer_name}
     * @param producerVersion written to {@code producer_version}
     * @param opsets          operator set versions by domain, e.g. {@code Map.of("", 13L)}
     */
    public OnnxGraphWriter(String producer, String producerVersion, Map<String, Long> opsets) {
        this.producer = producer;
        this.producerVersion = producerVersion;
        this.opsets = new java.util.TreeMap<>(opsets);
    }

    /** Writes the model to {@code file} (replacing it). */
    public void write(OnnxGraph graph, Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            write(graph, out);
        }
    }

    /** Writes the model to a stream (not closed). */
    public void write(OnnxGraph graph, OutputStream stream) throws IOException {
        CodedOutputStream out = CodedOutputStream.newInstance(stream, 1 << 16);
        out.writeInt64(MODEL_IR_VERSION, IR_VERSION);
        out.writeString(MODEL_PRODUCER_NAME, producer);
        out.writeString(MODEL_PRODUCER_VERSION, producerVersion);
        long graphSize = graphSize(graph);
        writeLengthDelimitedHeader(out, MODEL_GRAPH, graphSize);
        writeGraph(out, graph);
        for (Map.Entry<String, Long> opset : opsets.entrySet()) {
            int size = CodedOutputStream.computeStringSize(OPSET_DOMAIN, opset.getKey())
                    + CodedOutputStream.computeInt64Size(OPSET_VERSION, opset.getValue());
            writeLengthDelimitedHeader(out, MODEL_OPSET_IMPORT, size);
            out.writeString(OPSET_DOMAIN, opset.getKey());
            out.writeInt64(OPSET_VERSION, opset.getValue());
        }
        out.flush();
    }

    /** The model as bytes (for small models and tests). */
    public byte[] toBytes(OnnxGraph graph) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        write(graph, bytes);
        return bytes.toByteArray();
    }

    // ---- GraphProto

    private static long graphSize(OnnxGraph g) {
        long size = 0;
        for (Node n : g.nodes()) {
            size += nested(GRAPH_NODE, nodeSize(n));
        }
        size += CodedOutputStream.computeStringSize(GRAPH_NAME, g.name());
        for (Initializer t : g.initializers()) {
            size += nested(GRAPH_INITIALIZER, tensorSize(t));
        }
        for (ValueInfo v : g.inputs()) {
            size += nested(GRAPH_INPUT, valueInfoSize(v));
        }
        for (ValueInfo v : g.outputs()) {
            size += nested(GRAPH_OUTPUT, valueInfoSize(v));
        }
        return size;
    }

    private static void writeGraph(CodedOutputStream out, OnnxGraph g) throws IOException {
        for (Node n : g.nodes()) {
            writeLengthDelimitedHeader(out, GRAPH_NODE, nodeSize(n));
            writeNode(out, n);
        }
        out.writeString(GRAPH_NAME, g.name());
        for (Initializer t : g.initializers()) {
            writeLengthDelimitedHeader(out, GRAPH_INITIALIZER, tensorSize(t));
            writeTensor(out, t);
        }
        for (ValueInfo v : g.inputs()) {
            writeLengthDelimitedHeader(out, GRAPH_INPUT, valueInfoSize(v));
            writeValueInfo(out, v);
        }
        for (ValueInfo v : g.outputs()) {
            writeLengthDelimitedHeader(out, GRAPH_OUTPUT, valueInfoSize(v));
            writeValueInfo(out, v);
        }
    }

    // ---- NodeProto

    private static long nodeSize(Node n) {
        long size = 0;
        for (String in : n.inputs()) {
            size += CodedOutputStream.computeStringSize(NODE_INPUT, in);
        }
        for (String o : n.outputs()) {
            size += CodedOutputStream.computeStringSize(NODE_OUTPUT, o);
        }
        size += CodedOutputStream.computeStringSize(NODE_NAME, n.name());
        size += CodedOutputStream.computeStringSize(NODE_OP_TYPE, n.opType());
        for (Attribute a : n.attributes()) {
            size += nested(NODE_ATTRIBUTE, attributeSize(a));
        }
        if (!n.domain().isEmpty()) {
            size += CodedOutputStream.computeStringSize(NODE_DOMAIN, n.domain());
        }
        return size;
    }

    private static void writeNode(CodedOutputStream out, Node n) throws IOException {
        for (String in : n.inputs()) {
            out.writeString(NODE_INPUT, in);
        }
        for (String o : n.outputs()) {
            out.writeString(NODE_OUTPUT, o);
        }
        out.writeString(NODE_NAME, n.name());
        out.writeString(NODE_OP_TYPE, n.opType());
        for (Attribute a : n.attributes()) {
            writeLengthDelimitedHeader(out, NODE_ATTRIBUTE, attributeSize(a));
            writeAttribute(out, a);
        }
        if (!n.domain().isEmpty()) {
            out.writeString(NODE_DOMAIN, n.domain());
        }
    }

    // ---- AttributeProto (repeated scalars written unpacked, as proto2 onnx.proto declares them)

    private static long attributeSize(Attribute a) {
        long size = CodedOutputStream.computeStringSize(ATTR_NAME, a.name());
        size += switch (a.kind()) {
            case FLOAT -> CodedOutputStream.computeFloatSize(ATTR_F, a.f());
            case INT -> CodedOutputStream.computeInt64Size(ATTR_I, a.i());
            case STRING -> CodedOutputStream.computeStringSize(ATTR_S, a.s());
            case FLOATS -> (long) a.floats().length * CodedOutputStream.computeFloatSize(ATTR_FLOATS, 0f);
            case INTS -> {
                long s = 0;
                for (long v : a.ints()) {
                    s += CodedOutputStream.computeInt64Size(ATTR_INTS, v);
                }
                yield s;
            }
        };
        size += CodedOutputStream.computeEnumSize(ATTR_TYPE, a.kind().code);
        return size;
    }

    private static void writeAttribute(CodedOutputStream out, Attribute a) throws IOException {
        out.writeString(ATTR_NAME, a.name());
        switch (a.kind()) {
            case FLOAT -> out.writeFloat(ATTR_F, a.f());
            case INT -> out.writeInt64(ATTR_I, a.i());
            case STRING -> out.writeString(ATTR_S, a.s());
            case FLOATS -> {
                for (float v : a.floats()) {
                    out.writeFloat(ATTR_FLOATS, v);
                }
            }
            case INTS -> {
                for (long v : a.ints()) {
                    out.writeInt64(ATTR_INTS, v);
                }
            }
        }
        out.writeEnum(ATTR_TYPE, a.kind().code);
    }

    // ---- TensorProto

    private static long tensorSize(Initializer t) {
        long size = 0;
        for (long d : t.dims()) {
            size += CodedOutputStream.computeInt64Size(TENSOR_DIMS, d);
        }
        size += CodedOutputStream.computeInt32Size(TENSOR_DATA_TYPE, t.type().code());
        size += CodedOutputStream.computeStringSize(TENSOR_NAME, t.name());
        size += nested(TENSOR_RAW_DATA, t.data().byteLength());
        return size;
    }

    private static void writeTensor(CodedOutputStream out, Initializer t) throws IOException {
        for (long d : t.dims()) {
            out.writeInt64(TENSOR_DIMS, d);
        }
        out.writeInt32(TENSOR_DATA_TYPE, t.type().code());
        out.writeString(TENSOR_NAME, t.name());
        writeLengthDelimitedHeader(out, TENSOR_RAW_DATA, t.data().byteLength());
        switch (t.data()) {
            case FloatData(float[] values) -> {
                ByteBuffer buf = ByteBuffer.allocate(4 * CHUNK_VALUES).order(ByteOrder.LITTLE_ENDIAN);
                for (int start = 0; start < values.length; start += CHUNK_VALUES) {
                    int n = Math.min(CHUNK_VALUES, values.length - start);
                    buf.clear();
                    buf.asFloatBuffer().put(values, start, n);
                    out.writeRawBytes(buf.array(), 0, 4 * n);
                }
            }
            case LongData(long[] values) -> {
                ByteBuffer buf = ByteBuffer.allocate(8 * CHUNK_VALUES).order(ByteOrder.LITTLE_ENDIAN);
                for (int start = 0; start < values.length; start += CHUNK_VALUES) {
                    int n = Math.min(CHUNK_VALUES, values.length - start);
                    buf.clear();
                    buf.asLongBuffer().put(values, start, n);
                    out.writeRawBytes(buf.array(), 0, 8 * n);
                }
            }
            case ByteData(byte[] values) -> out.writeRawBytes(values);
        }
    }

    // ---- ValueInfoProto -> TypeProto -> TypeProto.Tensor -> TensorShapeProto -> Dimension

    private static long valueInfoSize(ValueInfo v) {
        return CodedOutputStream.computeStringSize(VALUE_INFO_NAME, v.name()) + nested(VALUE_INFO_TYPE, typeSize(v));
    }

    private static long typeSize(ValueInfo v) {
        return nested(TYPE_TENSOR_TYPE, tensorTypeSize(v));
    }

    private static long tensorTypeSize(ValueInfo v) {
        return CodedOutputStream.computeInt32Size(TENSOR_TYPE_ELEM_TYPE, v.type().code()) + nested(TENSOR_TYPE_SHAPE, shapeSize(v.dims()));
    }

    private static long shapeSize(List<Object> dims) {
        long size = 0;
        for (Object d : dims) {
            size += nested(SHAPE_DIM, dimSize(d));
        }
        return size;
    }

    private static long dimSize(Object d) {
        return d instanceof Long value
                ? CodedOutputStream.computeInt64Size(DIM_VALUE, value)
                : CodedOutputStream.computeStringSize(DIM_PARAM, (String) d);
    }

    private static void writeValueInfo(CodedOutputStream out, ValueInfo v) throws IOException {
        out.writeString(VALUE_INFO_NAME, v.name());
        writeLengthDelimitedHeader(out, VALUE_INFO_TYPE, typeSize(v));
        writeLengthDelimitedHeader(out, TYPE_TENSOR_TYPE, tensorTypeSize(v));
        out.writeInt32(TENSOR_TYPE_ELEM_TYPE, v.type().code());
        writeLengthDelimitedHeader(out, TENSOR_TYPE_SHAPE, shapeSize(v.dims()));
        for (Object d : v.dims()) {
            writeLengthDelimitedHeader(out, SHAPE_DIM, dimSize(d));
            if (d instanceof Long value) {
                out.writeInt64(DIM_VALUE, value);
            } else {
                out.writeString(DIM_PARAM, (String) d);
            }
        }
    }

    // ---- helpers

    /** Size of a length-delimited field holding {@code payload} bytes, tag and length included. */
    private static long nested(int field, long payload) {
        return CodedOutputStream.computeTagSize(field) + CodedOutputStream.computeUInt64SizeNoTag(payload) + payload;
    }

    private static void writeLengthDelimitedHeader(CodedOutputStream out, int field, long length) throws IOException {
        if (length > Integer.MAX_VALUE) {
            throw new IOException("ONNX message part of " + length + " bytes exceeds the 2 GB protobuf limit");
        }
        out.writeTag(field, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        out.writeUInt32NoTag((int) length);
    }
}
