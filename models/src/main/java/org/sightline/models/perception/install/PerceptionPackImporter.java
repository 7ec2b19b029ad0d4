package org.sightline.models.perception.install;

import org.sightline.models.perception.PerceptionPackVerifier;
import org.sightline.models.perception.VerifiedPerceptionPack;
import org.sightline.models.perception.PerceptionManifest;
import org.sightline.models.perception.DetectorRequest;
import org.sightline.models.perception.PerceptionImport;
import org.sightline.models.perception.StarterPackShelf;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.sightline.models.integrity.Sha256;
import org.sightline.models.pack.PackImporter;
import org.sightline.models.pack.PackInstallException;
import org.sightline.models.pack.PackVerificationException;
import org.sightline.models.pack.layout.ExportFolder;
import org.sightline.models.perception.PerceptionManifest.PackFile;

/**
 * Installs a perception pack into a data directory's {@code perception/} folder: a pack folder or a {@code .zip} /
 * {@code .tar} of one (unpacked as model exports are, {@link ExportFolder}), or a pack just made from a bare ONNX
 * detector ({@link BareDetectorPacker}). The source is verified, its manifest and listed files copied into a temporary
 * folder beside the target, the copy verified again and run once on a test picture ({@link PerceptionTrial}), then
 * renamed to {@code perception/NAME} in one atomic step. A failed import leaves nothing behind; an identical pack
 * already installed is left as it is; a different pack of the same name, or of a built-in starter pack's name, is refused.
 */
public final class PerceptionPackImporter {
    private final Path perceptionDir;
    private final StarterPackShelf shelf;
    private final PerceptionPackVerifier verifier = new PerceptionPackVerifier();

    public PerceptionPackImporter(Path perceptionDir, StarterPackShelf shelf) {
        this.perceptionDir = perceptionDir.toAbsolutePath().normalize();
        this.shelf = shelf;
    }

    /**
     * Whether {@code source} holds a perception pack: a folder with {@value PerceptionManifest#FILE_NAME}, or a
     * {@code .zip}/{@code .tar}/{@code .tar.gz} with one at its top or in its one top folder (entry names are read,
     * nothing is unpacked).
     */
    public static boolean holdsPerceptionPack(Path source) {
        if (Files.isDirectory(source)) {
            return Files.isRegularFile(source.resolve(PerceptionManifest.FILE_NAME));
        }
        String name = source.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean zip = name.endsWith(".zip");
        boolean tar = name.endsWith(".tar") || name.endsWith(".tar.gz") || name.endsWith(".tgz");
        if (!Files.isRegularFile(source) || !zip && !tar) {
            return false;
        }
        try {
            if (zip) {
                // the central directory only: a large model archive is not read through
                try (ZipFile z = new ZipFile(source.toFile())) {
                    return z.stream().anyMatch(e -> namesManifest(e.getName()));
                }
            }
            try (InputStream raw = new BufferedInputStream(Files.newInputStream(source));
                 InputStream in = name.endsWith(".tar") ? raw : new GZIPInputStream(raw);
                 TarArchiveInputStream entries = new TarArchiveInputStream(in)) {
                ArchiveEntry e;
                while ((e = entries.getNextEntry()) != null) {
                    if (namesManifest(e.getName())) {
                        return true;
                    }
                }
                return false;
            }
        } catch (IOException e) {
            throw new PackVerificationException(source, "cannot be read as an archive: " + e.getMessage(), e);
        }
    }

    /** An archive entry that is a pack manifest at the top or in the one top folder. */
    private static boolean namesManifest(String entryName) {
        String entry = entryName.replace('\\', '/');
        return entry.equals(PerceptionManifest.FILE_NAME)
                || entry.endsWith("/" + PerceptionManifest.FILE_NAME) && entry.indexOf('/') == entry.length() - PerceptionManifest.FILE_NAME.length() - 1;
    }

    /**
     * Verifies, trial-runs and installs the perception pack in {@code source} (folder or archive).
     *
     * @throws PackVerificationException when the source or its copy fails verification or the trial
     * @throws PackInstallException      when another pack of that name exists, or copying fails
     */
    public PerceptionImport importPack(Path source) {
        try {
            Files.createDirectories(perceptionDir);
        } catch (IOException e) {
            throw new PackInstallException("cannot create " + perceptionDir + ": " + e.getMessage(), e);
        }
        try (ExportFolder folder = ExportFolder.open(source, perceptionDir)) {
            return install(verifier.verify(folder.root()));
        }
    }

    /** Makes a pack of a bare ONNX detector ({@link BareDetectorPacker}) and installs it. */
    public PerceptionImport importDetector(Path onnxFile, DetectorRequest request) {
        Path build = null;
        try {
            Files.createDirectories(perceptionDir);
            build = Files.createTempDirectory(perceptionDir, ".build-");
            VerifiedPerceptionPack pack = new BareDetectorPacker().pack(onnxFile, request, build.resolve("pack"));
            return install(pack);
        } catch (IOException e) {
            throw new PackInstallException("cannot build a pack of " + onnxFile + " in " + perceptionDir + ": " + e.getMessage(), e);
        } finally {
            if (build != null) {
                PackImporter.deleteTree(build);
            }
        }
    }

    private PerceptionImport install(VerifiedPerceptionPack verified) {
        PerceptionManifest manifest = verified.manifest();
        String name = manifest.name();
        if (shelf != null && shelf.has(name)) {
            VerifiedPerceptionPack starter = shelf.verify(name);
            if (!starter.manifestSha256().equals(verified.manifestSha256())) {
                throw new PackInstallException(name + " is the name of a built-in starter pack; give your pack another name"
                        + " (the \"name\" in its " + PerceptionManifest.FILE_NAME + " and its folder)");
            }
        }
        Path target = perceptionDir.resolve(name);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return alreadyInstalled(verified, target);
        }
        Path temp = null;
        try {
            temp = Files.createTempDirectory(perceptionDir, ".import-" + name + "-");
            Files.copy(verified.dir().resolve(PerceptionManifest.FILE_NAME), temp.resolve(PerceptionManifest.FILE_NAME));
            for (PackFile f : manifest.files()) {
                Path to = temp.resolve(f.path());
                Files.createDirectories(to.getParent());
                Files.copy(verified.dir().resolve(f.path()), to, LinkOption.NOFOLLOW_LINKS);
            }
            VerifiedPerceptionPack copy = verifier.verify(temp);
            if (!copy.manifestSha256().equals(verified.manifestSha256())) {
                throw new PackVerificationException(temp.resolve(PerceptionManifest.FILE_NAME), "manifest changed while the pack was copied");
            }
            PerceptionTrial.run(copy);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw new PackInstallException("cannot move " + temp + " to " + target + " atomically: " + e.getMessage(), e);
            } catch (FileAlreadyExistsException e) {
                return alreadyInstalled(verified, target);
            }
            temp = null;
            return result(verifier.verify(target), false);
        } catch (IOException e) {
            throw new PackInstallException("cannot install perception pack " + name + " into " + perceptionDir + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                PackImporter.deleteTree(temp);
            }
        }
    }

    private PerceptionImport alreadyInstalled(VerifiedPerceptionPack verified, Path target) {
        String installedSha;
        try {
            installedSha = Sha256.ofRegularFile(target.resolve(PerceptionManifest.FILE_NAME));
        } catch (IOException e) {
            installedSha = "";
        }
        if (!installedSha.equals(verified.manifestSha256())) {
            throw new PackInstallException("a different perception pack named " + verified.name() + " is already installed at "
                    + target + "; give the new pack another name");
        }
        return result(verifier.verify(target), true);
    }

    private static PerceptionImport result(VerifiedPerceptionPack pack, boolean alreadyInstalled) {
        PerceptionManifest m = pack.manifest();
        long bytes = m.files().stream().mapToLong(PackFile::size).sum();
        return new PerceptionImport(m.name(), m.version(), m.kind(), pack.manifestSha256(), pack.dir(), alreadyInstalled,
                bytes, m.classNames(), m.licence(), PerceptionImport.provenanceOf(m));
    }
}
