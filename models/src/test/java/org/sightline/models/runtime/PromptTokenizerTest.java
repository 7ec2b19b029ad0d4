package org.sightline.models.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sightline.models.testing.SharedData;

/** The real CLIP ViT-B/32 tokenizer from ../shared, through DJL, gives the reference ids. */
class PromptTokenizerTest {
    static final long START = 49406;
    static final long END = 49407;
    static PromptTokenizer tokenizer;

    @BeforeAll
    static void load() throws Exception {
        byte[] json = Files.readAllBytes(SharedData.clipTokenizerDir().resolve("tokenizer.json"));
        tokenizer = new PromptTokenizer(json, 77, END);
    }

    @AfterAll
    static void close() {
        tokenizer.close();
    }

    @Test
    void photoOfADogGivesTheReferenceIdsPaddedWithThePadId() {
        PromptTokenizer.Tokens t = tokenizer.tokenize("a photo of a dog");
        assertEquals(77, t.ids().length);
        assertArrayEquals(new long[] {START, 320, 1125, 539, 320, 1929, END}, Arrays.copyOf(t.ids(), 7));
        for (int i = 7; i < 77; i++) {
            assertEquals(END, t.ids()[i], "pad at " + i);
            assertEquals(0, t.attentionMask()[i]);
        }
        assertEquals(7, t.length());
        assertEquals(1, t.attentionMask()[6]);
    }

    @Test
    void padIdIsThePacksNotDjlsZero() throws Exception {
        byte[] json = Files.readAllBytes(SharedData.clipTokenizerDir().resolve("tokenizer.json"));
        try (PromptTokenizer other = new PromptTokenizer(json, 77, 12345)) {
            assertEquals(12345, other.tokenize("a dog").ids()[76]);
        }
    }

    @Test
    void longPromptIsTruncatedAndKeepsTheEndToken() {
        String prompt = "a red car ".repeat(60);
        PromptTokenizer.Tokens t = tokenizer.tokenize(prompt);
        assertEquals(77, t.ids().length);
        assertEquals(77, t.length());
        assertEquals(START, t.ids()[0]);
        assertEquals(END, t.ids()[76]);
        assertEquals(320, t.ids()[1]);
    }

    @Test
    void isCaseInsensitiveLikeClip() {
        assertArrayEquals(tokenizer.tokenize("A Photo of a DOG").ids(), tokenizer.tokenize("a photo of a dog").ids());
    }
}
