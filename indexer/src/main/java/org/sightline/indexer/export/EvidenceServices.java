package org.sightline.indexer.export;

import org.sightline.indexer.audit.AuditLog;
import org.sightline.indexer.audit.AuditVerifier;
import org.sightline.indexer.cases.CaseService;
import org.sightline.indexer.catalog.Catalog;
import org.sightline.indexer.catalog.CatalogDatabase;

/**
 * Cases, export and the audit trail of one catalog, wired together: the services keep their own tables in the
 * catalog file through {@link Catalog#database()}, and the exporter finds moved sources through
 * {@link Catalog#knownPaths(String)} (then the paths case items recorded).
 */
public record EvidenceServices(AuditLog audit, AuditVerifier auditVerifier, CaseService cases,
                               EvidenceExporter exporter, ExportVerifier exportVerifier) {

    public static EvidenceServices on(Catalog catalog) {
        CatalogDatabase db = catalog.database();
        AuditLog audit = new AuditLog(db);
        CaseService cases = new CaseService(db, audit);
        KnownPaths seen = catalog::knownPaths;
        EvidenceExporter exporter = new EvidenceExporter(cases, audit, seen.or(cases::recordedPathsFor));
        return new EvidenceServices(audit, new AuditVerifier(db), cases, exporter, new ExportVerifier());
    }
}
