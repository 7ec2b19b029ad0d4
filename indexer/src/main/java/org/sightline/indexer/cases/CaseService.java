package org.sightline.indexer.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
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
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sightline.indexer.audit.AuditAction;
import org.sightline.indexer.audit.AuditLog;
import org.sightline.indexer.audit.ComponentSchema;
import org.sightline.indexer.audit.ConnectionSource;
import org.sightline.indexer.audit.WriteTransaction;
import org.sightline.models.integrity.Sha256;

/**
 * Case dossiers in the catalog ({@code cases}, {@code case_items}): create, rename, close; add, annotate,
 * reorder and remove items. Every change is written to the audit log in the same transaction.
 * Methods throw {@link CaseException} with a message fit to show the user.
 */
public class CaseService {
    /** Seconds added either side of a hit span when an item is added without explicit in/out points. */
    public static final double DEFAULT_PADDING_SECONDS = 3.0;

    static final String COMPONENT = "cases";
    static final int SCHEMA_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ITEM_COLUMNS = "id, case_id, position, video_path, video_sha256, camera, in_seconds, "
            + "out_seconds, hit_seconds, note, tags, found_kind, found_query, score, model_id, index_version, thumbnail, added";
    private static final String CASE_COLUMNS = "id, name, reference, examiner, description, status, created, updated";

    private final ConnectionSource connections;
    private final AuditLog audit;
    private final VideoFacts videoFacts;
    private final Clock clock;

    public CaseService(ConnectionSource connections, AuditLog audit) {
        this(connections, audit, VideoFacts.probing(), Clock.systemUTC());
    }

    public CaseService(ConnectionSource connections, AuditLog audit, VideoFacts videoFacts, Clock clock) {
        this.connections = Objects.requireNonNull(connections);
        this.audit = Objects.requireNonNull(audit);
        this.videoFacts = Objects.requireNonNull(videoFacts);
        this.clock = Objects.requireNonNull(clock);
        write(c -> {
            ensureSchema(c);
            return null;
        });
    }

    private static void ensureSchema(Connection c) throws SQLException {
        int found = ComponentSchema.version(c, COMPONENT);
        ComponentSchema.requireAtMost(found, SCHEMA_VERSION, COMPONENT);
        if (found == SCHEMA_VERSION) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS cases ("
                    + "id INTEGER PRIMARY KEY, name TEXT NOT NULL, reference TEXT NOT NULL UNIQUE, "
                    + "examiner TEXT NOT NULL, description TEXT NOT NULL, status TEXT NOT NULL, "
                    + "created TEXT NOT NULL, updated TEXT NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS case_items ("
                    + "id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL REFERENCES cases(id), position INTEGER NOT NULL, "
                    + "video_path TEXT NOT NULL, video_sha256 TEXT NOT NULL, camera TEXT, "
                    + "in_seconds REAL NOT NULL, out_seconds REAL NOT NULL, hit_seconds REAL NOT NULL, "
                    + "note TEXT NOT NULL, tags TEXT NOT NULL, found_kind TEXT NOT NULL, found_query TEXT, score REAL, "
                    + "model_id TEXT, index_version TEXT, thumbnail TEXT, added TEXT NOT NULL)");
            s.execute("CREATE INDEX IF NOT EXISTS case_items_case ON case_items(case_id, position)");
            s.execute("CREATE INDEX IF NOT EXISTS case_items_sha ON case_items(video_sha256)");
        }
        ComponentSchema.setVersion(c, COMPONENT, SCHEMA_VERSION);
    }

    // ---- cases ----

    /**
     * Creates an open case.
     *
     * @param reference the reference number; blank for {@code CASE-<id>}
     * @param examiner  blank for the audit user
     */
    public Case create(String name, String reference, String examiner, String description) {
        String n = requireText(name, "a case needs a name");
        return write(c -> {
            String ref = blank(reference) ? null : reference.strip();
            if (ref != null && findByReference(c, ref).isPresent()) {
                throw new CaseException("a case with reference " + ref + " already exists");
            }
            String now = now();
            long id;
            try (PreparedStatement p = c.prepareStatement("INSERT INTO cases(name, reference, examiner, description, "
                    + "status, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                p.setString(1, n);
                p.setString(2, ref == null ? "pending-" + System.nanoTime() : ref);
                p.setString(3, blank(examiner) ? audit.user() : examiner.strip());
                p.setString(4, description == null ? "" : description.strip());
                p.setString(5, CaseStatus.OPEN.name());
                p.setString(6, now);
                p.setString(7, now);
                p.executeUpdate();
                try (ResultSet keys = p.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            if (ref == null) {
                update(c, "UPDATE cases SET reference = ? WHERE id = ?", "CASE-" + id, id);
            }
            Case created = getCase(c, id);
            record(c, id, "create", Map.of("name", created.name(), "reference", created.reference(),
                    "examiner", created.examiner(), "description", created.description()));
            return created;
        });
    }

    public Case rename(long caseId, String newName) {
        String n = requireText(newName, "a case needs a name");
        return write(c -> {
            Case before = getCase(c, caseId);
            update(c, "UPDATE cases SET name = ?, updated = ? WHERE id = ?", n, now(), caseId);
            record(c, caseId, "rename", Map.of("from", before.name(), "to", n));
            return getCase(c, caseId);
        });
    }

    /** Changes reference, examiner and description; null leaves a field as it is. */
    public Case updateDetails(long caseId, String reference, String examiner, String description) {
        return write(c -> {
            Case before = getCase(c, caseId);
            String ref = blank(reference) ? before.reference() : reference.strip();
            if (!ref.equals(before.reference()) && findByReference(c, ref).isPresent()) {
                throw new CaseException("a case with reference " + ref + " already exists");
            }
            String ex = blank(examiner) ? before.examiner() : examiner.strip();
            String desc = description == null ? before.description() : description.strip();
            update(c, "UPDATE cases SET reference = ?, examiner = ?, description = ?, updated = ? WHERE id = ?",
                    ref, ex, desc, now(), caseId);
            record(c, caseId, "details", Map.of("reference", ref, "examiner", ex, "description", desc));
            return getCase(c, caseId);
        });
    }

    public Case close(long caseId) {
        return setStatus(caseId, CaseStatus.CLOSED, "close");
    }

    public Case reopen(long caseId) {
        return setStatus(caseId, CaseStatus.OPEN, "reopen");
    }

    private Case setStatus(long caseId, CaseStatus status, String op) {
        return write(c -> {
            getCase(c, caseId);
            update(c, "UPDATE cases SET status = ?, updated = ? WHERE id = ?", status.name(), now(), caseId);
            record(c, caseId, op, Map.of());
            return getCase(c, caseId);
        });
    }

    /** All cases, newest first. */
    public List<Case> list() {
        return read(c -> {
            List<Case> out = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT " + CASE_COLUMNS + " FROM cases ORDER BY id DESC")) {
                while (r.next()) {
                    out.add(readCase(r));
                }
            }
            return out;
        });
    }

    public Case get(long caseId) {
        return read(c -> getCase(c, caseId));
    }

    /**
     * Finds a case by reference, else by numeric id, else by exact name (when only one case has it).
     *
     * @throws CaseException when none (or more than one by name) matches
     */
    public Case resolve(String referenceIdOrName) {
        String key = requireText(referenceIdOrName, "name a case (reference, id or name)");
        return read(c -> {
            Optional<Case> byRef = findByReference(c, key);
            if (byRef.isPresent()) {
                return byRef.get();
            }
            if (key.matches("\\d{1,18}")) {
                Optional<Case> byId = findCase(c, Long.parseLong(key));
                if (byId.isPresent()) {
                    return byId.get();
                }
            }
            List<Case> byName = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT " + CASE_COLUMNS + " FROM cases WHERE name = ?")) {
                p.setString(1, key);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        byName.add(readCase(r));
                    }
                }
            }
            if (byName.size() == 1) {
                return byName.getFirst();
            }
            if (byName.size() > 1) {
                throw new CaseException(byName.size() + " cases are named \"" + key + "\"; use the reference or id");
            }
            throw new CaseException("no case with reference, id or name \"" + key + "\"");
        });
    }

    // ---- items ----

    /** The case's items in order. */
    public List<CaseItem> items(long caseId) {
        return read(c -> {
            getCase(c, caseId);
            return itemsOf(c, caseId);
        });
    }

    public CaseItem item(long itemId) {
        return read(c -> getItem(c, itemId));
    }

    /** The item at a 1-based position of a case. */
    public CaseItem itemAt(long caseId, int position) {
        return items(caseId).stream().filter(i -> i.position() == position).findFirst()
                .orElseThrow(() -> new CaseException("case " + get(caseId).reference() + " has no item " + position));
    }

    /**
     * Adds an item at the end of an open case. The source is read now for its length (to place and check the
     * span) and, when the draft has no SHA-256, for its hash.
     */
    public CaseItem addItem(long caseId, ItemDraft draft) {
        Path video = draft.video().toAbsolutePath().normalize();
        if (!Files.isRegularFile(video)) {
            throw new CaseException("video not found: " + video);
        }
        double duration;
        String sha;
        try {
            duration = videoFacts.durationSeconds(video);
            sha = draft.videoSha256() != null ? draft.videoSha256().toLowerCase() : videoFacts.sha256(video);
        } catch (IOException e) {
            throw new CaseException(e.getMessage(), e);
        }
        if (!Sha256.isValid(sha)) {
            throw new CaseException("not a SHA-256 (64 hex digits): " + sha);
        }
        double in;
        double out;
        if (draft.inSeconds() == null && draft.outSeconds() == null) {
            in = Math.max(0, draft.hitStartSeconds() - DEFAULT_PADDING_SECONDS);
            out = Math.min(duration, draft.hitEndSeconds() + DEFAULT_PADDING_SECONDS);
        } else {
            in = draft.inSeconds() != null ? draft.inSeconds() : Math.max(0, draft.hitStartSeconds() - DEFAULT_PADDING_SECONDS);
            out = draft.outSeconds() != null ? draft.outSeconds() : Math.min(duration, draft.hitEndSeconds() + DEFAULT_PADDING_SECONDS);
        }
        checkSpan(video, in, out, duration);
        double hit = draft.hitSeconds() != null ? draft.hitSeconds() : (draft.hitStartSeconds() + draft.hitEndSeconds()) / 2;
        hit = Math.min(Math.max(hit, in), out);
        final double fin = in;
        final double fout = out;
        final double fhit = hit;
        return write(c -> {
            requireOpen(getCase(c, caseId));
            int position;
            try (PreparedStatement p = c.prepareStatement("SELECT COALESCE(MAX(position), 0) FROM case_items WHERE case_id = ?")) {
                p.setLong(1, caseId);
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    position = r.getInt(1) + 1;
                }
            }
            FoundBy f = draft.foundBy();
            long id;
            try (PreparedStatement p = c.prepareStatement("INSERT INTO case_items(case_id, position, video_path, "
                    + "video_sha256, camera, in_seconds, out_seconds, hit_seconds, note, tags, found_kind, found_query, "
                    + "score, model_id, index_version, thumbnail, added) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                p.setLong(1, caseId);
                p.setInt(2, position);
                p.setString(3, video.toString());
                p.setString(4, sha);
                p.setString(5, draft.camera());
                p.setDouble(6, fin);
                p.setDouble(7, fout);
                p.setDouble(8, fhit);
                p.setString(9, draft.note());
                p.setString(10, tagsJson(draft.tags()));
                p.setString(11, f.kind());
                p.setString(12, f.query());
                if (f.score() == null) {
                    p.setNull(13, Types.REAL);
                } else {
                    p.setDouble(13, f.score());
                }
                p.setString(14, f.modelId());
                p.setString(15, f.indexVersion());
                p.setString(16, draft.thumbnail() == null ? null : draft.thumbnail().toString());
                p.setString(17, now());
                p.executeUpdate();
                try (ResultSet keys = p.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            CaseItem item = getItem(c, id);
            Map<String, Object> details = itemDetails(item);
            details.put("foundBy", f.kind());
            details.put("query", f.query());
            details.put("score", f.score());
            details.put("modelId", f.modelId());
            record(c, caseId, "add-item", details);
            touch(c, caseId);
            return item;
        });
    }

    public CaseItem setNote(long itemId, String note) {
        return editItem(itemId, "note", c -> update(c, "UPDATE case_items SET note = ? WHERE id = ?",
                note == null ? "" : note, itemId), Map.of("note", note == null ? "" : note));
    }

    public CaseItem setTags(long itemId, List<String> tags) {
        List<String> clean = tags.stream().map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
        return editItem(itemId, "tags", c -> update(c, "UPDATE case_items SET tags = ? WHERE id = ?",
                tagsJson(clean), itemId), Map.of("tags", clean));
    }

    /** Sets in/out points, checked against the source's length; the hit is kept inside the span. */
    public CaseItem setSpan(long itemId, double inSeconds, double outSeconds) {
        CaseItem before = item(itemId);
        double duration;
        try {
            duration = videoFacts.durationSeconds(before.video());
        } catch (IOException e) {
            throw new CaseException(e.getMessage(), e);
        }
        checkSpan(before.video(), inSeconds, outSeconds, duration);
        double hit = Math.min(Math.max(before.hitSeconds(), inSeconds), outSeconds);
        return editItem(itemId, "span", c -> update(c, "UPDATE case_items SET in_seconds = ?, out_seconds = ?, "
                + "hit_seconds = ? WHERE id = ?", inSeconds, outSeconds, hit, itemId),
                Map.of("inSeconds", inSeconds, "outSeconds", outSeconds));
    }

    /** Moves an item to a 1-based position, shifting the others. */
    public List<CaseItem> moveItem(long itemId, int newPosition) {
        return write(c -> {
            CaseItem item = getItem(c, itemId);
            requireOpen(getCase(c, item.caseId()));
            List<CaseItem> items = new ArrayList<>(itemsOf(c, item.caseId()));
            if (newPosition < 1 || newPosition > items.size()) {
                throw new CaseException("position " + newPosition + " is outside 1-" + items.size());
            }
            items.removeIf(i -> i.id() == itemId);
            items.add(newPosition - 1, item);
            renumber(c, items);
            record(c, item.caseId(), "move-item", Map.of("itemId", itemId, "from", item.position(), "to", newPosition));
            touch(c, item.caseId());
            return itemsOf(c, item.caseId());
        });
    }

    public void removeItem(long itemId) {
        write(c -> {
            CaseItem item = getItem(c, itemId);
            requireOpen(getCase(c, item.caseId()));
            update(c, "DELETE FROM case_items WHERE id = ?", itemId);
            renumber(c, itemsOf(c, item.caseId()));
            record(c, item.caseId(), "remove-item", itemDetails(item));
            touch(c, item.caseId());
            return null;
        });
    }

    /** Paths case items recorded for a source with this SHA-256 (one way to find a moved file). */
    public List<Path> recordedPathsFor(String sha256) {
        return read(c -> {
            List<Path> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT DISTINCT video_path FROM case_items WHERE video_sha256 = ?")) {
                p.setString(1, sha256.toLowerCase());
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.add(Path.of(r.getString(1)));
                    }
                }
            }
            return out;
        });
    }

    /** The audit log changes are recorded in. */
    public AuditLog auditLog() {
        return audit;
    }

    // ---- helpers ----

    private CaseItem editItem(long itemId, String op, WriteTransaction.Work<?> change, Map<String, ?> what) {
        return write(c -> {
            CaseItem item = getItem(c, itemId);
            requireOpen(getCase(c, item.caseId()));
            change.run(c);
            Map<String, Object> details = new LinkedHashMap<>(what);
            details.put("itemId", itemId);
            details.put("position", item.position());
            record(c, item.caseId(), op, details);
            touch(c, item.caseId());
            return getItem(c, itemId);
        });
    }

    private static void checkSpan(Path video, double in, double out, double duration) {
        if (!(in >= 0) || !(out > in)) {
            throw new CaseException(String.format("span %.3f-%.3f s of %s is not a span (in must be >= 0 and before out)",
                    in, out, video.getFileName()));
        }
        if (out > duration + 1e-3) {
            throw new CaseException(String.format("span %.3f-%.3f s is outside %s, which is %.3f s long",
                    in, out, video.getFileName(), duration));
        }
    }

    private static Map<String, Object> itemDetails(CaseItem item) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("itemId", item.id());
        d.put("position", item.position());
        d.put("video", item.video().toString());
        d.put("sha256", item.videoSha256());
        d.put("inSeconds", item.inSeconds());
        d.put("outSeconds", item.outSeconds());
        return d;
    }

    private void record(Connection c, long caseId, String op, Map<String, ?> details) throws SQLException {
        Map<String, Object> d = new LinkedHashMap<>(details);
        d.put("op", op);
        audit.record(c, AuditAction.CASE_CHANGE, caseId, d);
    }

    private void touch(Connection c, long caseId) throws SQLException {
        update(c, "UPDATE cases SET updated = ? WHERE id = ?", now(), caseId);
    }

    private static void renumber(Connection c, List<CaseItem> ordered) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE case_items SET position = ? WHERE id = ?")) {
            for (int i = 0; i < ordered.size(); i++) {
                p.setInt(1, i + 1);
                p.setLong(2, ordered.get(i).id());
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    private static void requireOpen(Case c) {
        if (c.status() != CaseStatus.OPEN) {
            throw new CaseException("case " + c.reference() + " is closed; reopen it to change it");
        }
    }

    private static Case getCase(Connection c, long id) throws SQLException {
        return findCase(c, id).orElseThrow(() -> new CaseException("no case with id " + id));
    }

    private static Optional<Case> findCase(Connection c, long id) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT " + CASE_COLUMNS + " FROM cases WHERE id = ?")) {
            p.setLong(1, id);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(readCase(r)) : Optional.empty();
            }
        }
    }

    private static Optional<Case> findByReference(Connection c, String ref) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT " + CASE_COLUMNS + " FROM cases WHERE reference = ?")) {
            p.setString(1, ref);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(readCase(r)) : Optional.empty();
            }
        }
    }

    private static Case readCase(ResultSet r) throws SQLException {
        return new Case(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                CaseStatus.valueOf(r.getString(6)), Instant.parse(r.getString(7)), Instant.parse(r.getString(8)));
    }

    private static CaseItem getItem(Connection c, long id) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT " + ITEM_COLUMNS + " FROM case_items WHERE id = ?")) {
            p.setLong(1, id);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    throw new CaseException("no case item with id " + id);
                }
                return readItem(r);
            }
        }
    }

    private static List<CaseItem> itemsOf(Connection c, long caseId) throws SQLException {
        List<CaseItem> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT " + ITEM_COLUMNS
                + " FROM case_items WHERE case_id = ? ORDER BY position")) {
            p.setLong(1, caseId);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(readItem(r));
                }
            }
        }
        return out;
    }

    private static CaseItem readItem(ResultSet r) throws SQLException {
        double score = r.getDouble(14);
        Float boxedScore = r.wasNull() ? null : (float) score;
        String thumb = r.getString(17);
        return new CaseItem(r.getLong(1), r.getLong(2), r.getInt(3), Path.of(r.getString(4)), r.getString(5),
                r.getString(6), r.getDouble(7), r.getDouble(8), r.getDouble(9), r.getString(10), parseTags(r.getString(11)),
                new FoundBy(r.getString(12), r.getString(13), boxedScore, r.getString(15), r.getString(16)),
                thumb == null ? null : Path.of(thumb), Instant.parse(r.getString(18)));
    }

    private static String tagsJson(List<String> tags) {
        try {
            return JSON.writeValueAsString(tags);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> parseTags(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            return List.of(json);
        }
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                p.setObject(i + 1, args[i]);
            }
            return p.executeUpdate();
        }
    }

    private String now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String requireText(String s, String message) {
        if (blank(s)) {
            throw new CaseException(message);
        }
        return s.strip();
    }

    private <T> T write(WriteTransaction.Work<T> work) {
        try {
            return WriteTransaction.run(connections, work);
        } catch (SQLException e) {
            throw new CaseException("cannot update cases in the catalog: " + e.getMessage(), e);
        }
    }

    private <T> T read(WriteTransaction.Work<T> work) {
        try (Connection c = connections.open()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new CaseException("cannot read cases from the catalog: " + e.getMessage(), e);
        }
    }
}
