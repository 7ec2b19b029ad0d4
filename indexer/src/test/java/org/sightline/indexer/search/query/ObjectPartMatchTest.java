package org.sightline.indexer.search.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sightline.indexer.footage.FrameRegion;
import org.sightline.indexer.search.query.QueryPart.ObjectPart;
import org.sightline.models.perception.detect.CocoClasses;
import org.sightline.models.perception.detect.Detection;
import org.sightline.models.perception.detect.NormalisedBox;

/** Parsed prompts against one frame's detections: counts, colours, negation, regions, a vehicle named twice. */
class ObjectPartMatchTest {
    private final PromptParser parser = new PromptParser();

    private static Detection d(String label, float score, float x1, float y1, float x2, float y2) {
        return new Detection(label, CocoClasses.NAMES.indexOf(label), score, new NormalisedBox(x1, y1, x2, y2));
    }

    private static final Detection PERSON_A = d("person", 0.81f, 0.1f, 0.2f, 0.2f, 0.6f);
    private static final Detection PERSON_B = d("person", 0.77f, 0.3f, 0.2f, 0.4f, 0.6f);
    private static final Detection WEAK_PERSON = d("person", 0.2f, 0.8f, 0.2f, 0.9f, 0.6f);
    private static final Detection VAN_AS_CAR = d("car", 0.66f, 0.5f, 0.5f, 0.8f, 0.9f);
    private static final Detection VAN_AS_TRUCK = d("truck", 0.55f, 0.51f, 0.5f, 0.8f, 0.9f);
    private static final Map<Detection, String> COLOURS = Map.of(PERSON_A, "red", PERSON_B, "blue", VAN_AS_CAR, "white",
            VAN_AS_TRUCK, "white");

    private Optional<String> test(String prompt, List<FrameRegion> regions, Detection... frame) {
        ObjectPart part = parser.parse(prompt).partsOf(ObjectPart.class).getFirst();
        return new ObjectPartMatch(0.3f, regions, det -> Optional.ofNullable(COLOURS.get(det))).test(part, List.of(frame));
    }

    @Test
    void countsPeopleAboveTheMinimumScore() {
        assertEquals(Optional.of("2 × person (0.81, 0.77)"), test("two people", List.of(), PERSON_A, PERSON_B, WEAK_PERSON));
        assertTrue(test("two people", List.of(), PERSON_A, WEAK_PERSON).isEmpty());
        assertTrue(test("a man alone", List.of(), PERSON_A, PERSON_B).isEmpty());
        assertTrue(test("a man alone", List.of(), PERSON_A, WEAK_PERSON).isPresent());
    }

    @Test
    void aVanNamedCarAndTruckIsOneVehicle() {
        assertEquals(Optional.of("1 × car, white (0.66)"), test("a white van", List.of(), VAN_AS_CAR, VAN_AS_TRUCK));
        assertTrue(test("exactly two vehicles", List.of(), VAN_AS_CAR, VAN_AS_TRUCK).isEmpty());
    }

    @Test
    void coloursOfClothingAreTheColourOfThePerson() {
        assertEquals(Optional.of("1 × person, red (0.81)"), test("a man in a red jacket", List.of(), PERSON_A, PERSON_B));
        assertTrue(test("a woman in a green coat", List.of(), PERSON_A, PERSON_B).isEmpty());
    }

    @Test
    void negationAndRegions() {
        assertEquals(Optional.of("no bicycle seen"), test("no bicycles", List.of(), PERSON_A, VAN_AS_CAR));
        assertTrue(test("no people", List.of(), PERSON_A).isEmpty());
        FrameRegion left = new FrameRegion(0, 0, 0.25, 1);
        assertEquals(Optional.of("1 × person (0.81)"), test("person", List.of(left), PERSON_A, PERSON_B));
    }
}
