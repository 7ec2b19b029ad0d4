package org.sightline.models.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sightline.models.generate.OnnxGraph.Attribute;
import org.sightline.models.generate.OnnxGraph.ElementType;

/**
 * Stand-in object detectors: small ONNX graphs, generated here, in the input and output layouts real exports use
 * (YOLOv5, YOLOv8/YOLO11, YOLOX raw and decoded, TensorFlow Object Detection API SSD with NMS, Caffe-style SSD
 * {@code DetectionOutput}), so Sightline's
 * decoding of those layouts can be checked on real footage without shipping third-party weights. They are
 * <b>not</b> trained models and find one thing only: the class {@value #CLASS_NAME}.
 *
 * <p>What they compute: per input pixel its redness {@code min(R − G, R − B)} (0–1); its mean over 8×8-pixel
 * cells; a cell is red by a steep sigmoid around {@value #RED_LEVEL}. A candidate's score is the red share of its
 * grid cell (strides 8, 16 and 32, as the real heads' levels); every candidate's box is the extent of the red
 * cells in the whole picture, so the boxes of one red object coincide and NMS keeps one.
 */
public final class StandInDetectors {
    /** The stand-ins' one class. */
    public static final String CLASS_NAME = "red object";
    /** Mean cell redness (0–1) at which a cell counts as half red. */
    public static final float RED_LEVEL = 0.18f;
    /** Steepness of the red-cell sigmoid. */
    private static final float RED_GAIN = 40f;
    private static final int CELL = 8;
    /** Side of the square the SSD stand-in resizes any input to, as SSDs do inside their graph. */
    public static final int SSD_WORKING_SIZE = 320;
    /** Side of the YOLO-style stand-ins' fixed input. */
    public static final int YOLO_INPUT_SIZE = 640;

    private StandInDetectors() {
    }

    /** The export layouts the stand-ins copy. */
    public enum Layout {
        /** ultralytics/yolov5 export: {@code images} [1,3,640,640] RGB 0–1 → {@code output0} [1, 25200, 5+C]. */
        YOLOV5("images", List.of("output0")),
        /** ultralytics YOLOv8/YOLO11 export: {@code images} [1,3,640,640] RGB 0–1 → {@code output0} [1, 4+C, 8400]. */
        YOLOV8("images", List.of("output0")),
        /** As {@link #YOLOV8} with the output transposed to [1, 8400, 4+C] (some third-party exports). */
        YOLOV8_TRANSPOSED("images", List.of("output0")),
        /** YOLOX export_onnx.py without decoding: {@code images} [1,3,640,640] BGR 0–255 → {@code output} [1, 8400, 5+C] on the grid. */
        YOLOX_RAW("images", List.of("output")),
        /** YOLOX exported with {@code --decode_in_inference}: as {@link #YOLOX_RAW}, boxes in input pixels. */
        YOLOX_DECODED("images", List.of("output")),
        /**
         * TensorFlow 2 Object Detection API SSD through tf2onnx: {@code input_tensor} uint8 [1, height, width, 3] RGB →
         * {@code detection_boxes} [1,N,4] (ymin, xmin, ymax, xmax normalised), {@code detection_scores} [1,N],
         * {@code detection_classes} [1,N] (float, 1-based ids), {@code num_detections} [1].
         */
        SSD_NMS("input_tensor", List.of("detection_boxes", "detection_scores", "detection_classes", "num_detections")),
        /**
         * Caffe-style SSD with its {@code DetectionOutput} layer (as OpenVINO's SSDs): {@code data} [1,3,300,300]
         * float BGR 0–255 → {@code detection_out} [1,1,N,7] (image id, label from 1, confidence, xmin, ymin, xmax,
         * ymax normalised).
         */
        SSD_DETECTION_OUT("data", List.of("detection_out")),
        /**
         * RangiLyu/nanodet's own export ({@code tools/export_onnx.py}, NanoDet-Plus head): {@code data} [1,3,416,416]
         * float BGR normalised with NanoDet's mean and std → {@code output} [1, 3598, C + 4×8] (class scores after
         * sigmoid, then 8 distance logits per side; strides 8, 16, 32, 64). The stand-in scores the stride-32 level only.
         */
        NANODET_EXPORT("data", List.of("output"));

        private final String input;
        private final List<String> outputs;

        Layout(String input, List<String> outputs) {
            this.input = input;
            this.outputs = outputs;
        }

        public String input() {
            return input;
        }

        /** Output names in the order Sightline's decoding reads them. */
        public List<String> outputs() {
            return outputs;
        }
    }

    /** The stand-in's ONNX model bytes (the same bytes on every call). */
    public static byte[] onnx(Layout layout) {
        OnnxGraph g = new OnnxGraph("sightline-stand-in-" + layout.name().toLowerCase().replace('_', '-'));
        switch (layout) {
            case YOLOV5 -> yolov5(g);
            case YOLOV8 -> yolov8(g, false);
            case YOLOV8_TRANSPOSED -> yolov8(g, true);
            case YOLOX_RAW -> yolox(g, true);
            case YOLOX_DECODED -> yolox(g, false);
            case SSD_NMS -> ssd(g);
            case SSD_DETECTION_OUT -> ssdDetectionOut(g);
            case NANODET_EXPORT -> nanodetExport(g);
        }
        try {
            return new OnnxGraphWriter("sightline-stand-in-detectors", "1", Map.of("", 13L)).toBytes(g);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the stand-in detector " + layout, e);
        }
    }

    /** The red-cell map and the red extent of an NCHW float picture of side {@code size}. */
    private record Red(String cells, String x1, String y1, String x2, String y2, int side) {
    }

    /** A 0–1 (unit 1) or 0–255 (unit 255) picture's values as 0–255 pixel values: {@code a × value + b}. */
    private static float[][] plain(float unit) {
        float a = 255f / unit;
        return new float[][] {{a, a, a}, {0f, 0f, 0f}};
    }

    /**
     * @param toPixels per model channel, {@code a} then {@code b} of {@code pixel = a × value + b} (0–255 pixels)
     * @param bgr      channels blue, green, red
     */
    private static Red red(OnnxGraph g, String image, int size, float[][] toPixels, boolean bgr) {
        int r = bgr ? 2 : 0;
        int b = 2 - r;
        float[] a = toPixels[0];
        float[] o = toPixels[1];
        float[] w = new float[6];
        // output channel 0: (R - G) / 255, channel 1: (R - B) / 255 (G is channel 1 either way)
        w[r] = a[r] / 255;
        w[1] = -a[1] / 255;
        w[3 + r] = a[r] / 255;
        w[3 + b] = -a[b] / 255;
        g.initializer("redness_weights", w, 2, 3, 1, 1);
        g.initializer("redness_bias", new float[] {(o[r] - o[1]) / 255, (o[r] - o[b]) / 255}, 2);
        g.node("Conv", List.of(image, "redness_weights", "redness_bias"), List.of("red_differences"));
        g.node("ReduceMin", List.of("red_differences"), List.of("redness"), Attribute.ints("axes", 1), Attribute.of("keepdims", 1L));
        g.node("AveragePool", List.of("redness"), List.of("cell_redness"), Attribute.ints("kernel_shape", CELL, CELL),
                Attribute.ints("strides", CELL, CELL));
        g.initializer("red_level", new float[] {RED_LEVEL}, 1);
        g.initializer("red_gain", new float[] {RED_GAIN}, 1);
        g.node("Sub", List.of("cell_redness", "red_level"), List.of("above_level"));
        g.node("Mul", List.of("above_level", "red_gain"), List.of("red_logit"));
        g.node("Sigmoid", List.of("red_logit"), List.of("red_cells"));
        int side = size / CELL;
        float[] xs = new float[side];
        float[] farX = new float[side];
        for (int i = 0; i < side; i++) {
            xs[i] = (i + 1) * CELL;
            farX[i] = size - i * CELL;
        }
        g.initializer("cell_right", xs, 1, 1, 1, side);
        g.initializer("cell_bottom", xs.clone(), 1, 1, side, 1);
        g.initializer("cell_left_from_right", farX, 1, 1, 1, side);
        g.initializer("cell_top_from_bottom", farX.clone(), 1, 1, side, 1);
        g.initializer("input_side", new float[] {size}, 1);
        String x2 = reduceMax(g, "cell_right", "extent_x2");
        String y2 = reduceMax(g, "cell_bottom", "extent_y2");
        g.node("Sub", List.of("input_side", reduceMax(g, "cell_left_from_right", "extent_far_x1")), List.of("extent_x1"));
        g.node("Sub", List.of("input_side", reduceMax(g, "cell_top_from_bottom", "extent_far_y1")), List.of("extent_y1"));
        return new Red("red_cells", "extent_x1", "extent_y1", x2, y2, side);
    }

    private static String reduceMax(OnnxGraph g, String coordinates, String out) {
        g.node("Mul", List.of("red_cells", coordinates), List.of(out + "_weighted"));
        return g.node("ReduceMax", List.of(out + "_weighted"), List.of(out), Attribute.of("keepdims", 1L));
    }

    /** Scores of the three levels (strides 8, 16, 32), flattened and concatenated to [1, 1, N]. */
    private static String levelScores(OnnxGraph g, Red red) {
        g.initializer("flat_shape", new long[] {1, 1, -1}, 3);
        List<String> levels = new ArrayList<>();
        for (int pool : new int[] {1, 2, 4}) {
            String level = red.cells();
            if (pool > 1) {
                level = g.node("AveragePool", List.of(red.cells()), List.of("red_share_" + pool),
                        Attribute.ints("kernel_shape", pool, pool), Attribute.ints("strides", pool, pool));
            }
            levels.add(g.node("Reshape", List.of(level, "flat_shape"), List.of("flat_share_" + pool)));
        }
        return g.node("Concat", levels, List.of("scores"), Attribute.of("axis", 2L));
    }

    /** Centre and size of the red extent, each as a [1, 1, N] row like {@code like}. */
    private static List<String> boxRows(OnnxGraph g, Red red, String like) {
        g.initializer("zero", new float[] {0f}, 1);
        g.initializer("half", new float[] {0.5f}, 1);
        g.initializer("one_pixel", new float[] {1f}, 1);
        g.initializer("scalar_shape", new long[] {1, 1, 1}, 3);
        g.node("Mul", List.of(like, "zero"), List.of("zeros"));
        g.node("Add", List.of(red.x1(), red.x2()), List.of("sum_x"));
        g.node("Add", List.of(red.y1(), red.y2()), List.of("sum_y"));
        g.node("Mul", List.of("sum_x", "half"), List.of("centre_x4"));
        g.node("Mul", List.of("sum_y", "half"), List.of("centre_y4"));
        g.node("Sub", List.of(red.x2(), red.x1()), List.of("width_raw"));
        g.node("Sub", List.of(red.y2(), red.y1()), List.of("height_raw"));
        g.node("Max", List.of("width_raw", "one_pixel"), List.of("width4"));
        g.node("Max", List.of("height_raw", "one_pixel"), List.of("height4"));
        List<String> rows = new ArrayList<>();
        for (String v : List.of("centre_x", "centre_y", "width", "height")) {
            g.node("Reshape", List.of(v + "4", "scalar_shape"), List.of(v));
            rows.add(g.node("Add", List.of("zeros", v), List.of(v + "_row")));
        }
        return rows;
    }

    private static String floatImage(OnnxGraph g) {
        g.input("images", ElementType.FLOAT, 1, 3, YOLO_INPUT_SIZE, YOLO_INPUT_SIZE);
        return "images";
    }

    private static void yolov5(OnnxGraph g) {
        Red red = red(g, floatImage(g), YOLO_INPUT_SIZE, plain(1f), false);
        String scores = levelScores(g, red);
        // three anchors per cell, as YOLOv5's head: the same cell scores three times
        g.node("Concat", List.of(scores, scores, scores), List.of("anchor_scores"), Attribute.of("axis", 2L));
        List<String> rows = new ArrayList<>(boxRows(g, red, "anchor_scores"));
        g.initializer("certain", new float[] {1f}, 1);
        rows.add("anchor_scores");
        rows.add(g.node("Add", List.of("zeros", "certain"), List.of("class_score")));
        g.node("Concat", rows, List.of("rows_first"), Attribute.of("axis", 1L));
        g.node("Transpose", List.of("rows_first"), List.of("output0"), Attribute.ints("perm", 0, 2, 1));
        g.output("output0", ElementType.FLOAT, 1, 3 * candidates(YOLO_INPUT_SIZE), 6);
    }

    private static void yolov8(OnnxGraph g, boolean transposed) {
        Red red = red(g, floatImage(g), YOLO_INPUT_SIZE, plain(1f), false);
        String scores = levelScores(g, red);
        List<String> rows = new ArrayList<>(boxRows(g, red, scores));
        rows.add(scores);
        int n = candidates(YOLO_INPUT_SIZE);
        if (transposed) {
            g.node("Concat", rows, List.of("rows_first"), Attribute.of("axis", 1L));
            g.node("Transpose", List.of("rows_first"), List.of("output0"), Attribute.ints("perm", 0, 2, 1));
            g.output("output0", ElementType.FLOAT, 1, n, 5);
        } else {
            g.node("Concat", rows, List.of("output0"), Attribute.of("axis", 1L));
            g.output("output0", ElementType.FLOAT, 1, 5, n);
        }
    }

    private static void yolox(OnnxGraph g, boolean raw) {
        Red red = red(g, floatImage(g), YOLO_INPUT_SIZE, plain(255f), true);
        String scores = levelScores(g, red);
        List<String> rows = new ArrayList<>(boxRows(g, red, scores));
        if (raw) {
            int n = candidates(YOLO_INPUT_SIZE);
            float[] gx = new float[n];
            float[] gy = new float[n];
            float[] perStride = new float[n];
            int i = 0;
            for (int stride : new int[] {8, 16, 32}) {
                int side = YOLO_INPUT_SIZE / stride;
                for (int y = 0; y < side; y++) {
                    for (int x = 0; x < side; x++) {
                        gx[i] = x;
                        gy[i] = y;
                        perStride[i++] = 1f / stride;
                    }
                }
            }
            g.initializer("grid_x", gx, 1, 1, n);
            g.initializer("grid_y", gy, 1, 1, n);
            g.initializer("per_stride", perStride, 1, 1, n);
            List<String> encoded = new ArrayList<>();
            for (int k = 0; k < 4; k++) {
                String inStrides = g.node("Mul", List.of(rows.get(k), "per_stride"), List.of("in_strides_" + k));
                encoded.add(k < 2 ? g.node("Sub", List.of(inStrides, k == 0 ? "grid_x" : "grid_y"), List.of("grid_offset_" + k))
                        : g.node("Log", List.of(inStrides), List.of("log_size_" + k)));
            }
            rows = encoded;
        }
        g.initializer("certain", new float[] {1f}, 1);
        rows.add(scores);
        rows.add(g.node("Add", List.of("zeros", "certain"), List.of("class_score")));
        g.node("Concat", rows, List.of("rows_first"), Attribute.of("axis", 1L));
        g.node("Transpose", List.of("rows_first"), List.of("output"), Attribute.ints("perm", 0, 2, 1));
        g.output("output", ElementType.FLOAT, 1, candidates(YOLO_INPUT_SIZE), 6);
    }

    private static void ssd(OnnxGraph g) {
        g.input("input_tensor", ElementType.UINT8, 1, "height", "width", 3);
        g.node("Cast", List.of("input_tensor"), List.of("pixels"), Attribute.of("to", (long) ElementType.FLOAT.code()));
        g.node("Transpose", List.of("pixels"), List.of("planes"), Attribute.ints("perm", 0, 3, 1, 2));
        g.initializer("working_size", new long[] {1, 3, SSD_WORKING_SIZE, SSD_WORKING_SIZE}, 4);
        g.node("Resize", List.of("planes", "", "", "working_size"), List.of("resized"), Attribute.of("mode", "linear"));
        Red red = red(g, "resized", SSD_WORKING_SIZE, plain(255f), false);
        String scores = levelScores(g, red);
        // the graph's own "NMS": the best cell, with the red extent as its box
        g.initializer("flat_scores_shape", new long[] {1, -1}, 2);
        g.node("Reshape", List.of(scores, "flat_scores_shape"), List.of("all_scores"));
        g.initializer("keep_one", new long[] {1}, 1);
        g.node("TopK", List.of("all_scores", "keep_one"), List.of("detection_scores", "best_cell"), Attribute.of("axis", 1L));
        g.initializer("box_shape", new long[] {1, 1, 1}, 3);
        g.initializer("side", new float[] {SSD_WORKING_SIZE}, 1);
        List<String> corners = new ArrayList<>();
        for (String c : List.of(red.y1(), red.x1(), red.y2(), red.x2())) {
            String flat = g.node("Reshape", List.of(c, "box_shape"), List.of(c + "_flat"));
            corners.add(g.node("Div", List.of(flat, "side"), List.of(c + "_normalised")));
        }
        g.node("Concat", corners, List.of("detection_boxes"), Attribute.of("axis", 2L));
        g.initializer("zero_score", new float[] {0f}, 1);
        g.initializer("first_class_id", new float[] {1f}, 1);
        g.node("Mul", List.of("detection_scores", "zero_score"), List.of("no_class"));
        g.node("Add", List.of("no_class", "first_class_id"), List.of("detection_classes"));
        g.initializer("counted_level", new float[] {0.05f}, 1);
        g.node("Greater", List.of("detection_scores", "counted_level"), List.of("counted"));
        g.node("Cast", List.of("counted"), List.of("counted_float"), Attribute.of("to", (long) ElementType.FLOAT.code()));
        g.initializer("count_shape", new long[] {1}, 1);
        g.node("Reshape", List.of("counted_float", "count_shape"), List.of("num_detections"));
        g.output("detection_boxes", ElementType.FLOAT, 1, 1, 4);
        g.output("detection_scores", ElementType.FLOAT, 1, 1);
        g.output("detection_classes", ElementType.FLOAT, 1, 1);
        g.output("num_detections", ElementType.FLOAT, 1);
    }

    /** Side of the Caffe-style SSD stand-in's fixed input. */
    public static final int CAFFE_SSD_INPUT_SIZE = 300;

    private static void ssdDetectionOut(OnnxGraph g) {
        int size = CAFFE_SSD_INPUT_SIZE;
        g.input("data", ElementType.FLOAT, 1, 3, size, size);
        Red red = red(g, "data", size, plain(255f), true);
        String scores = levelScores(g, red);
        g.initializer("flat_scores_shape", new long[] {1, -1}, 2);
        g.node("Reshape", List.of(scores, "flat_scores_shape"), List.of("all_scores"));
        g.initializer("keep_one", new long[] {1}, 1);
        g.node("TopK", List.of("all_scores", "keep_one"), List.of("best_score", "best_cell"), Attribute.of("axis", 1L));
        g.initializer("value_shape", new long[] {1, 1, 1, 1}, 4);
        g.initializer("side", new float[] {size}, 1);
        g.initializer("image_id", new float[] {0f}, 1, 1, 1, 1);
        g.initializer("first_label", new float[] {1f}, 1, 1, 1, 1);
        List<String> row = new ArrayList<>(List.of("image_id", "first_label",
                g.node("Reshape", List.of("best_score", "value_shape"), List.of("confidence"))));
        for (String c : List.of(red.x1(), red.y1(), red.x2(), red.y2())) {
            row.add(g.node("Div", List.of(c, "side"), List.of(c + "_normalised")));
        }
        g.node("Concat", row, List.of("detection_out"), Attribute.of("axis", 3L));
        g.output("detection_out", ElementType.FLOAT, 1, 1, 1, 7);
    }

    /** Side of the NanoDet export stand-in's input. */
    public static final int NANODET_INPUT_SIZE = 416;
    /** NanoDet's normalisation (its configurations' mean and std), BGR. */
    private static final float[] NANODET_MEAN = {103.53f, 116.28f, 123.675f};
    private static final float[] NANODET_STD = {57.375f, 57.12f, 58.395f};
    private static final int NANODET_BINS = 8;

    private static void nanodetExport(OnnxGraph g) {
        int size = NANODET_INPUT_SIZE;
        g.input("data", ElementType.FLOAT, 1, 3, size, size);
        Red red = red(g, "data", size, new float[][] {NANODET_STD, NANODET_MEAN}, true);
        int[] strides = {8, 16, 32, 64};
        int n = 0;
        int before = 0;
        for (int stride : strides) {
            int side = (size + stride - 1) / stride;
            if (stride < 32) {
                before += side * side;
            }
            n += side * side;
        }
        int level32 = (size / 32) * (size / 32);
        float[] px = new float[n];
        float[] py = new float[n];
        float[] perStride = new float[n];
        int i = 0;
        for (int stride : strides) {
            int side = (size + stride - 1) / stride;
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    px[i] = x * stride;
                    py[i] = y * stride;
                    perStride[i++] = 1f / stride;
                }
            }
        }
        // scores: the red share of each stride-32 cell; the other levels score nothing
        g.node("AveragePool", List.of(red.cells()), List.of("red_share_32"), Attribute.ints("kernel_shape", 4, 4),
                Attribute.ints("strides", 4, 4));
        g.initializer("flat_shape", new long[] {1, 1, -1}, 3);
        g.node("Reshape", List.of("red_share_32", "flat_shape"), List.of("flat_share_32"));
        g.initializer("finer_levels", new float[before], 1, 1, before);
        g.initializer("coarser_level", new float[n - before - level32], 1, 1, n - before - level32);
        g.node("Concat", List.of("finer_levels", "flat_share_32", "coarser_level"), List.of("score_row"), Attribute.of("axis", 2L));
        g.initializer("column_shape", new long[] {1, -1, 1}, 3);
        g.node("Reshape", List.of("score_row", "column_shape"), List.of("score_column"));
        // distances from each prior to the red extent's sides, in strides, as distributions over 8 bins
        g.initializer("prior_x", px, 1, n, 1);
        g.initializer("prior_y", py, 1, n, 1);
        g.initializer("per_stride", perStride, 1, n, 1);
        g.initializer("extent_shape", new long[] {1, 1, 1}, 3);
        g.initializer("no_distance", new float[] {0f}, 1);
        g.initializer("last_bin", new float[] {NANODET_BINS - 1}, 1);
        g.initializer("one", new float[] {1f}, 1);
        g.initializer("tiny", new float[] {1e-9f}, 1);
        float[] bins = new float[NANODET_BINS];
        for (int k = 0; k < NANODET_BINS; k++) {
            bins[k] = k;
        }
        g.initializer("bins", bins, 1, 1, NANODET_BINS);
        List<String> columns = new ArrayList<>(List.of("score_column"));
        String[][] sides = {{"prior_x", red.x1()}, {"prior_y", red.y1()}, {red.x2(), "prior_x"}, {red.y2(), "prior_y"}};
        for (int s = 0; s < 4; s++) {
            List<String> operands = new ArrayList<>();
            for (String v : sides[s]) {
                operands.add(v.startsWith("prior") ? v : g.node("Reshape", List.of(v, "extent_shape"), List.of(v + "_" + s)));
            }
            String pixels = g.node("Sub", operands, List.of("side_pixels_" + s));
            String strideUnits = g.node("Mul", List.of(pixels, "per_stride"), List.of("side_strides_" + s));
            String low = g.node("Max", List.of(strideUnits, "no_distance"), List.of("side_low_" + s));
            String d = g.node("Min", List.of(low, "last_bin"), List.of("side_distance_" + s));
            String off = g.node("Sub", List.of(d, "bins"), List.of("bin_offset_" + s));
            String abs = g.node("Abs", List.of(off), List.of("bin_gap_" + s));
            String tri = g.node("Sub", List.of("one", abs), List.of("bin_closeness_" + s));
            String weight = g.node("Relu", List.of(tri), List.of("bin_weight_" + s));
            String safe = g.node("Max", List.of(weight, "tiny"), List.of("bin_weight_safe_" + s));
            columns.add(g.node("Log", List.of(safe), List.of("bin_logits_" + s)));
        }
        g.node("Concat", columns, List.of("output"), Attribute.of("axis", 2L));
        g.output("output", ElementType.FLOAT, 1, n, 1 + 4 * NANODET_BINS);
    }

    /** Grid cells over strides 8, 16 and 32 of a square input. */
    private static int candidates(int size) {
        int n = 0;
        for (int stride : new int[] {8, 16, 32}) {
            n += (size / stride) * (size / stride);
        }
        return n;
    }
}
