package org.sightline.indexer.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sightline.indexer.audit.AuditLog;
import org.sightline.indexer.catalog.CatalogDatabase;
import org.sightline.models.pack.ImportResult;
import org.sightline.models.pack.InstalledPack;
import org.sightline.models.pack.VerifiedPack;
import org.sightline.models.pack.layout.PackRequest;
import org.sightline.indexer.audit.AuditDetails;
import org.sightline.models.perception.DetectorRequest;
import org.sightline.models.perception.PerceptionImport;
import org.sightline.models.perception.install.PerceptionPackImporter;
import org.sightline.models.perception.install.PerceptionPacks;
import org.sightline.models.perception.StarterPackShelf;
import org.sightline.models.perception.VerifiedPerceptionPack;
import org.sightline.models.store.ModelStore;

/**
 * The model packs installed in one data directory. Installing a pack (an import or the demonstration pack) always
 * writes its entry in the audit trail here, so no entry point can install a model unrecorded.
 */
public final class ModelLibrary {
    private final ModelStore store;
    private final InstallRecorder audit;
    private final PerceptionPacks perception;
    private final PerceptionRecorder perceptionAudit;

    /** Writes the audit entry of one pack install. */
    @FunctionalInterface
    interface InstallRecorder {
        void record(ImportResult result, Path source);
    }

    /** Writes the audit entry of one perception pack install. */
    @FunctionalInterface
    interface PerceptionRecorder {
        void record(AuditDetails.PerceptionImport details);
    }

    /**
     * @param audit           records each install in the audit trail (reached only then: the catalog may not exist before)
     * @param perception      the data directory's perception packs
     * @param perceptionAudit records each perception pack install
     */
    ModelLibrary(ModelStore store, InstallRecorder audit, PerceptionPacks perception, PerceptionRecorder perceptionAudit) {
        this.store = Objects.requireNonNull(store);
        this.audit = Objects.requireNonNull(audit, "model installs are always audited");
        this.perception = Objects.requireNonNull(perception);
        this.perceptionAudit = Objects.requireNonNull(perceptionAudit, "perception pack installs are always audited");
    }


    /**
     * The model packs of a data directory without opening its index (the {@code models} commands): the audit trail
     * is reached in the catalog file only when a pack is installed.
     */
    public static ModelLibrary open(DataDirectory dir) {
        return new ModelLibrary(new ModelStore(dir.modelsDir()), (result, source) -> {
            try (CatalogDatabase db = CatalogDatabase.open(dir.catalogFile())) {
                new AuditLog(db).recordModelImport(result, source);
            }
        }, PerceptionPacks.in(dir.perceptionDir()), details -> {
            try (CatalogDatabase db = CatalogDatabase.open(dir.catalogFile())) {
                new AuditLog(db).recordPerceptionImport(details);
            }
        });
    }

    /**
     * Whether {@code source} holds a perception pack (a folder or archive with {@code sightline-perception.json})
     * rather than a model pack or model export.
     */
    public static boolean holdsPerceptionPack(Path source) {
        return PerceptionPackImporter.holdsPerceptionPack(source);
    }

    /** Verifies, trial-runs and installs a perception pack (folder, .zip or .tar), and records the install. */
    public PerceptionImport importPerceptionPack(Path source) {
        return recorded(perception.importer().importPack(source), source);
    }

    /** Makes a detector pack of a bare ONNX detector, trial-runs and installs it, and records the install. */
    public PerceptionImport importDetector(Path onnxFile, DetectorRequest request) {
        return recorded(perception.importer().importDetector(onnxFile, request), onnxFile);
    }

    private PerceptionImport recorded(PerceptionImport r, Path source) {
        perceptionAudit.record(new AuditDetails.PerceptionImport(r.name(), r.version(), r.kind().name().toLowerCase(java.util.Locale.ROOT),
                r.manifestSha256(), source.toAbsolutePath().toString(), r.installedDir().toString(), r.alreadyInstalled(),
                r.classes().size(), r.licence(), r.provenance()));
        return r;
    }

    /** The perception packs installed into this data directory (manifests read, not verified). */
    public List<StarterPackShelf.Listing> perceptionPacks() {
        return perception.installed();
    }

    /** Whether a perception pack of this name is installed or among the starter packs. */
    public boolean hasPerceptionPack(String name) {
        return perception.has(name);
    }

    /** Re-hashes an installed perception pack (or, when none of that name is installed, a starter pack). */
    public VerifiedPerceptionPack verifyPerceptionPack(String name) {
        return perception.verify(name);
    }

    /** Makes a perception pack the one used for its use (see {@link PerceptionPacks#choose}). */
    public PerceptionPacks.Choice choosePerceptionPack(String name, boolean force) {
        return perception.choose(name, force);
    }

    /** The name of the pack a use runs (chosen, else the starter pack's default), for listings. */
    public Optional<String> perceptionPackFor(PerceptionPacks.Use use) {
        return perception.nameForUse(use);
    }

    /** Whether the pack a use runs was chosen in this data directory (else it is the starter default). */
    public boolean perceptionPackChosen(PerceptionPacks.Use use) {
        return perception.chosen(use).isPresent();
    }

    /** The folder perception packs are installed into. */
    public Path perceptionDir() {
        return perception.dir().orElseThrow();
    }

    /**
     * Makes a verified pack of a model export the user brought (Immich, transformers.js, optimum, Frigate, a hub cache,
     * an archive; or a Sightline pack), installs it and records the install with its provenance in the audit trail.
     */
    public ImportResult importExport(Path source, PackRequest request) throws java.io.IOException {
        if (holdsPerceptionPack(source)) {
            throw new org.sightline.models.pack.PackInstallException(source + " is a perception pack (it holds "
                    + org.sightline.models.perception.PerceptionManifest.FILE_NAME + "), not a vision-language model: install it"
                    + " with `sightline models import " + source + "`");
        }
        ImportResult result = store.importExport(source, request);
        audit.record(result, source);
        return result;
    }

    /** The built-in starter perception packs (read-only, made by the build from pinned published packages). */
    public StarterPackShelf starterPacks() {
        return store.starterPacks();
    }

    public Path modelsDir() {
        return store.modelsDir();
    }

    /** The installed packs, each with whether it is active and any problem found. */
    public List<InstalledPack> list() {
        return store.list();
    }

    /** The name of the active pack, empty when none is chosen. */
    public Optional<String> active() {
        return store.active();
    }

    /** Verifies a pack and makes it the active one. */
    public VerifiedPack activate(String name) {
        return store.activate(name);
    }

    /** Re-hashes an installed pack's files against its manifest. */
    public VerifiedPack verify(String name) {
        return store.verify(name);
    }

    /** Verifies and installs a model pack folder, and records the install in the audit trail. */
    public ImportResult importPack(Path source) {
        ImportResult result = store.importPack(source);
        audit.record(result, source);
        return result;
    }

    /** Generates and installs the demonstration colour pack, and records the install in the audit trail. */
    public ModelStore.DemoInstall installDemo() {
        ModelStore.DemoInstall demo = store.installDemo();
        audit.record(demo.result(), null);
        return demo;
    }
}
