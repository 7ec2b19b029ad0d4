package org.sightline.models.perception.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NonMaxSuppressionTest {
    private static final int[] GROUPS = DetectorSettings.centernet().suppressionGroups();

    private static Detection of(String label, float score, float x1, float y1, float x2, float y2) {
        return new Detection(label, CocoClasses.NAMES.indexOf(label), score, new NormalisedBox(x1, y1, x2, y2));
    }

    @Test
    void aVehicleNamedBothCarAndTruckIsOneDetection() {
        List<Detection> kept = NonMaxSuppression.apply(List.of(
                of("truck", 0.4f, 0.1f, 0.1f, 0.3f, 0.3f),
                of("car", 0.6f, 0.1f, 0.1f, 0.3f, 0.31f),
                of("car", 0.5f, 0.6f, 0.6f, 0.8f, 0.8f)), 0.5f, 10, GROUPS);
        assertEquals(2, kept.size());
        assertEquals("car", kept.get(0).label());
        assertEquals(0.6f, kept.get(0).score());
        assertEquals(0.5f, kept.get(1).score());
    }

    @Test
    void aPersonOnABicycleKeepsBoth() {
        List<Detection> kept = NonMaxSuppression.apply(List.of(
                of("person", 0.7f, 0.4f, 0.2f, 0.6f, 0.8f),
                of("bicycle", 0.5f, 0.38f, 0.4f, 0.62f, 0.85f)), 0.3f, 10, GROUPS);
        assertEquals(2, kept.size());
    }
}
