package org.sightline.indexer.signing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.Arrays;

/**
 * A file's Ed25519 signature kept beside it: {@code NAME.sig} holds the raw 64-byte signature of the file's bytes and
 * {@code signer-public-key.pem} the public key, so that besides Sightline,
 * {@code openssl pkeyutl -verify -pubin -inkey signer-public-key.pem -rawin -in NAME -sigfile NAME.sig} checks it.
 * The signed file names its signer ({@link SignedBy}), so the key cannot be swapped without breaking the signature.
 */
public final class DetachedSignature {
    public static final String SUFFIX = ".sig";
    public static final String PUBLIC_KEY_FILE = "signer-public-key.pem";

    private DetachedSignature() {
    }

    /** Signs {@code bytes} (the content of {@code signedFile}) and writes the signature and public key beside it. */
    public static byte[] write(ExaminerKey key, Path signedFile, byte[] bytes) throws IOException {
        byte[] signature = key.sign(bytes);
        Path dir = signedFile.toAbsolutePath().getParent();
        Files.write(dir.resolve(signedFile.getFileName() + SUFFIX), signature, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        Files.writeString(dir.resolve(PUBLIC_KEY_FILE), key.identity().publicKeyPem(), StandardCharsets.US_ASCII,
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return signature;
    }

    /**
     * Checks the signature of {@code signedFile} whose content is {@code bytes} and which names {@code claimed} as
     * its signer (null when it names none).
     */
    public static SignatureCheck check(Path signedFile, byte[] bytes, SignedBy claimed, TrustedKeys trust) {
        String name = signedFile.getFileName().toString();
        Path dir = signedFile.toAbsolutePath().getParent();
        Path sigFile = dir.resolve(name + SUFFIX);
        if (claimed == null) {
            return new SignatureCheck(SignatureCheck.Status.UNSIGNED, null, null, name + " names no signer: the package is UNSIGNED,"
                    + " so nothing shows who made it or that it was not remade after an alteration");
        }
        PublicKey key;
        KeyFingerprint fingerprint;
        try {
            key = claimed.key();
            fingerprint = KeyFingerprint.of(key);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return new SignatureCheck(SignatureCheck.Status.INVALID, claimed.name(), null,
                    "the signer's public key in " + name + " cannot be read: " + e.getMessage());
        }
        if (!fingerprint.hex().equalsIgnoreCase(claimed.fingerprint())) {
            return new SignatureCheck(SignatureCheck.Status.INVALID, claimed.name(), fingerprint, name
                    + " states fingerprint " + claimed.fingerprint() + " but its public key's fingerprint is " + fingerprint);
        }
        if (!Files.isRegularFile(sigFile)) {
            return new SignatureCheck(SignatureCheck.Status.UNSIGNED, claimed.name(), fingerprint,
                    "the SIGNATURE file " + sigFile.getFileName() + " is missing");
        }
        Path pemFile = dir.resolve(PUBLIC_KEY_FILE);
        try {
            if (Files.isRegularFile(pemFile) && !Arrays.equals(
                    Ed25519.fromPem("PUBLIC KEY", Files.readString(pemFile, StandardCharsets.US_ASCII)), key.getEncoded())) {
                return new SignatureCheck(SignatureCheck.Status.INVALID, claimed.name(), fingerprint, PUBLIC_KEY_FILE
                        + " is not the key " + name + " names as its signer");
            }
            byte[] signature = Files.readAllBytes(sigFile);
            if (!Ed25519.verify(key, bytes, signature)) {
                return new SignatureCheck(SignatureCheck.Status.INVALID, claimed.name(), fingerprint,
                        "the SIGNATURE in " + sigFile.getFileName() + " does not match " + name + ": " + name
                                + " was altered after it was signed, or the signature is not by the key of " + claimed.name()
                                + " (fingerprint " + fingerprint + ")");
            }
        } catch (IOException | IllegalArgumentException e) {
            return new SignatureCheck(SignatureCheck.Status.INVALID, claimed.name(), fingerprint,
                    "cannot read the signature " + sigFile + ": " + e.getMessage());
        }
        if (!trust.accepts(fingerprint)) {
            return new SignatureCheck(SignatureCheck.Status.UNTRUSTED, claimed.name(), fingerprint, "the SIGNATURE is valid "
                    + "but by a key that is not trusted: " + claimed.name() + " (fingerprint " + fingerprint
                    + ") is not among the required signer(s) " + trust.fingerprints());
        }
        return new SignatureCheck(SignatureCheck.Status.VALID, claimed.name(), fingerprint, null);
    }
}
