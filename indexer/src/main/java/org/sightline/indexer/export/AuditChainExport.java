package org.sightline.indexer.export;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import org.sightline.indexer.signing.SignedBy;

/**
 * {@code audit-chain.json}: the whole audit hash chain, from the first entry to the head, for a third party to check
 * offline. It is signed by the examiner's key ({@code audit-chain.json.sig}, {@code signer-public-key.pem} beside it),
 * so the head cannot be replaced, and every entry's hash can be recomputed with {@link #HASH_RULE}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AuditChainExport(String format, String exportedAt, String exportedBy, String hashRule,
                               List<ExportManifest.Entry> entries, long headSeq, String headHash, SignedBy signer) {

    public static final String FORMAT = "sightline-audit-chain/1";
    public static final String FILE = "audit-chain.json";

    /** The same rule as the evidence manifest's audit section. */
    public static final String HASH_RULE = ExportManifest.Audit.HASH_RULE;
}
