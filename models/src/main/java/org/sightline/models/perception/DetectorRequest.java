package org.sightline.models.perception;

import java.util.List;
import java.util.Objects;
import org.sightline.models.perception.PerceptionManifest.Decoding;
import org.sightline.models.perception.PerceptionManifest.Layout;
import org.sightline.models.perception.detect.DecodingOptions;

/**
 * What a user says about a bare ONNX detector file ({@code models import|pack FILE.onnx --decoding ...}); everything
 * else is read from the model itself ({@link BareDetectorPacker}).
 *
 * @param decoding   how its outputs are decoded (required)
 * @param classes    class names by output index (required; {@code coco} on the command line gives the 80 COCO names)
 * @param name       pack name, or null for the file's name without {@code .onnx}
 * @param version    pack version, or null for 1.0
 * @param licence    licence of the weights as the user states it, or null ({@value #LICENCE_NOT_STATED})
 * @param layout     input layout when the model's input shape does not say, or null
 * @param width      input width when the model's input size is not fixed, or 0
 * @param height     input height when the model's input size is not fixed, or 0
 * @param outputs    the outputs the decoding reads, in its order, or empty to take them from the model (its only
 *                   output, the family's usual names, or SSD's four by name: {@code PackedDetector.entryFor})
 * @param yoloxOutput   {@code yolox} only, required there: whether the export's output is on the grid or decoded
 * @param classIdOffset {@code ssd-nms} only: subtracted from a class id to index the classes, or null for the family's
 */
public record DetectorRequest(Decoding decoding, List<String> classes, String name, String version, String licence,
                              Layout layout, int width, int height, List<String> outputs,
                              DecodingOptions.YoloxOutput yoloxOutput, Integer classIdOffset) {
    /** The licence recorded when the user states none. */
    public static final String LICENCE_NOT_STATED = "user-supplied, not stated";

    public DetectorRequest {
        Objects.requireNonNull(decoding, "decoding");
        classes = List.copyOf(classes);
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("a detector needs its class names");
        }
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("the input size must be positive");
        }
    }
}
