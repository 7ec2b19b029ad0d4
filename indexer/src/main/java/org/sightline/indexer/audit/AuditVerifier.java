package org.sightline.indexer.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;

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
