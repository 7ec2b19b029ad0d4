package org.sightline.indexer.signing;

import java.security.PublicKey;
import java.util.Locale;
import org.sightline.models.integrity.Sha256;

/**
 * The fingerprint of a public key: lower-case hex SHA-256 of its DER encoding (X.509 SubjectPublicKeyInfo),
 * the same as {@code openssl pkey -pubin -in KEY.pem -outform DER | sha256sum}.
 */
public record KeyFingerprint(String hex) {

    public KeyFingerprint {
        hex = normalise(hex);
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a key fingerprint (64 hex digits of SHA-256 expected): " + hex);
        }
    }

    public static KeyFingerprint of(PublicKey key) {
        return new KeyFingerprint(Sha256.of(key.getEncoded()));
    }

    /** Accepts upper or lower case and ':' or spaces between digit pairs. */
    public static KeyFingerprint parse(String text) {
        return new KeyFingerprint(text);
    }

    private static String normalise(String s) {
        return s == null ? "" : s.strip().replace(":", "").replace(" ", "").toLowerCase(Locale.ROOT);
    }

    /** Grouped in fours for reading aloud, e.g. {@code 3f2a 91c0 ...}. */
    public String grouped() {
        StringBuilder b = new StringBuilder(80);
        for (int i = 0; i < hex.length(); i += 4) {
            if (i > 0) {
                b.append(' ');
            }
            b.append(hex, i, i + 4);
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return hex;
    }
}
