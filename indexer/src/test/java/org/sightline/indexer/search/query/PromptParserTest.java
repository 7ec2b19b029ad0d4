package org.sightline.indexer.search.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sightline.indexer.search.query.QueryPart.ObjectPart;
import org.sightline.indexer.search.query.QueryPart.TimeOfDayPart;
import org.sightline.models.perception.detect.CocoClasses;

class PromptParserTest {
    private final PromptParser parser = new PromptParser();

    /** Prompt → its parts described in plain words, the words not understood, and the text for the model. */
    static Stream<Arguments> table() {
        return Stream.of(
                row("person", List.of("person"), List.of(), "person"),
                row("a man", List.of("person (\"man\")"), List.of(), "man"),
                row("two people", List.of("at least 2 × person (\"people\")"), List.of(), "people"),
                row("at least three cars", List.of("at least 3 × car (\"cars\")"), List.of(), "cars"),
                row("more than 2 bikes", List.of("at least 3 × bicycle (\"bikes\")"), List.of(), "bikes"),
                row("exactly two people", List.of("exactly 2 × person (\"people\")"), List.of(), "people"),
                row("fewer than 3 people", List.of("at most 2 × person (\"people\")"), List.of(), "people"),
                row("a man alone", List.of("exactly 1 × person (\"man\")"), List.of(), "man"),
                row("alone", List.of("exactly 1 × person"), List.of(), ""),
                row("white van", List.of("car/truck (\"van\"), colour white"), List.of(), "white van"),
                row("a white delivery van by the gate at night",
                        List.of("car/truck (\"van\"), colour white", "at night (21:00-05:00)"), List.of("delivery", "gate"),
                        "white delivery van by the gate"),
                row("lorry", List.of("truck (\"lorry\")"), List.of(), "lorry"),
                row("pickup", List.of("car/truck (\"pickup\")"), List.of(), "pickup"),
                row("pedestrian", List.of("person (\"pedestrian\")"), List.of(), "pedestrian"),
                row("a cyclist crossing left to right",
                        List.of("bicycle/person (\"cyclist\")", "motion crossing", "motion left to right"), List.of(),
                        "cyclist crossing left to right"),
                row("man in a red jacket", List.of("person (\"man\"), colour red jacket"), List.of(), "man in a red jacket"),
                row("red jacket", List.of("person, colour red jacket"), List.of(), "red jacket"),
                row("a woman in blue", List.of("person (\"woman\"), colour blue"), List.of(), "woman in blue"),
                row("something red", List.of("colour red"), List.of("something"), "something red"),
                row("two people exchanging a bag",
                        List.of("at least 2 × person (\"people\")", "relation exchanging", "backpack/handbag/suitcase (\"bag\")"),
                        List.of(), "people exchanging a bag"),
                row("person with a backpack", List.of("person", "relation near", "backpack"), List.of(), "person with a backpack"),
                row("a man with a red jacket and a car", List.of("person (\"man\"), colour red jacket", "car"), List.of(),
                        "man with a red jacket and a car"),
                row("people together near a car",
                        List.of("person (\"people\")", "relation together", "relation near", "car"), List.of(),
                        "people together near a car"),
                row("no people", List.of("no person (\"people\")"), List.of(), ""),
                row("nobody", List.of("no person"), List.of(), ""),
                row("car -bicycle", List.of("car", "no bicycle"), List.of(), "car"),
                row("a car without people", List.of("car", "no person (\"people\")"), List.of(), "car"),
                row("no red cars", List.of("no car (\"cars\"), colour red"), List.of(), ""),
                row("plate \"KX19 ABC\"", List.of("text \"KX19 ABC\""), List.of(), ""),
                row("plate KX19ABC", List.of("text \"KX19ABC\""), List.of(), ""),
                row("plate KX19 ABC", List.of("text \"KX19 ABC\""), List.of(), ""),
                row("plate KX19 ABC at night", List.of("text \"KX19 ABC\"", "at night (21:00-05:00)"), List.of(), ""),
                row("\"OPEN\" sign", List.of("text \"OPEN\""), List.of("sign"), "sign"),
                row("loitering in the morning", List.of("motion loitering", "in the morning (06:00-12:00)"), List.of(),
                        "loitering"),
                row("car stopped", List.of("car", "motion stopped"), List.of(), "car stopped"),
                row("person running", List.of("person", "motion running"), List.of(), "person running"),
                row("passing by", List.of("motion crossing"), List.of(), "passing by"),
                row("a dark blue suv", List.of("car/truck (\"suv\"), colour blue"), List.of(), "dark blue suv"),
                row("three", List.of(), List.of("three"), "three"),
                row("zebra crossing quokka", List.of("motion crossing"), List.of("zebra", "quokka"), "zebra crossing quokka"),
                row("the", List.of(), List.of(), ""));
    }

    private static Arguments row(String prompt, List<String> parts, List<String> unknown, String visual) {
        return Arguments.of(prompt, parts, unknown, visual);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void readsThePrompt(String prompt, List<String> parts, List<String> unknown, String visual) {
        ParsedPrompt p = parser.parse(prompt);
        assertEquals(parts, p.parts().stream().map(QueryPart::describe).toList(), "parts of " + prompt);
        assertEquals(unknown, p.unknown(), "unknown words of " + prompt);
        assertEquals(visual, p.visualText(), "text for the model of " + prompt);
    }

    @Test
    void everyPartKnowsTheWordsItUsed() {
        ParsedPrompt p = parser.parse("at least three white vans near a man in a red jacket at night");
        ObjectPart vans = p.partsOf(ObjectPart.class).getFirst();
        assertEquals(List.of("at", "least", "three", "white", "vans"), vans.words());
        ObjectPart man = p.partsOf(ObjectPart.class).get(1);
        assertEquals(List.of("man", "red", "jacket"), man.words());
        TimeOfDayPart night = p.partsOf(TimeOfDayPart.class).getFirst();
        assertEquals(List.of("at", "night"), night.words());
        assertEquals(LocalTime.of(21, 0), night.from());
        assertEquals(LocalTime.of(5, 0), night.to());
    }

    @Test
    void everyObjectNounMapsOntoCocoClasses() {
        PromptVocabulary.OBJECTS.forEach((noun, classes) -> {
            assertFalse(classes.isEmpty(), noun);
            classes.forEach(c -> assertTrue(CocoClasses.NAMES.contains(c), noun + " -> " + c + " is not a COCO class"));
        });
    }

    @Test
    void noPhraseIsLongerThanTheParserLooksAhead() {
        List<java.util.Collection<String>> tables = List.of(PromptVocabulary.OBJECTS.keySet(), PromptVocabulary.RELATIONS.keySet(),
                PromptVocabulary.MOTIONS.keySet(), PromptVocabulary.TIMES.keySet(), PromptVocabulary.ALONE,
                PromptVocabulary.TEXT_CUES, PromptVocabulary.NEGATIONS, PromptVocabulary.NOBODY, PromptVocabulary.CLOTHING);
        for (var table : tables) {
            for (String phrase : table) {
                assertTrue(phrase.split(" ").length <= PromptVocabulary.LONGEST_PHRASE, phrase);
            }
        }
    }

    @Test
    void colourWordsAreTheDemoModelsColours() {
        assertEquals("grey", PromptVocabulary.COLOURS.get("silver"));
        assertEquals("red", PromptVocabulary.COLOURS.get("crimson"));
        ObjectPart car = parser.parse("a silver car").partsOf(ObjectPart.class).getFirst();
        assertEquals("grey", car.colours().getFirst().name());
    }

    @Test
    void partsSayWhatCanAnswerThem() {
        ParsedPrompt p = parser.parse("\"AB12\" two people running at night red");
        assertEquals(List.of(QueryPart.Evidence.SCENE_TEXT, QueryPart.Evidence.DETECTIONS, QueryPart.Evidence.TRACKS,
                QueryPart.Evidence.RECORDING_TIME, QueryPart.Evidence.MODEL), p.parts().stream().map(QueryPart::answeredBy).toList());
    }
}
