package org.sightline.models.perception.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Greedy per-class non-maximum suppression: highest score first, a box is dropped when it overlaps a kept box of
 * the same suppression group (normally its class; see {@link DetectorSettings#sameObjectClasses()}) by more than
 * the IoU threshold. Boxes of other groups never suppress each other (a person on a bicycle keeps both).
 */
public final class NonMaxSuppression {
    private NonMaxSuppression() {
    }

    /**
     * @param groups for each class index, its suppression group
     */
    public static List<Detection> apply(List<Detection> detections, float iouThreshold, int maxKept, int[] groups) {
        List<Detection> sorted = new ArrayList<>(detections);
        sorted.sort(Comparator.comparingDouble(Detection::score).reversed());
        List<Detection> kept = new ArrayList<>();
        for (Detection d : sorted) {
            if (kept.size() >= maxKept) {
                break;
            }
            boolean overlaps = false;
            for (Detection k : kept) {
                if (groups[k.classIndex()] == groups[d.classIndex()] && k.box().iou(d.box()) > iouThreshold) {
                    overlaps = true;
                    break;
                }
            }
            if (!overlaps) {
                kept.add(d);
            }
        }
        return kept;
    }
}
