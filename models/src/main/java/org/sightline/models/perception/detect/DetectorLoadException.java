package org.sightline.models.perception.detect;

/** A detector model cannot be loaded; the message names the detector and the problem. */
public final class DetectorLoadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DetectorLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
