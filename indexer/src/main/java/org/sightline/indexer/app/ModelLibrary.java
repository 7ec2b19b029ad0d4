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
import org.sightline.models.perception.StarterPackShelf;
import org.sightline.models.store.ModelStore;

/**
 * The model packs installed in one data directory. Installing a pack (an import or the demonstration pack) always
 * writes its entry in the audit trail here, so no entry point can install a model unrecorded.
 */
public final class ModelLibrary {
    private final ModelStore store;
    private final InstallRecorder audit;

    /** Writes the audit entry of one pack install. */
    @FunctionalInterface
    interface InstallRecorder {
        void record(ImportResult result, Path source);
    }

    /** @param audit records each install in the audit trail (reached only then: the catalog may not exist before) */
    ModelLibrary(ModelStore store, InstallRecorder audit) {
        this.store = Objects.requireNonNull(store);
        this.audit = Objects.requireNonNull(audit, "model installs are always audited");
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
        });
    }

    /**
     * Makes a verified pack of a model export the user brought (Immich, transformers.js, optimum, Frigate, a hub cache,
     * an archive; or a Sightline pack), installs it and records the install with its provenance in the audit trail.
     */
    public ImportResult importExport(Path source, PackRequest request) throws java.io.IOException {
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
