package org.sightline.models.convert.tfjs;

/** A TensorFlow.js graph model cannot be read or converted; the message names the file or node and the problem. */
public final class TfjsConversionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TfjsConversionException(String message) {
        super(message);
    }

    public TfjsConversionException(String message, Throwable cause) {
        super(message, cause);
    }
}
