package org.sightline.models.pack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.sightline.models.integrity.Sha256;

/**
 * Installs a pack into the models directory: verifies the source, copies the manifest and the files it lists into
 * a temporary folder beside the target, verifies the copy again and runs both encoders once ({@link EncoderTrial}), then renames it to {@code models/NAME} in one
 * atomic step. A failed import leaves nothing behind. An identical pack already installed is left as it is; a
 * different pack of the same name is refused.
 */
public final class PackImporter {
    private final EncoderTrial trial;
    private final Path modelsDir;
    private final PackVerifier verifier;

    public PackImporter(Path modelsDir, PackVerifier verifier, EncoderTrial trial) {
        this.trial = java.util.Objects.requireNonNull(trial, "trial");
        this.modelsDir = modelsDir.toAbsolutePath().normalize();
        this.verifier = verifier;
    }

    /**
     * @throws PackVerificationException when the source or the copy fails verification
     * @throws PackInstallException      when a different pack of that name is installed, or copying fails
     */
    public ImportResult importPack(Path source) {
        VerifiedPack verified = verifier.verify(source);
        if (isTimingOnly(verified.manifest())) {
            throw new PackInstallException(source + ": pack " + verified.manifest().name() + " is \""
                    + verified.manifest().kind() + "\"; its vectors mean nothing, so it cannot be installed for search");
        }
        PackManifest manifest = verified.manifest();
        Path target = modelsDir.resolve(manifest.name());
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return alreadyInstalled(verified, target);
        }
        Path temp = null;
        try {
            Files.createDirectories(modelsDir);
            temp = Files.createTempDirectory(modelsDir, ".import-" + manifest.name() + "-");
            Path sourceDir = verified.dir();
            Files.copy(sourceDir.resolve(PackManifest.FILE_NAME), temp.resolve(PackManifest.FILE_NAME));
            for (PackManifest.PackFile f : manifest.files()) {
                Path to = temp.resolve(f.path());
                Files.createDirectories(to.getParent());
                Files.copy(sourceDir.resolve(f.path()), to, LinkOption.NOFOLLOW_LINKS);
            }
            VerifiedPack copy = verifier.verify(temp);
            if (!copy.manifestSha256().equals(verified.manifestSha256())) {
                throw new PackVerificationException(temp.resolve(PackManifest.FILE_NAME), "manifest changed while the pack was copied");
            }
            trial.run(copy);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw new PackInstallException("cannot move " + temp + " to " + target + " atomically: " + e.getMessage(), e);
            } catch (FileAlreadyExistsException e) {
                deleteTree(temp);
                return alreadyInstalled(verified, target);
            }
            temp = null;
            return new ImportResult(verified.id(), target, false, verified.totalBytes(), provenance(verified));
        } catch (IOException e) {
            throw new PackInstallException("cannot install pack " + manifest.name() + " into " + modelsDir + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                deleteTree(temp);
            }
        }
    }

    private ImportResult alreadyInstalled(VerifiedPack verified, Path target) {
        String installedSha;
        try {
            installedSha = Sha256.ofRegularFile(target.resolve(PackManifest.FILE_NAME));
        } catch (IOException e) {
            installedSha = "";
        }
        if (!installedSha.equals(verified.manifestSha256())) {
            throw new PackInstallException("a different pack named " + verified.manifest().name() + " is already installed at "
                    + target + "; give the new pack another name or version folder");
        }
        VerifiedPack installed = verifier.verify(target);
        return new ImportResult(installed.id(), target, true, installed.totalBytes(), provenance(installed));
    }

    /** The manifest's provenance lines, else the files recognised by the verifier. */
    private static List<String> provenance(VerifiedPack pack) {
        PackManifest.Provenance p = pack.manifest().provenance();
        if (p != null) {
            List<String> lines = new ArrayList<>();
            lines.add("layout " + p.layout() + (p.revision() == null ? "" : ", revision " + p.revision()));
            lines.addAll(p.files());
            return lines;
        }
        return pack.recognised().stream().map(r -> "recognised " + r).toList();
    }

    public static void deleteTree(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove temporary folder " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Benchmark packs (random weights, for timing only) are never installed, so they can never be searched with. */
    static boolean isTimingOnly(PackManifest manifest) {
        return manifest.kind() != null && manifest.kind().startsWith("benchmark");
    }
}
