package org.sightline.models.perception.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads detectors whose graph already ends in non-maximum suppression, in the TensorFlow Object Detection API's
 * output convention (the SSD exports of the ONNX model zoo and tf2onnx): {@code detection_boxes} {@code [1, N, 4]}
 * normalised to the input (ymin, xmin, ymax, xmax unless {@link DecodingOptions#boxOrder()} says otherwise),
 * {@code detection_scores} {@code [1, N]}, {@code detection_classes} {@code [1, N]} (float or integer ids; the
 * index in the class names is the id minus {@link DecodingOptions#classIdOffset()}) and {@code num_detections}
 * {@code [1]}: only the first that many rows count. Also the single output {@code [1, 1, N, 7]} of Caffe-style SSDs
 * (OpenVINO's {@code DetectionOutput}): image id, label, confidence, xmin, ymin, xmax, ymax normalised; a negative
 * image id ends the list.
 */
public final class SsdNmsDecoder {
    private final int inputSize;
    private final DecodingOptions options;

    public SsdNmsDecoder(int inputSize, DecodingOptions options) {
        this.inputSize = inputSize;
        this.options = options;
    }

    /** The four-output form: boxes, scores, classes, count. Boxes in input pixels, highest score first. */
    public List<CenternetDecoder.Peak> decode(OutputTensor boxes, OutputTensor scores, OutputTensor classes,
                                              OutputTensor count, int classCount, float threshold) {
        if (boxes.rank() != 3 || boxes.dim(0) != 1 || boxes.dim(2) != 4) {
            throw boxes.wrongShape("[1, N, 4]");
        }
        long n = boxes.dim(1);
        if (scores.rank() != 2 || scores.dim(0) != 1 || scores.dim(1) != n) {
            throw scores.wrongShape("[1, " + n + "] (one score per box of " + boxes.name() + ")");
        }
        if (classes.rank() != 2 || classes.dim(0) != 1 || classes.dim(1) != n) {
            throw classes.wrongShape("[1, " + n + "] (one class per box of " + boxes.name() + ")");
        }
        if (count.values().length != 1) {
            throw count.wrongShape("[1] (the number of detections)");
        }
        float stated = count.values()[0];
        if (!(stated >= 0 && stated <= n)) {
            throw new DetectorOutputException("output " + count.name() + " says " + stated + " detections, but "
                    + boxes.name() + " holds " + n + " boxes");
        }
        int valid = (int) stated;
        float[] b = boxes.values();
        boolean yFirst = options.boxOrder() == DecodingOptions.BoxOrder.YMIN_XMIN_YMAX_XMAX;
        List<CenternetDecoder.Peak> found = new ArrayList<>();
        for (int i = 0; i < valid; i++) {
            float score = scores.values()[i];
            if (!(score >= threshold)) {
                continue;
            }
            int k = classIndex(classes, classes.values()[i], classCount);
            int o = i * 4;
            float x1 = yFirst ? b[o + 1] : b[o];
            float y1 = yFirst ? b[o] : b[o + 1];
            float x2 = yFirst ? b[o + 3] : b[o + 2];
            float y2 = yFirst ? b[o + 2] : b[o + 3];
            found.add(peak(k, score, x1, y1, x2, y2));
        }
        found.sort(Comparator.comparingDouble(CenternetDecoder.Peak::score).reversed());
        return found;
    }

    /** The single-output form {@code [1, 1, N, 7]}. */
    public List<CenternetDecoder.Peak> decode(OutputTensor detections, int classCount, float threshold) {
        if (detections.rank() != 4 || detections.dim(0) != 1 || detections.dim(1) != 1 || detections.dim(3) != 7) {
            throw detections.wrongShape("[1, 1, N, 7] (image id, label, confidence, xmin, ymin, xmax, ymax)");
        }
        float[] v = detections.values();
        List<CenternetDecoder.Peak> found = new ArrayList<>();
        for (int i = 0; i < detections.dim(2); i++) {
            int o = i * 7;
            if (v[o] < 0) {
                break;
            }
            float score = v[o + 2];
            if (!(score >= threshold)) {
                continue;
            }
            found.add(peak(classIndex(detections, v[o + 1], classCount), score, v[o + 3], v[o + 4], v[o + 5], v[o + 6]));
        }
        found.sort(Comparator.comparingDouble(CenternetDecoder.Peak::score).reversed());
        return found;
    }

    private CenternetDecoder.Peak peak(int k, float score, float x1, float y1, float x2, float y2) {
        return new CenternetDecoder.Peak(k, score, x1 * inputSize, y1 * inputSize, x2 * inputSize, y2 * inputSize);
    }

    private int classIndex(OutputTensor output, float id, int classCount) {
        int index = Math.round(id) - options.classIdOffset();
        if (index < 0 || index >= classCount || Math.round(id) != id) {
            throw new DetectorOutputException("output " + output.name() + " gives class id " + id + ", which with the class id offset "
                    + options.classIdOffset() + " is not one of the " + classCount + " class names");
        }
        return index;
    }
}
