package org.sightline.indexer.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.sightline.indexer.search.SearchQuery;
import org.sightline.indexer.search.SearchResult;
import org.sightline.models.pack.ImportResult;

/**
 * The append-only, hash-chained audit trail in the catalog ({@code audit_log}). Every search, clip view,
 * case change, export and model import is recorded with the time (UTC) and the user name; each entry
 * carries the hash of the previous one (see {@link AuditEntry}), so editing or deleting an entry is found
 * by {@link AuditVerifier}. Triggers refuse UPDATE and DELETE on the table.
 */
public class AuditLog {
    static final String COMPONENT = "audit";
    static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper DETAILS_JSON = JsonMapper.builder()
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .build();

    private final ConnectionSource connections;
    private final Clock clock;
    private final String user;

    /** The log of the catalog behind {@code connections}, recording as this system user. */
    public AuditLog(ConnectionSource connections) {
        this(connections, Clock.systemUTC(), System.getProperty("user.name", "unknown"));
    }

    public AuditLog(ConnectionSource connections, Clock clock, String user) {
        this.connections = Objects.requireNonNull(connections);
        this.clock = Objects.requireNonNull(clock);
        this.user = Objects.requireNonNull(user);
        try (Connection c = connections.open()) {
            WriteTransaction.run(c, AuditLog::ensureSchema);
        } catch (SQLException e) {
            throw new AuditException("cannot prepare the audit log in the catalog: " + e.getMessage(), e);
        }
    }

    private static Void ensureSchema(Connection c) throws SQLException {
        int found = ComponentSchema.version(c, COMPONENT);
        ComponentSchema.requireAtMost(found, SCHEMA_VERSION, COMPONENT);
        if (found == SCHEMA_VERSION) {
            return null;
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS audit_log ("
                    + "seq INTEGER PRIMARY KEY, "
                    + "time TEXT NOT NULL, "
                    + "user TEXT NOT NULL, "
                    + "action TEXT NOT NULL, "
                    + "case_id INTEGER, "
                    + "details TEXT NOT NULL, "
                    + "prev_hash TEXT NOT NULL, "
                    + "hash TEXT NOT NULL)");
            s.execute("CREATE INDEX IF NOT EXISTS audit_log_case ON audit_log(case_id)");
            s.execute("CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log "
                    + "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END");
            s.execute("CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log "
                    + "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END");
        }
        ComponentSchema.setVersion(c, COMPONENT, SCHEMA_VERSION);
        return null;
    }

    /** The user name entries are recorded under. */
    public String user() {
        return user;
    }

    /**
     * Appends an entry in its own transaction.
     *
     * @param caseId  the case it concerns, or null
     * @param details what happened; serialised as a JSON object with sorted keys
     */
    public AuditEntry record(AuditAction action, Long caseId, Map<String, ?> details) {
        try (Connection c = connections.open()) {
            return WriteTransaction.run(c, tx -> record(tx, action, caseId, details));
        } catch (SQLException e) {
            throw new AuditException("cannot write to the audit log: " + e.getMessage(), e);
        }
    }

    /**
     * Appends an entry on a connection that is inside a write transaction (see {@link WriteTransaction}),
     * so the entry commits or rolls back with the change it records.
     */
    public AuditEntry record(Connection inTransaction, AuditAction action, Long caseId, Map<String, ?> details)
            throws SQLException {
        String detailsJson;
        try {
            detailsJson = DETAILS_JSON.writeValueAsString(details == null ? Map.of() : details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details cannot be written as JSON: " + e.getMessage(), e);
        }
        long seq = 1;
        String prev = AuditEntry.GENESIS;
        try (Statement s = inTransaction.createStatement();
             ResultSet r = s.executeQuery("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")) {
            if (r.next()) {
                seq = r.getLong(1) + 1;
                prev = r.getString(2);
            }
        }
        Instant time = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String hash = AuditEntry.chainHash(prev, AuditEntry.canonical(seq, time.toString(), user, action.code(), caseId, detailsJson));
        try (PreparedStatement p = inTransaction.prepareStatement(
                "INSERT INTO audit_log(seq, time, user, action, case_id, details, prev_hash, hash) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setLong(1, seq);
            p.setString(2, time.toString());
            p.setString(3, user);
            p.setString(4, action.code());
            if (caseId == null) {
                p.setNull(5, Types.INTEGER);
            } else {
                p.setLong(5, caseId);
            }
            p.setString(6, detailsJson);
            p.setString(7, prev);
            p.setString(8, hash);
            p.executeUpdate();
        }
        return new AuditEntry(seq, time, user, action.code(), caseId, detailsJson, prev, hash);
    }

    /**
     * Records a search: the prompt or example, the filters, how many clips came back and the model searched.
     * The one call the search paths (desktop and command line) make after each search.
     */
    public AuditEntry recordSearch(SearchResult result) {
        SearchQuery q = result.query();
        Map<String, Object> d = new LinkedHashMap<>();
        if (q.prompt() != null) {
            d.put("prompt", q.prompt());
        } else if (q.example() instanceof SearchQuery.Example.OfSegment s) {
            d.put("example", "segment " + s.segmentId());
        } else if (q.example() instanceof SearchQuery.Example.OfFrame f) {
            d.put("example", f.description() == null ? "a picture" : f.description());
        }
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("cameras", q.cameras().stream().sorted().toList());
        filters.put("from", q.from() == null ? null : q.from().toString());
        filters.put("to", q.to() == null ? null : q.to().toString());
        filters.put("dayFrom", q.dayFrom() == null ? null : q.dayFrom().toString());
        filters.put("dayTo", q.dayTo() == null ? null : q.dayTo().toString());
        filters.put("minScore", q.minScore());
        filters.put("limit", q.limit());
        filters.put("sort", q.sort().name().toLowerCase(Locale.ROOT));
        d.put("filters", filters);
        d.put("results", result.clips().size());
        d.put("framesHit", result.framesHit());
        d.put("modelId", result.modelId());
        return record(AuditAction.SEARCH, null, d);
    }

    /** Logs a model pack installed into the data directory (import or the demo pack). */
    public AuditEntry recordModelImport(ImportResult result, Path source) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("modelId", result.id().asString());
        details.put("manifestSha256", result.id().manifestSha256());
        details.put("source", source == null ? "generated by Sightline" : source.toAbsolutePath().toString());
        details.put("installedDir", result.installedDir().toString());
        details.put("alreadyInstalled", result.alreadyInstalled());
        if (!result.provenance().isEmpty()) {
            details.put("provenance", result.provenance());
        }
        return record(AuditAction.MODEL_IMPORT, null, details);
    }

    /** Records that a clip of a video was viewed. */
    public AuditEntry recordView(Path video, String sha256, double fromSeconds, double toSeconds) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("video", video.toString());
        d.put("sha256", sha256);
        d.put("fromSeconds", fromSeconds);
        d.put("toSeconds", toSeconds);
        return record(AuditAction.VIEW, null, d);
    }

    /** All entries in order. */
    public List<AuditEntry> entries() {
        return query("SELECT seq, time, user, action, case_id, details, prev_hash, hash FROM audit_log ORDER BY seq", null);
    }

    /** The entries about one case, in order. */
    public List<AuditEntry> entriesForCase(long caseId) {
        return query("SELECT seq, time, user, action, case_id, details, prev_hash, hash FROM audit_log "
                + "WHERE case_id = ? ORDER BY seq", caseId);
    }

    private List<AuditEntry> query(String sql, Long caseId) {
        try (Connection c = connections.open(); PreparedStatement p = c.prepareStatement(sql)) {
            if (caseId != null) {
                p.setLong(1, caseId);
            }
            try (ResultSet r = p.executeQuery()) {
                return readAll(r);
            }
        } catch (SQLException e) {
            throw new AuditException("cannot read the audit log: " + e.getMessage(), e);
        }
    }

    static List<AuditEntry> readAll(ResultSet r) throws SQLException {
        List<AuditEntry> out = new ArrayList<>();
        while (r.next()) {
            long caseId = r.getLong(5);
            Long boxed = r.wasNull() ? null : caseId;
            out.add(new AuditEntry(r.getLong(1), Instant.parse(r.getString(2)), r.getString(3), r.getString(4),
                    boxed, r.getString(6), r.getString(7), r.getString(8)));
        }
        return out;
    }
}
