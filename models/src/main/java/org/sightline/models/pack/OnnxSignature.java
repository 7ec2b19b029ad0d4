package org.sightline.models.pack;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sightline.models.onnx.OnnxFields;
import org.sightline.models.onnx.OnnxFields.Dimension;
import org.sightline.models.onnx.OnnxFields.GraphProto;
import org.sightline.models.onnx.OnnxFields.ModelProto;
import org.sightline.models.onnx.OnnxFields.TensorProto;
import org.sightline.models.onnx.OnnxFields.TensorShapeProto;
import org.sightline.models.onnx.OnnxFields.TypeProto;
import org.sightline.models.onnx.OnnxFields.TypeProtoTensor;
import org.sightline.models.onnx.OnnxFields.ValueInfoProto;

/**
 * The inputs and outputs an ONNX model declares, read from the model file's own {@code ModelProto}
 * (field numbers of {@code onnx.proto}, from {@link OnnxFields}) without loading it into a runtime. Initializers listed as graph inputs
 * (older exports do this) are left out.
 *
 * @param irVersion ONNX IR version
 * @param inputs    graph inputs in declaration order
 * @param outputs   graph outputs in declaration order (ONNX Runtime returns outputs in this order)
 */
public record OnnxSignature(long irVersion, List<Tensor> inputs, List<Tensor> outputs) {

    /** A named tensor with its element type code and dims: each a {@link Long} size or a {@link String} symbol ("?" when unnamed). */
    public record Tensor(String name, int elementType, List<Object> dims) {
        /** The fixed size of dim {@code i}, or -1 when it is symbolic. */
        public long fixedDim(int i) {
            return dims.get(i) instanceof Long l ? l : -1;
        }

        public String describe() {
            return name + " " + dims.toString().replace(" ", "");
        }
    }

    public Optional<Tensor> input(String name) {
        return inputs.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public Optional<Tensor> output(String name) {
        return outputs.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public int outputIndex(String name) {
        for (int i = 0; i < outputs.size(); i++) {
            if (outputs.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Reads the signature of a serialised ONNX model.
     *
     * @throws IOException when the bytes are not an ONNX model (not a protobuf ModelProto, or no graph)
     */
    public static OnnxSignature read(byte[] model) throws IOException {
        try {
            CodedInputStream in = CodedInputStream.newInstance(model);
            long ir = -1;
            boolean hasGraph = false;
            boolean hasOpset = false;
            Parts parts = null;
            while (true) {
                int tag = in.readTag();
                if (tag == 0) {
                    break;
                }
                int field = WireFormat.getTagFieldNumber(tag);
                int wire = WireFormat.getTagWireType(tag);
                if (field == ModelProto.IR_VERSION && wire == WireFormat.WIRETYPE_VARINT) {
                    ir = in.readInt64();
                } else if (field == ModelProto.GRAPH && wire == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                    int limit = in.pushLimit(in.readRawVarint32());
                    parts = readGraph(in);
                    in.popLimit(limit);
                    hasGraph = true;
                } else if (field == ModelProto.OPSET_IMPORT && wire == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                    hasOpset = true;
                    in.skipField(tag);
                } else if (!in.skipField(tag)) {
                    break;
                }
            }
            if (ir <= 0 || !hasGraph || !hasOpset) {
                throw new IOException("not an ONNX model: " + (ir <= 0 ? "no IR version" : !hasGraph ? "no graph" : "no operator set"));
            }
            Parts graph = parts;
            List<Tensor> inputs = graph.inputs.stream().filter(t -> !graph.initializerNames.contains(t.name())).toList();
            if (inputs.isEmpty() || graph.outputs.isEmpty()) {
                throw new IOException("not an ONNX model: graph declares no " + (inputs.isEmpty() ? "inputs" : "outputs"));
            }
            return new OnnxSignature(ir, inputs, List.copyOf(graph.outputs));
        } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
            throw new IOException("not an ONNX model: " + e.getMessage(), e);
        }
    }

    private static final class Parts {
        final List<Tensor> inputs = new ArrayList<>();
        final List<Tensor> outputs = new ArrayList<>();
        final Set<String> initializerNames = new HashSet<>();
    }

    private static Parts readGraph(CodedInputStream in) throws IOException {
        Parts parts = new Parts();
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            int field = WireFormat.getTagFieldNumber(tag);
            int wire = WireFormat.getTagWireType(tag);
            if (wire == WireFormat.WIRETYPE_LENGTH_DELIMITED
                    && (field == GraphProto.INPUT || field == GraphProto.OUTPUT || field == GraphProto.INITIALIZER)) {
                int limit = in.pushLimit(in.readRawVarint32());
                if (field == GraphProto.INITIALIZER) {
                    parts.initializerNames.add(readTensorName(in));
                } else {
                    (field == GraphProto.INPUT ? parts.inputs : parts.outputs).add(readValueInfo(in));
                }
                in.skipRawBytes(in.getBytesUntilLimit());
                in.popLimit(limit);
            } else {
                in.skipField(tag);
            }
        }
        return parts;
    }

    private static String readTensorName(CodedInputStream in) throws IOException {
        String name = "";
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            if (is(tag, TensorProto.NAME, WireFormat.WIRETYPE_LENGTH_DELIMITED)) {
                name = in.readStringRequireUtf8();
            } else {
                in.skipField(tag);
            }
        }
        return name;
    }

    private static Tensor readValueInfo(CodedInputStream in) throws IOException {
        String name = "";
        int elemType = 0;
        List<Object> dims = new ArrayList<>();
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            if (is(tag, ValueInfoProto.NAME, WireFormat.WIRETYPE_LENGTH_DELIMITED)) {
                name = in.readStringRequireUtf8();
            } else if (is(tag, ValueInfoProto.TYPE, WireFormat.WIRETYPE_LENGTH_DELIMITED)) {
                int typeLimit = in.pushLimit(in.readRawVarint32());
                while (!in.isAtEnd()) {
                    int t = in.readTag();
                    if (is(t, TypeProto.TENSOR_TYPE, WireFormat.WIRETYPE_LENGTH_DELIMITED)) {
                        int tensorLimit = in.pushLimit(in.readRawVarint32());
                        while (!in.isAtEnd()) {
                            int tt = in.readTag();
                            if (is(tt, TypeProtoTensor.ELEM_TYPE, WireFormat.WIRETYPE_VARINT)) {
                                elemType = in.readInt32();
                            } else if (is(tt, TypeProtoTensor.SHAPE, WireFormat.WIRETYPE_LENGTH_DELIMITED)) {
                                int shapeLimit = in.pushLimit(in.readRawVarint32());
                                readDims(in, dims);
                                in.popLimit(shapeLimit);
                            } else {
                                in.skipField(tt);
                            }
                        }
                        in.popLimit(tensorLimit);
                    } else {
                        in.skipField(t);
                    }
                }
                in.popLimit(typeLimit);
            } else {
                in.skipField(tag);
            }
        }
        return new Tensor(name, elemType, List.copyOf(dims));
    }

    private static void readDims(CodedInputStream in, List<Object> dims) throws IOException {
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            if (is(tag, TensorShapeProto.DIM, WireFormat.WIRETYPE_LENGTH_DELIMITED)) {
                int dimLimit = in.pushLimit(in.readRawVarint32());
                Object dim = "?";
                while (!in.isAtEnd()) {
                    int t = in.readTag();
                    if (is(t, Dimension.DIM_VALUE, WireFormat.WIRETYPE_VARINT)) {
                        dim = in.readInt64();
                    } else if (is(t, Dimension.DIM_PARAM, WireFormat.WIRETYPE_LENGTH_DELIMITED)) {
                        dim = in.readStringRequireUtf8();
                    } else {
                        in.skipField(t);
                    }
                }
                in.popLimit(dimLimit);
                dims.add(dim);
            } else {
                in.skipField(tag);
            }
        }
    }

    /** Whether {@code tag} is field {@code field} with wire type {@code wireType}. */
    private static boolean is(int tag, int field, int wireType) {
        return WireFormat.getTagFieldNumber(tag) == field && WireFormat.getTagWireType(tag) == wireType;
    }
}
