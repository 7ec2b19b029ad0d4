package org.sightline.indexer.search.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SceneTextTest {
    @Test
    void forgivesLookAlikeCharactersSpacesAndCase() {
        assertTrue(SceneText.matches("KX19 ABC", "KX19ABC"));
        assertTrue(SceneText.matches("KX19 ABC", "kxi9 a8c"));
        assertTrue(SceneText.matches("SO5 1BB", "5O5 I88"));
        assertTrue(SceneText.matches("OPEN", "0PEN"));
        assertEquals(SceneText.fold("B8"), SceneText.fold("8B"));
    }

    @Test
    void findsTheTextInsideLongerReadings() {
        assertTrue(SceneText.matches("KX19ABC", "GB KX19ABC 2024"));
    }

    @Test
    void allowsOneFurtherMistakeOnLongerTextOnly() {
        assertTrue(SceneText.matches("KX19ABC", "KX19AFC"));
        assertTrue(SceneText.matches("KX19ABC", "KX19AC"));
        assertFalse(SceneText.matches("KX19ABC", "KX19XYZ"));
        assertFalse(SceneText.matches("AB1", "AC1"));
        assertFalse(SceneText.matches("   ", "anything"));
    }

    @Test
    void saysHowCloselyAReadingMatches() {
        assertEquals(java.util.Optional.of(SceneText.Quality.EXACT), SceneText.match("KX19 ABC", "GB KX19ABC"));
        assertEquals(java.util.Optional.of(SceneText.Quality.LOOK_ALIKE), SceneText.match("KX19 A8C", "KX19 ABC"));
        assertEquals(java.util.Optional.of(SceneText.Quality.ONE_EDIT), SceneText.match("KX19 ABC", "KX19 AFC"));
        assertEquals(java.util.Optional.empty(), SceneText.match("KX19 ABC", "PL55 QRT"));
        assertTrue(SceneText.Quality.EXACT.weight() > SceneText.Quality.LOOK_ALIKE.weight()
                && SceneText.Quality.LOOK_ALIKE.weight() > SceneText.Quality.ONE_EDIT.weight());
    }
}
