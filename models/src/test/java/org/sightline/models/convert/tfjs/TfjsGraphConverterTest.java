package org.sightline.models.convert.tfjs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.models.generate.OnnxGraph;
import org.sightline.models.perception.detect.PublishedDetector;
import org.sightline.models.testing.PublishedWeights;
import org.sightline.models.testing.SharedOrtEnvironment;

/**
 * The converter on a small graph model written here, with weights quantised three ways (uint8 filter, float16
 * bias, uint16 multiplier): ONNX Runtime's result equals a plain NHWC computation of the same graph. The
 * centernet parity with TensorFlow.js itself is {@code CenternetParityTest} (indexer, it needs footage frames).
 */
class TfjsGraphConverterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int H = 6;
    private static final int W = 6;
    private static final int C = 2;
    private static final int K = 3;
    private static final int O = 3;

    @TempDir
    Path dir;

    @Test
    void quantisedConvolutionGraphComputesWhatTensorFlowDefines() throws Exception {
        Random random = new Random(13);
        byte[] filterQ = new byte[K * K * C * O];
        random.nextBytes(filterQ);
        float filterScale = 0.05f;
        float filterMin = -3f;
        float[] bias = {0.5f, -1.25f, 2f};
        short[] mulQ = {100, 2000, (short) 65535};
        float mulScale = 0.001f;
        float mulMin = 0.5f;
        writeModel(filterQ, filterScale, filterMin, bias, mulQ, mulScale, mulMin);

        TfjsGraphModel model = TfjsGraphModel.read(dir.resolve("model.json"));
        float[] filter = model.constants().get("filter").floats();
        assertEquals(filterMin + (filterQ[7] & 0xff) * filterScale, filter[7], 1e-6f, "uint8 dequantisation");
        assertEquals(mulMin + 65535 * mulScale, model.constants().get("scale").floats()[2], 1e-3f, "uint16 dequantisation");
        assertEquals(-1.25f, model.constants().get("bias").floats()[1], 0f, "float16 dequantisation");

        Path onnx = dir.resolve("model.onnx");
        TfjsGraphConverter.convert(dir.resolve("model.json"), List.of("mean", "act"), onnx);

        float[] input = new float[H * W * C];
        for (int i = 0; i < input.length; i++) {
            input[i] = random.nextFloat() * 4 - 2;
        }
        float[] multipliers = model.constants().get("scale").floats();
        // NHWC reference: SAME padding, stride 2 on 6x6 gives 3x3 with one row/column of padding at the end
        float[][][] act = new float[3][3][O];
        float[] mean = new float[O];
        for (int oy = 0; oy < 3; oy++) {
            for (int ox = 0; ox < 3; ox++) {
                for (int o = 0; o < O; o++) {
                    float sum = bias[o];
                    for (int ky = 0; ky < K; ky++) {
                        for (int kx = 0; kx < K; kx++) {
                            int y = oy * 2 + ky;
                            int x = ox * 2 + kx;
                            if (y >= H || x >= W) {
                                continue;
                            }
                            for (int c = 0; c < C; c++) {
                                sum += input[(y * W + x) * C + c] * filter[((ky * K + kx) * C + c) * O + o];
                            }
                        }
                    }
                    act[oy][ox][o] = Math.min(6, Math.max(0, sum));
                    mean[o] += act[oy][ox][o] * multipliers[o] / 9;
                }
            }
        }
        OrtEnvironment env = SharedOrtEnvironment.get();
        try (OrtSession session = env.createSession(onnx.toString(), new OrtSession.SessionOptions());
             OnnxTensor in = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[] {1, H, W, C});
             OrtSession.Result result = session.run(Map.of("image", in))) {
            float[][][][] actual = (float[][][][]) result.get("act").orElseThrow().getValue();
            float[][][][] actualMean = (float[][][][]) result.get("mean").orElseThrow().getValue();
            for (int o = 0; o < O; o++) {
                assertEquals(mean[o], actualMean[0][0][0][o], 1e-4f, "mean of channel " + o);
                for (int y = 0; y < 3; y++) {
                    for (int x = 0; x < 3; x++) {
                        assertEquals(act[y][x][o], actual[0][y][x][o], 1e-4f, "activation at " + y + "," + x + "," + o);
                    }
                }
            }
        }
    }

    @Test
    void anUnsupportedOperatorIsNamedWithItsNode() throws Exception {
        TfjsGraphModel centernet = TfjsGraphModel.read(PublishedWeights.centernetModelJson());
        TfjsConversionException e = assertThrows(TfjsConversionException.class,
                () -> TfjsGraphConverter.convert(centernet, "centernet", List.of("tower_0/detections")));
        assertTrue(e.getMessage().contains("centernet.json") && e.getMessage().contains("which the converter does not support"),
                e.getMessage());
        OnnxGraph graph = TfjsGraphConverter.convert(centernet, "centernet", List.of("tower_0/keypoints", "tower_0/wh"));
        assertEquals(List.of(1L, 128L, 128L, 80L), graph.outputs().get(0).dims());
        assertEquals(List.of(1L, 512L, 512L, 3L), graph.inputs().get(0).dims());
    }

    @Test
    void conversionIsByteForByteRepeatable() throws Exception {
        Path json = PublishedWeights.centernetModelJson();
        Path first = dir.resolve("a.onnx");
        Path second = dir.resolve("b.onnx");
        TfjsGraphConverter.convert(json, PublishedDetector.CENTERNET.outputs(), first);
        TfjsGraphConverter.convert(json, PublishedDetector.CENTERNET.outputs(), second);
        assertEquals(-1L, Files.mismatch(first, second), "two conversions of centernet differ; a pinned SHA-256 could not hold");
    }

    @Test
    void aMissingWeightFileIsNamed() throws Exception {
        writeModel(new byte[K * K * C * O], 1, 0, new float[O], new short[O], 1, 0);
        Files.delete(dir.resolve("weights.bin"));
        TfjsConversionException e = assertThrows(TfjsConversionException.class, () -> TfjsGraphModel.read(dir.resolve("model.json")));
        assertTrue(e.getMessage().contains("weights.bin") && e.getMessage().contains("missing"), e.getMessage());
    }

    /**
     * Layout {@code AS_GIVEN} (onnx-tf exports): the graph's own transposes kept, a split's second output used, and a
     * reshape whose shape is constant arithmetic ending in an empty {@code SparseToDense}, folded at conversion.
     */
    @Test
    void aGraphInItsOwnLayoutKeepsItsTransposesSplitsAndFoldedShapes() throws Exception {
        ArrayNode nodes = JSON.createArrayNode();
        ObjectNode x = node(nodes, "x", "Placeholder");
        ObjectNode dims = JSON.createObjectNode();
        ArrayNode dim = dims.putArray("dim");
        for (int d : new int[] {1, 2, 3, 3}) {
            dim.addObject().put("size", String.valueOf(d));
        }
        x.putObject("attr").putObject("shape").set("shape", dims);
        for (String c : List.of("perm", "sizes", "axis", "base", "where", "dense_shape", "values", "zero")) {
            node(nodes, c, "Const");
        }
        node(nodes, "nhwc", "Transpose", "nhwc_input", "perm");
        node(nodes, "nhwc_input", "Identity", "x");
        node(nodes, "split", "SplitV", "nhwc", "sizes", "axis");
        node(nodes, "delta", "SparseToDense", "where", "dense_shape", "values", "zero");
        node(nodes, "shape", "AddV2", "base", "delta");
        node(nodes, "flat", "Reshape", "split:1", "shape");
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "graph-model");
        root.putObject("modelTopology").set("node", nodes);
        ObjectNode group = root.putArray("weightsManifest").addObject();
        group.putArray("paths").add("weights.bin");
        ArrayNode weights = group.putArray("weights");
        spec(weights, "perm", "int32", new int[] {4});
        spec(weights, "sizes", "int32", new int[] {2});
        spec(weights, "axis", "int32", new int[] {});
        spec(weights, "base", "int32", new int[] {2});
        spec(weights, "where", "int32", new int[] {0, 1});
        spec(weights, "dense_shape", "int32", new int[] {1});
        spec(weights, "values", "int32", new int[] {0});
        spec(weights, "zero", "int32", new int[] {});
        ByteBuffer b = ByteBuffer.allocate(4 * (4 + 2 + 1 + 2 + 1 + 1)).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0).putInt(2).putInt(3).putInt(1); // perm NCHW -> NHWC
        b.putInt(1).putInt(1); // split sizes
        b.putInt(3); // split axis (channels of NHWC)
        b.putInt(1).putInt(9); // base shape
        b.putInt(2); // dense shape: two zeros
        b.putInt(0); // default value
        Files.write(dir.resolve("weights.bin"), b.array());
        Files.writeString(dir.resolve("model.json"), JSON.writeValueAsString(root));

        Path onnx = dir.resolve("given.onnx");
        TfjsGraphConverter.convert(dir.resolve("model.json"), List.of("split", "flat"), TfjsGraphConverter.Layout.AS_GIVEN, onnx);
        float[] input = new float[2 * 3 * 3];
        for (int i = 0; i < input.length; i++) {
            input[i] = i;
        }
        OrtEnvironment env = SharedOrtEnvironment.get();
        try (OrtSession session = env.createSession(onnx.toString(), new OrtSession.SessionOptions());
             OnnxTensor in = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[] {1, 2, 3, 3});
             OrtSession.Result result = session.run(Map.of("x", in))) {
            float[][] flat = (float[][]) result.get("flat").orElseThrow().getValue();
            float[][][][] first = (float[][][][]) result.get("split").orElseThrow().getValue();
            for (int i = 0; i < 9; i++) {
                assertEquals(9 + i, flat[0][i], 0f, "the second channel, rows then columns");
                assertEquals(i, first[0][i / 3][i % 3][0], 0f, "the first channel, NHWC as the graph has it");
            }
        }
        assertThrows(TfjsConversionException.class, () -> TfjsGraphConverter.convert(TfjsGraphModel.read(dir.resolve("model.json")),
                "given", List.of("flat")), "the graph's own transpose cannot be laid out the NCHW way");
    }

    // ---- a tiny graph model: image -> _FusedConv2D(BiasAdd, Relu6) -> "act"; act * scale -> Mean(1,2) -> "mean"

    private void writeModel(byte[] filterQ, float filterScale, float filterMin, float[] bias, short[] mulQ,
                            float mulScale, float mulMin) throws Exception {
        ArrayNode nodes = JSON.createArrayNode();
        ObjectNode image = node(nodes, "image", "Placeholder");
        ObjectNode dims = JSON.createObjectNode();
        ArrayNode dim = dims.putArray("dim");
        for (int d : new int[] {-1, H, W, C}) {
            dim.addObject().put("size", String.valueOf(d));
        }
        ObjectNode imageAttr = image.putObject("attr");
        imageAttr.putObject("shape").set("shape", dims);
        imageAttr.putObject("dtype").put("type", "DT_FLOAT");
        for (String c : List.of("filter", "bias", "scale", "axes")) {
            node(nodes, c, "Const");
        }
        ObjectNode conv = node(nodes, "act", "_FusedConv2D", "image", "filter", "bias");
        ObjectNode attr = conv.putObject("attr");
        attr.putObject("strides").putObject("list").putArray("i").add("1").add("2").add("2").add("1");
        attr.putObject("padding").put("s", b64("SAME"));
        attr.putObject("data_format").put("s", b64("NHWC"));
        attr.putObject("fused_ops").putObject("list").putArray("s").add(b64("BiasAdd")).add(b64("Relu6"));
        node(nodes, "scaled", "Mul", "act", "scale");
        node(nodes, "mean", "Mean", "scaled", "axes").putObject("attr").putObject("keep_dims").put("b", true);

        ObjectNode root = JSON.createObjectNode();
        root.put("format", "graph-model");
        root.putObject("modelTopology").set("node", nodes);
        ObjectNode group = root.putArray("weightsManifest").addObject();
        group.putArray("paths").add("weights.bin");
        ArrayNode weights = group.putArray("weights");
        spec(weights, "filter", "float32", new int[] {K, K, C, O}).putObject("quantization")
                .put("dtype", "uint8").put("scale", filterScale).put("min", filterMin);
        spec(weights, "bias", "float32", new int[] {O}).putObject("quantization").put("dtype", "float16");
        spec(weights, "scale", "float32", new int[] {O}).putObject("quantization")
                .put("dtype", "uint16").put("scale", mulScale).put("min", mulMin);
        spec(weights, "axes", "int32", new int[] {2});
        ByteArrayOutputStream bin = new ByteArrayOutputStream();
        bin.write(filterQ);
        ByteBuffer b = ByteBuffer.allocate(2 * O + 2 * O + 8).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : bias) {
            b.putShort(Float.floatToFloat16(v));
        }
        for (short q : mulQ) {
            b.putShort(q);
        }
        b.putInt(1).putInt(2);
        bin.write(b.array());
        Files.write(dir.resolve("weights.bin"), bin.toByteArray());
        Files.writeString(dir.resolve("model.json"), JSON.writeValueAsString(root));
    }

    private static ObjectNode node(ArrayNode nodes, String name, String op, String... inputs) {
        ObjectNode n = nodes.addObject().put("name", name).put("op", op);
        ArrayNode in = n.putArray("input");
        for (String i : inputs) {
            in.add(i);
        }
        return n;
    }

    private static ObjectNode spec(ArrayNode weights, String name, String dtype, int[] shape) {
        ObjectNode s = weights.addObject().put("name", name).put("dtype", dtype);
        ArrayNode sh = s.putArray("shape");
        for (int d : shape) {
            sh.add(d);
        }
        return s;
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
