package org.sightline.indexer.audit;

/**
 * The outcome of checking the audit hash chain.
 *
 * @param entriesChecked entries read before the first problem (all of them when intact)
 * @param brokenSeq      sequence number of the first broken link, or -1 when the chain is intact
 * @param problem        what did not match at {@code brokenSeq}, or null
 * @param lastHash       hash of the last entry (the chain head), or the genesis hash when the log is empty
 */
public record AuditVerification(long entriesChecked, long brokenSeq, String problem, String lastHash) {

    public boolean intact() {
        return brokenSeq < 0;
    }
}
