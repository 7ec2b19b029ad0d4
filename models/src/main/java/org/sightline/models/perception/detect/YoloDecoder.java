package org.sightline.models.perception.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Decodes the single output of YOLO-style detectors, one row per candidate box: centre x, centre y, width, height in
 * input pixels, then (YOLOv5, YOLOX) an objectness score, then one score per class. Follows the upstream
 * post-processing before NMS: YOLOv5's {@code utils/general.py non_max_suppression} (candidates with objectness at or
 * above the threshold, class score × objectness, the best class per box) and ultralytics'
 * {@code utils/ops.non_max_suppression} for YOLOv8/YOLO11 (no objectness, the best class score per box; the output
 * is {@code [1, 4 + C, N]}, or {@code [1, N, 4 + C]} when exported transposed, told apart by the class count).
 * At most {@value #MAX_CANDIDATES} candidates (upstream's {@code max_nms}), highest first; NMS is the caller's.
 */
public final class YoloDecoder {
    /** Most candidates handed on to NMS, as upstream's {@code max_nms}. */
    public static final int MAX_CANDIDATES = 30_000;

    private final boolean objectness;

    /**
     * @param objectness rows carry an objectness score before the class scores (YOLOv5, YOLOX), else not (YOLOv8/11)
     */
    public YoloDecoder(boolean objectness) {
        this.objectness = objectness;
    }

    /** Candidates at or above {@code threshold}, boxes in input pixels, highest score first. */
    public List<CenternetDecoder.Peak> decode(OutputTensor output, int classes, float threshold) {
        int values = (objectness ? 5 : 4) + classes;
        String columns = (objectness ? "5" : "4") + "+" + classes;
        float[] v = output.values();
        int rows;
        int rowStride;
        int valueStride;
        if (output.rank() == 3 && output.dim(0) == 1 && !objectness && output.dim(1) == values) {
            rows = (int) output.dim(2);
            rowStride = 1;
            valueStride = rows;
        } else if (output.rank() == 3 && output.dim(0) == 1 && output.dim(2) == values) {
            rows = (int) output.dim(1);
            rowStride = values;
            valueStride = 1;
        } else {
            throw output.wrongShape(objectness ? "[1, N, " + columns + "] for " + classes + " classes"
                    : "[1, " + columns + ", N] or [1, N, " + columns + "] for " + classes + " classes");
        }
        int first = objectness ? 5 : 4;
        List<CenternetDecoder.Peak> found = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            int o = r * rowStride;
            float obj = objectness ? v[o + 4 * valueStride] : 1f;
            if (obj < threshold) {
                continue;
            }
            int best = 0;
            float bestScore = Float.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                float s = v[o + (first + k) * valueStride];
                if (s > bestScore) {
                    bestScore = s;
                    best = k;
                }
            }
            float score = bestScore * obj;
            if (!(score >= threshold)) {
                continue;
            }
            float cx = v[o];
            float cy = v[o + valueStride];
            float hw = v[o + 2 * valueStride] / 2;
            float hh = v[o + 3 * valueStride] / 2;
            found.add(new CenternetDecoder.Peak(best, score, cx - hw, cy - hh, cx + hw, cy + hh));
        }
        found.sort(Comparator.comparingDouble(CenternetDecoder.Peak::score).reversed());
        return found.size() > MAX_CANDIDATES ? List.copyOf(found.subList(0, MAX_CANDIDATES)) : found;
    }
}
