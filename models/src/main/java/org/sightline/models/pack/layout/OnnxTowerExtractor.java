package org.sightline.models.pack.layout;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Cuts one encoder out of a whole-model ONNX export (optimum's {@code model.onnx}, which takes both pixels and tokens):
 * keeps the named output, the nodes it depends on, and only the inputs and weights those nodes read. Everything else
 * in the model (opset imports, metadata, IR version) is copied byte for byte. Works on the serialised
 * {@code ModelProto} (field numbers of {@code onnx.proto}) without loading the model into a runtime.
 */
public final class OnnxTowerExtractor {
    // ModelProto.graph
    private static final int MODEL_GRAPH = 7;
    // GraphProto fields
    private static final int GRAPH_NODE = 1;
    private static final int GRAPH_INITIALIZER = 5;
    private static final int GRAPH_INPUT = 11;
    private static final int GRAPH_OUTPUT = 12;
    private static final int GRAPH_VALUE_INFO = 13;
    // NodeProto fields
    private static final int NODE_INPUT = 1;
    private static final int NODE_OUTPUT = 2;
    // TensorProto.name and ValueInfoProto.name
    private static final int TENSOR_NAME = 8;
    private static final int VALUE_INFO_NAME = 1;

    private OnnxTowerExtractor() {
    }

    /** One field of a graph: its number, its bytes (tag included) and the names it reads and defines. */
    private record Field(int number, byte[] raw, List<String> reads, List<String> defines) {
    }

    /**
     * The model reduced to what {@code output} needs.
     *
     * @throws IOException when the bytes are not an ONNX model or no node or input produces {@code output}
     */
    public static byte[] keepOnly(byte[] model, String output) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(model);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(model.length / 2 + 64);
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        boolean sawGraph = false;
        while (true) {
            int start = in.getTotalBytesRead();
            int tag = in.readTag();
            if (tag == 0) {
                break;
            }
            if (WireFormat.getTagFieldNumber(tag) == MODEL_GRAPH && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                byte[] graph = prune(in.readByteArray(), output);
                out.writeByteArray(MODEL_GRAPH, graph);
                sawGraph = true;
            } else {
                in.skipField(tag);
                out.writeRawBytes(model, start, in.getTotalBytesRead() - start);
            }
        }
        if (!sawGraph) {
            throw new IOException("not an ONNX model: no graph");
        }
        out.flush();
        return bytes.toByteArray();
    }

    private static byte[] prune(byte[] graph, String output) throws IOException {
        List<Field> fields = new ArrayList<>();
        CodedInputStream in = CodedInputStream.newInstance(graph);
        while (true) {
            int start = in.getTotalBytesRead();
            int tag = in.readTag();
            if (tag == 0) {
                break;
            }
            int number = WireFormat.getTagFieldNumber(tag);
            List<String> reads = List.of();
            List<String> defines = List.of();
            if (WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED
                    && (number == GRAPH_NODE || number == GRAPH_INITIALIZER || number == GRAPH_INPUT || number == GRAPH_OUTPUT
                    || number == GRAPH_VALUE_INFO)) {
                byte[] body = in.readByteArray();
                if (number == GRAPH_NODE) {
                    reads = strings(body, NODE_INPUT);
                    defines = strings(body, NODE_OUTPUT);
                } else {
                    defines = strings(body, number == GRAPH_INITIALIZER ? TENSOR_NAME : VALUE_INFO_NAME);
                }
            } else {
                in.skipField(tag);
            }
            byte[] raw = new byte[in.getTotalBytesRead() - start];
            System.arraycopy(graph, start, raw, 0, raw.length);
            fields.add(new Field(number, raw, reads, defines));
        }
        boolean declared = fields.stream().anyMatch(f -> f.number() == GRAPH_OUTPUT && f.defines().contains(output));
        if (!declared) {
            throw new IOException("the model has no output named " + output);
        }
        // nodes are stored in topological order: walking them backwards collects everything the output depends on
        Set<String> needed = new HashSet<>(Set.of(output));
        Set<Field> keptNodes = new HashSet<>();
        for (int i = fields.size() - 1; i >= 0; i--) {
            Field f = fields.get(i);
            if (f.number() == GRAPH_NODE && f.defines().stream().anyMatch(needed::contains)) {
                keptNodes.add(f);
                f.reads().stream().filter(s -> !s.isEmpty()).forEach(needed::add);
            }
        }
        ByteArrayOutputStream kept = new ByteArrayOutputStream(graph.length);
        for (Field f : fields) {
            boolean keep = switch (f.number()) {
                case GRAPH_NODE -> keptNodes.contains(f);
                case GRAPH_INITIALIZER, GRAPH_INPUT, GRAPH_VALUE_INFO -> f.defines().stream().anyMatch(needed::contains);
                case GRAPH_OUTPUT -> f.defines().contains(output);
                default -> true;
            };
            if (keep) {
                kept.write(f.raw());
            }
        }
        return kept.toByteArray();
    }

    /** The string values of a repeated string field of a message. */
    private static List<String> strings(byte[] message, int field) throws IOException {
        List<String> values = new ArrayList<>();
        CodedInputStream in = CodedInputStream.newInstance(message);
        while (true) {
            int tag = in.readTag();
            if (tag == 0) {
                break;
            }
            if (WireFormat.getTagFieldNumber(tag) == field && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                values.add(in.readStringRequireUtf8());
            } else {
                in.skipField(tag);
            }
        }
        return values;
    }
}
