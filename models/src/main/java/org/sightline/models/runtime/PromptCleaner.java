package org.sightline.models.runtime;

import java.util.Locale;
import org.sightline.models.pack.PackManifest.TextCleaning;
import org.sightline.models.pack.PackManifest.TextSettings;

/**
 * Prepares a prompt the way a model family's own tokenizer wrapper does before tokenizing: open_clip's
 * {@code canonicalize} (SigLIP) or {@code lower} cleaning, the language code NLLB models take straight before the
 * cleaned prompt (as Immich writes {@code f"{flores_code}{text}"}: {@code eng_Latna red car}, the code being one
 * token of the tokenizer), and a fixed prefix (e.g. nomic's {@code search_query: }).
 */
public final class PromptCleaner {
    /** ASCII punctuation, as Python's {@code string.punctuation}. */
    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private PromptCleaner() {
    }

    public static String prepare(String prompt, TextSettings settings) {
        String text = clean(prompt, settings.cleaning());
        if (settings.language() != null) {
            text = settings.language() + text;
        }
        return settings.prefix() == null ? text : settings.prefix() + text;
    }

    static String clean(String prompt, TextCleaning cleaning) {
        if (cleaning == null) {
            return prompt;
        }
        String text = prompt;
        if (cleaning == TextCleaning.CANONICALIZE) {
            text = text.replace('_', ' ');
            StringBuilder kept = new StringBuilder(text.length());
            text.codePoints().filter(c -> PUNCTUATION.indexOf(c) < 0).forEach(kept::appendCodePoint);
            text = kept.toString();
        }
        return String.join(" ", text.toLowerCase(Locale.ROOT).strip().split("\\s+")).strip();
    }
}
