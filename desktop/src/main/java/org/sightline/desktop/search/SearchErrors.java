package org.sightline.desktop.search;

import org.sightline.models.runtime.PromptNotUnderstoodException;

/** Turns a failed search into a sentence for the user. */
final class SearchErrors {
    private SearchErrors() {
    }

    static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PromptNotUnderstoodException && t.getMessage() != null && !t.getMessage().isBlank()) {
                // the prompt was not understood: not a failure, the message says what can be asked
                String m = t.getMessage();
                return Character.toUpperCase(m.charAt(0)) + m.substring(1);
            }
        }
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t.getMessage().isBlank())) {
            t = t.getCause();
        }
        String msg = t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName() : t.getMessage();
        return "The search failed: " + msg;
    }
}
