package org.sightline.indexer.signing;

import java.security.PublicKey;
import java.time.Instant;

/**
 * The public side of an examiner key: the examiner's name, the public key and its fingerprint, when it was made,
 * and whether the private key needs a passphrase.
 */
public record ExaminerIdentity(String name, PublicKey publicKey, Instant created, boolean passphraseProtected) {

    public KeyFingerprint fingerprint() {
        return KeyFingerprint.of(publicKey);
    }

    /** The public key as PEM text ({@code -----BEGIN PUBLIC KEY-----}), as OpenSSL reads it. */
    public String publicKeyPem() {
        return Ed25519.pem("PUBLIC KEY", publicKey.getEncoded());
    }
}
