package org.sightline.indexer.audit;

/** What an audit entry records. The code is what the log stores. */
public enum AuditAction {
    /** A search: details {@code query} (prompt or example description), {@code filters}, {@code results}, {@code modelId}. */
    SEARCH("search"),
    /** A clip viewed: details {@code video}, {@code sha256}, {@code fromSeconds}, {@code toSeconds}. */
    VIEW("view"),
    /** A case created, changed, closed; an item added, edited, moved or removed. */
    CASE_CHANGE("case-change"),
    /** An evidence package written: details {@code out}, {@code manifestSha256}, {@code files}. */
    EXPORT("export"),
    /** An export that failed or was cancelled: details {@code out}, {@code error}. */
    EXPORT_FAILED("export-failed"),
    /** A model pack imported: details {@code modelId}, {@code source}. */
    MODEL_IMPORT("model-import"),
    /** Footage indexed: details {@code paths}, {@code files}, {@code modelId}. */
    INDEX("index"),
    /** Vectors found missing from the index when the data directory opened, and queued to be embedded again: details {@code lost}. */
    INDEX_REPAIR("index-repair"),
    /** An examiner signing key created: details {@code name}, {@code fingerprint}, {@code passphraseProtected}, {@code reason}. */
    KEY_CREATE("key-create"),
    /** The examiner key used to sign: details {@code fingerprint}, {@code signed} (what), {@code manifestSha256}. */
    KEY_USE("key-use"),
    /** The examiner's public key written out: details {@code fingerprint}, {@code out}. */
    KEY_EXPORT("key-export"),
    /** The audit chain exported for a third party: details {@code out}, {@code entries}, {@code head}, {@code fingerprint}. */
    AUDIT_EXPORT("audit-export"),
    /** An evidence package checked inside Sightline: details {@code dir}, {@code ok}, {@code signature}, {@code fingerprint}, {@code problems}. */
    VERIFY_PACKAGE("verify-package");

    private final String code;

    AuditAction(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
