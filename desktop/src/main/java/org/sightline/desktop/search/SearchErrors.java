package org.sightline.desktop.search;

/** Turns a failed search into a sentence for the user. */
final class SearchErrors {
    private SearchErrors() {
    }

    static String describe(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t.getMessage().isBlank())) {
            t = t.getCause();
        }
        String msg = t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName() : t.getMessage();
        return "The search failed: " + msg;
    }
}
