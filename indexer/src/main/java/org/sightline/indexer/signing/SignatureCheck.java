package org.sightline.indexer.signing;

/**
 * The result of checking a detached signature.
 *
 * @param signer      the signer's name as the signed file states it, or null when unsigned
 * @param fingerprint the signing key's fingerprint, or null when unsigned or unreadable
 * @param problem     why the signature is not accepted, in plain words; null when {@link Status#VALID}
 */
public record SignatureCheck(Status status, String signer, KeyFingerprint fingerprint, String problem) {

    public enum Status {
        /** Signed by the stated key, and the key is trusted (or no particular key was required). */
        VALID,
        /** No signature, or no signer named in the signed file. */
        UNSIGNED,
        /** The signature does not match the file: the file was altered, or the signature or key replaced. */
        INVALID,
        /** A valid signature, but by a key that is not among the required ones. */
        UNTRUSTED
    }

    public boolean valid() {
        return status == Status.VALID;
    }
}
