package org.sightline.indexer.signing;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Objects;

/** An unlocked examiner signing key: who it belongs to, and the Ed25519 key pair. */
public record ExaminerKey(ExaminerIdentity identity, PrivateKey privateKey) {

    public ExaminerKey {
        Objects.requireNonNull(identity);
        Objects.requireNonNull(privateKey);
    }

    public PublicKey publicKey() {
        return identity.publicKey();
    }

    public KeyFingerprint fingerprint() {
        return identity.fingerprint();
    }

    /** The Ed25519 signature of {@code data}. */
    public byte[] sign(byte[] data) {
        return Ed25519.sign(privateKey, data);
    }
}
