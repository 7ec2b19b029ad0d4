package org.sightline.models.pack.layout;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sightline.models.pack.ImportResult;
import org.sightline.models.pack.KnownModelFiles;
import org.sightline.models.pack.EncoderTrial;
import org.sightline.models.pack.PackInstallException;
import org.sightline.models.pack.PackManifest;
import org.sightline.models.pack.PackVerificationException;
import org.sightline.models.pack.PackVerifier;
import org.sightline.models.pack.VerifiedPack;

/**
 * Turns whatever model export a user has (a Sightline pack, or an Immich, transformers.js, optimum or Frigate export;
 * as a folder, a Hugging Face hub cache, or a .zip/.tar of one) into a verified pack, either in a folder of its own
 * ({@link #pack}) or installed straight into a data directory ({@code ModelStore.importExport}). The source is only read.
 */
public final class ExportPacker {
    /** The layouts tried, in order. */
    public static final List<ExportLayout> LAYOUTS = List.of(new ImmichLayout(), SplitEncodersLayout.TRANSFORMERS_JS,
            SplitEncodersLayout.FRIGATE, new OptimumLayout(), new ModelPairLayout());

    private final PackVerifier verifier;
    private final PackAssembler assembler;

    /** @param trial runs the encoders of every pack made once (see {@code models.store.PackTrial}) */
    public ExportPacker(PackVerifier verifier, EncoderTrial trial) {
        this(verifier, KnownModelFiles.builtIn(), trial);
    }

    public ExportPacker(PackVerifier verifier, KnownModelFiles known, EncoderTrial trial) {
        this.verifier = verifier;
        this.assembler = new PackAssembler(verifier, known, trial);
    }

    /** The layout of an opened export. */
    public static ExportLayout layoutOf(ExportFolder export) {
        return LAYOUTS.stream().filter(l -> l.recognises(export)).findFirst().orElseThrow(() -> new PackVerificationException(export.root(),
                "is not a model export Sightline knows: expected " + PackManifest.FILE_NAME + " (a Sightline pack), visual/model.onnx and"
                        + " textual/model.onnx (Immich), onnx/vision_model*.onnx and onnx/text_model*.onnx (transformers.js),"
                        + " vision_model*.onnx and text_model*.onnx (Frigate), model.onnx (optimum), or a vision and a text model"
                        + " folder side by side, each with config.json and onnx/model.onnx (nomic-embed-vision and nomic-embed-text)"));
    }

    /**
     * Makes a pack of {@code source} in {@code outDir} (which must not exist or be empty, and must not be inside the source).
     *
     * @throws PackVerificationException naming the file when the export is incomplete, inconsistent, or its encoders cannot run
     */
    public VerifiedPack pack(Path source, PackRequest request, Path outDir) throws IOException {
        return pack(source, request, outDir, true);
    }

    /** The same, without running the encoders: for an import, whose installer runs them on the installed copy. */
    public VerifiedPack packForImport(Path source, PackRequest request, Path outDir) throws IOException {
        return pack(source, request, outDir, false);
    }

    private VerifiedPack pack(Path source, PackRequest request, Path outDir, boolean trial) throws IOException {
        Path out = outDir.toAbsolutePath().normalize();
        Path scratch = out.getParent();
        if (scratch != null) {
            Files.createDirectories(scratch);
        }
        try (ExportFolder export = ExportFolder.open(source, scratch)) {
            if (out.startsWith(export.root()) || out.startsWith(export.source())) {
                throw new PackInstallException(out + " is inside the export " + export.source() + "; the source is never written to: choose another --out");
            }
            checkEmpty(out);
            Files.createDirectories(out);
            if (Files.isRegularFile(export.root().resolve(PackManifest.FILE_NAME))) {
                return copyPack(export, out);
            }
            return assemble(export, request, out, trial);
        }
    }

    /** Makes the pack in the export's own folder (only the manifest is written there); for {@code models pack} without --out. */
    public VerifiedPack packInPlace(Path exportDir, PackRequest request, ExportLayout layout) throws IOException {
        try (ExportFolder export = ExportFolder.open(exportDir)) {
            if (export.isHubCache() || !export.root().equals(export.source().toRealPath())) {
                throw new PackVerificationException(export.source(), "a hub cache or archive cannot hold a pack; give an output folder");
            }
            LayoutPlan plan = layout.plan(export, request);
            return assembler.assemble(export, plan, request.named(request.nameFor(export.source())), export.root());
        }
    }

    private VerifiedPack assemble(ExportFolder export, PackRequest request, Path out, boolean trial) throws IOException {
        LayoutPlan plan = layoutOf(export).plan(export, request);
        Path nameSource = export.isHubCache() ? export.root().getParent().getParent() : export.source();
        PackRequest named = request.named(request.nameFor(nameSource));
        if (!PackVerifier.PACK_NAME.matcher(named.name()).matches()) {
            throw new PackVerificationException(export.source(), "'" + named.name() + "' is not a valid pack name (letters, digits, '.', '_', '-')");
        }
        return assembler.assemble(export, plan, named, out, trial);
    }

    /** A Sightline pack inside an archive or hub cache: verify it where it is, then copy its listed files. */
    private VerifiedPack copyPack(ExportFolder export, Path out) throws IOException {
        VerifiedPack pack = verifier.verify(export.root());
        Files.copy(export.root().resolve(PackManifest.FILE_NAME), out.resolve(PackManifest.FILE_NAME));
        for (PackManifest.PackFile f : pack.manifest().files()) {
            Path to = out.resolve(f.path());
            Files.createDirectories(to.getParent());
            Files.copy(export.root().resolve(f.path()), to);
        }
        return verifier.verify(out);
    }

    private static void checkEmpty(Path out) throws IOException {
        if (Files.isDirectory(out)) {
            try (DirectoryStream<Path> d = Files.newDirectoryStream(out)) {
                if (d.iterator().hasNext()) {
                    throw new PackInstallException(out + " is not empty; give a new or empty folder");
                }
            }
        } else if (Files.exists(out)) {
            throw new PackInstallException(out + " exists and is not a folder");
        }
    }
}
