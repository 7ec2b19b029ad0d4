package org.sightline.models.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.sightline.models.pack.PackManifest.TextCleaning;
import org.sightline.models.pack.PackManifest.TextSettings;

/** Prompt cleaning as open_clip does it for SigLIP ("canonicalize") and "lower", and prefixes. */
class PromptCleanerTest {
    @Test
    void canonicalizeRemovesPunctuationUnderscoresCaseAndExtraSpaces() {
        assertEquals("a red car by the gate", PromptCleaner.clean("  A RED_car,   by the gate! ", TextCleaning.CANONICALIZE));
        assertEquals("its 10pm", PromptCleaner.clean("It's 10pm.", TextCleaning.CANONICALIZE));
    }

    @Test
    void lowerKeepsPunctuation() {
        assertEquals("a red car, by the gate!", PromptCleaner.clean(" A Red  car, by the gate!", TextCleaning.LOWER));
    }

    @Test
    void noCleaningLeavesThePromptAndThePrefixGoesFirst() {
        assertEquals("Red Car!", PromptCleaner.clean("Red Car!", null));
        TextSettings nomic = new TextSettings(77, 0, "input_ids", null, "text_embeds", null, null, null, "search_query: ");
        assertEquals("search_query: red car", PromptCleaner.prepare("red car", nomic));
    }

    @Test
    void nllbLanguageCodeGoesStraightBeforeTheCleanedPrompt() {
        TextSettings nllb = new TextSettings(77, 1, "text", null, "embedding", null, 1, TextCleaning.LOWER, null, "fra_Latn");
        assertEquals("fra_Latnune voiture rouge", PromptCleaner.prepare("  Une voiture  ROUGE ", nllb));
    }
}
