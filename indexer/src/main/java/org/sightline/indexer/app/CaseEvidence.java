package org.sightline.indexer.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.sightline.indexer.audit.AuditLog;
import org.sightline.indexer.audit.AuditVerifier;
import org.sightline.indexer.cases.CaseService;
import org.sightline.indexer.cases.IndexedSources;
import org.sightline.indexer.catalog.Catalog;
import org.sightline.indexer.catalog.CatalogDatabase;
import org.sightline.indexer.export.AuditAnchors;
import org.sightline.indexer.export.AuditChainExport;
import org.sightline.indexer.export.AuditCheckpoint;
import org.sightline.indexer.export.AuditCheckpoints;
import org.sightline.indexer.export.AuditChainExporter;
import org.sightline.indexer.export.PackageVerification;
import org.sightline.indexer.export.RecordingTimes;
import org.sightline.indexer.signing.ExaminerKey;
import org.sightline.indexer.signing.ExaminerKeyStore;
import org.sightline.indexer.signing.KeyException;
import org.sightline.indexer.signing.TrustedKeys;
import org.sightline.indexer.catalog.VideoRecord;
import org.sightline.indexer.export.EvidenceExporter;
import org.sightline.indexer.export.ExportJournal;
import org.sightline.indexer.export.ExportVerifier;
import org.sightline.indexer.export.KnownPaths;
import org.sightline.indexer.export.ExportException;
import org.sightline.indexer.export.ExportOptions;
import org.sightline.indexer.export.ExportProgress;
import org.sightline.indexer.export.ExportResult;
import org.sightline.indexer.export.ItemRedactions;
import org.sightline.indexer.export.Redaction;
import org.sightline.indexer.export.RedactionDetectors;
import org.sightline.indexer.export.RedactionPlanner;
import org.sightline.indexer.export.RedactionRequest;
import org.sightline.indexer.export.RedactionReview;
import org.sightline.indexer.export.ReviewedPlans;
import org.sightline.models.perception.install.PerceptionPacks;

/**
 * Cases, evidence export and the audit trail of one data directory, wired on its catalog: the services keep their
 * own tables in the catalog file through {@link Catalog#database()}, and the exporter finds moved sources
 * through {@link Catalog#knownPaths(String)} (then the paths case items recorded). Case changes and exports write
 * their audit entries inside the case service and the exporter.
 */
public final class CaseEvidence implements AutoCloseable {
    private final Catalog catalog;
    private final boolean ownsCatalog;
    private final AuditLog log;
    private final AuditTrail audit;
    private final CaseService cases;
    private final ExaminerKeyStore keys;
    private final EvidenceExporter exporter;
    private final ExportVerifier exportVerifier;
    private final AuditCheckpoints checkpoints;
    private final ExportJournal exportJournal;
    /** The installed perception packs redaction finds people, vehicles, plates and faces with. */
    private final PerceptionPacks redactionShelf;

    private CaseEvidence(Catalog catalog, boolean ownsCatalog) {
        this.catalog = catalog;
        this.ownsCatalog = ownsCatalog;
        CatalogDatabase db = catalog.database();
        this.log = new AuditLog(db);
        this.audit = new AuditTrail(log, new AuditVerifier(db));
        this.cases = new CaseService(db, log, new IndexedSources() {
            @Override
            public Optional<String> indexedSha256(Path path) {
                return catalog.videoByPath(path).map(VideoRecord::sha256);
            }

            @Override
            public boolean seen(String sha256) {
                return !catalog.videosBySha256(sha256).isEmpty() || !catalog.knownPaths(sha256).isEmpty();
            }
        });
        this.keys = new ExaminerKeyStore(keysDirectory(catalog), log);
        KnownPaths seen = catalog::knownPaths;
        RecordingTimes times = sha -> new Cameras(catalog, log).wallClock(sha, 0)
                .map(clock -> new RecordingTimes.RecordingTime(clock.at(), clock.source(),
                        org.sightline.indexer.footage.WorkstationZone.name(clock.zone()), clock.zoneAssumed(),
                        clock.zoneSource().words()));
        this.exportJournal = new ExportJournal(catalog.file().toAbsolutePath().getParent().resolve(ExportJournal.FOLDER), log);
        this.exporter = new EvidenceExporter(cases, log, seen.or(cases::recordedPathsFor), keys, times,
                catalog::archiveRoots, exportJournal);
        this.exportVerifier = new ExportVerifier();
        this.redactionShelf = PerceptionPacks.in(catalog.file().toAbsolutePath().getParent().resolve(PerceptionPacks.FOLDER));
        this.checkpoints = new AuditCheckpoints(catalog.file().toAbsolutePath().getParent().resolve(AuditCheckpoints.FOLDER),
                log, keys);
    }

    /** {@code keys/} beside the catalog file, in the data directory: the examiner's signing key. */
    static Path keysDirectory(Catalog catalog) {
        return catalog.file().toAbsolutePath().getParent().resolve("keys");
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

    /** The cameras: names and time zones, changes audited. */
    public Cameras cameras() {
        return new Cameras(catalog, log);
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

    /** The examiner's signing identity in this data directory (its creation, use and export are audited). */
    public ExaminerKeyStore keys() {
        return keys;
    }

    /** Writes the whole audit chain, signed with the examiner key, for a third party (audited). */
    public AuditChainExport exportAuditChain(Path out, ExaminerKey key) throws IOException {
        return new AuditChainExporter(log, keys).export(out, key);
    }

    /**
     * Signs the audit chain's head with the examiner key and writes the checkpoint to {@code out}, for the examiner
     * to keep off the workstation, and a copy into the data directory (audited).
     */
    public AuditCheckpoint writeCheckpoint(Path out, ExaminerKey key) throws IOException {
        return checkpoints.write(key, out);
    }

    /**
     * Compares the audit log with every anchor known: the checkpoints kept in the data directory, the checkpoint
     * files and the evidence packages given. Checkpoints and packages' manifests must be signed by this data
     * directory's examiner key (by any valid key when there is none yet); a package that is not is reported as
     * untrusted and its anchors are not used.
     */
    public AuditAnchors.Outcome checkAnchors(List<Path> checkpointFiles, List<Path> packages) throws IOException {
        TrustedKeys trust;
        try {
            trust = keys.exists() ? TrustedKeys.of(List.of(keys.identity().fingerprint())) : TrustedKeys.anySigner();
        } catch (KeyException e) {
            throw new IOException(e.getMessage(), e);
        }
        AuditAnchors anchors = new AuditAnchors();
        for (Path p : checkpoints.stored()) {
            anchors.addCheckpoint(p, trust);
        }
        checkpointFiles.forEach(p -> anchors.addCheckpoint(p, trust));
        packages.forEach(p -> anchors.addPackage(p, trust));
        return anchors.check(log.entries());
    }

    /**
     * Removes what exports killed before they finished left behind (their {@code .partial-*} folders), records each
     * in the audit trail and says what was removed; exports still running are left alone.
     */
    public List<ExportJournal.Abandoned> cleanAbandonedExports() {
        return exportJournal.sweep();
    }

    /** Records in the audit trail that an evidence package was checked here, and the outcome. */
    public void recordVerification(Path packageDir, PackageVerification verification) {
        ExportVerifier.record(log, packageDir, verification);
    }

    /**
     * Exports a case with its clips and stills redacted as {@code request} says: planned now with the installed
     * perception packs (the manifest then says "not reviewed"), or exactly the plans a person reviewed
     * ({@link RedactionRequest#reviewedPlans()}). With {@code disclosure} the originals are left out of the package.
     *
     * @throws ExportException REDACTION_UNAVAILABLE when a target has no pack to find it (faces without a face
     *                         detector, ...): nothing is exported
     */
    public ExportResult exportRedacted(long caseId, Path out, RedactionRequest request, char[] passphrase,
                                       boolean disclosure, ExportProgress progress, java.util.function.BooleanSupplier cancelled)
            throws ExportException {
        if (request.reviewedPlans() != null) {
            return exporter.export(caseId, out, new ExportOptions(passphrase, Redaction.NONE,
                    new ReviewedPlans(request.reviewedPlans()), disclosure), progress, cancelled);
        }
        try (RedactionDetectors detectors = RedactionDetectorShelf.open(redactionShelf, request)) {
            ItemRedactions planner = planner(request, detectors);
            return exporter.export(caseId, out, new ExportOptions(passphrase, Redaction.NONE, planner, disclosure),
                    progress, cancelled);
        }
    }

    /**
     * The review step: writes each item's redaction plan (JSON, every frame's boxes and where they came from) and a
     * contact sheet with the boxes drawn into {@code dir}, for a person to check and edit before
     * {@code exportRedacted} with {@link RedactionRequest#reviewed(Path)}; each plan is audited.
     */
    public List<RedactionReview.Written> reviewRedactions(long caseId, RedactionRequest request, Path dir)
            throws ExportException {
        return reviewRedactions(caseId, request, dir, () -> false);
    }

    /**
     * The review step as {@link #reviewRedactions(long, RedactionRequest, Path)}, stopped when {@code cancelled}
     * says so (ExportException CANCELLED; the plans written so far stay in {@code dir}).
     */
    public List<RedactionReview.Written> reviewRedactions(long caseId, RedactionRequest request, Path dir,
                                                          java.util.function.BooleanSupplier cancelled)
            throws ExportException {
        try (RedactionDetectors detectors = RedactionDetectorShelf.open(redactionShelf, request)) {
            return exporter.reviewRedactions(caseId, planner(request, detectors), dir, cancelled);
        }
    }

    private static ItemRedactions planner(RedactionRequest request, RedactionDetectors detectors) throws ExportException {
        return new RedactionPlanner(request.targets(), request.method(), request.regions(), request.tracks(), detectors,
                request.detectEverySeconds(), request.platesOnVehiclesOnly());
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
