package org.sightline.models.perception;

import java.nio.file.Path;
import java.util.List;
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
    private PackedDetector() {
    }

    /** How the pack's detector is run: the family's defaults with the manifest's names and classes. */
    public static DetectorSettings settings(VerifiedPerceptionPack pack) {
        PerceptionManifest m = pack.manifest();
        ModelEntry entry = detectorEntry(pack);
        DetectorSettings.Family family = switch (entry.decoding()) {
            case CENTERNET -> DetectorSettings.Family.CENTERNET;
            case BLAZEFACE -> DetectorSettings.Family.BLAZEFACE;
            case NANODET -> DetectorSettings.Family.NANODET;
            case YOLOV5 -> DetectorSettings.Family.YOLOV5;
            case YOLOV8 -> DetectorSettings.Family.YOLOV8;
            case YOLOX -> DetectorSettings.Family.YOLOX;
            case SSD_NMS -> DetectorSettings.Family.SSD_NMS;
            case DB, CTC -> throw new PackVerificationException(pack.dir().resolve(entry.file()), "uses the output decoding "
                    + entry.decoding().name().toLowerCase() + ", which reads scene text, not objects");
        };
        Path manifestFile = pack.dir().resolve(PerceptionManifest.FILE_NAME);
        if (!family.readsOutputs(entry.outputs().size())) {
            throw new PackVerificationException(manifestFile, "a " + family.name().toLowerCase().replace('_', '-')
                    + " detector names " + (family == DetectorSettings.Family.SSD_NMS ? "4 outputs (boxes, scores, classes, count) or 1"
                    : family.outputCount()) + " outputs, this one " + entry.outputs());
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
        return new DetectorSettings(entry.input(), image.width() > 0 ? image.width() : d.inputSize(), d.fit(),
                pixels, family, entry.outputs(), classes,
                d.scoreThreshold(), d.iouThreshold(), d.maxDetections(),
                d.sameObjectClasses().stream().filter(classes::containsAll).toList(), options);
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
