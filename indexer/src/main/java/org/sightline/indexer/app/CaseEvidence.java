package org.sightline.indexer.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.sightline.indexer.audit.AuditLog;
import org.sightline.indexer.audit.AuditVerifier;
import org.sightline.indexer.audit.ConnectionSource;
import org.sightline.indexer.cases.CaseService;
import org.sightline.indexer.catalog.Catalog;
import org.sightline.indexer.catalog.VideoRecord;
import org.sightline.indexer.export.EvidenceExporter;
import org.sightline.indexer.export.ExportVerifier;
import org.sightline.indexer.export.KnownPaths;

/**
 * Cases, evidence export and the audit trail of one data directory, wired on its catalog: the services keep their
 * own tables in the catalog file through {@link Catalog#openConnection()}, and the exporter finds moved sources
 * through {@link Catalog#knownPaths(String)} (then the paths case items recorded). Case changes and exports write
 * their audit entries inside the case service and the exporter.
 */
public final class CaseEvidence implements AutoCloseable {
    private final Catalog catalog;
    private final boolean ownsCatalog;
    private final AuditTrail audit;
    private final CaseService cases;
    private final EvidenceExporter exporter;
    private final ExportVerifier exportVerifier;

    private CaseEvidence(Catalog catalog, boolean ownsCatalog) {
        this.catalog = catalog;
        this.ownsCatalog = ownsCatalog;
        ConnectionSource db = catalog::openConnection;
        AuditLog log = new AuditLog(db);
        this.audit = new AuditTrail(log, new AuditVerifier(db));
        this.cases = new CaseService(db, log);
        KnownPaths seen = catalog::knownPaths;
        this.exporter = new EvidenceExporter(cases, log, seen.or(cases::recordedPathsFor));
        this.exportVerifier = new ExportVerifier();
    }

    /**
     * Opens the cases of a data directory on its catalog alone, without the vector index or a model (the
     * {@code case} and {@code audit} commands); creates the folders when missing. Close it when done.
     */
    public static CaseEvidence open(DataDirectory data) {
        try {
            data.create();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + data.root() + ": " + e.getMessage(), e);
        }
        Catalog catalog = Catalog.open(data.catalogFile());
        try {
            return new CaseEvidence(catalog, true);
        } catch (RuntimeException e) {
            catalog.close();
            throw e;
        }
    }

    /** On a workspace's open catalog, which the workspace closes. */
    static CaseEvidence on(Catalog catalog) {
        return new CaseEvidence(catalog, false);
    }

    public CaseService cases() {
        return cases;
    }

    public EvidenceExporter exporter() {
        return exporter;
    }

    public ExportVerifier exportVerifier() {
        return exportVerifier;
    }

    public AuditTrail audit() {
        return audit;
    }

    /** The catalog's record of the file at this path, if it was ever queued for indexing. */
    public Optional<VideoRecord> indexedVideo(Path path) {
        return catalog.videoByPath(path);
    }

    /** Every path the catalog has seen a file with this SHA-256 at, newest first. */
    public List<Path> knownPaths(String sha256) {
        return catalog.knownPaths(sha256);
    }

    @Override
    public void close() {
        if (ownsCatalog) {
            catalog.close();
        }
    }
}
