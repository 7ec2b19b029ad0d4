package org.sightline.indexer.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.sightline.models.pack.PackVerificationException;
import org.sightline.models.perception.DetectorRequest;
import org.sightline.models.perception.PerceptionManifest;
import org.sightline.models.perception.detect.CocoClasses;
import org.sightline.models.perception.detect.DecodingOptions;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The options of {@code models import|pack} that make a detector pack of a bare ONNX detector file. */
public class DetectorOptions {
    @Option(names = "--decoding", paramLabel = "FAMILY", description = "The file is a bare ONNX object detector whose outputs"
            + " are decoded as FAMILY: yolov5, yolov8 (also YOLO11), yolox, nanodet, ssd-nms, centernet or blazeface (needs --classes).")
    String decoding;

    @Option(names = "--classes", paramLabel = "coco|FILE", description = "Bare detector: its class names by output index,"
            + " 'coco' for the 80 COCO classes, or a text file with one name per line (a face detector: a file holding 'face').")
    String classes;

    @Option(names = "--layout", paramLabel = "nchw|nhwc", description = "Bare detector: the input layout, when its input shape does not say.")
    String layout;

    @Option(names = "--size", paramLabel = "WxH", description = "Bare detector: the input size, when its input has no fixed size.")
    String size;

    @Option(names = "--outputs", paramLabel = "NAME", split = ",", description = "Bare detector: the outputs the decoding reads, in its"
            + " order (default: the decoding's usual names, else the model's outputs in their order).")
    List<String> outputs;

    @Option(names = "--yolox-output", paramLabel = "raw-grid|decoded", description = "Bare yolox detector: raw-grid (YOLOX's"
            + " export_onnx.py default) or decoded (exported with --decode_in_inference).")
    String yoloxOutput;

    @Option(names = "--class-id-offset", paramLabel = "N", description = "Bare ssd-nms detector: subtracted from a class id to"
            + " index --classes (1 for TensorFlow's 1-based label maps, the default).")
    Integer classIdOffset;

    /** Whether the options ask for a bare detector. */
    boolean given() {
        return decoding != null;
    }

    /** The request these options make, with the pack's name, version and licence (null: defaults). */
    DetectorRequest request(CommandLine cl, String name, String version, String licence) {
        if (classes == null) {
            throw new CommandLine.ParameterException(cl, "--decoding needs --classes coco|FILE (the detector's class names by output index)");
        }
        PerceptionManifest.Decoding d;
        try {
            d = PerceptionManifest.Decoding.valueOf(decoding.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "--decoding " + decoding + " is not a decoding; one of "
                    + Arrays.stream(PerceptionManifest.Decoding.values()).map(v -> v.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList());
        }
        PerceptionManifest.Layout l = null;
        if (layout != null) {
            try {
                l = PerceptionManifest.Layout.valueOf(layout.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, "--layout " + layout + " is neither nchw nor nhwc");
            }
        }
        int w = 0;
        int h = 0;
        if (size != null) {
            String[] parts = size.toLowerCase(Locale.ROOT).split("x");
            try {
                w = Integer.parseInt(parts[0].strip());
                h = Integer.parseInt(parts[1].strip());
            } catch (RuntimeException e) {
                throw new CommandLine.ParameterException(cl, "--size " + size + " is not WIDTHxHEIGHT (e.g. 640x640)");
            }
            if (w <= 0 || h <= 0 || parts.length != 2) {
                throw new CommandLine.ParameterException(cl, "--size " + size + " is not WIDTHxHEIGHT (e.g. 640x640)");
            }
        }
        DecodingOptions.YoloxOutput yolox = null;
        if (yoloxOutput != null) {
            try {
                yolox = DecodingOptions.YoloxOutput.valueOf(yoloxOutput.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, "--yolox-output " + yoloxOutput + " is neither raw-grid nor decoded");
            }
        }
        if (classIdOffset != null && classIdOffset < 0) {
            throw new CommandLine.ParameterException(cl, "--class-id-offset cannot be negative");
        }
        return new DetectorRequest(d, classNames(), name, version, licence, l, w, h, outputs, yolox, classIdOffset);
    }

    private List<String> classNames() {
        if (classes.equalsIgnoreCase("coco")) {
            return CocoClasses.NAMES;
        }
        Path file = Path.of(classes);
        try {
            List<String> names = Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
            if (names.isEmpty()) {
                throw new PackVerificationException(file, "holds no class names (one per line)");
            }
            return names;
        } catch (IOException e) {
            throw new PackVerificationException(file, "the class list cannot be read: " + e.getMessage(), e);
        }
    }
}
