package org.sightline.indexer.export;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.sightline.indexer.audit.AuditEntry;
import org.sightline.indexer.cases.FoundBy;
import org.sightline.indexer.signing.SignedBy;

/**
 * {@code manifest.json} of an evidence package: what was exported, by whom, with what, and every file with
 * its size and SHA-256. A third party checks a package with {@code sightline verify DIR} or any SHA-256 tool.
 * {@code manifest.json.sha256} holds the manifest's own hash in {@code sha256sum} format.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExportManifest(String format, CaseInfo caseInfo, String exportedAt, String exportedBy, Tool tool,
                             List<String> modelIds, List<Item> items, List<FileEntry> files, Audit audit,
                             SignedBy signer) {

    /** Version 2 adds the signer (and the detached signature beside the manifest), recording times and SHA256SUMS. */
    public static final String FORMAT = "sightline-evidence-package/2";
    public static final String MANIFEST = "manifest.json";
    public static final String MANIFEST_HASH = "manifest.json.sha256";
    public static final String ORIGINALS = "originals";
    public static final String CLIPS = "clips";
    public static final String REPORT_PDF = "report.pdf";
    public static final String REPORT_HTML = "report.html";
    /** Every listed file's SHA-256 in {@code sha256sum -c} format; itself listed, so the signature covers it. */
    public static final String CHECKSUMS = "SHA256SUMS";
    /** What the signature of a package covers, in words (the manifest's own signer section says it too). */
    public static final String SIGNATURE_COVERS = "the exact bytes of manifest.json, which list every file's size and "
            + "SHA-256 (SHA256SUMS included) and the audit chain head at export";

    /** File roles. */
    public static final String ROLE_ORIGINAL = "original";
    public static final String ROLE_CLIP = "clip";
    public static final String ROLE_STILL = "still";
    public static final String ROLE_REPORT = "report";
    public static final String ROLE_CHECKSUMS = "checksums";
    /** The redaction plan a redacted clip and still were made with (JSON, see {@code RedactionPlan}). */
    public static final String ROLE_REDACTION_PLAN = "redaction-plan";

    public record CaseInfo(long id, String name, String reference, String examiner, String description,
                           String status, String created) {
    }

    /** @param clipEncoder how clips were made, e.g. "FFmpeg 8 via JavaCV, libopenh264, yuv420p" */
    public record Tool(String name, String version, String clipEncoder) {
    }

    /**
     * One case item and the files made for it.
     *
     * @param sourcePath     where the source was read from at export time
     * @param recordedPath   the path the case recorded (differs when the file had moved)
     * @param clipFirstFrame source time of the clip's first frame; {@code clipLastFrame} of its last
     * @param recordingStart wall-clock time (UTC, ISO-8601) of the source's first frame, or null when unknown
     * @param recordingStartSource where that time came from: "metadata" (container creation time) or "filename"
     * @param zone           IANA zone of the camera's wall clock, or null when the package predates camera zones (UTC)
     * @param zoneAssumed    true when no zone was set for the camera and {@code zone} (the workstation zone) stands in;
     *                       null when the package predates camera zones
     * @param zoneSource     where {@code zone} came from: "camera setting", "workstation setting" or "operating system";
     *                       null when the package predates the workstation zone
     */
    public record Item(int position, long itemId, String sourceSha256, String recordedPath, String sourcePath,
                       String camera, double inSeconds, double outSeconds, double hitSeconds, String note,
                       List<String> tags, FoundBy foundBy, String original, String clip, String still,
                       int clipFrames, double clipFramesPerSecond, double clipFirstFrame, double clipLastFrame,
                       double stillSeconds, String recordingStart, String recordingStartSource,
                       @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String zone,
                       @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) Boolean zoneAssumed,
                       @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String zoneSource) {
    }

    /**
     * A file in the package.
     *
     * @param path        relative to the package folder, with '/' separators
     * @param role        {@code original}, {@code clip}, {@code still} or {@code report}
     * @param item        position of the case item it belongs to; null for originals and reports
     * @param derivedFrom for clips and stills: the source and the span; null for originals and reports
     * @param foundBy     for clips and stills: the search that found the item
     * @param redaction   for redacted clips and stills: what was hidden and how; null when nothing was
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FileEntry(String path, long size, String sha256, String role, Integer item,
                            DerivedFrom derivedFrom, FoundBy foundBy, Redacted redaction) {
    }

    /**
     * What was hidden in a derivative file; its source (an original, never changed) is in {@code derivedFrom}.
     *
     * @param method        {@code block} or {@code blur}
     * @param regions       each {@code x,y,width,height} as fractions of the picture (the user's boxes)
     * @param what          what the regions are, e.g. "user-drawn regions", "people, plates"
     * @param targets       for planned redactions: what was asked for (people, vehicles, plates, faces, regions)
     * @param detectorPacks the perception packs that found boxes: name, version and manifest SHA-256 of each
     * @param review        "reviewed" when a person checked the plan before export, else "not reviewed"
     * @param plan          the plan (every frame's boxes) in the package, with {@code planSha256} its SHA-256
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Redacted(String method, List<String> regions, String what, String description, List<String> targets,
                           List<String> detectorPacks, String review, String plan, String planSha256) {
        /** User-drawn regions only (no plan, no detector). */
        public Redacted(String method, List<String> regions, String what, String description) {
            this(method, regions, what, description, null, null, null, null, null);
        }
    }

    /** @param atSeconds for stills, the source time of the frame */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DerivedFrom(String sourceSha256, String sourceFile, Double inSeconds, Double outSeconds,
                              Double atSeconds) {
    }

    /**
     * The case's audit entries. Each entry's hash can be recomputed from its fields and {@code prevHash}
     * (see {@link #hashRule}); entries of other cases in between are not included, so links between
     * consecutive entries here need not be direct.
     */
    public record Audit(String hashRule, List<Entry> entries, String chainHeadAtExport, long chainLengthAtExport) {
        public static final String HASH_RULE = "hash = hex(SHA-256(prevHash + \"\\n\" + JSON array "
                + "[seq, time, user, action, caseId, details])); details is the JSON text as stored; "
                + "the first entry's prevHash is 64 zeros";
    }

    /** An audit entry as stored, details as its JSON text. */
    public record Entry(long seq, String time, String user, String action, Long caseId, String details,
                        String prevHash, String hash) {

        static Entry of(AuditEntry e) {
            return new Entry(e.seq(), e.time().toString(), e.user(), e.action(), e.caseId(), e.details(),
                    e.prevHash(), e.hash());
        }

        /** Whether the stored hash matches the entry's content. */
        public boolean consistent() {
            return AuditEntry.chainHash(prevHash, AuditEntry.canonical(seq, time, user, action, caseId, details))
                    .equals(hash);
        }
    }
}
