package org.sightline.models.pack.layout;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.sightline.models.pack.PackVerificationException;

/**
 * A model export as the user has it, opened for reading: a plain folder, a {@code .zip} or {@code .tar} (also
 * {@code .tar.gz}/{@code .tgz}) of one (unpacked into a temporary folder that {@link #close()} removes), or a Hugging
 * Face hub cache ({@code models--OWNER--NAME/} with {@code refs/}, {@code snapshots/REV/} of symbolic links into
 * {@code blobs/}). Files are read through {@link #file(String)}, which follows symbolic links only while they stay
 * inside the export. The source is never written to.
 */
public final class ExportFolder implements AutoCloseable {
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private final Path source;
    private final Path root;
    private final Path boundary;
    private final String revision;
    private final boolean hubCache;
    private final Path unpacked;

    private ExportFolder(Path source, Path root, Path boundary, String revision, boolean hubCache, Path unpacked) {
        this.source = source;
        this.root = root;
        this.boundary = boundary;
        this.revision = revision;
        this.hubCache = hubCache;
        this.unpacked = unpacked;
    }

    /**
     * Opens {@code path}.
     *
     * @throws PackVerificationException naming the path when it is missing, an unsupported file, an unsafe archive, or
     *                                   a hub cache without a snapshot
     */
    public static ExportFolder open(Path path) {
        return open(path, null);
    }

    /**
     * As {@link #open(Path)}, unpacking an archive into a temporary folder inside {@code scratch} (null: the system's
     * temporary folder), so that a large model is unpacked on the disk it is going to.
     */
    public static ExportFolder open(Path path, Path scratch) {
        Path source = path.toAbsolutePath().normalize();
        if (!Files.exists(source)) {
            throw new PackVerificationException(source, "does not exist");
        }
        if (Files.isRegularFile(source)) {
            return unpack(source, scratch);
        }
        if (!Files.isDirectory(source)) {
            throw new PackVerificationException(source, "is neither a folder nor a .zip or .tar file");
        }
        if (Files.isDirectory(source.resolve("snapshots"))) {
            return hubCache(source, source, revisionOf(source));
        }
        Path parent = source.getParent();
        if (parent != null && parent.getFileName() != null && parent.getFileName().toString().equals("snapshots")
                && Files.isDirectory(parent.resolveSibling("blobs"))) {
            return hubCache(source, parent.getParent(), source.getFileName().toString());
        }
        Path real = realPath(source);
        return new ExportFolder(source, real, real, null, false, null);
    }

    private static ExportFolder hubCache(Path source, Path cache, String revision) {
        Path snapshot = cache.resolve("snapshots").resolve(revision);
        if (!Files.isDirectory(snapshot)) {
            throw new PackVerificationException(snapshot, "hub cache snapshot of revision " + revision + " is missing");
        }
        return new ExportFolder(source, snapshot, realPath(cache), revision, true, null);
    }

    /** The revision refs/main names, else the only snapshot. */
    private static String revisionOf(Path cache) {
        Path main = cache.resolve("refs").resolve("main");
        try {
            if (Files.isRegularFile(main)) {
                String rev = Files.readString(main, StandardCharsets.UTF_8).strip();
                if (!rev.isEmpty() && !rev.contains("/") && !rev.contains("\\") && !rev.startsWith(".")) {
                    return rev;
                }
                throw new PackVerificationException(main, "does not hold a revision: '" + rev + "'");
            }
            List<String> snapshots = new ArrayList<>();
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(cache.resolve("snapshots"))) {
                for (Path d : dirs) {
                    if (Files.isDirectory(d)) {
                        snapshots.add(d.getFileName().toString());
                    }
                }
            }
            if (snapshots.size() != 1) {
                throw new PackVerificationException(cache.resolve("snapshots"), snapshots.isEmpty() ? "hub cache holds no snapshot"
                        : "hub cache holds several snapshots " + snapshots + " and no refs/main: name one, e.g. " + cache.resolve("snapshots")
                        .resolve(snapshots.getFirst()));
            }
            return snapshots.getFirst();
        } catch (IOException e) {
            throw new PackVerificationException(cache, "cannot read the hub cache: " + e.getMessage(), e);
        }
    }

    private static ExportFolder unpack(Path archive, Path scratch) {
        String name = archive.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean zip = name.endsWith(".zip");
        boolean tar = name.endsWith(".tar") || name.endsWith(".tar.gz") || name.endsWith(".tgz");
        if (!zip && !tar) {
            throw new PackVerificationException(archive, "is a file but not a .zip, .tar, .tar.gz or .tgz; give the export's folder or an archive of it");
        }
        Path temp = null;
        try {
            temp = scratch == null ? Files.createTempDirectory("sightline-export-") : Files.createTempDirectory(scratch, ".unpack-");
            try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive));
                 InputStream in = name.endsWith(".tar") || zip ? raw : new GZIPInputStream(raw);
                 ArchiveInputStream<? extends ArchiveEntry> entries = zip ? new ZipArchiveInputStream(in) : new TarArchiveInputStream(in)) {
                ArchiveEntry e;
                while ((e = entries.getNextEntry()) != null) {
                    extract(archive, temp, entries, e);
                }
            }
            Path root = temp.toRealPath();
            List<Path> top = new ArrayList<>();
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root)) {
                dirs.forEach(top::add);
            }
            if (top.size() == 1 && Files.isDirectory(top.getFirst(), LinkOption.NOFOLLOW_LINKS)) {
                root = top.getFirst();
            }
            ExportFolder inner = open(root);
            Path keep = temp;
            temp = null;
            return new ExportFolder(archive, inner.root, realPath(keep), inner.revision, inner.hubCache, keep);
        } catch (IOException e) {
            throw new PackVerificationException(archive, "cannot be unpacked: " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                deleteTree(temp);
            }
        }
    }

    private static void extract(Path archive, Path temp, InputStream in, ArchiveEntry e) throws IOException {
        String entryName = e.getName().replace('\\', '/');
        Path to = temp.resolve(entryName).normalize();
        if (entryName.startsWith("/") || !to.startsWith(temp)) {
            throw new PackVerificationException(archive, "entry " + e.getName() + " would be written outside the unpacked folder; refused");
        }
        if (e.isDirectory()) {
            Files.createDirectories(to);
            return;
        }
        if (e instanceof TarArchiveEntry t && t.isSymbolicLink()) {
            // hub caches archived with their links: the link must stay inside the archive
            Path target = to.getParent().resolve(t.getLinkName()).normalize();
            if (!target.startsWith(temp)) {
                throw new PackVerificationException(archive, "link " + e.getName() + " points outside the archive; refused");
            }
            Files.createDirectories(to.getParent());
            Files.createSymbolicLink(to, to.getParent().relativize(target));
            return;
        }
        if (e instanceof TarArchiveEntry t && !t.isFile()) {
            throw new PackVerificationException(archive, "entry " + e.getName() + " is not a plain file, folder or link; refused");
        }
        if (e instanceof ZipArchiveEntry z && z.isUnixSymlink()) {
            throw new PackVerificationException(archive, "entry " + e.getName() + " is a symbolic link; refused");
        }
        Files.createDirectories(to.getParent());
        Files.copy(in, to);
    }

    /** What the user named. */
    public Path source() {
        return source;
    }

    /** The folder holding the export's files (the snapshot of a hub cache, the unpacked folder of an archive). */
    public Path root() {
        return root;
    }

    /** The Hugging Face revision when this is a hub cache, else null. */
    public String revision() {
        return revision;
    }

    public boolean isHubCache() {
        return hubCache;
    }

    /** Whether the export has this file (following links inside the export). */
    public boolean has(String relative) {
        return Files.isRegularFile(root.resolve(relative));
    }

    public boolean hasFolder(String relative) {
        return Files.isDirectory(root.resolve(relative));
    }

    /**
     * The readable file at {@code relative}.
     *
     * @throws PackVerificationException when it is missing or a link leading outside the export
     */
    public Path file(String relative) {
        Path p = root.resolve(relative).normalize();
        if (!p.startsWith(root)) {
            throw new PackVerificationException(p, "leaves the export folder");
        }
        if (!Files.exists(p)) {
            throw new PackVerificationException(p, Files.exists(p, LinkOption.NOFOLLOW_LINKS) ? "is a broken link (its blob is missing from the cache)"
                    : "missing file");
        }
        Path real = realPath(p);
        if (!real.startsWith(boundary)) {
            throw new PackVerificationException(p, "is a link to " + real + ", outside the export " + boundary + "; refused");
        }
        if (!Files.isRegularFile(real)) {
            throw new PackVerificationException(p, "is not a regular file");
        }
        return real;
    }

    /**
     * The SHA-256 the hub cache names a file by: large (LFS) files are stored as {@code blobs/SHA256}, so a snapshot
     * link's target name is the published checksum of the file.
     */
    public Optional<String> hubChecksum(String relative) {
        if (!hubCache) {
            return Optional.empty();
        }
        String blob = file(relative).getFileName().toString();
        return SHA256_HEX.matcher(blob).matches() ? Optional.of(blob) : Optional.empty();
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            throw new PackVerificationException(p, "cannot be resolved: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (unpacked != null) {
            deleteTree(unpacked);
        }
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove temporary folder " + dir + ": " + e.getMessage(), e);
        }
    }
}
