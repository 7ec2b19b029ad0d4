package org.sightline.desktop.services;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.sightline.desktop.models.ModelPacks;
import org.sightline.indexer.app.ModelLibrary;
import org.sightline.models.pack.ImportResult;
import org.sightline.models.pack.layout.PackRequest;
import org.sightline.models.pack.InstalledPack;
import org.sightline.models.pack.VerifiedPack;
import org.sightline.models.store.ModelStore;

/** {@link ModelPacks} over the application layer's {@link ModelLibrary}, which records installs in the audit trail. */
public final class StoreModelPacks implements ModelPacks {
    private final ModelLibrary store;

    public StoreModelPacks(ModelLibrary store) {
        this.store = store;
    }

    @Override
    public List<PackRow> list() {
        return store.list().stream().map(StoreModelPacks::row).toList();
    }

    private static PackRow row(InstalledPack p) {
        var m = p.manifest();
        return new PackRow(p.name(), p.version(), p.kind(), m == null ? null : m.description(),
                m == null ? null : m.licence(), p.active(), p.problem());
    }

    @Override
    public void activate(String name) {
        store.activate(name);
    }

    @Override
    public String importPack(Path folder) {
        // a Sightline pack, or any model export a user brings (Immich, transformers.js, optimum, Frigate, hub cache, archive)
        ImportResult r;
        try {
            r = store.importExport(folder, new PackRequest(null, "1.0", "see the model's source", null));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + folder + ": " + e.getMessage(), e);
        }
        return r.alreadyInstalled()
                ? "The same pack " + r.id().name() + " " + r.id().version() + " was installed already."
                : String.format(Locale.ROOT, "Imported and verified %s %s (%.1f MB). Make it active to use it.",
                        r.id().name(), r.id().version(), r.bytes() / 1e6);
    }

    @Override
    public String installDemo() {
        ModelStore.DemoInstall d = store.installDemo();
        String name = d.result().id().name();
        return d.activated() ? "Installed and activated the demo model " + name + "."
                : "Installed the demo model " + name + "; " + d.previousActive() + " stays active.";
    }

    @Override
    public String verify(String name) {
        VerifiedPack p = store.verify(name);
        return String.format(Locale.ROOT, "%d files match their SHA-256 (%.1f MB)", p.manifest().files().size(),
                p.totalBytes() / 1e6);
    }
}
