package org.sightline.models.perception;

import java.util.ArrayList;
import java.util.List;

/**
 * A CTC recogniser's output classes as text: class 0 is the blank, class {@code i} the {@code i}-th listed
 * character, and, when the set says so, a final space class.
 */
public final class CharacterList {
    private final List<String> classes;

    private CharacterList(List<String> classes) {
        this.classes = List.copyOf(classes);
    }

    /** Parses a one-character-per-line list ({@code \n} or {@code \r\n} line ends; a final empty line is ignored). */
    public static CharacterList parse(String text, PerceptionManifest.CharacterSet set) {
        List<String> classes = new ArrayList<>();
        classes.add("");
        String[] lines = text.split("\r?\n", -1);
        int n = lines.length;
        if (n > 0 && lines[n - 1].isEmpty()) {
            n--;
        }
        for (int i = 0; i < n; i++) {
            classes.add(lines[i]);
        }
        if (set.spaceAppended()) {
            classes.add(" ");
        }
        return new CharacterList(classes);
    }

    /** Number of output classes, blank included. */
    public int classCount() {
        return classes.size();
    }

    /** The text of class {@code index} (empty for the blank). */
    public String text(int index) {
        return classes.get(index);
    }
}
