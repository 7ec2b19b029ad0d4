package org.sightline.indexer.audit;

import java.util.Arrays;
import java.util.Optional;

/** What an audit entry records; its details are the matching {@link AuditDetails} record. The code is what the log stores. */
public enum AuditAction {
    /** A search: {@link AuditDetails.Search}. */
    SEARCH("search"),
    /** A clip viewed: {@link AuditDetails.View}. */
    VIEW("view"),
    /** A case created, changed, closed; an item added, edited, moved or removed: {@link CaseChange}. */
    CASE_CHANGE("case-change"),
    /** An evidence package written: {@link AuditDetails.Export}. */
    EXPORT("export"),
    /** An export that failed or was cancelled: {@link AuditDetails.ExportFailed}. */
    EXPORT_FAILED("export-failed"),
    /** A model pack imported: {@link AuditDetails.ModelImport}. */
    MODEL_IMPORT("model-import"),
    /** Footage indexed: {@link AuditDetails.Index}. */
    INDEX("index"),
    /** Vectors found missing from the index when the data directory opened, queued to be embedded again: {@link AuditDetails.IndexRepair}. */
    INDEX_REPAIR("index-repair"),
    /** An examiner signing key created: {@link AuditDetails.KeyCreate}. */
    KEY_CREATE("key-create"),
    /** The examiner key used to sign: {@link AuditDetails.KeyUse}. */
    KEY_USE("key-use"),
    /** The examiner's public key written out: {@link AuditDetails.KeyExport}. */
    KEY_EXPORT("key-export"),
    /** The audit chain exported for a third party: {@link AuditDetails.AuditExport}. */
    AUDIT_EXPORT("audit-export"),
    /** An evidence package checked inside Sightline: {@link AuditDetails.VerifyPackage}. */
    VERIFY_PACKAGE("verify-package"),
    /** A signed checkpoint of the chain's head written: {@link AuditDetails.Checkpoint}. */
    AUDIT_CHECKPOINT("audit-checkpoint"),
    /** An export found abandoned (its process killed) and its unfinished folder removed: {@link AuditDetails.ExportAbandoned}. */
    EXPORT_ABANDONED("export-abandoned"),
    /** What one item's redacted copy hides, decided at review or at export: {@link AuditDetails.RedactionDecision}. */
    REDACTION("redaction"),
    /** A camera renamed or given a time zone: {@link AuditDetails.CameraChange}. */
    CAMERA_CHANGE("camera-change"),
    /** The workstation zone (of cameras with none of their own) set or cleared: {@link AuditDetails.WorkstationZoneChange}. */
    WORKSTATION_ZONE("workstation-zone"),
    /** A perception pack imported: {@link AuditDetails.PerceptionImport}. */
    PERCEPTION_IMPORT("perception-import");

    private final String code;

    AuditAction(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The action a stored code names; empty for a code this Sightline does not know (or an edited entry). */
    public static Optional<AuditAction> ofCode(String code) {
        return Arrays.stream(values()).filter(a -> a.code.equals(code)).findFirst();
    }
}
