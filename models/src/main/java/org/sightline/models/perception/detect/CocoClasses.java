package org.sightline.models.perception.detect;

import java.util.List;
import java.util.Set;

/**
 * The 80 COCO object classes in the order COCO-trained detectors number them (0 = person), as the
 * {@code @vladmandic/human} centernet and nanodet models use them.
 */
public final class CocoClasses {
    private CocoClasses() {
    }

    public static final List<String> NAMES = List.of("person", "bicycle", "car", "motorcycle", "airplane", "bus",
            "train", "truck", "boat", "traffic light", "fire hydrant", "stop sign", "parking meter", "bench", "bird",
            "cat", "dog", "horse", "sheep", "cow", "elephant", "bear", "zebra", "giraffe", "backpack", "umbrella",
            "handbag", "tie", "suitcase", "frisbee", "skis", "snowboard", "sports ball", "kite", "baseball bat",
            "baseball glove", "skateboard", "surfboard", "tennis racket", "bottle", "wine glass", "cup", "fork", "knife",
            "spoon", "bowl", "banana", "apple", "sandwich", "orange", "broccoli", "carrot", "hot dog", "pizza", "donut",
            "cake", "chair", "couch", "potted plant", "bed", "dining table", "toilet", "tv", "laptop", "mouse", "remote",
            "keyboard", "cell phone", "microwave", "oven", "toaster", "sink", "refrigerator", "book", "clock", "vase",
            "scissors", "teddy bear", "hair drier", "toothbrush");

    /** Road vehicles COCO detectors often give two of these names to one vehicle (a pickup as car and truck). */
    public static final Set<String> VEHICLES = Set.of("car", "bus", "truck");
}
