package org.sightline.indexer.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.sightline.models.integrity.Sha256;

/**
 * One link of the audit hash chain.
 *
 * <p>{@code hash = hex(SHA-256(prevHash + "\n" + canonical))} where {@code canonical} is the JSON array
 * {@code [seq, time, user, action, caseId, details]} (time as ISO-8601 UTC, details as the stored JSON text).
 * The first entry's {@code prevHash} is {@link #GENESIS}.
 *
 * @param action  the stored {@link AuditAction#code()} (kept as text: the hash covers it as stored)
 * @param details JSON object text, keys sorted, as stored (see {@link AuditDetails})
 */
public record AuditEntry(long seq, Instant time, String user, String action, Long caseId, String details,
                         String prevHash, String hash) {

    /** The previous hash of the first entry: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The text the hash covers, after the previous hash. */
    public static String canonical(long seq, String time, String user, String action, Long caseId, String details) {
        try {
            return JSON.writeValueAsString(Arrays.asList(seq, time, user, action, caseId, details));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise audit entry " + seq, e);
        }
    }

    public static String chainHash(String prevHash, String canonical) {
        return Sha256.of((prevHash + "\n" + canonical).getBytes(StandardCharsets.UTF_8));
    }

    /** The action the stored code names; empty for a code this Sightline does not know. */
    public java.util.Optional<AuditAction> knownAction() {
        return AuditAction.ofCode(action);
    }

    /** The hash this entry should carry given its content and its {@code prevHash}. */
    public String expectedHash() {
        return chainHash(prevHash, canonical(seq, time.toString(), user, action, caseId, details));
    }
}
