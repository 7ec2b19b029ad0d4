package org.sightline.desktop.services;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.sightline.desktop.cases.CaseFiles;
import org.sightline.indexer.app.CaseEvidence;
import org.sightline.indexer.cases.Case;
import org.sightline.indexer.cases.CaseItem;
import org.sightline.indexer.cases.CaseService;
import org.sightline.indexer.cases.FoundBy;
import org.sightline.indexer.cases.ItemDraft;
import org.sightline.indexer.cases.RowDisagreement;
import org.sightline.indexer.export.AuditCheckpoint;
import org.sightline.indexer.footage.FootageException;
import org.sightline.indexer.footage.FrameAt;
import org.sightline.indexer.footage.JpegEncoder;
import org.sightline.indexer.export.ExportException;
import org.sightline.indexer.export.ExportOptions;
import org.sightline.indexer.export.PlannedBox;
import org.sightline.indexer.export.RedactTarget;
import org.sightline.indexer.export.RedactionPlan;
import org.sightline.indexer.export.RedactionRequest;
import org.sightline.indexer.export.RedactionReview;
import org.sightline.indexer.export.ReviewerEdit;
import org.sightline.indexer.export.ExportResult;
import org.sightline.indexer.export.PackageVerification;
import org.sightline.indexer.export.Redaction;
import org.sightline.indexer.signing.ExaminerIdentity;
import org.sightline.indexer.signing.ExaminerKeyStore;
import org.sightline.indexer.signing.SignatureCheck;

/**
 * {@link CaseFiles} over the application layer's {@link CaseEvidence}: the case service (every change goes to its
 * audit trail), the signed evidence exporter and the package verifier.
 */
public final class ServiceCaseFiles implements CaseFiles {
    private final CaseEvidence evidence;
    private final CaseService cases;
    /** Items removed in this session, by their id, so that "undo" can put them back. */
    private final Map<Long, CaseItem> removed = new ConcurrentHashMap<>();

    /** Where stills of items' hit frames are kept (made on first display); null for none. */
    private final Path stills;

    public ServiceCaseFiles(CaseEvidence evidence) {
        this(evidence, null);
    }

    /** @param stills folder for the stills of the items' hit frames (made when first shown); null for no stills */
    public ServiceCaseFiles(CaseEvidence evidence, Path stills) {
        this.evidence = evidence;
        this.cases = evidence.cases();
        this.stills = stills;
    }

    @Override
    public List<CaseRow> cases() {
        return cases.list().stream().map(ServiceCaseFiles::row).toList();
    }

    private static CaseRow row(Case c) {
        return new CaseRow(c.id(), c.name(), c.reference(), c.status().name().toLowerCase(Locale.ROOT),
                c.examiner() == null ? "" : c.examiner(), c.description() == null ? "" : c.description());
    }

    @Override
    public CaseRow create(String name, String reference) {
        return row(cases.create(name, reference == null || reference.isBlank() ? null : reference.strip(), null, null));
    }

    @Override
    public CaseRow updateDetails(long caseId, String name, String reference, String examiner, String notes) {
        Case before = cases.get(caseId);
        if (name != null && !name.isBlank() && !name.strip().equals(before.name())) {
            cases.rename(caseId, name.strip());
        }
        return row(cases.updateDetails(caseId, reference, examiner, notes));
    }

    @Override
    public List<ItemRow> items(long caseId) {
        return cases.items(caseId).stream().map(i -> row(i, still(i))).toList();
    }

    private static ItemRow row(CaseItem i) {
        return row(i, null);
    }

    /**
     * The still of the item's hit frame: decoded from the source (read-only) the first time and kept by item and hit
     * time; the search thumbnail it was added with when the source cannot be decoded; null when there is neither.
     */
    private Path still(CaseItem i) {
        Path kept = i.thumbnail() != null && Files.isRegularFile(i.thumbnail()) ? i.thumbnail() : null;
        if (stills == null) {
            return kept;
        }
        Path file = stills.resolve(i.id() + "-" + Math.round(i.hitSeconds() * 1000) + ".jpg");
        if (Files.isRegularFile(file)) {
            return file;
        }
        try {
            byte[] jpeg = JpegEncoder.encode(FrameAt.frameAt(i.video(), i.hitSeconds(), STILL_SHORT_SIDE));
            Files.createDirectories(stills);
            Path partial = stills.resolve(file.getFileName() + ".partial");
            Files.write(partial, jpeg);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (FootageException | IOException | RuntimeException e) {
            return kept; // a moved or unreadable source: the page shows the item without a fresh still
        }
    }

    private static final int STILL_SHORT_SIDE = 90;

    private static ItemRow row(CaseItem i, Path still) {
        FoundBy f = i.foundBy();
        String found = f == null || FoundBy.MANUAL.equals(f.kind()) || f.query() == null ? "picked by hand"
                : f.kind() + " “" + f.query() + "”" + (f.score() == null ? "" : String.format(Locale.ROOT, " (%.3f)", f.score()));
        return new ItemRow(i.id(), i.position(), i.video(), i.camera(), i.inSeconds(), i.outSeconds(), i.hitSeconds(),
                found, i.note(), i.tags(), still);
    }

    @Override
    public ItemRow add(long caseId, Moment m) {
        FoundBy found = m.query() == null ? FoundBy.manual()
                : m.byExample() ? FoundBy.example(m.query(), m.score(), m.modelId(), null)
                : FoundBy.prompt(m.query(), m.score(), m.modelId(), null);
        ItemDraft draft = new ItemDraft(m.video(), m.sha256(), m.camera(), m.hitStartSeconds(), m.hitEndSeconds(),
                m.hitSeconds(), null, null, "", List.of(), found, m.thumbnail());
        return row(cases.addItem(caseId, draft));
    }

    @Override
    public void setNote(long itemId, String note) {
        cases.setNote(itemId, note);
    }

    @Override
    public void setTags(long itemId, List<String> tags) {
        cases.setTags(itemId, tags);
    }

    @Override
    public void setSpan(long itemId, double inSeconds, double outSeconds) {
        cases.setSpan(itemId, inSeconds, outSeconds);
    }

    @Override
    public void move(long itemId, int position) {
        cases.moveItem(itemId, position);
    }

    @Override
    public void remove(long itemId) {
        CaseItem item = cases.item(itemId);
        cases.removeItem(itemId);
        removed.put(itemId, item);
    }

    @Override
    public ItemRow restore(long removedItemId) {
        CaseItem was = removed.remove(removedItemId);
        if (was == null) {
            throw new IllegalArgumentException("item " + removedItemId + " was not removed in this session: nothing to put back");
        }
        CaseItem back = cases.addItem(was.caseId(), new ItemDraft(was.video(), was.videoSha256(), was.camera(),
                was.inSeconds(), was.outSeconds(), was.hitSeconds(), was.inSeconds(), was.outSeconds(), was.note(),
                was.tags(), was.foundBy(), was.thumbnail()));
        int last = cases.items(was.caseId()).size();
        if (was.position() < last) {
            cases.moveItem(back.id(), was.position());
            back = cases.item(back.id());
        }
        return row(back);
    }

    @Override
    public boolean signingNeedsPassphrase() throws Exception {
        return evidence.keys().exists() && evidence.keys().identity().passphraseProtected();
    }

    @Override
    public ExportReport export(long caseId, Path target, char[] passphrase, ExportSteps steps, BooleanSupplier cancelled)
            throws Exception {
        ExportResult r = evidence.exporter().export(caseId, target, new ExportOptions(passphrase, Redaction.NONE),
                steps::update, cancelled);
        return verified(r);
    }

    /** Verifies a package just written (recorded in the audit trail) and reports what the check found. */
    private ExportReport verified(ExportResult r) throws IOException {
        PackageVerification v = evidence.exportVerifier().verify(r.directory());
        evidence.recordVerification(r.directory(), v);
        List<String> problems = new ArrayList<>();
        if (v.manifestProblem() != null) {
            problems.add("manifest.json: " + v.manifestProblem());
        }
        for (PackageVerification.FileCheck f : v.problems()) {
            problems.add(f.path() + ": " + f.status().name().toLowerCase(Locale.ROOT)
                    + (f.detail() == null ? "" : " (" + f.detail() + ")"));
        }
        problems.addAll(v.auditProblems().stream().map(p -> "audit entry: " + p).toList());
        SignatureCheck sig = v.signature();
        if (!sig.valid()) {
            problems.add("signature: " + sig.status().name().toLowerCase(Locale.ROOT)
                    + (sig.problem() == null ? "" : " (" + sig.problem() + ")"));
        }
        String signer = r.manifest().signer().name() + ", key " + r.manifest().signer().fingerprint();
        return new ExportReport(r.directory(), r.files(), r.bytes(), signer, problems);
    }

    // ---- disclosure copies ----

    /** Frames of each item shown in the review. */
    static final int REVIEW_FRAMES = 4;
    /** Short side of the review frames, in pixels. */
    private static final int REVIEW_SHORT_SIDE = 432;

    @Override
    public RedactionReviewSet reviewRedactions(long caseId, DisclosureChoice choice, ExportSteps steps,
            BooleanSupplier cancelled) throws Exception {
        if (!choice.hidesAnything()) {
            throw new IllegalArgumentException("choose what the disclosure copy hides: people, vehicles, plates or faces");
        }
        Set<RedactTarget> targets = EnumSet.noneOf(RedactTarget.class);
        if (choice.people()) {
            targets.add(RedactTarget.PEOPLE);
        }
        if (choice.vehicles()) {
            targets.add(RedactTarget.VEHICLES);
        }
        if (choice.plates()) {
            targets.add(RedactTarget.PLATES);
        }
        if (choice.faces()) {
            targets.add(RedactTarget.FACES);
        }
        RedactionRequest request = new RedactionRequest(targets, choice.blur() ? Redaction.Method.BLUR : Redaction.Method.BLOCK,
                List.of(), List.of(), null, 0, false);
        Path folder = reviewFolder(caseId);
        steps.update(0, 2, "Finding what to hide in every frame of every clip…");
        List<RedactionReview.Written> written = evidence.reviewRedactions(caseId, request, folder, cancelled);
        List<ReviewItem> items = new ArrayList<>();
        int done = 0;
        for (RedactionReview.Written w : written) {
            if (cancelled.getAsBoolean()) {
                throw new ExportException(ExportException.Reason.CANCELLED, null, "review cancelled");
            }
            steps.update(1 + done, 1 + written.size(), "Decoding frames of item " + w.item() + " for review…");
            items.add(reviewItem(folder, w.item(), RedactionPlan.read(w.plan()), true));
            done++;
        }
        steps.update(1, 1, "Review ready.");
        return new RedactionReviewSet(folder, choice, items);
    }

    /** A new folder for a review's plans and frames, in the data directory (or the system's temporary folder). */
    private Path reviewFolder(long caseId) throws IOException {
        String stamp = java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS", Locale.ROOT));
        if (stills == null) {
            return Files.createTempDirectory("sightline-review-");
        }
        Path dir = stills.toAbsolutePath().getParent().resolve("redaction-reviews").resolve("case" + caseId + "-" + stamp);
        Files.createDirectories(dir);
        return dir;
    }

    @Override
    public ReviewItem dropBox(RedactionReviewSet review, int item, double seconds, ReviewBox box) throws Exception {
        Path file = review.folder().resolve(RedactionPlan.fileName(item));
        RedactionPlan edited = ReviewerEdit.drop(RedactionPlan.read(file), seconds, planned(box));
        edited.write(file);
        return reviewItem(review.folder(), item, edited, false);
    }

    @Override
    public ReviewItem drawBox(RedactionReviewSet review, int item, ReviewBox box) throws Exception {
        Path file = review.folder().resolve(RedactionPlan.fileName(item));
        RedactionPlan edited = ReviewerEdit.add(RedactionPlan.read(file), planned(box));
        edited.write(file);
        return reviewItem(review.folder(), item, edited, false);
    }

    @Override
    public ExportReport exportReviewed(long caseId, Path target, RedactionReviewSet review, char[] passphrase,
            ExportSteps steps, BooleanSupplier cancelled) throws Exception {
        ExportResult r = evidence.exportRedacted(caseId, target, RedactionRequest.reviewed(review.folder()), passphrase,
                review.choice().leaveOriginalsOut(), steps::update, cancelled);
        return verified(r);
    }

    private static PlannedBox planned(ReviewBox b) {
        return new PlannedBox(b.x(), b.y(), b.width(), b.height(), PlannedBox.Source.valueOf(b.source().name()), b.label());
    }

    private static ReviewBox shown(PlannedBox b) {
        return new ReviewBox(b.x(), b.y(), b.width(), b.height(), BoxSource.valueOf(b.source().name()), b.label());
    }

    /**
     * The item's review: {@link #REVIEW_FRAMES} frames spread over its plan (decoded from the source read-only, kept
     * in the review folder), each with the plan's boxes at its time.
     */
    private ReviewItem reviewItem(Path folder, int position, RedactionPlan plan, boolean decode) throws Exception {
        List<RedactionPlan.Span> spans = plan.spans();
        List<ReviewFrame> frames = new ArrayList<>();
        Path source = decode ? source(plan) : null;
        int n = Math.min(REVIEW_FRAMES, spans.size());
        for (int k = 0; k < n; k++) {
            RedactionPlan.Span s = spans.get(n == 1 ? 0 : (int) ((long) k * (spans.size() - 1) / (n - 1)));
            // the frame's time: the middle of its span, kept inside the item (the first and last spans reach out)
            double t = Math.min(Math.max((s.from() + s.to()) / 2, Math.max(s.from(), plan.inSeconds())),
                    Math.min(s.to(), plan.outSeconds()) - 1e-3);
            Path image = folder.resolve(String.format(Locale.ROOT, "item%02d-frame%d.jpg", position, k));
            if (decode || !Files.isRegularFile(image)) {
                Path from = source != null ? source : source(plan);
                Files.write(image, JpegEncoder.encode(FrameAt.frameAt(from, t, REVIEW_SHORT_SIDE)));
            }
            frames.add(new ReviewFrame(t, image, s.boxes().stream().map(ServiceCaseFiles::shown).toList()));
        }
        return new ReviewItem(position, plan.sourceFile(), frames, spans.size(), plan.boxCount(), plan.notes());
    }

    /** Where the plan's source is read now: the case item's path, else a path the catalog saw it at. */
    private Path source(RedactionPlan plan) {
        CaseItem item = cases.item(plan.itemId());
        if (Files.isRegularFile(item.video())) {
            return item.video();
        }
        return evidence.knownPaths(plan.sourceSha256()).stream().filter(Files::isRegularFile).findFirst()
                .orElse(item.video());
    }

    // ---- the examiner key ----

    @Override
    public KeyInfo examinerKey() throws Exception {
        ExaminerKeyStore keys = evidence.keys();
        return keys.exists() ? info(keys.identity()) : KeyInfo.NONE;
    }

    @Override
    public KeyInfo createExaminerKey(String name, char[] passphrase) throws Exception {
        try {
            return info(evidence.keys().create(name, passphrase, "created in the desktop"));
        } finally {
            if (passphrase != null) {
                java.util.Arrays.fill(passphrase, '\0');
            }
        }
    }

    @Override
    public KeyInfo savePublicKey(Path out) throws Exception {
        return info(evidence.keys().exportPublicKey(out));
    }

    private static KeyInfo info(ExaminerIdentity id) {
        return new KeyInfo(true, id.name(), id.fingerprint().hex(), id.passphraseProtected(), id.created());
    }

    @Override
    public List<String> disagreements(long caseId) {
        return cases.checkRecords(caseId).stream().map(RowDisagreement::describe).toList();
    }

    @Override
    public String writeAuditCheckpoint(Path out, char[] passphrase) throws Exception {
        ExaminerKeyStore keys = evidence.keys();
        if (!keys.exists()) {
            keys.create(System.getProperty("user.name", "examiner"), null, "first audit checkpoint");
        }
        AuditCheckpoint c = evidence.writeCheckpoint(out, keys.unlock(passphrase));
        return "Checkpoint of audit entry " + c.seq() + " written to " + out.toAbsolutePath() + ", signed by "
                + c.signer().name() + " (key " + c.signer().fingerprint() + "). Keep it off this workstation.";
    }
}
