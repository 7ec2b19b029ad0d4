package org.sightline.models.perception;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sightline.models.pack.OnnxSignature;
import org.sightline.models.pack.PackVerificationException;
import org.sightline.models.perception.PerceptionManifest.Decoding;
import org.sightline.models.perception.PerceptionManifest.Kind;
import org.sightline.models.perception.PerceptionManifest.ModelEntry;
import org.sightline.models.perception.PerceptionManifest.ModelRole;
import org.sightline.models.perception.detect.DecodingOptions;
import org.sightline.models.perception.detect.DetectorSettings;
import org.sightline.models.perception.detect.ObjectDetector;
import org.sightline.models.perception.detect.PixelFormat;
import org.sightline.models.runtime.RuntimeOptions;

/**
 * Opens the object detector of a verified {@code detector} perception pack, from the bytes that were verified. The
 * manifest's input, outputs and class names replace those of the decoding family's defaults.
 */
public final class PackedDetector {
    /** ONNX element type codes of the two image inputs Sightline feeds. */
    private static final int ONNX_FLOAT = 1;
    private static final int ONNX_UINT8 = 2;

    private PackedDetector() {
    }

    /** How the pack's detector is run: the family's defaults with the manifest's names and classes. */
    public static DetectorSettings settings(VerifiedPerceptionPack pack) {
        PerceptionManifest m = pack.manifest();
        ModelEntry entry = detectorEntry(pack);
        DetectorSettings.Family family = family(entry.decoding()).orElseThrow(() -> new PackVerificationException(
                pack.dir().resolve(entry.file()), "uses the output decoding " + entry.decoding().name().toLowerCase()
                + ", which reads scene text, not objects"));
        Path manifestFile = pack.dir().resolve(PerceptionManifest.FILE_NAME);
        if (!family.readsOutputs(entry.outputs().size())) {
            throw new PackVerificationException(manifestFile, "a " + family.name().toLowerCase().replace('_', '-')
                    + " detector names " + switch (family) {
                        case SSD_NMS -> "4 (boxes, scores, classes, count) or 1";
                        case NANODET -> "6 (scores and distributions of 3 levels) or 1 (nanodet's own export)";
                        default -> String.valueOf(family.outputCount());
                    } + " outputs, this one " + entry.outputs());
        }
        if (family == DetectorSettings.Family.YOLOX && entry.yoloxOutput() == null) {
            throw new PackVerificationException(manifestFile, "names a yolox detector without \"yoloxOutput\": say \"raw-grid\""
                    + " (exported by YOLOX's export_onnx.py without --decode_in_inference) or \"decoded\"");
        }
        if (family == DetectorSettings.Family.SSD_NMS && entry.classIdOffset() == null) {
            throw new PackVerificationException(manifestFile, "names an ssd-nms detector without \"classIdOffset\": say 1 when"
                    + " its class ids are 1-based (TensorFlow Object Detection API label maps) or 0 when they index classNames");
        }
        DecodingOptions options = new DecodingOptions(entry.yoloxOutput(), entry.boxOrder(),
                entry.classIdOffset() == null ? 0 : entry.classIdOffset());
        PerceptionManifest.ImageInput image = entry.image();
        float[] mean = image.mean();
        float[] std = image.std();
        PixelFormat pixels;
        try {
            pixels = new PixelFormat(image.layout() == PerceptionManifest.Layout.NCHW,
                    image.channels() == PerceptionManifest.ChannelOrder.BGR, (float) image.scale(),
                    List.of(mean[0], mean[1], mean[2]), List.of(std[0], std[1], std[2]),
                    entry.inputValues() == null ? PixelFormat.InputValues.FLOAT32 : entry.inputValues());
        } catch (IllegalArgumentException e) {
            throw new PackVerificationException(manifestFile, "image of " + entry.file() + ": " + e.getMessage());
        }
        DetectorSettings d = DetectorSettings.defaults(family);
        List<String> classes = m.classNames();
        int side = inputSide(pack, entry, pixels.values(), d.inputSize());
        return new DetectorSettings(entry.input(), side, d.fit(),
                pixels, family, entry.outputs(), classes,
                d.scoreThreshold(), d.iouThreshold(), d.maxDetections(),
                d.sameObjectClasses().stream().filter(classes::containsAll).toList(), options);
    }

    /**
     * The side of the square input the detector is fed: the manifest's {@code image.width}, else the model's fixed
     * side, else the family's default. Checks the model's image input against the manifest first (element type,
     * four dimensions, 3 colour channels where the layout puts them, a square of that side when fixed), so a
     * mismatch is a plain error naming the model and its input rather than ONNX Runtime's at the first frame.
     */
    private static int inputSide(VerifiedPerceptionPack pack, ModelEntry entry, PixelFormat.InputValues values, int defaultSide) {
        Path modelFile = pack.dir().resolve(entry.file());
        OnnxSignature signature = pack.signatures().get(entry.file());
        OnnxSignature.Tensor input = signature == null ? null : signature.input(entry.input()).orElse(null);
        PerceptionManifest.ImageInput image = entry.image();
        if (input == null) {
            return image.width() > 0 ? image.width() : defaultSide;
        }
        String what = "input " + entry.input() + " " + input.dims();
        int expectedType = values == PixelFormat.InputValues.UINT8 ? ONNX_UINT8 : ONNX_FLOAT;
        if (input.elementType() != expectedType) {
            throw new PackVerificationException(modelFile, what + " takes " + elementTypeName(input.elementType())
                    + " values but the manifest says " + (entry.inputValues() == null ? "nothing (float32)" : values.name().toLowerCase())
                    + (input.elementType() == ONNX_UINT8 ? "; write \"inputValues\" : \"uint8\" with scale 1, mean 0 and std 1" : ""));
        }
        if (input.dims().size() != 4) {
            throw new PackVerificationException(modelFile, what + " is not one image [1, 3, side, side] (nchw) or"
                    + " [1, side, side, 3] (nhwc)");
        }
        boolean nchw = image.layout() == PerceptionManifest.Layout.NCHW;
        long channels = input.fixedDim(nchw ? 1 : 3);
        if (channels != -1 && channels != 3) {
            throw new PackVerificationException(modelFile, what + " does not have 3 colour channels where the manifest's layout "
                    + image.layout().name().toLowerCase() + " puts them");
        }
        long h = input.fixedDim(nchw ? 2 : 1);
        long w = input.fixedDim(nchw ? 3 : 2);
        if (h != -1 && w != -1 && h != w) {
            throw new PackVerificationException(modelFile, what + " takes a " + w + "x" + h
                    + " picture; Sightline feeds detectors a square");
        }
        long fixed = Math.max(h, w);
        if (image.width() > 0 && fixed != -1 && fixed != image.width()) {
            throw new PackVerificationException(modelFile, what + " takes a " + fixed + "-pixel square but the manifest's"
                    + " image.width is " + image.width());
        }
        return image.width() > 0 ? image.width() : fixed > 0 ? (int) fixed : defaultSide;
    }

    /** The detector family of an object decoding; empty for the text decodings. */
    private static Optional<DetectorSettings.Family> family(Decoding decoding) {
        return Optional.ofNullable(switch (decoding) {
            case CENTERNET -> DetectorSettings.Family.CENTERNET;
            case BLAZEFACE -> DetectorSettings.Family.BLAZEFACE;
            case NANODET -> DetectorSettings.Family.NANODET;
            case YOLOV5 -> DetectorSettings.Family.YOLOV5;
            case YOLOV8 -> DetectorSettings.Family.YOLOV8;
            case YOLOX -> DetectorSettings.Family.YOLOX;
            case SSD_NMS -> DetectorSettings.Family.SSD_NMS;
            case DB, CTC -> null;
        });
    }

    private static String elementTypeName(int code) {
        return switch (code) {
            case ONNX_FLOAT -> "float32";
            case ONNX_UINT8 -> "uint8";
            case 3 -> "int8";
            case 10 -> "float16";
            case 11 -> "float64";
            default -> "ONNX element type " + code;
        };
    }

    /**
     * The model entry a manifest needs for an export in a family's default conventions ({@link DetectorSettings#defaults}:
     * input and output names, image size and normalisation, and the family's decoding fields), for writing a pack
     * around a bare ONNX file; change what the export does differently.
     */
    public static ModelEntry defaultEntry(Decoding decoding, String file) {
        DetectorSettings.Family family = family(decoding).orElseThrow(() -> new IllegalArgumentException(
                decoding.name().toLowerCase() + " reads scene text, not objects"));
        DetectorSettings d = DetectorSettings.defaults(family);
        PixelFormat p = d.pixels();
        boolean ssd = family == DetectorSettings.Family.SSD_NMS;
        int side = ssd ? 0 : d.inputSize();
        return new ModelEntry(ModelRole.DETECTOR, file, d.inputName(), d.outputs(),
                new PerceptionManifest.ImageInput(p.channelsFirst() ? PerceptionManifest.Layout.NCHW : PerceptionManifest.Layout.NHWC,
                        p.bgr() ? PerceptionManifest.ChannelOrder.BGR : PerceptionManifest.ChannelOrder.RGB, side, side, 1, 0,
                        p.scale(), floats(p.mean()), floats(p.std())),
                decoding, p.values() == PixelFormat.InputValues.UINT8 ? p.values() : null, d.decodingOptions().yoloxOutput(),
                ssd ? d.decodingOptions().boxOrder() : null, ssd ? d.decodingOptions().classIdOffset() : null);
    }

    /**
     * The model entry for a bare ONNX export of a family, its names and input read from the model's signature:
     * the family's {@link #defaultEntry} with the model's only image input (its name, layout by where the 3 channels
     * are, fixed square side, {@code uint8} when it takes bytes) and its outputs (the only one for the single-output
     * families; for {@code ssd-nms} the one {@code [1,1,N,7]} output or the four named like {@code detection_boxes},
     * {@code detection_scores}, {@code detection_classes}, {@code num_detections}). Whether a YOLOX output is still
     * on the grid cannot be read from its shape, so a {@code yolox} entry leaves {@code yoloxOutput} unset (opening
     * asks for it).
     *
     * @throws IllegalArgumentException naming what the signature does not make clear, such as several inputs
     */
    public static ModelEntry entryFor(Decoding decoding, String file, OnnxSignature signature) {
        ModelEntry d = defaultEntry(decoding, file);
        if (signature.inputs().size() != 1) {
            throw new IllegalArgumentException(file + " has inputs " + names(signature.inputs())
                    + "; a detector takes one image, write its manifest by hand to say which");
        }
        OnnxSignature.Tensor input = signature.inputs().getFirst();
        PerceptionManifest.ImageInput image = d.image();
        PerceptionManifest.Layout layout = image.layout();
        if (input.dims().size() == 4 && input.fixedDim(1) == 3 && input.fixedDim(3) != 3) {
            layout = PerceptionManifest.Layout.NCHW;
        } else if (input.dims().size() == 4 && input.fixedDim(3) == 3 && input.fixedDim(1) != 3) {
            layout = PerceptionManifest.Layout.NHWC;
        }
        boolean nchw = layout == PerceptionManifest.Layout.NCHW;
        long side = input.dims().size() == 4 ? Math.max(input.fixedDim(nchw ? 2 : 1), input.fixedDim(nchw ? 3 : 2)) : -1;
        int width = side > 0 ? (int) side : image.width();
        boolean bytes = input.elementType() == ONNX_UINT8;
        if (!bytes && d.inputValues() == PixelFormat.InputValues.UINT8) {
            throw new IllegalArgumentException(file + " takes " + elementTypeName(input.elementType()) + " images, not the 8-bit"
                    + " images of the " + decoding.name().toLowerCase().replace('_', '-') + " convention; write its"
                    + " normalisation in a manifest by hand");
        }
        float[] zero = {0f, 0f, 0f};
        float[] one = {1f, 1f, 1f};
        PerceptionManifest.ImageInput read = bytes
                ? new PerceptionManifest.ImageInput(layout, image.channels(), width, width, 1, 0, 1.0, zero, one)
                : new PerceptionManifest.ImageInput(layout, image.channels(), width, width, image.sizeMultiple(), image.maxSide(),
                        image.scale(), image.mean(), image.std());
        return new ModelEntry(d.role(), file, input.name(), outputsFor(decoding, file, signature, d.outputs()), read, decoding,
                bytes ? PixelFormat.InputValues.UINT8 : null, null, d.boxOrder(), d.classIdOffset());
    }

    private static List<String> outputsFor(Decoding decoding, String file, OnnxSignature signature, List<String> defaults) {
        List<OnnxSignature.Tensor> outputs = signature.outputs();
        if (outputs.size() == 1) {
            return List.of(outputs.getFirst().name());
        }
        if (decoding == Decoding.SSD_NMS) {
            List<String> found = new ArrayList<>();
            for (String role : List.of("boxes", "scores", "classes", "num_detections")) {
                List<String> matching = outputs.stream().map(OnnxSignature.Tensor::name)
                        .filter(n -> n.toLowerCase(Locale.ROOT).contains(role)).toList();
                if (matching.size() != 1) {
                    throw new IllegalArgumentException(file + " has outputs " + names(outputs) + "; cannot tell which one holds the "
                            + role.replace('_', ' ') + " (write its manifest by hand)");
                }
                found.add(matching.getFirst());
            }
            return found;
        }
        if (outputs.stream().map(OnnxSignature.Tensor::name).toList().containsAll(defaults)) {
            return defaults;
        }
        throw new IllegalArgumentException(file + " has outputs " + names(outputs) + "; a "
                + decoding.name().toLowerCase().replace('_', '-') + " export has one (write its manifest by hand to say which)");
    }

    private static List<String> names(List<OnnxSignature.Tensor> tensors) {
        return tensors.stream().map(OnnxSignature.Tensor::describe).toList();
    }

    private static float[] floats(List<Float> values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    /** Opens the pack's detector with its {@link #settings}. */
    public static ObjectDetector open(VerifiedPerceptionPack pack, RuntimeOptions options) {
        ModelEntry entry = detectorEntry(pack);
        return ObjectDetector.open(pack.name(), pack.bytes(entry.file()), settings(pack), options);
    }

    private static ModelEntry detectorEntry(VerifiedPerceptionPack pack) {
        if (pack.manifest().kind() != Kind.DETECTOR) {
            throw new PackVerificationException(pack.dir(), "is a " + pack.manifest().kind().name().toLowerCase()
                    + " pack, not an object detector");
        }
        return pack.manifest().model(ModelRole.DETECTOR).orElseThrow(() -> new PackVerificationException(pack.dir(),
                "has no detector model"));
    }
}
