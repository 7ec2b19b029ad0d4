package org.sightline.models.convert.tfjs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sightline.models.generate.OnnxGraph;
import org.sightline.models.generate.OnnxGraph.Attribute;
import org.sightline.models.generate.OnnxGraph.ElementType;
import org.sightline.models.generate.OnnxGraphWriter;

/**
 * Converts the part of a {@link TfjsGraphModel} that computes the requested outputs into an {@link OnnxGraph}
 * (operator set {@value #OPSET}), for the convolutional operators of published TensorFlow.js detectors.
 *
 * <p>Layout: TensorFlow.js graphs are NHWC; ONNX convolutions are NCHW. The graph input keeps its NHWC shape and
 * is transposed once at the start; every 4-D value inside the graph is NCHW; 4-D outputs are transposed back to
 * NHWC, so the ONNX model has the same inputs and outputs, with the same names and shapes, as the original.
 * Constants meeting a 4-D value in an element-wise operator are rearranged to broadcast the NCHW way.
 *
 * <p>Only nodes the requested outputs depend on are converted, so post-processing operators past them (such as
 * {@code TopKV2}) may stay unsupported. An unsupported operator or attribute stops the conversion with a
 * {@link TfjsConversionException} naming the node.
 */
public final class TfjsGraphConverter {
    /** The ONNX operator set the converted graphs use. */
    public static final long OPSET = 13;

    /** Operators the converter translates (besides {@code Const} and {@code Placeholder}). */
    public static final Set<String> SUPPORTED = Set.of("_FusedConv2D", "Conv2D", "FusedDepthwiseConv2dNative",
            "DepthwiseConv2dNative", "Relu", "Relu6", "LeakyRelu", "Sigmoid", "Tanh", "Identity", "Add", "AddV2", "Sub",
            "Mul", "RealDiv", "Maximum", "Minimum", "Mean", "ResizeBilinear", "ConcatV2", "MaxPool", "AvgPool", "Pad",
            "PadV2", "Reshape", "Transpose", "SplitV", "SparseToDense");

    private static final int[] NHWC_TO_NCHW_AXIS = {0, 2, 3, 1};

    /** How tensors are laid out in the ONNX graph. */
    public enum Layout {
        /**
         * The graph's NHWC image tensors become NCHW inside the ONNX graph (one transpose after the input, one
         * before each 4-D output): for graphs written in TensorFlow's NHWC (centernet, blazeface).
         */
        NCHW_INSIDE,
        /**
         * Every tensor keeps the layout the graph gives it; only the NHWC convolutions, pools and resizes are
         * wrapped in transposes (which ONNX Runtime cancels against the graph's own): for graphs exported from
         * ONNX by onnx-tf, full of their own {@code Transpose} nodes (nanodet). Shape arithmetic on constants is
         * folded.
         */
        AS_GIVEN
    }

    /** A value of the ONNX graph standing for a TensorFlow.js tensor; 4-D values marked {@code nchw} are transposed. */
    private record Value(String name, long[] shape, boolean nchw) {
    }

    private final TfjsGraphModel model;
    private final OnnxGraph graph;
    private final Map<String, Value> values = new HashMap<>();
    /** Constants computed from constants ({@link Layout#AS_GIVEN}: shape arithmetic). */
    private final Map<String, TfjsTensor> folded = new HashMap<>();
    private final Layout layout;
    private int counter;

    private TfjsGraphConverter(TfjsGraphModel model, String graphName, Layout layout) {
        this.model = model;
        this.graph = new OnnxGraph(graphName);
        this.layout = layout;
    }

    /**
     * Converts what {@code outputs} (TensorFlow.js node names) need into an ONNX graph whose outputs carry those
     * names, in that order.
     */
    public static OnnxGraph convert(TfjsGraphModel model, String graphName, List<String> outputs) {
        return convert(model, graphName, outputs, Layout.NCHW_INSIDE);
    }

    /** As {@link #convert(TfjsGraphModel, String, List)}, with the given layout. */
    public static OnnxGraph convert(TfjsGraphModel model, String graphName, List<String> outputs, Layout layout) {
        if (outputs.isEmpty()) {
            throw new IllegalArgumentException("no outputs asked for");
        }
        TfjsGraphConverter c = new TfjsGraphConverter(model, graphName, layout);
        for (TfjsNode node : c.order(outputs)) {
            c.convertNode(node);
            c.backToGivenLayout(node);
        }
        for (String out : outputs) {
            c.declareOutput(out);
        }
        return c.graph;
    }

    /**
     * Reads {@code modelJson}, converts what {@code outputs} need, and writes the ONNX model to {@code onnxFile}.
     */
    public static void convert(Path modelJson, List<String> outputs, Path onnxFile) throws IOException {
        convert(modelJson, outputs, Layout.NCHW_INSIDE, onnxFile);
    }

    /** As {@link #convert(Path, List, Path)}, with the given layout. */
    public static void convert(Path modelJson, List<String> outputs, Layout layout, Path onnxFile) throws IOException {
        TfjsGraphModel model = TfjsGraphModel.read(modelJson);
        String name = modelJson.getFileName().toString().replaceFirst("\\.json$", "");
        OnnxGraph graph = convert(model, name, outputs, layout);
        new OnnxGraphWriter("sightline-tfjs-converter", "1", Map.of("", OPSET)).write(graph, onnxFile);
    }

    // ---- graph walk

    /** The nodes the outputs depend on, each after its inputs. */
    private List<TfjsNode> order(List<String> outputs) {
        LinkedHashSet<String> done = new LinkedHashSet<>();
        Set<String> entered = new HashSet<>();
        Deque<String[]> stack = new ArrayDeque<>();
        for (String out : outputs) {
            stack.push(new String[] {producer(out)});
            while (!stack.isEmpty()) {
                String name = stack.peek()[0];
                if (done.contains(name)) {
                    stack.pop();
                    continue;
                }
                TfjsNode node = model.node(name);
                if (entered.add(name)) {
                    for (String in : node.inputs()) {
                        String dep = producer(in);
                        if (!done.contains(dep)) {
                            if (entered.contains(dep)) {
                                throw new TfjsConversionException(model.source() + ": the graph has a cycle through " + dep);
                            }
                            stack.push(new String[] {dep});
                        }
                    }
                } else {
                    stack.pop();
                    done.add(name);
                }
            }
        }
        return done.stream().map(model::node).toList();
    }

    /** The node producing {@code input} (any output index dropped). */
    private static String producer(String input) {
        int colon = input.lastIndexOf(':');
        return colon > 0 && input.substring(colon + 1).chars().allMatch(Character::isDigit) ? input.substring(0, colon) : input;
    }

    /** The value name of {@code input}: its node's name for a first output, {@code node:k} for a later one. */
    private static String nodeName(String input) {
        int colon = input.lastIndexOf(':');
        if (colon > 0 && input.substring(colon + 1).chars().allMatch(Character::isDigit)
                && input.substring(colon + 1).equals("0")) {
            return input.substring(0, colon);
        }
        return input;
    }

    /** {@link Layout#AS_GIVEN}: a node's NCHW result (a wrapped convolution, pool or resize) goes back to NHWC. */
    private void backToGivenLayout(TfjsNode node) {
        Value v = values.get(node.name());
        if (layout != Layout.AS_GIVEN || v == null || !v.nchw()) {
            return;
        }
        String nhwc = fresh(node.name() + "/nhwc");
        graph.node("Transpose", List.of(v.name()), List.of(nhwc), Attribute.ints("perm", 0, 2, 3, 1));
        long[] s = v.shape();
        values.put(node.name(), new Value(nhwc, new long[] {s[0], s[2], s[3], s[1]}, false));
    }

    private void convertNode(TfjsNode node) {
        switch (node.op()) {
            case "Const" -> {
                if (!model.constants().containsKey(node.name())) {
                    throw new TfjsConversionException(model.source() + ": constant " + node.name()
                            + " has no values in the weights manifest");
                }
            }
            case "Placeholder" -> placeholder(node);
            case "_FusedConv2D", "Conv2D" -> conv(node, false);
            case "FusedDepthwiseConv2dNative", "DepthwiseConv2dNative" -> conv(node, true);
            case "Relu", "Sigmoid", "Tanh", "Identity" -> unary(node, node.op());
            case "Relu6" -> relu6(node, dynamic(node, 0));
            case "LeakyRelu" -> {
                Value x = dynamic(node, 0);
                define(node, graph.node("LeakyRelu", List.of(x.name()), List.of(valueName(node)),
                        Attribute.of("alpha", node.real("alpha", 0.2f))), x.shape(), x.nchw());
            }
            case "Add", "AddV2" -> binary(node, "Add");
            case "Sub" -> binary(node, "Sub");
            case "Mul" -> binary(node, "Mul");
            case "RealDiv" -> binary(node, "Div");
            case "Maximum" -> binary(node, "Max");
            case "Minimum" -> binary(node, "Min");
            case "Mean" -> mean(node);
            case "ResizeBilinear" -> resizeBilinear(node);
            case "ConcatV2" -> concat(node);
            case "MaxPool" -> pool(node, "MaxPool");
            case "AvgPool" -> pool(node, "AveragePool");
            case "Pad", "PadV2" -> pad(node);
            case "Transpose" -> transpose(node);
            case "SplitV" -> split(node);
            case "SparseToDense" -> sparseToDense(node);
            case "Reshape" -> reshape(node);
            default -> throw new TfjsConversionException(model.source() + ": " + node + " uses operator " + node.op()
                    + ", which the converter does not support (supported: " + new java.util.TreeSet<>(SUPPORTED) + ")");
        }
    }

    // ---- inputs and outputs

    private void placeholder(TfjsNode node) {
        var dims = node.attrs().path("shape").path("shape").path("dim");
        long[] nhwc = new long[dims.size()];
        for (int i = 0; i < nhwc.length; i++) {
            nhwc[i] = dims.get(i).path("size").asLong(-1);
        }
        if (nhwc.length == 4 && nhwc[0] < 0) {
            nhwc[0] = 1;
        }
        if (nhwc.length != 4 || Arrays.stream(nhwc).anyMatch(d -> d <= 0)) {
            throw new TfjsConversionException(model.source() + ": input " + node.name() + " has shape "
                    + Arrays.toString(nhwc) + "; the converter needs a fixed 4-D NHWC image input");
        }
        String dtype = node.attrs().path("dtype").path("type").asText("DT_FLOAT");
        if (!"DT_FLOAT".equals(dtype)) {
            throw new TfjsConversionException(model.source() + ": input " + node.name() + " is " + dtype + ", not DT_FLOAT");
        }
        graph.input(node.name(), ElementType.FLOAT, nhwc[0], nhwc[1], nhwc[2], nhwc[3]);
        if (layout == Layout.AS_GIVEN) {
            values.put(node.name(), new Value(node.name(), nhwc, false));
            return;
        }
        String nchw = graph.node("Transpose", List.of(node.name()), List.of(valueName(node)), Attribute.ints("perm", 0, 3, 1, 2));
        values.put(node.name(), new Value(nchw, new long[] {nhwc[0], nhwc[3], nhwc[1], nhwc[2]}, true));
    }

    private void declareOutput(String output) {
        String name = nodeName(output);
        Value v = values.get(name);
        if (v == null) {
            throw new TfjsConversionException(model.source() + ": output " + output + " is a constant, not a computed value");
        }
        if (v.nchw()) {
            graph.node("Transpose", List.of(v.name()), List.of(name), Attribute.ints("perm", 0, 2, 3, 1));
            long[] s = v.shape();
            graph.output(name, ElementType.FLOAT, s[0], s[2], s[3], s[1]);
        } else {
            graph.node("Identity", List.of(v.name()), List.of(name));
            graph.output(name, ElementType.FLOAT, Arrays.stream(v.shape()).boxed().toArray());
        }
    }

    // ---- operators

    private void conv(TfjsNode node, boolean depthwise) {
        Value x = nchwInput(node);
        TfjsTensor filter = constant(node, 1);
        int[] f = filter.shape();
        if (f.length != 4) {
            throw new TfjsConversionException(model.source() + ": " + node + " has a filter of shape "
                    + Arrays.toString(f) + ", not 4-D");
        }
        int kh = f[0];
        int kw = f[1];
        int ci = f[2];
        int co = depthwise ? f[2] * f[3] : f[3];
        if (x.shape()[1] != ci) {
            throw new TfjsConversionException(model.source() + ": " + node + " expects " + ci + " input channels, gets "
                    + x.shape()[1]);
        }
        float[] src = filter.floats();
        float[] w = new float[src.length];
        long[] wShape;
        if (depthwise) {
            int m = f[3];
            for (int y = 0; y < kh; y++) {
                for (int xx = 0; xx < kw; xx++) {
                    for (int i = 0; i < ci; i++) {
                        for (int j = 0; j < m; j++) {
                            w[((i * m + j) * kh + y) * kw + xx] = src[((y * kw + xx) * ci + i) * m + j];
                        }
                    }
                }
            }
            wShape = new long[] {co, 1, kh, kw};
        } else {
            for (int y = 0; y < kh; y++) {
                for (int xx = 0; xx < kw; xx++) {
                    for (int i = 0; i < ci; i++) {
                        for (int o = 0; o < co; o++) {
                            w[((o * ci + i) * kh + y) * kw + xx] = src[((y * kw + xx) * ci + i) * co + o];
                        }
                    }
                }
            }
            wShape = new long[] {co, ci, kh, kw};
        }
        long[] strides = spatial(node, "strides");
        long[] dilations = node.integers("dilations").length == 0 ? new long[] {1, 1} : spatial(node, "dilations");
        long[][] geometry = window(node, x.shape(), new long[] {kh, kw}, strides, dilations);
        List<String> fused = node.strings("fused_ops");
        List<String> inputs = new ArrayList<>(List.of(x.name(), initializer(node.name() + "/filter", w, wShape)));
        int next = 0;
        if (!fused.isEmpty()) {
            if (!fused.getFirst().equals("BiasAdd")) {
                throw new TfjsConversionException(model.source() + ": " + node + " fuses " + fused
                        + "; only BiasAdd followed by an activation is supported");
            }
            TfjsTensor bias = constant(node, 2);
            if (bias.size() != co) {
                throw new TfjsConversionException(model.source() + ": " + node + " has " + bias.size()
                        + " biases for " + co + " output channels");
            }
            inputs.add(initializer(node.name() + "/bias", bias.floats(), co));
            next = 1;
        }
        long[] outShape = {x.shape()[0], co, geometry[0][0], geometry[0][1]};
        boolean activation = next < fused.size();
        String convOut = activation ? fresh(node.name() + "/conv") : valueName(node);
        graph.node("Conv", inputs, List.of(convOut),
                Attribute.ints("kernel_shape", kh, kw),
                Attribute.ints("strides", strides),
                Attribute.ints("dilations", dilations),
                Attribute.ints("pads", geometry[1]),
                Attribute.of("group", depthwise ? (long) ci : 1L));
        Value conv = new Value(convOut, outShape, true);
        if (!activation) {
            values.put(node.name(), conv);
            return;
        }
        if (fused.size() > next + 1) {
            throw new TfjsConversionException(model.source() + ": " + node + " fuses " + fused + "; at most one activation is supported");
        }
        switch (fused.get(next)) {
            case "Relu" -> define(node, graph.node("Relu", List.of(convOut), List.of(valueName(node))), outShape, true);
            case "Relu6" -> relu6(node, conv);
            case "LeakyRelu" -> define(node, graph.node("LeakyRelu", List.of(convOut), List.of(valueName(node)),
                    Attribute.of("alpha", node.real("leakyrelu_alpha", 0.2f))), outShape, true);
            default -> throw new TfjsConversionException(model.source() + ": " + node + " fuses activation "
                    + fused.get(next) + ", which the converter does not support");
        }
    }

    private void unary(TfjsNode node, String onnxOp) {
        Value x = dynamic(node, 0);
        define(node, graph.node(onnxOp, List.of(x.name()), List.of(valueName(node))), x.shape(), x.nchw());
    }

    private void relu6(TfjsNode node, Value x) {
        String lo = initializer(node.name() + "/min", new float[] {0f});
        String hi = initializer(node.name() + "/max", new float[] {6f});
        define(node, graph.node("Clip", List.of(x.name(), lo, hi), List.of(valueName(node))), x.shape(), x.nchw());
    }

    private void binary(TfjsNode node, String onnxOp) {
        if (node.inputs().size() != 2) {
            throw new TfjsConversionException(model.source() + ": " + node + " has " + node.inputs().size() + " inputs, not 2");
        }
        Value a = values.get(nodeName(node.inputs().get(0)));
        Value b = values.get(nodeName(node.inputs().get(1)));
        if (a == null && b == null) {
            fold(node);
            return;
        }
        boolean nchw = (a != null && a.nchw()) || (b != null && b.nchw());
        if (a != null && b != null && a.nchw() != b.nchw() && (a.nchw() ? b : a).shape().length > 0) {
            throw new TfjsConversionException(model.source() + ": " + node + " combines an image tensor with a computed tensor of shape "
                    + Arrays.toString((a.nchw() ? b : a).shape()) + ", which the converter cannot lay out");
        }
        if (a == null) {
            a = constantValue(node, 0, nchw);
        }
        if (b == null) {
            b = constantValue(node, 1, nchw);
        }
        define(node, graph.node(onnxOp, List.of(a.name(), b.name()), List.of(valueName(node))),
                broadcast(node, a.shape(), b.shape()), nchw);
    }

    private void mean(TfjsNode node) {
        Value x = dynamic(node, 0);
        int[] axes = constant(node, 1).asInts();
        boolean keep = node.bool("keep_dims", false);
        if (x.nchw() && !keep) {
            throw new TfjsConversionException(model.source() + ": " + node + " drops dimensions of an image tensor; only keep_dims=true is supported");
        }
        long[] shape = x.shape();
        long[] onnxAxes = new long[axes.length];
        for (int i = 0; i < axes.length; i++) {
            int a = axes[i] < 0 ? axes[i] + shape.length : axes[i];
            onnxAxes[i] = x.nchw() ? NHWC_TO_NCHW_AXIS[a] : a;
        }
        long[] out = shape.clone();
        for (long a : onnxAxes) {
            out[(int) a] = 1;
        }
        if (!keep) {
            Set<Long> dropped = new HashSet<>();
            for (long a : onnxAxes) {
                dropped.add(a);
            }
            long[] kept = new long[shape.length - dropped.size()];
            for (int i = 0, k = 0; i < shape.length; i++) {
                if (!dropped.contains((long) i)) {
                    kept[k++] = shape[i];
                }
            }
            out = kept;
        }
        define(node, graph.node("ReduceMean", List.of(x.name()), List.of(valueName(node)),
                Attribute.ints("axes", onnxAxes), Attribute.of("keepdims", keep ? 1L : 0L)), out, x.nchw());
    }

    private void resizeBilinear(TfjsNode node) {
        Value x = nchwInput(node);
        int[] size = constant(node, 1).asInts();
        if (size.length != 2) {
            throw new TfjsConversionException(model.source() + ": " + node + " has a size of " + size.length + " values, not 2");
        }
        boolean alignCorners = node.bool("align_corners", false);
        boolean halfPixel = node.bool("half_pixel_centers", false);
        String mode = alignCorners ? "align_corners" : halfPixel ? "half_pixel" : "asymmetric";
        long[] out = {x.shape()[0], x.shape()[1], size[0], size[1]};
        String sizes = initializer(node.name() + "/sizes", out, 4);
        define(node, graph.node("Resize", List.of(x.name(), "", "", sizes), List.of(valueName(node)),
                Attribute.of("mode", "linear"), Attribute.of("coordinate_transformation_mode", mode)), out, true);
    }

    private void concat(TfjsNode node) {
        int n = node.inputs().size() - 1;
        int axis = constant(node, n).asInts()[0];
        List<Value> parts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            parts.add(dynamic(node, i));
        }
        long[] shape = parts.getFirst().shape().clone();
        int a = axis < 0 ? axis + shape.length : axis;
        boolean nchw = parts.getFirst().nchw();
        int onnxAxis = nchw ? NHWC_TO_NCHW_AXIS[a] : a;
        for (Value p : parts.subList(1, parts.size())) {
            if (p.nchw() != nchw || p.shape().length != shape.length) {
                throw new TfjsConversionException(model.source() + ": " + node + " joins tensors of different ranks");
            }
            shape[onnxAxis] += p.shape()[onnxAxis];
        }
        define(node, graph.node("Concat", parts.stream().map(Value::name).toList(), List.of(valueName(node)),
                Attribute.of("axis", (long) onnxAxis)), shape, nchw);
    }

    private void pool(TfjsNode node, String onnxOp) {
        Value x = nchwInput(node);
        long[] kernel = spatial(node, "ksize");
        long[] strides = spatial(node, "strides");
        long[][] geometry = window(node, x.shape(), kernel, strides, new long[] {1, 1});
        long[] out = {x.shape()[0], x.shape()[1], geometry[0][0], geometry[0][1]};
        define(node, graph.node(onnxOp, List.of(x.name()), List.of(valueName(node)),
                Attribute.ints("kernel_shape", kernel), Attribute.ints("strides", strides),
                Attribute.ints("pads", geometry[1])), out, true);
    }

    /** {@code Pad} with zeros; the paddings (rows per NHWC axis: before, after) are rearranged for NCHW values. */
    private void pad(TfjsNode node) {
        Value x = dynamic(node, 0);
        int[] p = constant(node, 1).asInts();
        int rank = x.shape().length;
        if (p.length != 2 * rank) {
            throw new TfjsConversionException(model.source() + ": " + node + " has " + p.length / 2 + " padding rows for a rank-"
                    + rank + " tensor");
        }
        long[] pads = new long[2 * rank];
        long[] out = x.shape().clone();
        for (int a = 0; a < rank; a++) {
            int onnxAxis = x.nchw() ? NHWC_TO_NCHW_AXIS[a] : a;
            if (p[2 * a] < 0 || p[2 * a + 1] < 0) {
                throw new TfjsConversionException(model.source() + ": " + node + " has negative paddings " + Arrays.toString(p));
            }
            pads[onnxAxis] = p[2 * a];
            pads[rank + onnxAxis] = p[2 * a + 1];
            out[onnxAxis] += p[2 * a] + p[2 * a + 1];
        }
        String padsName = initializer(node.name() + "/pads", pads, pads.length);
        List<String> inputs = new ArrayList<>(List.of(x.name(), padsName));
        if (node.op().equals("PadV2")) {
            inputs.add(initializer(node.name() + "/value", new float[] {constant(node, 2).asFloats()[0]}));
        }
        define(node, graph.node("Pad", inputs, List.of(valueName(node)),
                Attribute.of("mode", "constant")), out, x.nchw());
    }

    /**
     * {@code Reshape} with a constant shape; an NCHW value is first transposed back to NHWC, so the elements are
     * read in TensorFlow's order. The result is a plain (not image) value.
     */
    private void reshape(TfjsNode node) {
        Value x = dynamic(node, 0);
        int[] target = constant(node, 1).asInts();
        String in = x.name();
        long[] inShape = x.shape();
        if (x.nchw()) {
            in = fresh(node.name() + "/nhwc");
            graph.node("Transpose", List.of(x.name()), List.of(in), Attribute.ints("perm", 0, 2, 3, 1));
            inShape = new long[] {inShape[0], inShape[2], inShape[3], inShape[1]};
        }
        long count = Arrays.stream(inShape).reduce(1, Math::multiplyExact);
        long[] out = new long[target.length];
        int free = -1;
        long known = 1;
        for (int i = 0; i < target.length; i++) {
            if (target[i] == -1 && free < 0) {
                free = i;
            } else if (target[i] <= 0) {
                throw new TfjsConversionException(model.source() + ": " + node + " reshapes to " + Arrays.toString(target)
                        + "; only positive sizes and one -1 are supported");
            } else {
                out[i] = target[i];
                known *= target[i];
            }
        }
        if (free >= 0) {
            out[free] = count / known;
            known *= out[free];
        }
        if (known != count) {
            throw new TfjsConversionException(model.source() + ": " + node + " reshapes " + count + " values of shape "
                    + Arrays.toString(inShape) + " to " + Arrays.toString(target));
        }
        String shape = initializer(node.name() + "/shape", out, out.length);
        define(node, graph.node("Reshape", List.of(in, shape), List.of(valueName(node))), out, false);
    }

    /** {@code Transpose} with a constant permutation ({@link Layout#AS_GIVEN} only: the graph's own layout changes). */
    private void transpose(TfjsNode node) {
        Value x = dynamic(node, 0);
        int[] perm = constant(node, 1).asInts();
        if (x.nchw() || perm.length != x.shape().length) {
            throw new TfjsConversionException(model.source() + ": " + node + " transposes a tensor of shape "
                    + Arrays.toString(x.shape()) + " by " + Arrays.toString(perm)
                    + (x.nchw() ? "; convert this graph with Layout.AS_GIVEN" : ""));
        }
        long[] out = new long[perm.length];
        long[] p = new long[perm.length];
        for (int i = 0; i < perm.length; i++) {
            out[i] = x.shape()[perm[i]];
            p[i] = perm[i];
        }
        define(node, graph.node("Transpose", List.of(x.name()), List.of(valueName(node)), Attribute.ints("perm", p)), out, false);
    }

    /** {@code SplitV} with constant sizes along a constant axis; output {@code k} is the value {@code node:k}. */
    private void split(TfjsNode node) {
        Value x = dynamic(node, 0);
        int[] sizes = constant(node, 1).asInts();
        int axis = constant(node, 2).asInts()[0];
        long[] shape = x.shape();
        int a = axis < 0 ? axis + shape.length : axis;
        int onnxAxis = x.nchw() ? NHWC_TO_NCHW_AXIS[a] : a;
        long total = 0;
        for (int size : sizes) {
            if (size < 0) {
                throw new TfjsConversionException(model.source() + ": " + node + " splits into sizes " + Arrays.toString(sizes)
                        + "; only explicit sizes are supported");
            }
            total += size;
        }
        if (total != shape[onnxAxis]) {
            throw new TfjsConversionException(model.source() + ": " + node + " splits " + shape[onnxAxis] + " into "
                    + Arrays.toString(sizes));
        }
        List<String> names = new ArrayList<>();
        for (int k = 0; k < sizes.length; k++) {
            names.add(k == 0 ? valueName(node) : valueName(node) + ":" + k);
        }
        long[] split = Arrays.stream(sizes).asLongStream().toArray();
        graph.node("Split", List.of(x.name(), initializer(node.name() + "/split", split, split.length)), names,
                Attribute.of("axis", (long) onnxAxis));
        for (int k = 0; k < sizes.length; k++) {
            long[] part = shape.clone();
            part[onnxAxis] = sizes[k];
            values.put(k == 0 ? node.name() : node.name() + ":" + k, new Value(names.get(k), part, x.nchw()));
        }
    }

    /** {@code SparseToDense} of constants with no indices (how onnx-tf writes a constant shape): the default everywhere. */
    private void sparseToDense(TfjsNode node) {
        TfjsTensor indices = constant(node, 0);
        int[] shape = constant(node, 1).asInts();
        TfjsTensor fill = constant(node, 3);
        if (indices.size() != 0 || fill.size() != 1) {
            throw new TfjsConversionException(model.source() + ": " + node + " scatters " + indices.size()
                    + " indices; only an empty scatter (a filled constant) is supported");
        }
        int n = TfjsTensor.count(shape);
        if (fill.kind() == TfjsTensor.Kind.INT) {
            int[] v = new int[n];
            Arrays.fill(v, fill.asInts()[0]);
            folded.put(node.name(), TfjsTensor.ofInts(node.name(), shape, v));
        } else {
            float[] v = new float[n];
            Arrays.fill(v, fill.asFloats()[0]);
            folded.put(node.name(), TfjsTensor.ofFloats(node.name(), shape, v));
        }
    }

    /** An element-wise operator on two constants (same shape, or one a single value), computed now. */
    private void fold(TfjsNode node) {
        TfjsTensor a = constant(node, 0);
        TfjsTensor b = constant(node, 1);
        if (a.size() != b.size() && a.size() != 1 && b.size() != 1) {
            throw new TfjsConversionException(model.source() + ": " + node + " combines constants of shapes "
                    + Arrays.toString(a.shape()) + " and " + Arrays.toString(b.shape()) + ", which the converter cannot fold");
        }
        int[] shape = a.size() >= b.size() ? a.shape() : b.shape();
        int n = Math.max(a.size(), b.size());
        String op = node.op();
        if (a.kind() == TfjsTensor.Kind.INT && b.kind() == TfjsTensor.Kind.INT) {
            int[] x = a.asInts();
            int[] y = b.asInts();
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                int p = x[x.length == 1 ? 0 : i];
                int q = y[y.length == 1 ? 0 : i];
                out[i] = switch (op) {
                    case "Add", "AddV2" -> Math.addExact(p, q);
                    case "Sub" -> Math.subtractExact(p, q);
                    case "Mul" -> Math.multiplyExact(p, q);
                    case "Maximum" -> Math.max(p, q);
                    case "Minimum" -> Math.min(p, q);
                    default -> throw new TfjsConversionException(model.source() + ": " + node + " cannot be folded on integers");
                };
            }
            folded.put(node.name(), TfjsTensor.ofInts(node.name(), shape, out));
        } else {
            float[] x = a.asFloats();
            float[] y = b.asFloats();
            float[] out = new float[n];
            for (int i = 0; i < n; i++) {
                float p = x[x.length == 1 ? 0 : i];
                float q = y[y.length == 1 ? 0 : i];
                out[i] = switch (op) {
                    case "Add", "AddV2" -> p + q;
                    case "Sub" -> p - q;
                    case "Mul" -> p * q;
                    case "RealDiv" -> p / q;
                    case "Maximum" -> Math.max(p, q);
                    case "Minimum" -> Math.min(p, q);
                    default -> throw new TfjsConversionException(model.source() + ": " + node + " cannot be folded");
                };
            }
            folded.put(node.name(), TfjsTensor.ofFloats(node.name(), shape, out));
        }
    }

    // ---- geometry

    /** Height/width of an NHWC attribute list such as strides {@code [1, sh, sw, 1]}. */
    private long[] spatial(TfjsNode node, String attr) {
        long[] v = node.integers(attr);
        if (v.length != 4 || v[0] != 1 || v[3] != 1) {
            throw new TfjsConversionException(model.source() + ": " + node + " has " + attr + " " + Arrays.toString(v)
                    + "; only NHWC [1, h, w, 1] is supported");
        }
        String format = node.string("data_format", "NHWC");
        if (!format.equals("NHWC")) {
            throw new TfjsConversionException(model.source() + ": " + node + " uses data_format " + format + ", not NHWC");
        }
        return new long[] {v[1], v[2]};
    }

    /** Output height/width and ONNX pads {@code [top, left, bottom, right]} for TensorFlow's SAME or VALID padding. */
    private long[][] window(TfjsNode node, long[] nchw, long[] kernel, long[] strides, long[] dilations) {
        String padding = node.string("padding", "VALID");
        long[] out = new long[2];
        long[] pads = new long[4];
        for (int d = 0; d < 2; d++) {
            long in = nchw[2 + d];
            long span = (kernel[d] - 1) * dilations[d] + 1;
            switch (padding) {
                case "SAME" -> {
                    out[d] = (in + strides[d] - 1) / strides[d];
                    long total = Math.max((out[d] - 1) * strides[d] + span - in, 0);
                    pads[d] = total / 2;
                    pads[d + 2] = total - total / 2;
                }
                case "VALID" -> out[d] = (in - span) / strides[d] + 1;
                default -> throw new TfjsConversionException(model.source() + ": " + node + " uses padding " + padding
                        + "; only SAME and VALID are supported");
            }
            if (out[d] <= 0) {
                throw new TfjsConversionException(model.source() + ": " + node + " leaves no output for an input of " + in);
            }
        }
        return new long[][] {out, pads};
    }

    private long[] broadcast(TfjsNode node, long[] a, long[] b) {
        int rank = Math.max(a.length, b.length);
        long[] out = new long[rank];
        for (int i = 0; i < rank; i++) {
            long da = i - (rank - a.length) >= 0 ? a[i - (rank - a.length)] : 1;
            long db = i - (rank - b.length) >= 0 ? b[i - (rank - b.length)] : 1;
            if (da != db && da != 1 && db != 1) {
                throw new TfjsConversionException(model.source() + ": " + node + " combines shapes "
                        + Arrays.toString(a) + " and " + Arrays.toString(b) + ", which do not broadcast");
            }
            out[i] = Math.max(da, db);
        }
        return out;
    }

    // ---- values

    private Value dynamic(TfjsNode node, int index) {
        if (index >= node.inputs().size()) {
            throw new TfjsConversionException(model.source() + ": " + node + " lacks input " + index);
        }
        String name = nodeName(node.inputs().get(index));
        Value v = values.get(name);
        if (v == null) {
            throw new TfjsConversionException(model.source() + ": " + node + " takes constant " + name
                    + " as input " + index + ", where the converter needs a computed value");
        }
        return v;
    }

    private Value nchwInput(TfjsNode node) {
        Value x = dynamic(node, 0);
        if (layout == Layout.AS_GIVEN && !x.nchw() && x.shape().length == 4) {
            String nchw = fresh(node.name() + "/nchw");
            graph.node("Transpose", List.of(x.name()), List.of(nchw), Attribute.ints("perm", 0, 3, 1, 2));
            long[] s = x.shape();
            return new Value(nchw, new long[] {s[0], s[3], s[1], s[2]}, true);
        }
        if (!x.nchw()) {
            throw new TfjsConversionException(model.source() + ": " + node + " needs a 4-D image tensor, gets shape "
                    + Arrays.toString(x.shape()));
        }
        return x;
    }

    private TfjsTensor constant(TfjsNode node, int index) {
        if (index >= node.inputs().size()) {
            throw new TfjsConversionException(model.source() + ": " + node + " lacks input " + index);
        }
        String name = nodeName(node.inputs().get(index));
        if (folded.containsKey(name)) {
            return folded.get(name);
        }
        TfjsTensor t = model.constants().get(name);
        if (t == null || !model.node(name).op().equals("Const")) {
            throw new TfjsConversionException(model.source() + ": " + node + " needs input " + index + " (" + name
                    + ") to be a constant");
        }
        return t;
    }

    /** A constant operand of an element-wise operator, rearranged to broadcast against NCHW values when needed. */
    private Value constantValue(TfjsNode node, int index, boolean nchw) {
        TfjsTensor c = constant(node, index);
        float[] v = c.asFloats();
        int[] s = c.shape();
        if (!nchw || s.length == 0 || c.size() == 1) {
            long[] shape = Arrays.stream(s).asLongStream().toArray();
            if (nchw && s.length > 0) {
                shape = new long[] {1};
            }
            return new Value(initializer(node.name() + "/operand", v, shape), shape, false);
        }
        if (s.length > 4) {
            throw new TfjsConversionException(model.source() + ": " + node + " combines an image tensor with a constant of rank " + s.length);
        }
        int[] nhwc = new int[4];
        Arrays.fill(nhwc, 1);
        System.arraycopy(s, 0, nhwc, 4 - s.length, s.length);
        long[] shape = {nhwc[0], nhwc[3], nhwc[1], nhwc[2]};
        float[] out = new float[v.length];
        for (int n = 0; n < nhwc[0]; n++) {
            for (int h = 0; h < nhwc[1]; h++) {
                for (int w = 0; w < nhwc[2]; w++) {
                    for (int ch = 0; ch < nhwc[3]; ch++) {
                        out[((n * nhwc[3] + ch) * nhwc[1] + h) * nhwc[2] + w] = v[((n * nhwc[1] + h) * nhwc[2] + w) * nhwc[3] + ch];
                    }
                }
            }
        }
        return new Value(initializer(node.name() + "/operand", out, shape), shape, true);
    }

    private String initializer(String base, float[] v, long... shape) {
        String name = fresh(base);
        graph.initializer(name, v, shape);
        return name;
    }

    private String initializer(String base, long[] v, long... shape) {
        String name = fresh(base);
        graph.initializer(name, v, shape);
        return name;
    }

    private void define(TfjsNode node, String onnxName, long[] shape, boolean nchw) {
        values.put(node.name(), new Value(onnxName, shape, nchw));
    }

    private String valueName(TfjsNode node) {
        return "tfjs:" + node.name();
    }

    private String fresh(String base) {
        return "tfjs:" + base + "#" + counter++;
    }
}
