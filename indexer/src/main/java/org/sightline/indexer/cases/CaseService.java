package org.sightline.indexer.cases;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.sightline.indexer.audit.AuditLog;
import org.sightline.indexer.audit.CaseChange;
import org.sightline.indexer.catalog.CatalogDatabase;
import org.sightline.models.integrity.Sha256;
import org.sightline.indexer.footage.PathText;

/**
 * Case dossiers: create, rename, close; add, annotate, reorder and remove items. Keeps the rules (a closed case
 * takes no changes, a span lies inside its video, references are unique) and writes every change to the audit log
 * in the same transaction as the change; the SQL is {@link CaseRepository}'s.
 * Methods throw {@link CaseException} with a message fit to show the user.
 */
public class CaseService {
    /** Seconds added either side of a hit span when an item is added without explicit in/out points. */
    public static final double DEFAULT_PADDING_SECONDS = 3.0;

    private final CatalogDatabase db;
    private final AuditLog audit;
    private final VideoFacts videoFacts;
    private final Clock clock;
    private final IndexedSources indexed;

    public CaseService(CatalogDatabase db, AuditLog audit) {
        this(db, audit, VideoFacts.probing(), Clock.systemUTC());
    }

    /** @param indexed what the catalog recorded when sources were indexed; items' hashes are checked against it */
    public CaseService(CatalogDatabase db, AuditLog audit, IndexedSources indexed) {
        this(db, audit, VideoFacts.probing(), Clock.systemUTC(), indexed);
    }

    public CaseService(CatalogDatabase db, AuditLog audit, VideoFacts videoFacts, Clock clock) {
        this(db, audit, videoFacts, clock, IndexedSources.NONE);
    }

    public CaseService(CatalogDatabase db, AuditLog audit, VideoFacts videoFacts, Clock clock, IndexedSources indexed) {
        this.indexed = Objects.requireNonNull(indexed);
        this.db = Objects.requireNonNull(db);
        this.audit = Objects.requireNonNull(audit);
        this.videoFacts = Objects.requireNonNull(videoFacts);
        this.clock = Objects.requireNonNull(clock);
    }

    /** One unit of work on the case tables, with the handle's transaction for the audit entry. */
    private record Tx(CaseRepository repo, Handle handle) {
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
        return write(tx -> {
            String ref = blank(reference) ? null : reference.strip();
            if (ref != null && tx.repo().findByReference(ref).isPresent()) {
                throw new CaseException("a case with reference " + ref + " already exists");
            }
            long id = tx.repo().insertCase(n, ref == null ? "pending-" + System.nanoTime() : ref,
                    blank(examiner) ? audit.user() : examiner.strip(), description == null ? "" : description.strip(),
                    CaseStatus.OPEN, now());
            if (ref == null) {
                tx.repo().setReference(id, "CASE-" + id);
            }
            Case created = tx.repo().get(id);
            record(tx, id, new CaseChange.Created(created.name(), created.reference(), created.examiner(),
                    created.description()));
            return created;
        });
    }

    public Case rename(long caseId, String newName) {
        String n = requireText(newName, "a case needs a name");
        return write(tx -> {
            Case before = tx.repo().get(caseId);
            tx.repo().rename(caseId, n, now());
            record(tx, caseId, new CaseChange.Renamed(before.name(), n));
            return tx.repo().get(caseId);
        });
    }

    /** Changes reference, examiner and description; null leaves a field as it is. */
    public Case updateDetails(long caseId, String reference, String examiner, String description) {
        return write(tx -> {
            Case before = tx.repo().get(caseId);
            String ref = blank(reference) ? before.reference() : reference.strip();
            if (!ref.equals(before.reference()) && tx.repo().findByReference(ref).isPresent()) {
                throw new CaseException("a case with reference " + ref + " already exists");
            }
            String ex = blank(examiner) ? before.examiner() : examiner.strip();
            String desc = description == null ? before.description() : description.strip();
            tx.repo().updateDetails(caseId, ref, ex, desc, now());
            record(tx, caseId, new CaseChange.DetailsChanged(ref, ex, desc));
            return tx.repo().get(caseId);
        });
    }

    public Case close(long caseId) {
        return setStatus(caseId, CaseStatus.CLOSED, new CaseChange.Closed());
    }

    public Case reopen(long caseId) {
        return setStatus(caseId, CaseStatus.OPEN, new CaseChange.Reopened());
    }

    private Case setStatus(long caseId, CaseStatus status, CaseChange change) {
        return write(tx -> {
            tx.repo().get(caseId);
            tx.repo().setStatus(caseId, status, now());
            record(tx, caseId, change);
            return tx.repo().get(caseId);
        });
    }

    /** All cases, newest first. */
    public List<Case> list() {
        return read(CaseRepository::all);
    }

    public Case get(long caseId) {
        return read(repo -> repo.get(caseId));
    }

    /**
     * Finds a case by reference, else by numeric id, else by exact name (when only one case has it). A key that is
     * one case's reference and another case's id is refused as ambiguous; {@code ref:KEY} and {@code id:N} say
     * which is meant.
     *
     * @throws CaseException when none, or more than one, matches
     */
    public Case resolve(String referenceIdOrName) {
        String key = requireText(referenceIdOrName, "name a case (reference, id or name)");
        return read(repo -> {
            if (key.startsWith("ref:")) {
                String ref = key.substring(4).strip();
                return repo.findByReference(ref).orElseThrow(() -> new CaseException("no case with reference \"" + ref + "\""));
            }
            if (key.startsWith("id:")) {
                String id = key.substring(3).strip();
                Optional<Case> byId = id.matches("\\d{1,18}") ? repo.find(Long.parseLong(id)) : Optional.empty();
                return byId.orElseThrow(() -> new CaseException("no case with id " + id));
            }
            Optional<Case> byRef = repo.findByReference(key);
            Optional<Case> byId = key.matches("\\d{1,18}") ? repo.find(Long.parseLong(key)) : Optional.empty();
            if (byRef.isPresent() && byId.isPresent() && byRef.get().id() != byId.get().id()) {
                throw new CaseException("\"" + key + "\" is ambiguous: it is the reference of case " + byRef.get().reference()
                        + " (id " + byRef.get().id() + ", \"" + byRef.get().name() + "\") and the id of case "
                        + byId.get().reference() + " (\"" + byId.get().name() + "\"); say ref:" + key + " or id:" + key);
            }
            if (byRef.isPresent()) {
                return byRef.get();
            }
            if (byId.isPresent()) {
                return byId.get();
            }
            List<Case> byName = repo.byName(key);
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
        return read(repo -> {
            repo.get(caseId);
            return repo.items(caseId);
        });
    }

    public CaseItem item(long itemId) {
        return read(repo -> repo.item(itemId));
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
            throw new CaseException("video not found: " + PathText.shown(video));
        }
        double duration;
        String sha;
        try {
            duration = videoFacts.durationSeconds(video);
            sha = draft.videoSha256() != null ? draft.videoSha256().toLowerCase(Locale.ROOT) : videoFacts.sha256(video);
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
        boolean explicitSpan = draft.inSeconds() != null || draft.outSeconds() != null;
        if (explicitSpan && draft.hitSeconds() != null && (hit < in - 1e-3 || hit > out + 1e-3)) {
            throw new CaseException(String.format("the hit at %.3f s lies outside the span %.3f-%.3f s of %s; "
                    + "give a hit inside the span, or a span that holds it", hit, in, out, video.getFileName()));
        }
        double clampedHit = Math.min(Math.max(hit, in), out);
        return write(tx -> {
            requireOpen(tx.repo().get(caseId));
            int position = tx.repo().nextPosition(caseId);
            long id = tx.repo().insertItem(new CaseItem(0, caseId, position, video, sha, draft.camera(), in, out, clampedHit,
                    draft.note(), draft.tags(), draft.foundBy(), draft.thumbnail(), Instant.parse(now())));
            CaseItem item = tx.repo().item(id);
            FoundBy f = draft.foundBy();
            record(tx, caseId, new CaseChange.ItemAdded(item.id(), item.position(), PathText.stored(item.video()),
                    item.videoSha256(), item.inSeconds(), item.outSeconds(), f.kind(), f.query(), f.score(), f.modelId(),
                    item.hitSeconds(), item.camera(), item.note(), item.tags()));
            tx.repo().touch(caseId, now());
            return item;
        });
    }

    public CaseItem setNote(long itemId, String note) {
        String n = note == null ? "" : note;
        return editItem(itemId, tx -> tx.repo().setNote(itemId, n), item -> new CaseChange.NoteSet(itemId, item.position(), n));
    }

    public CaseItem setTags(long itemId, List<String> tags) {
        List<String> clean = tags.stream().map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
        return editItem(itemId, tx -> tx.repo().setTags(itemId, clean),
                item -> new CaseChange.TagsSet(itemId, item.position(), clean));
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
        return editItem(itemId, tx -> tx.repo().setSpan(itemId, inSeconds, outSeconds, hit),
                item -> new CaseChange.SpanSet(itemId, item.position(), inSeconds, outSeconds));
    }

    /** Moves an item to a 1-based position, shifting the others. */
    public List<CaseItem> moveItem(long itemId, int newPosition) {
        return write(tx -> {
            CaseItem item = tx.repo().item(itemId);
            requireOpen(tx.repo().get(item.caseId()));
            List<CaseItem> items = new ArrayList<>(tx.repo().items(item.caseId()));
            if (newPosition < 1 || newPosition > items.size()) {
                throw new CaseException("position " + newPosition + " is outside 1-" + items.size());
            }
            items.removeIf(i -> i.id() == itemId);
            items.add(newPosition - 1, item);
            tx.repo().renumber(items);
            record(tx, item.caseId(), new CaseChange.ItemMoved(itemId, item.position(), newPosition));
            tx.repo().touch(item.caseId(), now());
            return tx.repo().items(item.caseId());
        });
    }

    public void removeItem(long itemId) {
        write(tx -> {
            CaseItem item = tx.repo().item(itemId);
            requireOpen(tx.repo().get(item.caseId()));
            tx.repo().delete(itemId);
            tx.repo().renumber(tx.repo().items(item.caseId()));
            record(tx, item.caseId(), new CaseChange.ItemRemoved(item.id(), item.position(), PathText.stored(item.video()),
                    item.videoSha256(), item.inSeconds(), item.outSeconds()));
            tx.repo().touch(item.caseId(), now());
            return null;
        });
    }

    /**
     * Compares the case's rows with what its audit entries recorded of them (see {@link CaseRecordCheck}).
     *
     * @return the fields that differ, in plain words through {@link RowDisagreement#describe()}; empty when they agree
     */
    public List<RowDisagreement> checkRecords(long caseId) {
        Case theCase = get(caseId);
        List<CaseItem> items = items(caseId);
        List<RowDisagreement> out = new ArrayList<>(CaseRecordCheck.compare(theCase, items, audit.entriesForCase(caseId)));
        for (CaseItem item : items) {
            // a file indexed at the item's path with another hash, and the item's hash never seen by the catalog
            indexed.indexedSha256(item.video())
                    .filter(sha -> !sha.equals(item.videoSha256()) && !indexed.seen(item.videoSha256()))
                    .ifPresent(sha -> out.add(new RowDisagreement(item.position(), "video_sha256",
                            "\"" + item.videoSha256() + "\"", "\"" + sha + "\" when it indexed " + item.video()
                            + ", and never saw the item's hash", "the catalog")));
        }
        return out;
    }

    /** Every case whose rows disagree with the audit trail, with what differs (see {@link #checkRecords(long)}). */
    public java.util.Map<Case, List<RowDisagreement>> casesDisagreeingWithAudit() {
        java.util.Map<Case, List<RowDisagreement>> out = new java.util.LinkedHashMap<>();
        for (Case c : list()) {
            List<RowDisagreement> d = checkRecords(c.id());
            if (!d.isEmpty()) {
                out.put(c, d);
            }
        }
        return out;
    }

    /** Paths case items recorded for a source with this SHA-256 (one way to find a moved file). */
    public List<Path> recordedPathsFor(String sha256) {
        return read(repo -> repo.recordedPaths(sha256.toLowerCase(Locale.ROOT)));
    }

    /** The audit log changes are recorded in. */
    public AuditLog auditLog() {
        return audit;
    }

    // ---- rules and plumbing ----

    private CaseItem editItem(long itemId, Consumer<Tx> change, Function<CaseItem, CaseChange> what) {
        return write(tx -> {
            CaseItem item = tx.repo().item(itemId);
            requireOpen(tx.repo().get(item.caseId()));
            change.accept(tx);
            record(tx, item.caseId(), what.apply(item));
            tx.repo().touch(item.caseId(), now());
            return tx.repo().item(itemId);
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

    private void record(Tx tx, long caseId, CaseChange change) {
        audit.record(tx.handle(), caseId, change);
    }

    private static void requireOpen(Case c) {
        if (c.status() != CaseStatus.OPEN) {
            throw new CaseException("case " + c.reference() + " is closed; reopen it to change it");
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

    private <T> T write(Function<Tx, T> work) {
        try {
            return db.inTransaction(h -> work.apply(new Tx(new CaseRepository(h), h)));
        } catch (JdbiException e) {
            throw new CaseException("cannot update cases in " + db.file() + ": " + CatalogDatabase.message(e), e);
        }
    }

    private <T> T read(Function<CaseRepository, T> work) {
        try {
            return db.withHandle(h -> work.apply(new CaseRepository(h)));
        } catch (JdbiException e) {
            throw new CaseException("cannot read cases from " + db.file() + ": " + CatalogDatabase.message(e), e);
        }
    }
}
