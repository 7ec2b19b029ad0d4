package org.sightline.models.perception.detect;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a detector's outputs do not say by their shape and a family cannot assume: whether YOLOX boxes are still
 * on the grid, the coordinate order of SSD boxes and how class ids map to class names.
 *
 * @param yoloxOutput   YOLOX only: raw grid outputs (exported without decoding) or decoded boxes; null when not a YOLOX
 * @param boxOrder      SSD with NMS only: the coordinate order of {@code detection_boxes}
 * @param classIdOffset SSD with NMS only: subtracted from an output class id to give the index in the class names
 *                      (1 for the TensorFlow Object Detection API's 1-based label maps)
 */
public record DecodingOptions(YoloxOutput yoloxOutput, BoxOrder boxOrder, int classIdOffset) {

    /** Nothing beyond the family's own conventions. */
    public static final DecodingOptions NONE = new DecodingOptions(null, BoxOrder.YMIN_XMIN_YMAX_XMAX, 0);

    public DecodingOptions {
        if (boxOrder == null) {
            boxOrder = BoxOrder.YMIN_XMIN_YMAX_XMAX;
        }
        if (classIdOffset < 0) {
            throw new IllegalArgumentException("a class id offset cannot be negative, got " + classIdOffset);
        }
    }

    /** What a YOLOX model's single output holds. */
    public enum YoloxOutput {
        /**
         * As YOLOX's {@code tools/export_onnx.py} writes by default (without {@code --decode_in_inference}): box
         * centres as offsets from the grid cell and sizes as logarithms, in units of the level's stride.
         */
        @JsonProperty("raw-grid") RAW_GRID,
        /** Already decoded in the graph: centre x, centre y, width, height in input pixels. */
        @JsonProperty("decoded") DECODED
    }

    /** The coordinate order of an SSD's normalised boxes. */
    public enum BoxOrder {
        /** ymin, xmin, ymax, xmax: the TensorFlow Object Detection API's order. */
        @JsonProperty("ymin-xmin-ymax-xmax") YMIN_XMIN_YMAX_XMAX,
        /** xmin, ymin, xmax, ymax. */
        @JsonProperty("xmin-ymin-xmax-ymax") XMIN_YMIN_XMAX_YMAX
    }
}
