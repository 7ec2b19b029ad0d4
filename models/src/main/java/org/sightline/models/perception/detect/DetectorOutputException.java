package org.sightline.models.perception.detect;

/**
 * A detector's output is not what its decoding reads (wrong shape, a class id outside the class list); the message
 * names the output, what was expected and what came.
 */
public final class DetectorOutputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DetectorOutputException(String message) {
        super(message);
    }

    public DetectorOutputException(String message, Throwable cause) {
        super(message, cause);
    }
}
