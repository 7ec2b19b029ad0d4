package org.sightline.models.pack;

/** A verified pack could not be installed or activated (name taken by different contents, unknown pack, disk error). */
public class PackInstallException extends RuntimeException {
    public PackInstallException(String message) {
        super(message);
    }

    public PackInstallException(String message, Throwable cause) {
        super(message, cause);
    }
}
