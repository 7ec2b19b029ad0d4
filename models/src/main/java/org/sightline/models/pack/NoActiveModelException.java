package org.sightline.models.pack;

/** No model pack is installed and active, so nothing can be embedded. */
public class NoActiveModelException extends RuntimeException {
    public static final String ADVICE = "no model pack installed: run `sightline models demo` or `sightline models import DIR`";

    public NoActiveModelException() {
        super(ADVICE);
    }

    public NoActiveModelException(String message) {
        super(message);
    }
}
