package org.sightline.models.perception.detect;

import java.util.ArrayList;
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

    /** The ids COCO's 90-id label map leaves unused (the TensorFlow Object Detection API numbers classes 1..90). */
    private static final Set<Integer> UNUSED_IDS = Set.of(12, 26, 29, 30, 45, 66, 68, 69, 71, 83);

    /**
     * The 90-id COCO label map (TensorFlow Object Detection API, {@code mscoco_label_map}) by id − 1: the 80 names in
     * id order, the 10 ids it leaves out named {@code unused-ID}. Read with a class id offset of 1.
     */
    public static final List<String> NINETY_IDS = ninetyIds();

    private static List<String> ninetyIds() {
        ArrayList<String> names = new ArrayList<>();
        int next = 0;
        for (int id = 1; id <= 90; id++) {
            names.add(UNUSED_IDS.contains(id) ? "unused-" + id : NAMES.get(next++));
        }
        return List.copyOf(names);
    }

    /** Road vehicles COCO detectors often give two of these names to one vehicle (a pickup as car and truck). */
    public static final Set<String> VEHICLES = Set.of("car", "bus", "truck");
}
