package org.sightline.models.pack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.sightline.models.integrity.Sha256;
import org.sightline.models.pack.PackManifest.FileRole;
import org.sightline.models.pack.PackManifest.PackFile;

/**
 * The external weights ({@code .onnx_data}) of one encoder of a verified pack, copied into a new folder that only this
 * user can open (0700, files 0600) and hashed as they are copied: the copy is kept only when every file's size and
 * SHA-256 are the manifest's. ONNX Runtime reads the weights from this folder, so a file swapped in the pack folder after
 * verification is never what it loads (it is refused, naming the file). Closing deletes the folder; ONNX Runtime has read
 * (or mapped) the weights by the time its session exists.
 */
public final class ExternalWeightsCopy implements AutoCloseable {
    private static final ExternalWeightsCopy NONE = new ExternalWeightsCopy(null);

    private final Path folder;

    private ExternalWeightsCopy(Path folder) {
        this.folder = folder;
    }

    /**
     * Copies the external weights of the encoder with {@code role}; an encoder without any gives an empty copy
     * ({@link #folder()} null).
     *
     * @param encoder the encoder's verified bytes (which name the weights files)
     * @throws PackVerificationException naming the pack file that differs from its manifest entry, or cannot be read
     */
    public static ExternalWeightsCopy of(VerifiedPack pack, FileRole role, byte[] encoder) {
        PackManifest m = pack.manifest();
        String encoderPath = m.file(role).orElseThrow().path();
        String packFolder = encoderPath.contains("/") ? encoderPath.substring(0, encoderPath.lastIndexOf('/') + 1) : "";
        Set<String> locations;
        try {
            locations = OnnxExternalData.locations(encoder);
        } catch (IOException e) {
            throw new PackVerificationException(pack.dir().resolve(encoderPath), e.getMessage(), e);
        }
        if (locations.isEmpty()) {
            return NONE;
        }
        List<PackFile> listed = new ArrayList<>();
        for (String location : locations) {
            String path = packFolder + location;
            listed.add(m.files().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow(() -> new PackVerificationException(
                    pack.dir().resolve(encoderPath), "refers to external weights '" + location + "' that the manifest does not list")));
        }
        Path folder;
        try {
            folder = privateFolder();
        } catch (IOException e) {
            throw new PackVerificationException(pack.dir(), "cannot make a private folder for the encoder weights: " + e.getMessage(), e);
        }
        ExternalWeightsCopy copy = new ExternalWeightsCopy(folder);
        try {
            for (PackFile f : listed) {
                copy.copyChecked(pack.dir(), f, f.path().substring(packFolder.length()));
            }
            return copy;
        } catch (RuntimeException e) {
            copy.close();
            throw e;
        }
    }

    /** The folder ONNX Runtime reads the weights from, or null when the encoder has none. */
    public Path folder() {
        return folder;
    }

    private void copyChecked(Path packDir, PackFile entry, String location) {
        Path source = PackVerifier.resolveInside(packDir, packDir.resolve(PackManifest.FILE_NAME), entry.path());
        Path target = folder.resolve(location).normalize();
        Sha256.Copied copied;
        try {
            Files.createDirectories(target.getParent());
            try (InputStream in = Files.newInputStream(source, LinkOption.NOFOLLOW_LINKS);
                 OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                copied = Sha256.copy(in, out);
            }
        } catch (IOException e) {
            throw new PackVerificationException(source, "cannot be read into a private copy: " + e.getMessage(), e);
        }
        if (copied.size() != entry.size() || !copied.sha256().equals(entry.sha256())) {
            throw new PackVerificationException(source, "changed since the pack was verified: it now has " + copied.size() + " bytes, SHA-256 "
                    + copied.sha256() + ", the manifest says " + entry.size() + " bytes, " + entry.sha256() + "; not loaded");
        }
    }

    private static Path privateFolder() throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            FileAttribute<?> owner = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
            return Files.createTempDirectory("sightline-weights-", owner);
        }
        return Files.createTempDirectory("sightline-weights-");
    }

    /** Deletes the private copy (quietly: a file the system still holds is removed at exit). */
    @Override
    public void close() {
        if (folder == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    p.toFile().deleteOnExit();
                }
            }
        } catch (IOException e) {
            folder.toFile().deleteOnExit();
        }
    }
}
