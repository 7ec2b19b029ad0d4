package org.sightline.desktop.services;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
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
import org.sightline.indexer.export.ExportOptions;
import org.sightline.indexer.export.ExportResult;
import org.sightline.indexer.export.PackageVerification;
import org.sightline.indexer.export.Redaction;
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
