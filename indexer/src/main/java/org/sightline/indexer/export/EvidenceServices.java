package org.sightline.indexer.export;

import java.nio.file.Path;
import org.sightline.indexer.audit.AuditLog;
import org.sightline.indexer.audit.AuditVerifier;
import org.sightline.indexer.cases.CaseService;
import org.sightline.indexer.catalog.Catalog;
import org.sightline.indexer.catalog.CatalogDatabase;
import org.sightline.indexer.signing.ExaminerKeyStore;

/**
 * Cases, export and the audit trail of one catalog, wired together: the services keep their own tables in the
 * catalog file through {@link Catalog#database()}, and the exporter finds moved sources through
 * {@link Catalog#knownPaths(String)} (then the paths case items recorded). The examiner's signing key lives in
 * {@code keys/} in the data directory.
 */
public record EvidenceServices(AuditLog audit, AuditVerifier auditVerifier, CaseService cases,
                               EvidenceExporter exporter, ExportVerifier exportVerifier, ExaminerKeyStore keys) {

    public static EvidenceServices on(Catalog catalog) {
        CatalogDatabase db = catalog.database();
        AuditLog audit = new AuditLog(db);
        CaseService cases = new CaseService(db, audit);
        KnownPaths seen = catalog::knownPaths;
        ExaminerKeyStore keys = new ExaminerKeyStore(keysDirectory(catalog), audit);
        RecordingTimes times = sha -> catalog.videosBySha256(sha).stream()
                .filter(v -> v.recordingStart().isPresent())
                .findFirst()
                .map(v -> new RecordingTimes.RecordingTime(v.recordingStart().orElseThrow(), v.recordingStartSource()));
        EvidenceExporter exporter = new EvidenceExporter(cases, audit, seen.or(cases::recordedPathsFor), keys, times);
        return new EvidenceServices(audit, new AuditVerifier(db), cases, exporter, new ExportVerifier(), keys);
    }

    /** {@code keys/} beside the catalog file, in the data directory. */
    public static Path keysDirectory(Catalog catalog) {
        return catalog.file().toAbsolutePath().getParent().resolve("keys");
    }
}
