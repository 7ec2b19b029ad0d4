package org.sightline.indexer.export;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.Base64;
import org.sightline.indexer.signing.Ed25519;
import org.sightline.indexer.signing.ExaminerKey;
import org.sightline.indexer.signing.KeyFingerprint;
import org.sightline.indexer.signing.SignatureCheck;
import org.sightline.indexer.signing.SignedBy;
import org.sightline.indexer.signing.TrustedKeys;

/**
 * A signed anchor of the audit chain: entry {@code seq} had hash {@code hash} when the examiner made it. Kept as one
 * small JSON file the examiner can take off the workstation; {@code sightline audit verify --checkpoint FILE} then
 * finds a chain cut short after the entry (the entry is gone) or rewritten with recomputed hashes (the entry's hash
 * differs), which the chain alone cannot show.
 *
 * <p>{@code signature} is the Base64 Ed25519 signature of {@link #signedText()}: the format, sequence number, hash,
 * time, user and the signer's fingerprint, one per line.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AuditCheckpoint(String format, long seq, String hash, String madeAt, String madeBy, SignedBy signer,
                              String signature) {

    public static final String FORMAT = "sightline-audit-checkpoint/1";

    /** A checkpoint of entry {@code seq} with {@code hash}, signed with the examiner key. */
    public static AuditCheckpoint sign(long seq, String hash, String madeAt, String madeBy, ExaminerKey key) {
        SignedBy signer = SignedBy.of(key.identity(), "(inside this file)",
                "the lines format, seq, hash, madeAt, madeBy and the signer's fingerprint, joined by newlines");
        AuditCheckpoint unsigned = new AuditCheckpoint(FORMAT, seq, hash, madeAt, madeBy, signer, null);
        byte[] sig = key.sign(unsigned.signedText().getBytes(StandardCharsets.UTF_8));
        return new AuditCheckpoint(FORMAT, seq, hash, madeAt, madeBy, signer, Base64.getEncoder().encodeToString(sig));
    }

    /** The text the signature covers. */
    public String signedText() {
        return String.join("\n", format, Long.toString(seq), hash, madeAt, madeBy,
                signer == null ? "" : signer.fingerprint());
    }

    /** Checks the signature with the public key the checkpoint names, and that the key is among the trusted ones. */
    public SignatureCheck check(TrustedKeys trust) {
        if (signer == null || signature == null) {
            return new SignatureCheck(SignatureCheck.Status.UNSIGNED, null, null, "the checkpoint is not signed");
        }
        PublicKey key;
        KeyFingerprint fingerprint;
        try {
            key = signer.key();
            fingerprint = KeyFingerprint.of(key);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return new SignatureCheck(SignatureCheck.Status.INVALID, signer.name(), null,
                    "the signer's public key cannot be read: " + e.getMessage());
        }
        if (!fingerprint.hex().equalsIgnoreCase(signer.fingerprint())) {
            return new SignatureCheck(SignatureCheck.Status.INVALID, signer.name(), fingerprint,
                    "it states fingerprint " + signer.fingerprint() + " but its public key's is " + fingerprint);
        }
        byte[] sig;
        try {
            sig = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return new SignatureCheck(SignatureCheck.Status.INVALID, signer.name(), fingerprint, "the signature is not Base64");
        }
        if (!Ed25519.verify(key, signedText().getBytes(StandardCharsets.UTF_8), sig)) {
            return new SignatureCheck(SignatureCheck.Status.INVALID, signer.name(), fingerprint,
                    "the signature does not match: the checkpoint was altered after it was signed");
        }
        if (!trust.accepts(fingerprint)) {
            return new SignatureCheck(SignatureCheck.Status.UNTRUSTED, signer.name(), fingerprint, "signed by "
                    + signer.name() + " (fingerprint " + fingerprint + "), not by this workstation's examiner key");
        }
        return new SignatureCheck(SignatureCheck.Status.VALID, signer.name(), fingerprint, null);
    }
}
