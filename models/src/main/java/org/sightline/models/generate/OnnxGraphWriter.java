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
import org.sightline.models.onnx.OnnxFields;
import org.sightline.models.onnx.OnnxFields.AttributeProto;
import org.sightline.models.onnx.OnnxFields.Dimension;
import org.sightline.models.onnx.OnnxFields.GraphProto;
import org.sightline.models.onnx.OnnxFields.ModelProto;
import org.sightline.models.onnx.OnnxFields.NodeProto;
import org.sightline.models.onnx.OnnxFields.OperatorSetIdProto;
import org.sightline.models.onnx.OnnxFields.TensorProto;
import org.sightline.models.onnx.OnnxFields.TensorShapeProto;
import org.sightline.models.onnx.OnnxFields.TypeProto;
import org.sightline.models.onnx.OnnxFields.TypeProtoTensor;
import org.sightline.models.onnx.OnnxFields.ValueInfoProto;

/**
 * Writes an {@link OnnxGraph} as an ONNX {@code ModelProto} with protobuf-java's {@link CodedOutputStream},
 * using the field numbers of {@code onnx.proto} from {@link OnnxFields} (no generated classes). Message sizes are computed
 * before writing, so initializers stream to the file without an extra copy; models up to 2 GB (the protobuf
 * limit) can be written with {@code raw_data}.
 *
 * <p>Output is deterministic: the same graph always gives the same bytes.
 */
public final class OnnxGraphWriter {

    /** IR version 8 (ONNX 1.10+); every ONNX Runtime release of recent years reads it. */
    public static final long IR_VERSION = 8;

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
        out.writeInt64(ModelProto.IR_VERSION, IR_VERSION);
        out.writeString(ModelProto.PRODUCER_NAME, producer);
        out.writeString(ModelProto.PRODUCER_VERSION, producerVersion);
        long graphSize = graphSize(graph);
        writeLengthDelimitedHeader(out, ModelProto.GRAPH, graphSize);
        writeGraph(out, graph);
        for (Map.Entry<String, Long> opset : opsets.entrySet()) {
            int size = CodedOutputStream.computeStringSize(OperatorSetIdProto.DOMAIN, opset.getKey())
                    + CodedOutputStream.computeInt64Size(OperatorSetIdProto.VERSION, opset.getValue());
            writeLengthDelimitedHeader(out, ModelProto.OPSET_IMPORT, size);
            out.writeString(OperatorSetIdProto.DOMAIN, opset.getKey());
            out.writeInt64(OperatorSetIdProto.VERSION, opset.getValue());
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
            size += nested(GraphProto.NODE, nodeSize(n));
        }
        size += CodedOutputStream.computeStringSize(GraphProto.NAME, g.name());
        for (Initializer t : g.initializers()) {
            size += nested(GraphProto.INITIALIZER, tensorSize(t));
        }
        for (ValueInfo v : g.inputs()) {
            size += nested(GraphProto.INPUT, valueInfoSize(v));
        }
        for (ValueInfo v : g.outputs()) {
            size += nested(GraphProto.OUTPUT, valueInfoSize(v));
        }
        return size;
    }

    private static void writeGraph(CodedOutputStream out, OnnxGraph g) throws IOException {
        for (Node n : g.nodes()) {
            writeLengthDelimitedHeader(out, GraphProto.NODE, nodeSize(n));
            writeNode(out, n);
        }
        out.writeString(GraphProto.NAME, g.name());
        for (Initializer t : g.initializers()) {
            writeLengthDelimitedHeader(out, GraphProto.INITIALIZER, tensorSize(t));
            writeTensor(out, t);
        }
        for (ValueInfo v : g.inputs()) {
            writeLengthDelimitedHeader(out, GraphProto.INPUT, valueInfoSize(v));
            writeValueInfo(out, v);
        }
        for (ValueInfo v : g.outputs()) {
            writeLengthDelimitedHeader(out, GraphProto.OUTPUT, valueInfoSize(v));
            writeValueInfo(out, v);
        }
    }

    // ---- NodeProto

    private static long nodeSize(Node n) {
        long size = 0;
        for (String in : n.inputs()) {
            size += CodedOutputStream.computeStringSize(NodeProto.INPUT, in);
        }
        for (String o : n.outputs()) {
            size += CodedOutputStream.computeStringSize(NodeProto.OUTPUT, o);
        }
        size += CodedOutputStream.computeStringSize(NodeProto.NAME, n.name());
        size += CodedOutputStream.computeStringSize(NodeProto.OP_TYPE, n.opType());
        for (Attribute a : n.attributes()) {
            size += nested(NodeProto.ATTRIBUTE, attributeSize(a));
        }
        if (!n.domain().isEmpty()) {
            size += CodedOutputStream.computeStringSize(NodeProto.DOMAIN, n.domain());
        }
        return size;
    }

    private static void writeNode(CodedOutputStream out, Node n) throws IOException {
        for (String in : n.inputs()) {
            out.writeString(NodeProto.INPUT, in);
        }
        for (String o : n.outputs()) {
            out.writeString(NodeProto.OUTPUT, o);
        }
        out.writeString(NodeProto.NAME, n.name());
        out.writeString(NodeProto.OP_TYPE, n.opType());
        for (Attribute a : n.attributes()) {
            writeLengthDelimitedHeader(out, NodeProto.ATTRIBUTE, attributeSize(a));
            writeAttribute(out, a);
        }
        if (!n.domain().isEmpty()) {
            out.writeString(NodeProto.DOMAIN, n.domain());
        }
    }

    // ---- AttributeProto (repeated scalars written unpacked, as proto2 onnx.proto declares them)

    private static long attributeSize(Attribute a) {
        long size = CodedOutputStream.computeStringSize(AttributeProto.NAME, a.name());
        size += switch (a.kind()) {
            case FLOAT -> CodedOutputStream.computeFloatSize(AttributeProto.F, a.f());
            case INT -> CodedOutputStream.computeInt64Size(AttributeProto.I, a.i());
            case STRING -> CodedOutputStream.computeStringSize(AttributeProto.S, a.s());
            case FLOATS -> (long) a.floats().length * CodedOutputStream.computeFloatSize(AttributeProto.FLOATS, 0f);
            case INTS -> {
                long s = 0;
                for (long v : a.ints()) {
                    s += CodedOutputStream.computeInt64Size(AttributeProto.INTS, v);
                }
                yield s;
            }
        };
        size += CodedOutputStream.computeEnumSize(AttributeProto.TYPE, a.kind().code);
        return size;
    }

    private static void writeAttribute(CodedOutputStream out, Attribute a) throws IOException {
        out.writeString(AttributeProto.NAME, a.name());
        switch (a.kind()) {
            case FLOAT -> out.writeFloat(AttributeProto.F, a.f());
            case INT -> out.writeInt64(AttributeProto.I, a.i());
            case STRING -> out.writeString(AttributeProto.S, a.s());
            case FLOATS -> {
                for (float v : a.floats()) {
                    out.writeFloat(AttributeProto.FLOATS, v);
                }
            }
            case INTS -> {
                for (long v : a.ints()) {
                    out.writeInt64(AttributeProto.INTS, v);
                }
            }
        }
        out.writeEnum(AttributeProto.TYPE, a.kind().code);
    }

    // ---- TensorProto

    private static long tensorSize(Initializer t) {
        long size = 0;
        for (long d : t.dims()) {
            size += CodedOutputStream.computeInt64Size(TensorProto.DIMS, d);
        }
        size += CodedOutputStream.computeInt32Size(TensorProto.DATA_TYPE, t.type().code());
        size += CodedOutputStream.computeStringSize(TensorProto.NAME, t.name());
        size += nested(TensorProto.RAW_DATA, t.data().byteLength());
        return size;
    }

    private static void writeTensor(CodedOutputStream out, Initializer t) throws IOException {
        for (long d : t.dims()) {
            out.writeInt64(TensorProto.DIMS, d);
        }
        out.writeInt32(TensorProto.DATA_TYPE, t.type().code());
        out.writeString(TensorProto.NAME, t.name());
        writeLengthDelimitedHeader(out, TensorProto.RAW_DATA, t.data().byteLength());
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
        return CodedOutputStream.computeStringSize(ValueInfoProto.NAME, v.name()) + nested(ValueInfoProto.TYPE, typeSize(v));
    }

    private static long typeSize(ValueInfo v) {
        return nested(TypeProto.TENSOR_TYPE, tensorTypeSize(v));
    }

    private static long tensorTypeSize(ValueInfo v) {
        return CodedOutputStream.computeInt32Size(TypeProtoTensor.ELEM_TYPE, v.type().code())
                + nested(TypeProtoTensor.SHAPE, shapeSize(v.dims()));
    }

    private static long shapeSize(List<Object> dims) {
        long size = 0;
        for (Object d : dims) {
            size += nested(TensorShapeProto.DIM, dimSize(d));
        }
        return size;
    }

    private static long dimSize(Object d) {
        return d instanceof Long value
                ? CodedOutputStream.computeInt64Size(Dimension.DIM_VALUE, value)
                : CodedOutputStream.computeStringSize(Dimension.DIM_PARAM, (String) d);
    }

    private static void writeValueInfo(CodedOutputStream out, ValueInfo v) throws IOException {
        out.writeString(ValueInfoProto.NAME, v.name());
        writeLengthDelimitedHeader(out, ValueInfoProto.TYPE, typeSize(v));
        writeLengthDelimitedHeader(out, TypeProto.TENSOR_TYPE, tensorTypeSize(v));
        out.writeInt32(TypeProtoTensor.ELEM_TYPE, v.type().code());
        writeLengthDelimitedHeader(out, TypeProtoTensor.SHAPE, shapeSize(v.dims()));
        for (Object d : v.dims()) {
            writeLengthDelimitedHeader(out, TensorShapeProto.DIM, dimSize(d));
            if (d instanceof Long value) {
                out.writeInt64(Dimension.DIM_VALUE, value);
            } else {
                out.writeString(Dimension.DIM_PARAM, (String) d);
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
