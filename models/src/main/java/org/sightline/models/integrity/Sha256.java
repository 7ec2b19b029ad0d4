package org.sightline.models.integrity;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * SHA-256 digests as lower-case hex: of bytes, of a file (streamed, opened read-only) and of the bytes copied from
 * one stream to another. The one place Sightline computes SHA-256 of content.
 */
public final class Sha256 {
    private static final int BUFFER = 1 << 16;
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    /** What {@link #copy} moved: the number of bytes and their SHA-256. */
    public record Copied(long size, String sha256) {
    }

    private Sha256() {
    }

    public static String of(byte[] bytes) {
        return HexFormat.of().formatHex(newDigest().digest(bytes));
    }

    /** Streams the file, opened read-only; a symbolic link is followed. */
    public static String of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return of(in);
        }
    }

    /**
     * Like {@link #of(Path)} but refuses anything that is not a regular file itself: a symbolic link at the last path
     * element, a folder, a device. For files whose place is part of what is verified (model packs).
     */
    public static String ofRegularFile(Path file) throws IOException {
        if (Files.isSymbolicLink(file) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(file + " is not a regular file");
        }
        return of(file);
    }

    /** Reads the stream to its end; does not close it. */
    public static String of(InputStream in) throws IOException {
        MessageDigest md = newDigest();
        byte[] buf = new byte[BUFFER];
        for (int n; (n = in.read(buf)) > 0; ) {
            md.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** Copies {@code in} to its end into {@code out}, hashing the bytes as they pass; closes neither. */
    public static Copied copy(InputStream in, OutputStream out) throws IOException {
        MessageDigest md = newDigest();
        byte[] buf = new byte[BUFFER];
        long size = 0;
        for (int n; (n = in.read(buf)) > 0; ) {
            md.update(buf, 0, n);
            out.write(buf, 0, n);
            size += n;
        }
        return new Copied(size, HexFormat.of().formatHex(md.digest()));
    }

    /** Whether {@code hex} has the form of a digest from this class (64 lower-case hex digits). */
    public static boolean isValid(String hex) {
        return hex != null && HEX.matcher(hex).matches();
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
