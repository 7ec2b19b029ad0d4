package org.sightline.indexer.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Walks the audit log in order and reports the first broken link: a gap in the sequence (an entry deleted),
 * a {@code prev_hash} that is not the previous entry's hash, or a {@code hash} that does not match the
 * entry's content (an entry edited). Reads the stored text as it is, so any raw edit is found.
 */
public class AuditVerifier {
    private final ConnectionSource connections;

    public AuditVerifier(ConnectionSource connections) {
        this.connections = Objects.requireNonNull(connections);
    }

    /**
     * Checks that entries recorded elsewhere (an export package keeps its case's entries and the chain head) are
     * still in the log unchanged: catches a log cut short or rewritten after the export, which the chain alone
     * cannot show.
     *
     * @param hashBySeq the hash each sequence number had when it was recorded elsewhere
     * @return one line per entry that is missing or differs; empty when all match
     */
    public List<String> checkAnchors(Map<Long, String> hashBySeq) {
        List<String> problems = new ArrayList<>();
        try (Connection c = connections.open();
             PreparedStatement p = c.prepareStatement("SELECT hash FROM audit_log WHERE seq = ?")) {
            for (Map.Entry<Long, String> anchor : new TreeMap<>(hashBySeq).entrySet()) {
                p.setLong(1, anchor.getKey());
                try (ResultSet r = p.executeQuery()) {
                    if (!r.next()) {
                        problems.add("entry " + anchor.getKey() + " is missing from the log (deleted or cut off)");
                    } else if (!r.getString(1).equals(anchor.getValue())) {
                        problems.add("entry " + anchor.getKey() + " has hash " + r.getString(1) + " but was recorded as "
                                + anchor.getValue());
                    }
                }
            }
        } catch (SQLException e) {
            throw new AuditException("cannot read the audit log: " + e.getMessage(), e);
        }
        return problems;
    }

    public AuditVerification verify() {
        try (Connection c = connections.open();
             PreparedStatement p = c.prepareStatement("SELECT seq, time, user, action, case_id, details, prev_hash, hash "
                     + "FROM audit_log ORDER BY seq");
             ResultSet r = p.executeQuery()) {
            long expectedSeq = 1;
            String prev = AuditEntry.GENESIS;
            long checked = 0;
            while (r.next()) {
                long seq = r.getLong(1);
                String time = r.getString(2);
                String user = r.getString(3);
                String action = r.getString(4);
                long caseIdRaw = r.getLong(5);
                Long caseId = r.wasNull() ? null : caseIdRaw;
                String details = r.getString(6);
                String prevHash = r.getString(7);
                String hash = r.getString(8);
                if (seq != expectedSeq) {
                    return new AuditVerification(checked, seq, seq > expectedSeq
                            ? "entries " + expectedSeq + (seq - 1 > expectedSeq ? "-" + (seq - 1) : "") + " are missing (deleted)"
                            : "sequence number out of order", prev);
                }
                if (!prev.equals(prevHash)) {
                    return new AuditVerification(checked, seq, "prev_hash " + prevHash
                            + " does not match the hash of entry " + (seq - 1) + " (" + prev + ")", prev);
                }
                String expected = AuditEntry.chainHash(prevHash, AuditEntry.canonical(seq, time, user, action, caseId, details));
                if (!expected.equals(hash)) {
                    return new AuditVerification(checked, seq, "content does not match its hash (stored " + hash
                            + ", computed " + expected + "): the entry was altered", prev);
                }
                prev = hash;
                expectedSeq++;
                checked++;
            }
            return new AuditVerification(checked, -1, null, prev);
        } catch (SQLException e) {
            throw new AuditException("cannot read the audit log: " + e.getMessage(), e);
        }
    }
}
