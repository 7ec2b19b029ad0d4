package org.sightline.indexer.audit;

/** The audit log could not be read or written (the catalog is unreadable, locked or from a newer version). */
public class AuditException extends RuntimeException {
    public AuditException(String message, Throwable cause) {
        super(message, cause);
    }
}
