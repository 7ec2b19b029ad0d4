package org.sightline.models.integrity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * npm's integrity string ({@code sha512-} and the Base64 SHA-512) of a package tarball, as {@code npm view NAME@VERSION
 * dist.integrity} prints it: what the starter packs' pinned provenance is checked against.
 */
public final class NpmIntegrity {
    private NpmIntegrity() {
    }

    public static String of(byte[] bytes) {
        return "sha512-" + Base64.getEncoder().encodeToString(sha512().digest(bytes));
    }

    public static String of(Path file) throws IOException {
        MessageDigest d = sha512();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                d.update(buf, 0, n);
            }
        }
        return "sha512-" + Base64.getEncoder().encodeToString(d.digest());
    }

    private static MessageDigest sha512() {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is not available in this JVM", e);
        }
    }
}
