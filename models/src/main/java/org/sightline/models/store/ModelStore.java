package org.sightline.models.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.sightline.models.generate.ColourModelPack;
import org.sightline.models.pack.ImportResult;
import org.sightline.models.pack.InstalledPack;
import org.sightline.models.pack.NoActiveModelException;
import org.sightline.models.pack.PackImporter;
import org.sightline.models.pack.layout.ExportPacker;
import org.sightline.models.pack.layout.PackRequest;
import org.sightline.models.pack.PackInstallException;
import org.sightline.models.pack.PackManifest;
import org.sightline.models.pack.PackVerificationException;
import org.sightline.models.pack.PackVerifier;
import org.sightline.models.pack.VerifiedPack;
import org.sightline.models.perception.StarterPackShelf;
import org.sightline.models.runtime.OnnxVisionLanguageModel;
import org.sightline.models.runtime.RuntimeOptions;
import org.sightline.models.runtime.VisionLanguageModel;

/**
 * The installed model packs of one data directory ({@code DATA/models}): one folder per pack, and a file
 * {@code active} naming the pack in use. Every pack is verified before it is activated or opened; a pack that fails
 * is never used. Nothing is downloaded.
 *
 * <p>Thread-safe for readers; activation and import write files atomically (temporary file or folder, then rename).
 */
public final class ModelStore {
    /** File in the models directory holding the active pack's name. */
    public static final String ACTIVE_FILE = PackVerifier.RESERVED_NAME;

    private final Path modelsDir;
    private final PackVerifier verifier;
    private final StarterPackShelf starterPacks = StarterPackShelf.fromSystemProperty();

    public ModelStore(Path modelsDir) {
        this(modelsDir, new PackVerifier());
    }

    public ModelStore(Path modelsDir, PackVerifier verifier) {
        this.modelsDir = modelsDir.toAbsolutePath().normalize();
        this.verifier = verifier;
    }

    public Path modelsDir() {
        return modelsDir;
    }

    /**
     * The built-in starter perception packs (object detection, scene text): a read-only folder the build makes and
     * the launcher names with {@code -Dsightline.starterPacks}; every data directory has them without installing.
     */
    public StarterPackShelf starterPacks() {
        return starterPacks;
    }

    /** Installed packs by name (manifests read, files not verified). */
    public List<InstalledPack> list() {
        if (!Files.isDirectory(modelsDir)) {
            return List.of();
        }
        String active = active().orElse(null);
        List<InstalledPack> packs = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(modelsDir)) {
            for (Path dir : dirs) {
                String name = dir.getFileName().toString();
                if (name.startsWith(".") || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                PackManifest manifest = null;
                String problem = null;
                try {
                    manifest = PackManifest.parse(Files.readAllBytes(dir.resolve(PackManifest.FILE_NAME)));
                    if (!name.equals(manifest.name())) {
                        problem = "folder name differs from the manifest's pack name " + manifest.name();
                    }
                } catch (IOException | RuntimeException e) {
                    problem = "manifest cannot be read: " + e.getMessage();
                }
                packs.add(new InstalledPack(name, dir, manifest, problem, name.equals(active)));
            }
        } catch (IOException e) {
            throw new PackInstallException("cannot list " + modelsDir + ": " + e.getMessage(), e);
        }
        packs.sort(Comparator.comparing(InstalledPack::name));
        return packs;
    }

    /** Name of the active pack, if one is set. */
    public Optional<String> active() {
        Path file = modelsDir.resolve(ACTIVE_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String name = Files.readString(file, StandardCharsets.UTF_8).strip();
            return name.isEmpty() ? Optional.empty() : Optional.of(name);
        } catch (IOException e) {
            throw new PackInstallException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The folder a pack of this name is (or would be) installed in. */
    public Path packDir(String name) {
        if (!PackVerifier.PACK_NAME.matcher(name).matches() || name.equals(ACTIVE_FILE)) {
            throw new PackInstallException("'" + name + "' is not a valid pack name");
        }
        return modelsDir.resolve(name);
    }

    /**
     * Verifies an installed pack and makes it the active one.
     *
     * @throws PackInstallException      when no pack of that name is installed
     * @throws PackVerificationException when it fails verification
     */
    public VerifiedPack activate(String name) {
        VerifiedPack pack = verify(name);
        try {
            Path tmp = Files.createTempFile(modelsDir, ".active-", ".tmp");
            Files.writeString(tmp, name + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, modelsDir.resolve(ACTIVE_FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new PackInstallException("cannot record the active pack in " + modelsDir + ": " + e.getMessage(), e);
        }
        return pack;
    }

    /** Verifies the pack folder {@code dir} and copies it into the models directory (does not activate it). */
    public ImportResult importPack(Path dir) {
        return new PackImporter(modelsDir, verifier, PackTrial::run).importPack(dir);
    }

    /**
     * Makes a pack of a model export a user brought (Immich, transformers.js, optimum, Frigate, a hub cache, an archive of
     * one; a Sightline pack is installed as it is) and installs it. The source is only read; nothing is left behind on
     * failure.
     */
    public ImportResult importExport(Path source, PackRequest request) throws IOException {
        Path src = source.toAbsolutePath().normalize();
        if (Files.isDirectory(src) && Files.isRegularFile(src.resolve(PackManifest.FILE_NAME))) {
            return importPack(src);
        }
        Files.createDirectories(modelsDir);
        Path build = Files.createTempDirectory(modelsDir, ".build-");
        try {
            // the importer verifies the copy and runs both encoders once
            VerifiedPack pack = exportPacker().packForImport(src, request, build.resolve("pack"));
            return importPack(pack.dir());
        } finally {
            PackImporter.deleteTree(build);
        }
    }

    /** Makes packs of model exports, running both encoders of each once; see {@link #importExport}. */
    public ExportPacker exportPacker() {
        return new ExportPacker(verifier, PackTrial::run);
    }

    /** Makes packs of model exports outside any data directory ({@code models pack}), running both encoders of each once. */
    public static ExportPacker standaloneExportPacker() {
        return new ExportPacker(new PackVerifier(), PackTrial::run);
    }

    /**
     * Generates the demonstration colour pack, installs it through the importer (so it is verified like any pack)
     * and activates it only when no pack is active. Never replaces an active pack.
     */
    public DemoInstall installDemo() {
        Path build = null;
        try {
            Files.createDirectories(modelsDir);
            build = Files.createTempDirectory(modelsDir, ".demo-build-");
            ImportResult result = importPack(ColourModelPack.write(build.resolve(ColourModelPack.NAME)));
            Optional<String> before = active();
            boolean activate = before.isEmpty() || !Files.isDirectory(modelsDir.resolve(before.get()));
            if (activate) {
                activate(ColourModelPack.NAME);
            }
            return new DemoInstall(result, activate, before.orElse(null));
        } catch (IOException e) {
            throw new PackInstallException("cannot build the demo pack in " + modelsDir + ": " + e.getMessage(), e);
        } finally {
            if (build != null) {
                PackImporter.deleteTree(build);
            }
        }
    }

    /**
     * What {@link #installDemo()} did.
     *
     * @param result          the import
     * @param activated       whether the demo pack was made active
     * @param previousActive  the pack that was active before (still active when {@code activated} is false), or null
     */
    public record DemoInstall(ImportResult result, boolean activated, String previousActive) {
    }

    /** Re-checks an installed pack's files against its manifest and the built-in checksums. */
    public VerifiedPack verify(String name) {
        Path dir = packDir(name);
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new PackInstallException("no pack named " + name + " is installed in " + modelsDir);
        }
        VerifiedPack pack = verifier.verify(dir);
        if (!pack.manifest().name().equals(name)) {
            throw new PackVerificationException(dir.resolve(PackManifest.FILE_NAME),
                    "names pack " + pack.manifest().name() + " but is installed as " + name);
        }
        return pack;
    }

    /**
     * Verifies and opens the active pack.
     *
     * @throws NoActiveModelException    when no pack is active
     * @throws PackVerificationException when the active pack fails verification
     */
    public VisionLanguageModel openActive() {
        return openActive(null);
    }

    /** As {@link #openActive()} with explicit session options (null: defaults by model size). */
    public VisionLanguageModel openActive(RuntimeOptions options) {
        String name = active().orElseThrow(NoActiveModelException::new);
        if (!Files.isDirectory(modelsDir.resolve(name))) {
            throw new NoActiveModelException("the active model pack " + name + " is not installed in " + modelsDir
                    + ": run `sightline models demo` or `sightline models import DIR`");
        }
        return open(name, options);
    }

    /** Verifies and opens an installed pack by name; null options pick {@link RuntimeOptions#forEncoderBytes} defaults. */
    public VisionLanguageModel open(String name, RuntimeOptions options) {
        VerifiedPack pack = verify(name);
        RuntimeOptions chosen = options != null ? options
                : RuntimeOptions.forEncoderBytes((long) pack.imageEncoder().length + pack.textEncoder().length);
        return OnnxVisionLanguageModel.open(pack, chosen);
    }
}
