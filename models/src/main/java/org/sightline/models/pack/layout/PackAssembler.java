package org.sightline.models.pack.layout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sightline.models.pack.KnownModelFiles;
import org.sightline.models.pack.PackManifest;
import org.sightline.models.pack.PackManifest.PackFile;
import org.sightline.models.pack.EncoderTrial;
import org.sightline.models.pack.PackVerificationException;
import org.sightline.models.pack.PackVerifier;
import org.sightline.models.integrity.Sha256;
import org.sightline.models.pack.VerifiedPack;
import org.sightline.models.pack.layout.LayoutPlan.PlannedFile;

/**
 * Writes a planned pack: copies (or writes, for derived encoders) every file into the pack folder, checks hub-cache
 * files against the checksum their blob is named by, recognises published files by content, writes the manifest with
 * its provenance, verifies the result and runs both encoders once ({@link EncoderTrial}).
 */
final class PackAssembler {
    private final EncoderTrial encoderTrial;
    private final PackVerifier verifier;
    private final KnownModelFiles known;

    PackAssembler(PackVerifier verifier, KnownModelFiles known, EncoderTrial trial) {
        this.encoderTrial = trial;
        this.verifier = verifier;
        this.known = known;
    }

    /**
     * @param target folder to write the pack into; when it is the export's own folder, files are not copied and only
     *               the manifest is written
     */
    VerifiedPack assemble(ExportFolder export, LayoutPlan plan, PackRequest request, Path target) throws IOException {
        return assemble(export, plan, request, target, true);
    }

    /** As {@link #assemble(ExportFolder, LayoutPlan, PackRequest, Path)}; {@code trial} false leaves the trial run to the importer. */
    VerifiedPack assemble(ExportFolder export, LayoutPlan plan, PackRequest request, Path target, boolean trial) throws IOException {
        boolean inPlace = target.toAbsolutePath().normalize().equals(export.root());
        List<PackFile> files = new ArrayList<>();
        Map<String, String> provenance = new LinkedHashMap<>();
        for (PlannedFile f : plan.files()) {
            Path to = target.resolve(f.packPath());
            Files.createDirectories(to.getParent());
            if (f.derived()) {
                Files.write(to, f.content());
            } else if (!inPlace) {
                Files.copy(export.file(f.sourcePath()), to);
            }
            String sha = Sha256.of(to);
            if (!f.derived()) {
                Optional<String> published = export.hubChecksum(f.sourcePath());
                if (published.isPresent() && !published.get().equals(sha)) {
                    throw new PackVerificationException(export.root().resolve(f.sourcePath()), "is damaged: the hub cache stores it as blob "
                            + published.get() + " (its published SHA-256) but its content has SHA-256 " + sha);
                }
                provenance.put(f.sourcePath(), describe(f.sourcePath(), sha, published.isPresent()));
            } else if (!provenance.containsKey(f.sourcePath())) {
                Path source = export.file(f.sourcePath());
                provenance.put(f.sourcePath(), describe(f.sourcePath(), Sha256.of(source), export.hubChecksum(f.sourcePath()).isPresent()));
            }
            files.add(new PackFile(f.packPath(), f.role(), Files.size(to), sha));
        }
        List<String> lines = new ArrayList<>(provenance.values());
        plan.files().stream().filter(PlannedFile::derived)
                .forEach(f -> lines.add(f.packPath() + ": cut out of " + f.sourcePath() + " (" + f.role().name().toLowerCase().replace('_', ' ') + ")"));
        PackManifest manifest = new PackManifest(PackManifest.FORMAT, request.name(), request.version(), request.licence(), plan.description(),
                "vision-language model", plan.dimension(), plan.image(), plan.text(), files,
                new PackManifest.Provenance(plan.layout(), export.source().toString(), export.revision(), lines));
        Files.write(target.resolve(PackManifest.FILE_NAME), manifest.toJson());
        VerifiedPack pack = verifier.verify(target);
        if (trial) {
            encoderTrial.run(pack);
        }
        return pack;
    }

    private String describe(String path, String sha, boolean hubChecked) {
        return known.recognise(sha).map(k -> path + ": recognised " + k.describe())
                .orElse(path + ": user-supplied, unrecognised" + (hubChecked ? " (matches its hub cache checksum)" : "") + ", sha256 " + sha);
    }
}
