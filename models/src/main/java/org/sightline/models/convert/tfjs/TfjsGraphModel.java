package org.sightline.models.convert.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A TensorFlow.js graph model ({@code format: graph-model}) read from its {@code model.json} and the weight
 * files its {@code weightsManifest} names: the node list and every constant, dequantised to 32-bit values.
 *
 * <p>Quantised weights are expanded the way TensorFlow.js does it: {@code uint8}/{@code uint16} as
 * {@code min + q * scale} (integer constants rounded), {@code float16} as IEEE half precision.
 */
public final class TfjsGraphModel {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path source;
    private final Map<String, TfjsNode> nodes;
    private final Map<String, TfjsTensor> constants;

    private TfjsGraphModel(Path source, Map<String, TfjsNode> nodes, Map<String, TfjsTensor> constants) {
        this.source = source;
        this.nodes = Collections.unmodifiableMap(nodes);
        this.constants = Collections.unmodifiableMap(constants);
    }

    /**
     * Reads {@code modelJson} and the weight files beside it.
     *
     * @throws IOException a file cannot be read
     * @throws TfjsConversionException the files are not a graph model this reader understands
     */
    public static TfjsGraphModel read(Path modelJson) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(modelJson.toFile());
        } catch (IOException e) {
            throw new TfjsConversionException(modelJson + " is not readable JSON: " + e.getMessage(), e);
        }
        String format = root.path("format").asText("graph-model");
        if (!"graph-model".equals(format)) {
            throw new TfjsConversionException(modelJson + " is a TensorFlow.js '" + format + "', not a graph-model");
        }
        JsonNode nodeList = root.path("modelTopology").path("node");
        if (!nodeList.isArray() || nodeList.isEmpty()) {
            throw new TfjsConversionException(modelJson + " has no modelTopology.node list");
        }
        if (root.path("modelTopology").path("library").path("function").size() > 0) {
            throw new TfjsConversionException(modelJson + " uses graph functions (control flow), which the converter does not support");
        }
        Map<String, TfjsNode> nodes = new LinkedHashMap<>();
        for (JsonNode n : nodeList) {
            TfjsNode node = TfjsNode.of(n);
            if (nodes.put(node.name(), node) != null) {
                throw new TfjsConversionException(modelJson + " defines node " + node.name() + " twice");
            }
        }
        Map<String, TfjsTensor> constants = new LinkedHashMap<>();
        Path dir = modelJson.toAbsolutePath().getParent();
        for (JsonNode group : root.path("weightsManifest")) {
            ByteBuffer bytes = ByteBuffer.wrap(readGroup(dir, group)).order(ByteOrder.LITTLE_ENDIAN);
            for (JsonNode spec : group.path("weights")) {
                TfjsTensor t = readWeight(modelJson, spec, bytes);
                constants.put(t.name(), t);
            }
            if (bytes.hasRemaining()) {
                throw new TfjsConversionException(modelJson + ": the weight files " + group.path("paths") + " hold "
                        + bytes.remaining() + " bytes more than the manifest describes");
            }
        }
        return new TfjsGraphModel(modelJson, nodes, constants);
    }

    private static byte[] readGroup(Path dir, JsonNode group) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (JsonNode p : group.path("paths")) {
            Path file = dir.resolve(p.asText()).normalize();
            if (!file.startsWith(dir)) {
                throw new TfjsConversionException("weight path " + p.asText() + " points outside " + dir);
            }
            if (!Files.isRegularFile(file)) {
                throw new TfjsConversionException("weight file " + file + " named in the manifest is missing");
            }
            all.write(Files.readAllBytes(file));
        }
        return all.toByteArray();
    }

    private static TfjsTensor readWeight(Path modelJson, JsonNode spec, ByteBuffer bytes) {
        String name = spec.path("name").asText();
        String dtype = spec.path("dtype").asText();
        int[] shape = new int[spec.path("shape").size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = spec.path("shape").get(i).asInt();
        }
        int n = TfjsTensor.count(shape);
        JsonNode q = spec.path("quantization");
        String stored = q.isMissingNode() ? dtype : q.path("dtype").asText();
        int width = switch (stored) {
            case "float32", "int32" -> 4;
            case "float16", "uint16" -> 2;
            case "uint8", "bool" -> 1;
            default -> throw new TfjsConversionException(modelJson + ": weight " + name + " is stored as '" + stored
                    + "', which the converter does not read");
        };
        if (bytes.remaining() < (long) n * width) {
            throw new TfjsConversionException(modelJson + ": the weight files end inside weight " + name);
        }
        float[] values = new float[n];
        float scale = (float) q.path("scale").asDouble(1);
        float min = (float) q.path("min").asDouble(0);
        for (int i = 0; i < n; i++) {
            values[i] = switch (stored) {
                case "float32" -> bytes.getFloat();
                case "int32" -> bytes.getInt();
                case "float16" -> Float.float16ToFloat(bytes.getShort());
                case "uint16" -> min + (bytes.getShort() & 0xffff) * scale;
                case "uint8" -> min + (bytes.get() & 0xff) * scale;
                case "bool" -> bytes.get() != 0 ? 1 : 0;
                default -> throw new IllegalStateException(stored);
            };
        }
        return switch (dtype) {
            case "float32" -> TfjsTensor.ofFloats(name, shape, values);
            case "int32", "bool" -> {
                int[] ints = new int[n];
                for (int i = 0; i < n; i++) {
                    ints[i] = Math.round(values[i]);
                }
                yield TfjsTensor.ofInts(name, shape, ints);
            }
            default -> throw new TfjsConversionException(modelJson + ": weight " + name + " has dtype '" + dtype
                    + "', which the converter does not support");
        };
    }

    /** The {@code model.json} this was read from. */
    public Path source() {
        return source;
    }

    /** Nodes by name, in file order. */
    public Map<String, TfjsNode> nodes() {
        return nodes;
    }

    /** Dequantised constants by name. */
    public Map<String, TfjsTensor> constants() {
        return constants;
    }

    public TfjsNode node(String name) {
        TfjsNode n = nodes.get(name);
        if (n == null) {
            throw new TfjsConversionException(source + " has no node named " + name);
        }
        return n;
    }

    /** Names of the operators the graph uses, for messages. */
    public List<String> operators() {
        return nodes.values().stream().map(TfjsNode::op).distinct().sorted().toList();
    }
}
