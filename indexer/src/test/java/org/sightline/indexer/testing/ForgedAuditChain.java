package org.sightline.indexer.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.sightline.indexer.audit.AuditEntry;

/**
 * What a forger with the catalog file does to the audit trail: drops the triggers, edits entries and recomputes every
 * hash from the first edited entry on, so that the chain alone still verifies.
 */
public final class ForgedAuditChain {
    private ForgedAuditChain() {
    }

    /** Drops the triggers that refuse UPDATE and DELETE on the log. */
    public static void dropTriggers(Connection c) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER IF EXISTS audit_log_no_update");
            s.execute("DROP TRIGGER IF EXISTS audit_log_no_delete");
        }
    }

    /**
     * Replaces {@code text} in the details of every entry from {@code fromSeq} on and recomputes the chain.
     *
     * @return how many entries' details changed
     */
    public static int rewrite(Path catalogFile, long fromSeq, String text, String replacement) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + catalogFile)) {
            dropTriggers(c);
            List<AuditEntry> rows = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT seq, time, user, action, case_id, details, prev_hash, hash "
                         + "FROM audit_log ORDER BY seq")) {
                while (rs.next()) {
                    long caseId = rs.getLong("case_id");
                    Long boxed = rs.wasNull() ? null : caseId;
                    rows.add(new AuditEntry(rs.getLong("seq"), Instant.parse(rs.getString("time")), rs.getString("user"),
                            rs.getString("action"), boxed, rs.getString("details"), rs.getString("prev_hash"),
                            rs.getString("hash")));
                }
            }
            int changed = 0;
            String prev = fromSeq <= 1 ? AuditEntry.GENESIS : rows.get((int) fromSeq - 2).hash();
            try (PreparedStatement u = c.prepareStatement(
                    "UPDATE audit_log SET details = ?, prev_hash = ?, hash = ? WHERE seq = ?")) {
                for (AuditEntry e : rows.subList((int) fromSeq - 1, rows.size())) {
                    String details = e.details().replace(text, replacement);
                    if (!details.equals(e.details())) {
                        changed++;
                    }
                    String hash = AuditEntry.chainHash(prev, AuditEntry.canonical(e.seq(), e.time().toString(), e.user(),
                            e.action(), e.caseId(), details));
                    u.setString(1, details);
                    u.setString(2, prev);
                    u.setString(3, hash);
                    u.setLong(4, e.seq());
                    u.executeUpdate();
                    prev = hash;
                }
            }
            return changed;
        }
    }
}
