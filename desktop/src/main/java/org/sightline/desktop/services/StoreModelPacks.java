package org.sightline.desktop.services;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sightline.desktop.models.ModelPacks;
import org.sightline.indexer.app.ModelLibrary;
import org.sightline.models.pack.ImportResult;
import org.sightline.models.pack.layout.PackRequest;
import org.sightline.models.pack.InstalledPack;
import org.sightline.models.pack.VerifiedPack;
import org.sightline.models.pack.PackInstallException;
import org.sightline.models.perception.PerceptionImport;
import org.sightline.models.perception.PerceptionManifest;
import org.sightline.models.perception.StarterPackShelf;
import org.sightline.models.perception.VerifiedPerceptionPack;
import org.sightline.models.perception.install.PerceptionPacks;
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
        if (ModelLibrary.holdsPerceptionPack(folder)) {
            return importPerceptionPack(folder);
        }
        if (Files.isRegularFile(folder) && folder.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".onnx")) {
            throw new PackInstallException(folder + " is a bare ONNX model: a detector needs its decoding and classes, which"
                    + " the window does not ask for yet. Import it from the command line: " + bareDetectorCommand(folder));
        }
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

    /** The command line that imports a bare ONNX detector (the user fills in the family and classes). */
    public static String bareDetectorCommand(Path onnx) {
        return "sightline models import " + onnx + " --decoding FAMILY --classes coco|FILE"
                + " (FAMILY: yolov5, yolov8, yolox, nanodet, ssd-nms; see README \"Your own detector or text pack\")";
    }

    private String importPerceptionPack(Path source) {
        PerceptionImport r = store.importPerceptionPack(source);
        String what = r.kind() == PerceptionManifest.Kind.TEXT ? "text pack"
                : "detector, " + r.classes().size() + (r.classes().size() == 1 ? " class" : " classes");
        return r.alreadyInstalled()
                ? "The same perception pack " + r.name() + " " + r.version() + " was installed already."
                : String.format(Locale.ROOT, "Imported, verified and trial-ran perception pack %s %s (%s, %.1f MB). Choose"
                        + " it below to use it.", r.name(), r.version(), what, r.bytes() / 1e6);
    }

    @Override
    public List<PerceptionRow> perceptionPacks() {
        List<PerceptionRow> rows = new ArrayList<>();
        Set<String> installed = new HashSet<>();
        for (StarterPackShelf.Listing l : store.perceptionPacks()) {
            installed.add(l.name());
            rows.add(perceptionRow(l, false));
        }
        for (StarterPackShelf.Listing l : store.starterPacks().list()) {
            if (!installed.contains(l.name())) {
                rows.add(perceptionRow(l, true));
            }
        }
        return rows;
    }

    private static PerceptionRow perceptionRow(StarterPackShelf.Listing l, boolean starter) {
        PerceptionManifest m = l.manifest();
        if (m == null) {
            return new PerceptionRow(l.name(), l.version(), "?", 0, null, null, starter, null, l.problem());
        }
        return new PerceptionRow(l.name(), m.version(), m.kind().name().toLowerCase(Locale.ROOT), m.classNames().size(),
                m.licence(), String.join("; ", PerceptionImport.provenanceOf(m)), starter, fitsUse(m), l.problem());
    }

    /** The use {@link PerceptionPacks#choose} gives a pack without {@code force}, or null when it would refuse. */
    private static PerceptionUse fitsUse(PerceptionManifest m) {
        if (m.kind() == PerceptionManifest.Kind.TEXT) {
            return PerceptionUse.TEXT;
        }
        if (m.classNames().contains(PerceptionPacks.Use.OBJECTS.className())) {
            return PerceptionUse.INDEXING;
        }
        return m.classNames().contains(PerceptionPacks.Use.FACES.className()) ? PerceptionUse.FACE_REDACTION : null;
    }

    private static PerceptionUse use(PerceptionPacks.Use use) {
        return switch (use) {
            case OBJECTS -> PerceptionUse.INDEXING;
            case FACES -> PerceptionUse.FACE_REDACTION;
            case TEXT -> PerceptionUse.TEXT;
        };
    }

    @Override
    public Map<PerceptionUse, PackInUse> perceptionUses() {
        Map<PerceptionUse, PackInUse> uses = new EnumMap<>(PerceptionUse.class);
        for (PerceptionPacks.Use u : PerceptionPacks.Use.values()) {
            store.perceptionPackFor(u).ifPresent(name -> uses.put(use(u), new PackInUse(name, store.perceptionPackChosen(u))));
        }
        return uses;
    }

    @Override
    public String verifyPerception(String name) {
        VerifiedPerceptionPack p = store.verifyPerceptionPack(name);
        long bytes = p.manifest().files().stream().mapToLong(PerceptionManifest.PackFile::size).sum();
        return String.format(Locale.ROOT, "%d files match their SHA-256 (%.1f MB), manifest sha256 %s",
                p.manifest().files().size(), bytes / 1e6, p.manifestSha256().substring(0, 12));
    }

    @Override
    public String choosePerception(String name, boolean force) {
        PerceptionPacks.Choice c = store.choosePerceptionPack(name, force);
        String what = switch (c.use()) {
            case OBJECTS -> "indexes footage from the next indexing on (files examined by other packs are indexed again)";
            case FACES -> "finds faces for face redaction";
            case TEXT -> "reads scene text from the next indexing on";
        };
        return name + " " + c.pack().manifest().version() + " now " + what + "."
                + (c.warning() == null ? "" : " Warning: " + c.warning() + ".");
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
