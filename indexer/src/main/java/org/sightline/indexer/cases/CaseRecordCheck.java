package org.sightline.indexer.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sightline.indexer.audit.AuditAction;
import org.sightline.indexer.audit.AuditEntry;
import org.sightline.indexer.footage.PathText;

/**
 * Replays the audited changes of a case ({@code case-change} entries, see
 * {@link org.sightline.indexer.audit.CaseChange}) and compares the result with the case's rows: every field the
 * trail records (name, reference, examiner, description, status; each item's position, source path and SHA-256,
 * span, hit, camera, note and tags) must be what the rows hold, and no item may be in one and not the other.
 * A raw {@code UPDATE} of the case tables is found this way; a rewrite of the trail itself is the chain's and the
 * anchors' business.
 */
public final class CaseRecordCheck {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double SECONDS_TOLERANCE = 1e-6;

    private CaseRecordCheck() {
    }

    /** The case as its audit entries describe it. */
    private static final class AuditedCase {
        boolean created;
        String name;
        String reference;
        String examiner;
        String description;
        String status;
        final Map<Long, AuditedItem> items = new LinkedHashMap<>();
        final List<Long> order = new ArrayList<>();
    }

    /** An item as its audit entries describe it; null fields were not recorded (entries of older versions). */
    private static final class AuditedItem {
        String video;
        String sha256;
        double in;
        double out;
        Double hit;
        boolean detailed;
        String camera;
        String note;
        List<String> tags;
    }

    /**
     * Compares a case and its items with the case's audit entries (other actions among them are ignored).
     *
     * @return every disagreement, the case's fields first, then the items in order; empty when the rows agree
     */
    public static List<RowDisagreement> compare(Case theCase, List<CaseItem> items, List<AuditEntry> caseEntries) {
        AuditedCase audited = replay(caseEntries);
        List<RowDisagreement> out = new ArrayList<>();
        if (!audited.created) {
            out.add(new RowDisagreement(null, "id", String.valueOf(theCase.id()), "no creation of this case"));
            return out;
        }
        text(out, null, "name", theCase.name(), audited.name);
        text(out, null, "reference", theCase.reference(), audited.reference);
        text(out, null, "examiner", theCase.examiner(), audited.examiner);
        text(out, null, "description", theCase.description(), audited.description);
        text(out, null, "status", theCase.status().name(), audited.status);
        List<Long> seen = new ArrayList<>();
        for (CaseItem item : items) {
            seen.add(item.id());
            AuditedItem a = audited.items.get(item.id());
            Integer pos = item.position();
            if (a == null) {
                out.add(new RowDisagreement(pos, "id", String.valueOf(item.id()),
                        "no item with this id added to the case (" + item.video() + " " + item.videoSha256() + ")"));
                continue;
            }
            int auditedPosition = audited.order.indexOf(item.id()) + 1;
            if (auditedPosition != item.position()) {
                out.add(new RowDisagreement(pos, "position", String.valueOf(item.position()),
                        String.valueOf(auditedPosition)));
            }
            text(out, pos, "video_path", PathText.stored(item.video()), a.video);
            text(out, pos, "video_sha256", item.videoSha256(), a.sha256);
            seconds(out, pos, "in_seconds", item.inSeconds(), a.in);
            seconds(out, pos, "out_seconds", item.outSeconds(), a.out);
            if (a.hit != null) {
                seconds(out, pos, "hit_seconds", item.hitSeconds(), a.hit);
            }
            if (a.detailed) {
                text(out, pos, "camera", item.camera(), a.camera);
            }
            if (a.note != null) {
                text(out, pos, "note", item.note(), a.note);
            }
            if (a.tags != null && !a.tags.equals(item.tags())) {
                out.add(new RowDisagreement(pos, "tags", String.valueOf(item.tags()), String.valueOf(a.tags)));
            }
        }
        for (Long id : audited.order) {
            if (!seen.contains(id)) {
                AuditedItem a = audited.items.get(id);
                out.add(new RowDisagreement(audited.order.indexOf(id) + 1, "id", "missing from the case",
                        "item id " + id + " (" + a.video + ", " + a.in + "-" + a.out + " s), never removed"));
            }
        }
        return out;
    }

    private static AuditedCase replay(List<AuditEntry> entries) {
        AuditedCase c = new AuditedCase();
        for (AuditEntry e : entries) {
            if (!AuditAction.CASE_CHANGE.code().equals(e.action())) {
                continue;
            }
            JsonNode d;
            try {
                d = JSON.readTree(e.details());
            } catch (JsonProcessingException ex) {
                continue; // an unreadable entry breaks the chain's check already
            }
            String op = d.path("op").asText();
            switch (op) {
                case "create" -> {
                    c.created = true;
                    c.name = d.path("name").asText(null);
                    c.reference = d.path("reference").asText(null);
                    c.examiner = d.path("examiner").asText(null);
                    c.description = d.path("description").asText(null);
                    c.status = CaseStatus.OPEN.name();
                }
                case "rename" -> c.name = d.path("to").asText(null);
                case "details" -> {
                    c.reference = d.path("reference").asText(null);
                    c.examiner = d.path("examiner").asText(null);
                    c.description = d.path("description").asText(null);
                }
                case "close" -> c.status = CaseStatus.CLOSED.name();
                case "reopen" -> c.status = CaseStatus.OPEN.name();
                case "add-item" -> {
                    AuditedItem i = new AuditedItem();
                    long id = d.path("itemId").asLong();
                    i.video = d.path("video").asText(null);
                    i.sha256 = d.path("sha256").asText(null);
                    i.in = d.path("inSeconds").asDouble();
                    i.out = d.path("outSeconds").asDouble();
                    if (d.has("note")) {
                        i.detailed = true;
                        i.note = d.path("note").asText();
                        i.camera = d.hasNonNull("camera") ? d.path("camera").asText() : null;
                        i.hit = d.hasNonNull("hitSeconds") ? d.path("hitSeconds").asDouble() : null;
                        i.tags = strings(d.path("tags"));
                    }
                    c.items.put(id, i);
                    c.order.remove(id);
                    c.order.add(Math.clamp(d.path("position").asInt() - 1, 0, c.order.size()), id);
                }
                case "note" -> item(c, d).ifPresent(i -> i.note = d.path("note").asText());
                case "tags" -> item(c, d).ifPresent(i -> i.tags = strings(d.path("tags")));
                case "span" -> item(c, d).ifPresent(i -> {
                    i.in = d.path("inSeconds").asDouble();
                    i.out = d.path("outSeconds").asDouble();
                    if (i.hit != null) {
                        i.hit = Math.min(Math.max(i.hit, i.in), i.out);
                    }
                });
                case "move-item" -> {
                    Long id = d.path("itemId").asLong();
                    if (c.order.remove(id)) {
                        c.order.add(Math.clamp(d.path("to").asInt() - 1, 0, c.order.size()), id);
                    }
                }
                case "remove-item" -> {
                    Long id = d.path("itemId").asLong();
                    c.order.remove(id);
                    c.items.remove(id);
                }
                default -> {
                    // an operation this version does not know changes nothing it can check
                }
            }
        }
        return c;
    }

    private static java.util.Optional<AuditedItem> item(AuditedCase c, JsonNode d) {
        return java.util.Optional.ofNullable(c.items.get(d.path("itemId").asLong()));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static void text(List<RowDisagreement> out, Integer pos, String field, String stored, String audited) {
        if (!Objects.equals(stored, audited)) {
            out.add(new RowDisagreement(pos, field, quote(stored), quote(audited)));
        }
    }

    private static void seconds(List<RowDisagreement> out, Integer pos, String field, double stored, double audited) {
        if (!(Math.abs(stored - audited) <= SECONDS_TOLERANCE)) {
            out.add(new RowDisagreement(pos, field, String.format("%.3f s", stored), String.format("%.3f s", audited)));
        }
    }

    private static String quote(String s) {
        return s == null ? "empty" : "\"" + s + "\"";
    }
}
