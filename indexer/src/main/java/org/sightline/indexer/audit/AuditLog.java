package org.sightline.indexer.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.sightline.indexer.catalog.CatalogDatabase;
import org.sightline.indexer.search.SearchQuery;
import org.sightline.indexer.search.SearchResult;
import org.sightline.models.pack.ImportResult;
import org.sightline.indexer.footage.PathText;

/**
 * The append-only, hash-chained audit trail in the catalog ({@code audit_log}). Every search, clip view,
 * case change, export and model import is recorded with the time (UTC) and the user name; each entry
 * carries the hash of the previous one (see {@link AuditEntry}), so editing or deleting an entry is found
 * by {@link AuditVerifier}. Triggers refuse UPDATE and DELETE on the table.
 */
public class AuditLog {
    /** Writes details as the log stores them: a JSON object, keys sorted, nested objects too. */
    private static final ObjectMapper DETAILS_JSON = JsonMapper.builder()
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
            .configure(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST, false)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .build();

    static final String COLUMNS = "seq, time, user, action, case_id, details, prev_hash, hash";

    static final RowMapper<AuditEntry> ENTRY = (rs, ctx) -> {
        long caseId = rs.getLong("case_id");
        Long boxed = rs.wasNull() ? null : caseId;
        return new AuditEntry(rs.getLong("seq"), Instant.parse(rs.getString("time")), rs.getString("user"),
                rs.getString("action"), boxed, rs.getString("details"), rs.getString("prev_hash"), rs.getString("hash"));
    };

    private final CatalogDatabase db;
    private final Clock clock;
    private final String user;

    /** The log in this catalog file, recording as this system user. */
    public AuditLog(CatalogDatabase db) {
        this(db, Clock.systemUTC(), System.getProperty("user.name", "unknown"));
    }

    public AuditLog(CatalogDatabase db, Clock clock, String user) {
        this.db = Objects.requireNonNull(db);
        this.clock = Objects.requireNonNull(clock);
        this.user = Objects.requireNonNull(user);
    }

    /** The user name entries are recorded under. */
    public String user() {
        return user;
    }

    /**
     * Appends an entry in its own transaction.
     *
     * @param caseId the case it concerns, or null
     */
    public AuditEntry record(Long caseId, AuditDetails details) {
        try {
            return db.inTransaction(h -> record(h, caseId, details));
        } catch (JdbiException e) {
            throw new AuditException("cannot write to the audit log in " + db.file() + ": " + CatalogDatabase.message(e), e);
        }
    }

    /**
     * Appends an entry on a handle that is inside a write transaction ({@link CatalogDatabase#inTransaction}),
     * so the entry commits or rolls back with the change it records.
     */
    public AuditEntry record(Handle inTransaction, Long caseId, AuditDetails details) {
        Objects.requireNonNull(details, "details");
        String detailsJson = json(details);
        Optional<AuditEntry> last = inTransaction.createQuery("SELECT " + COLUMNS + " FROM audit_log ORDER BY seq DESC LIMIT 1")
                .map(ENTRY).findOne();
        long seq = last.map(e -> e.seq() + 1).orElse(1L);
        String prev = last.map(AuditEntry::hash).orElse(AuditEntry.GENESIS);
        Instant time = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String action = details.action().code();
        String hash = AuditEntry.chainHash(prev, AuditEntry.canonical(seq, time.toString(), user, action, caseId, detailsJson));
        inTransaction.createUpdate("INSERT INTO audit_log(" + COLUMNS + ") "
                        + "VALUES (:seq, :time, :user, :action, :caseId, :details, :prev, :hash)")
                .bind("seq", seq).bind("time", time.toString()).bind("user", user).bind("action", action)
                .bind("caseId", caseId).bind("details", detailsJson).bind("prev", prev).bind("hash", hash).execute();
        return new AuditEntry(seq, time, user, action, caseId, detailsJson, prev, hash);
    }

    /** The JSON text the log stores for these details. */
    static String json(AuditDetails details) {
        try {
            return DETAILS_JSON.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Records a search: the prompt or example, the filters, how many clips came back and the model searched.
     * The one call the search paths (desktop and command line) make after each search.
     */
    public AuditEntry recordSearch(SearchResult result) {
        return recordSearch(result.query(), result.clips().size(), result.framesHit(), result.modelId());
    }

    /** Logs a search by its query and what it found (results: clips, or frames of a team archive search). */
    public AuditEntry recordSearch(SearchQuery q, int results, int framesHit, String modelId) {
        String prompt = q.prompt();
        String example = null;
        if (prompt == null && q.example() instanceof SearchQuery.Example.OfSegment s) {
            example = "segment " + s.segmentId();
        } else if (prompt == null && q.example() instanceof SearchQuery.Example.OfFrame f) {
            example = f.description() == null ? "a picture" : f.description();
        }
        AuditDetails.Filters filters = new AuditDetails.Filters(q.cameras().stream().sorted().toList(),
                q.from() == null ? null : q.from().toString(), q.to() == null ? null : q.to().toString(),
                q.dayFrom() == null ? null : q.dayFrom().toString(), q.dayTo() == null ? null : q.dayTo().toString(),
                q.minScore(), q.limit(), q.sort().name().toLowerCase(Locale.ROOT));
        return record(null, new AuditDetails.Search(prompt, example, filters, results, framesHit, modelId));
    }

    /** Logs a model pack installed into the data directory (import or the demo pack). */
    public AuditEntry recordModelImport(ImportResult result, Path source) {
        return record(null, new AuditDetails.ModelImport(result.id().asString(), result.id().manifestSha256(),
                source == null ? "generated by Sightline" : source.toAbsolutePath().toString(),
                result.installedDir().toString(), result.alreadyInstalled(), result.provenance()));
    }

    /** Records that a perception pack was installed. */
    public AuditEntry recordPerceptionImport(AuditDetails.PerceptionImport details) {
        return record(null, details);
    }

    /** Records that a clip of a video was viewed. */
    public AuditEntry recordView(Path video, String sha256, double fromSeconds, double toSeconds) {
        return record(null, new AuditDetails.View(PathText.stored(video), sha256, fromSeconds, toSeconds));
    }

    /** All entries in order. */
    public List<AuditEntry> entries() {
        return query(h -> h.createQuery("SELECT " + COLUMNS + " FROM audit_log ORDER BY seq").map(ENTRY).list());
    }

    /** The entries about one case, in order. */
    public List<AuditEntry> entriesForCase(long caseId) {
        return query(h -> h.createQuery("SELECT " + COLUMNS + " FROM audit_log WHERE case_id = :caseId ORDER BY seq")
                .bind("caseId", caseId).map(ENTRY).list());
    }

    private List<AuditEntry> query(HandleCallback<List<AuditEntry>, RuntimeException> work) {
        try {
            return db.withHandle(work);
        } catch (JdbiException e) {
            throw new AuditException("cannot read the audit log in " + db.file() + ": " + CatalogDatabase.message(e), e);
        }
    }
}
