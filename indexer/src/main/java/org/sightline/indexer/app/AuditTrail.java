package org.sightline.indexer.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sightline.indexer.audit.AuditDetails;
import org.sightline.indexer.audit.AuditEntry;
import org.sightline.indexer.audit.AuditLog;
import org.sightline.indexer.audit.AuditVerification;
import org.sightline.indexer.audit.AuditVerifier;
import org.sightline.indexer.search.SearchResult;
import org.sightline.models.pack.ImportResult;

/**
 * The audit trail of one data directory as the entry points see it: read it, verify its hash chain, and record
 * what the user looked at. Every state-changing use case of the application layer (indexing, searching, model
 * installs; case changes and exports inside the case service) writes its own entry; entry points never do.
 */
public final class AuditTrail {
    private final AuditLog log;
    private final AuditVerifier verifier;

    AuditTrail(AuditLog log, AuditVerifier verifier) {
        this.log = Objects.requireNonNull(log, "the audit log is required");
        this.verifier = Objects.requireNonNull(verifier, "the audit verifier is required");
    }

    /** Every entry, oldest first. */
    public List<AuditEntry> entries() {
        return log.entries();
    }

    /** The entries about one case, oldest first. */
    public List<AuditEntry> entriesForCase(long caseId) {
        return log.entriesForCase(caseId);
    }

    /** Re-computes the hash chain and reports the first broken link, if any. */
    public AuditVerification verify() {
        return verifier.verify();
    }

    /** Problems with entries an export package recorded (sequence number to hash), none when all are unchanged. */
    public List<String> checkAnchors(Map<Long, String> hashBySeq) {
        return verifier.checkAnchors(hashBySeq);
    }

    /** Records that the user viewed part of a video. */
    public AuditEntry recordView(Path video, String sha256, double fromSeconds, double toSeconds) {
        return log.recordView(video, sha256, fromSeconds, toSeconds);
    }

    AuditEntry recordSearch(SearchResult result) {
        return log.recordSearch(result);
    }

    /** A model-free motion search, logged as a search whose example is the regions and sensitivity. */
    AuditEntry recordMotionSearch(org.sightline.indexer.search.MotionQuery q, org.sightline.indexer.search.ExplainedResult result) {
        String example = java.lang.String.format(java.util.Locale.ROOT, "motion in region %s, sensitivity %.2f",
                String.join(" ", q.regions().stream().map(Object::toString).toList()), q.sensitivity());
        var filters = new AuditDetails.Filters(q.cameras().stream().sorted().toList(),
                q.from() == null ? null : q.from().toString(), q.to() == null ? null : q.to().toString(), null, null, -1f,
                q.limit(), "relevance");
        return log.record(null, new AuditDetails.Search(null, example, filters, result.clips().size(), result.framesExamined(),
                result.answeredBy()));
    }

    AuditEntry recordSearch(org.sightline.indexer.search.SearchQuery query, int results, int framesHit, String modelId) {
        return log.recordSearch(query, results, framesHit, modelId);
    }

    AuditEntry recordPerceptionImport(org.sightline.indexer.audit.AuditDetails.PerceptionImport details) {
        return log.recordPerceptionImport(details);
    }

    AuditEntry recordModelImport(ImportResult result, Path source) {
        return log.recordModelImport(result, source);
    }

    AuditEntry recordIndexRun(AuditDetails.Index details) {
        return log.record(null, details);
    }

    AuditEntry recordIndexRepair(AuditDetails.IndexRepair details) {
        return log.record(null, details);
    }
}
