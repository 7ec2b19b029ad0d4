package org.sightline.indexer.signing;

import java.security.GeneralSecurityException;
import java.security.PublicKey;

/**
 * Who signed a file, as written inside the signed file itself (so the name is covered by the signature).
 *
 * @param publicKey     PEM text of the Ed25519 public key
 * @param signatureFile the detached signature's file name, beside the signed file
 * @param publicKeyFile the public key's PEM file name, beside the signed file
 * @param signs         what the signature covers, in words
 */
public record SignedBy(String name, String algorithm, String fingerprint, String publicKey, String signatureFile,
                       String publicKeyFile, String signs) {

    public static SignedBy of(ExaminerIdentity id, String signedFile, String signs) {
        return new SignedBy(id.name(), Ed25519.ALGORITHM, id.fingerprint().hex(), id.publicKeyPem(),
                signedFile + DetachedSignature.SUFFIX, DetachedSignature.PUBLIC_KEY_FILE, signs);
    }

    public PublicKey key() throws GeneralSecurityException {
        return Ed25519.publicKey(Ed25519.fromPem("PUBLIC KEY", publicKey));
    }
}
