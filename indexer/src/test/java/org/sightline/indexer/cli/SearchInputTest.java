package org.sightline.indexer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search filters that cannot mean anything are refused with a plain message and exit status 2, instead of silently
 * giving 0 clips or printing a stack trace (issue 11, items 1 and 16). Nothing is opened before the input is checked.
 */
class SearchInputTest {
    @TempDir
    Path data;

    private CliRun search(String... more) {
        String[] args = new String[more.length + 3];
        args[0] = "search";
        args[1] = "--data";
        args[2] = data.toString();
        System.arraycopy(more, 0, args, 3, more.length);
        return CliRun.of(args);
    }

    private static void refused(CliRun run, String expected) {
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains(expected), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
    }

    @Test
    void aRangeThatEndsBeforeItStarts() {
        refused(search("red", "--from", "2024-02-01", "--to", "2024-01-01"), "is not before 'to'");
    }

    @Test
    void scoresNoCosineCanReach() {
        refused(search("red", "--min-score", "5"), "from -1 to 1");
        refused(search("red", "--min-score", "NaN"), "from -1 to 1");
    }

    @Test
    void limitsThatAreNotPositive() {
        refused(search("red", "--limit", "0"), "from 1 to");
        refused(search("red", "--limit", "-1"), "from 1 to");
    }

    @Test
    void overlongPromptsAndCameraNames() {
        refused(search("a".repeat(1_001)), "at most 1,000");
        refused(search("red", "--camera", "c".repeat(600)), "at most 200");
        refused(search("   "), "the prompt is empty");
    }
}
