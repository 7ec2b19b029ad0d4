package org.sightline.indexer.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.result.ResultIterator;
import org.sightline.indexer.catalog.CatalogDatabase;

/**
 * Walks the audit log in order and reports the first broken link: a gap in the sequence (an entry deleted),
 * a {@code prev_hash} that is not the previous entry's hash, or a {@code hash} that does not match the
 * entry's content (an entry edited). Reads the stored text as it is, so any raw edit is found.
 */
public class AuditVerifier {
    private final CatalogDatabase db;

    public AuditVerifier(CatalogDatabase db) {
        this.db = Objects.requireNonNull(db);
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
        return read(h -> {
            List<String> problems = new ArrayList<>();
            for (Map.Entry<Long, String> anchor : new TreeMap<>(hashBySeq).entrySet()) {
                Optional<String> stored = h.createQuery("SELECT hash FROM audit_log WHERE seq = :seq")
                        .bind("seq", anchor.getKey()).mapTo(String.class).findOne();
                if (stored.isEmpty()) {
                    problems.add("entry " + anchor.getKey() + " is missing from the log (deleted or cut off)");
                } else if (!stored.get().equals(anchor.getValue())) {
                    problems.add("entry " + anchor.getKey() + " has hash " + stored.get() + " but was recorded as "
                            + anchor.getValue());
                }
            }
            return problems;
        });
    }

    public AuditVerification verify() {
        return read(h -> {
            long expectedSeq = 1;
            String prev = AuditEntry.GENESIS;
            long checked = 0;
            try (ResultIterator<StoredEntry> rows = h.createQuery("SELECT " + AuditLog.COLUMNS + " FROM audit_log ORDER BY seq")
                    .map(StoredEntry.MAPPER).iterator()) {
                while (rows.hasNext()) {
                    StoredEntry e = rows.next();
                    if (e.seq() != expectedSeq) {
                        return new AuditVerification(checked, e.seq(), e.seq() > expectedSeq
                                ? "entries " + expectedSeq + (e.seq() - 1 > expectedSeq ? "-" + (e.seq() - 1) : "") + " are missing (deleted)"
                                : "sequence number out of order", prev);
                    }
                    if (!prev.equals(e.prevHash())) {
                        return new AuditVerification(checked, e.seq(), "prev_hash " + e.prevHash()
                                + " does not match the hash of entry " + (e.seq() - 1) + " (" + prev + ")", prev);
                    }
                    String expected = AuditEntry.chainHash(e.prevHash(),
                            AuditEntry.canonical(e.seq(), e.time(), e.user(), e.action(), e.caseId(), e.details()));
                    if (!expected.equals(e.hash())) {
                        return new AuditVerification(checked, e.seq(), "content does not match its hash (stored " + e.hash()
                                + ", computed " + expected + "): the entry was altered", prev);
                    }
                    prev = e.hash();
                    expectedSeq++;
                    checked++;
                }
            }
            return new AuditVerification(checked, -1, null, prev);
        });
    }

    private <T> T read(HandleCallback<T, RuntimeException> work) {
        try {
            return db.withHandle(work);
        } catch (JdbiException e) {
            throw new AuditException("cannot read the audit log in " + db.file() + ": " + CatalogDatabase.message(e), e);
        }
    }

    /** A row as stored, the time as its text: the hash covers the text, so nothing is parsed before checking. */
    private record StoredEntry(long seq, String time, String user, String action, Long caseId, String details,
                               String prevHash, String hash) {
        static final org.jdbi.v3.core.mapper.RowMapper<StoredEntry> MAPPER = (rs, ctx) -> {
            long caseId = rs.getLong("case_id");
            Long boxed = rs.wasNull() ? null : caseId;
            return new StoredEntry(rs.getLong("seq"), rs.getString("time"), rs.getString("user"), rs.getString("action"),
                    boxed, rs.getString("details"), rs.getString("prev_hash"), rs.getString("hash"));
        };
    }
}
