package org.sightline.indexer.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.sightline.indexer.footage.PathText;

/**
 * The SQL behind cases: the {@code cases} and {@code case_items} tables (created by the catalog's migrations), read
 * and written on one handle, so a {@link CaseService} change and its audit entry share one transaction. Rows are
 * mapped by column name. No rules here: spans, open/closed and audit are the service's.
 */
final class CaseRepository {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final RowMapper<Case> CASE = (rs, ctx) -> new Case(rs.getLong("id"), rs.getString("name"),
            rs.getString("reference"), rs.getString("examiner"), rs.getString("description"),
            CaseStatus.valueOf(rs.getString("status")), Instant.parse(rs.getString("created")),
            Instant.parse(rs.getString("updated")));

    private static final RowMapper<CaseItem> ITEM = (rs, ctx) -> {
        double score = rs.getDouble("score");
        Float boxedScore = rs.wasNull() ? null : (float) score;
        String thumb = rs.getString("thumbnail");
        return new CaseItem(rs.getLong("id"), rs.getLong("case_id"), rs.getInt("position"), PathText.fromStored(rs.getString("video_path")),
                rs.getString("video_sha256"), rs.getString("camera"), rs.getDouble("in_seconds"), rs.getDouble("out_seconds"),
                rs.getDouble("hit_seconds"), rs.getString("note"), parseTags(rs.getString("tags")),
                new FoundBy(rs.getString("found_kind"), rs.getString("found_query"), boxedScore, rs.getString("model_id"),
                        rs.getString("index_version")),
                thumb == null ? null : Path.of(thumb), Instant.parse(rs.getString("added")));
    };

    private final Handle h;

    CaseRepository(Handle h) {
        this.h = h;
    }

    // ---- cases ----

    Optional<Case> find(long id) {
        return h.createQuery("SELECT * FROM cases WHERE id = :id").bind("id", id).map(CASE).findOne();
    }

    /** @throws CaseException when there is no such case */
    Case get(long id) {
        return find(id).orElseThrow(() -> new CaseException("no case with id " + id));
    }

    Optional<Case> findByReference(String reference) {
        return h.createQuery("SELECT * FROM cases WHERE reference = :ref").bind("ref", reference).map(CASE).findOne();
    }

    List<Case> byName(String name) {
        return h.createQuery("SELECT * FROM cases WHERE name = :name").bind("name", name).map(CASE).list();
    }

    /** All cases, newest first. */
    List<Case> all() {
        return h.createQuery("SELECT * FROM cases ORDER BY id DESC").map(CASE).list();
    }

    long insertCase(String name, String reference, String examiner, String description, CaseStatus status, String now) {
        return h.createUpdate("INSERT INTO cases(name, reference, examiner, description, status, created, updated) "
                        + "VALUES (:name, :ref, :examiner, :description, :status, :now, :now)")
                .bind("name", name).bind("ref", reference).bind("examiner", examiner).bind("description", description)
                .bind("status", status.name()).bind("now", now)
                .executeAndReturnGeneratedKeys().mapTo(Long.class).one();
    }

    void setReference(long id, String reference) {
        h.createUpdate("UPDATE cases SET reference = :ref WHERE id = :id").bind("ref", reference).bind("id", id).execute();
    }

    void rename(long id, String name, String now) {
        h.createUpdate("UPDATE cases SET name = :name, updated = :now WHERE id = :id")
                .bind("name", name).bind("now", now).bind("id", id).execute();
    }

    void updateDetails(long id, String reference, String examiner, String description, String now) {
        h.createUpdate("UPDATE cases SET reference = :ref, examiner = :examiner, description = :description, "
                        + "updated = :now WHERE id = :id")
                .bind("ref", reference).bind("examiner", examiner).bind("description", description).bind("now", now)
                .bind("id", id).execute();
    }

    void setStatus(long id, CaseStatus status, String now) {
        h.createUpdate("UPDATE cases SET status = :status, updated = :now WHERE id = :id")
                .bind("status", status.name()).bind("now", now).bind("id", id).execute();
    }

    void touch(long id, String now) {
        h.createUpdate("UPDATE cases SET updated = :now WHERE id = :id").bind("now", now).bind("id", id).execute();
    }

    // ---- items ----

    /** @throws CaseException when there is no such item */
    CaseItem item(long id) {
        return h.createQuery("SELECT * FROM case_items WHERE id = :id").bind("id", id).map(ITEM).findOne()
                .orElseThrow(() -> new CaseException("no case item with id " + id));
    }

    /** A case's items in order. */
    List<CaseItem> items(long caseId) {
        return h.createQuery("SELECT * FROM case_items WHERE case_id = :caseId ORDER BY position")
                .bind("caseId", caseId).map(ITEM).list();
    }

    /** The position after the case's last item (1 for an empty case). */
    int nextPosition(long caseId) {
        return h.createQuery("SELECT COALESCE(MAX(position), 0) + 1 FROM case_items WHERE case_id = :caseId")
                .bind("caseId", caseId).mapTo(Integer.class).one();
    }

    /** Stores a new item; {@code id} of the given item is ignored. @return the new item's id */
    long insertItem(CaseItem item) {
        FoundBy f = item.foundBy();
        return h.createUpdate("INSERT INTO case_items(case_id, position, video_path, video_sha256, camera, in_seconds, "
                        + "out_seconds, hit_seconds, note, tags, found_kind, found_query, score, model_id, index_version, "
                        + "thumbnail, added) VALUES (:caseId, :position, :video, :sha, :camera, :in, :out, :hit, :note, :tags, "
                        + ":kind, :query, :score, :modelId, :indexVersion, :thumbnail, :added)")
                .bind("caseId", item.caseId()).bind("position", item.position()).bind("video", PathText.stored(item.video()))
                .bind("sha", item.videoSha256()).bind("camera", item.camera()).bind("in", item.inSeconds())
                .bind("out", item.outSeconds()).bind("hit", item.hitSeconds()).bind("note", item.note())
                .bind("tags", tagsJson(item.tags())).bind("kind", f.kind()).bind("query", f.query())
                .bind("score", f.score() == null ? null : f.score().doubleValue()).bind("modelId", f.modelId())
                .bind("indexVersion", f.indexVersion())
                .bind("thumbnail", item.thumbnail() == null ? null : item.thumbnail().toString())
                .bind("added", item.added().toString())
                .executeAndReturnGeneratedKeys().mapTo(Long.class).one();
    }

    void setNote(long itemId, String note) {
        h.createUpdate("UPDATE case_items SET note = :note WHERE id = :id").bind("note", note).bind("id", itemId).execute();
    }

    void setTags(long itemId, List<String> tags) {
        h.createUpdate("UPDATE case_items SET tags = :tags WHERE id = :id").bind("tags", tagsJson(tags)).bind("id", itemId)
                .execute();
    }

    void setSpan(long itemId, double inSeconds, double outSeconds, double hitSeconds) {
        h.createUpdate("UPDATE case_items SET in_seconds = :in, out_seconds = :out, hit_seconds = :hit WHERE id = :id")
                .bind("in", inSeconds).bind("out", outSeconds).bind("hit", hitSeconds).bind("id", itemId).execute();
    }

    void delete(long itemId) {
        h.createUpdate("DELETE FROM case_items WHERE id = :id").bind("id", itemId).execute();
    }

    /** Numbers the items 1, 2, ... in the order given. */
    void renumber(List<CaseItem> ordered) {
        var batch = h.prepareBatch("UPDATE case_items SET position = :position WHERE id = :id");
        for (int i = 0; i < ordered.size(); i++) {
            batch.bind("position", i + 1).bind("id", ordered.get(i).id()).add();
        }
        if (!ordered.isEmpty()) {
            batch.execute();
        }
    }

    /** Paths case items recorded for a source with this SHA-256 (lower case). */
    List<Path> recordedPaths(String sha256) {
        return h.createQuery("SELECT DISTINCT video_path FROM case_items WHERE video_sha256 = :sha")
                .bind("sha", sha256).map((rs, ctx) -> PathText.fromStored(rs.getString("video_path"))).list();
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
}
