package org.sightline.indexer.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.sightline.indexer.SightlineVersion;
import org.sightline.indexer.audit.AuditDetails;
import org.sightline.indexer.audit.AuditEntry;
import org.sightline.indexer.audit.AuditLog;
import org.sightline.indexer.cases.Case;
import org.sightline.indexer.cases.CaseItem;
import org.sightline.indexer.cases.RowDisagreement;
import org.sightline.indexer.cases.CaseService;
import org.sightline.indexer.signing.DetachedSignature;
import org.sightline.indexer.signing.ExaminerKey;
import org.sightline.indexer.signing.ExaminerKeyStore;
import org.sightline.indexer.signing.KeyException;
import org.sightline.indexer.signing.SignedBy;
import org.sightline.models.integrity.Sha256;
import org.sightline.indexer.footage.PathText;

/**
 * Writes a case's evidence package: {@code originals/} (bit-for-bit copies checked against the SHA-256
 * recorded at indexing), {@code clips/} (an H.264 MP4 of each item's span plus a JPEG of the hit frame),
 * {@code report.pdf}, {@code report.html}, {@code SHA256SUMS}, {@code manifest.json}, {@code manifest.json.sha256},
 * and the examiner's Ed25519 signature of the manifest ({@code manifest.json.sig}, {@code signer-public-key.pem}).
 *
 * <p>Every package is signed. When the data directory has no examiner key yet, the first export makes one (named
 * after the case's examiner, without a passphrase) and records that in the audit trail.
 *
 * <p>Everything is written into a hidden temporary folder beside the target and moved into place only at
 * the end; on any failure or cancellation the temporary folder is removed, so a package that exists is
 * complete. Clips are cut from the verified copies, not from the sources. Success and failure are audited.
 */
public class EvidenceExporter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final CaseService cases;
    private final AuditLog audit;
    private final KnownPaths knownPaths;
    private final ArchiveFolders archives;
    private final ExportJournal journal;
    private final ExaminerKeyStore keys;
    private final RecordingTimes recordingTimes;
    private final ClipCutter cutter;
    private final ReportWriter reports;
    private final Clock clock;

    /**
     * @param knownPaths     where to look for a source that is no longer at its recorded path
     * @param keys           the examiner's signing key
     * @param recordingTimes when each source started recording, for wall-clock times in the report
     */
    public EvidenceExporter(CaseService cases, AuditLog audit, KnownPaths knownPaths, ExaminerKeyStore keys,
                            RecordingTimes recordingTimes) {
        this(cases, audit, knownPaths, keys, recordingTimes, ArchiveFolders.none());
    }

    /** @param archives the folders footage was indexed from: no package is written inside one */
    public EvidenceExporter(CaseService cases, AuditLog audit, KnownPaths knownPaths, ExaminerKeyStore keys,
                            RecordingTimes recordingTimes, ArchiveFolders archives) {
        this(cases, audit, knownPaths, keys, recordingTimes, archives, ExportJournal.none());
    }

    /**
     * @param archives the folders footage was indexed from: no package is written inside one
     * @param journal  where exports under way are noted, so that one killed is found and cleaned up later
     */
    public EvidenceExporter(CaseService cases, AuditLog audit, KnownPaths knownPaths, ExaminerKeyStore keys,
                            RecordingTimes recordingTimes, ArchiveFolders archives, ExportJournal journal) {
        this(cases, audit, knownPaths, keys, recordingTimes, archives, journal, new ClipCutter(), new ReportWriter(),
                Clock.systemUTC());
    }

    public EvidenceExporter(CaseService cases, AuditLog audit, KnownPaths knownPaths, ExaminerKeyStore keys,
                            RecordingTimes recordingTimes, ClipCutter cutter, ReportWriter reports, Clock clock) {
        this(cases, audit, knownPaths, keys, recordingTimes, ArchiveFolders.none(), ExportJournal.none(), cutter, reports,
                clock);
    }

    private EvidenceExporter(CaseService cases, AuditLog audit, KnownPaths knownPaths, ExaminerKeyStore keys,
                             RecordingTimes recordingTimes, ArchiveFolders archives, ExportJournal journal,
                             ClipCutter cutter, ReportWriter reports, Clock clock) {
        this.archives = Objects.requireNonNull(archives);
        this.journal = Objects.requireNonNull(journal);
        this.cases = Objects.requireNonNull(cases);
        this.audit = Objects.requireNonNull(audit);
        this.knownPaths = Objects.requireNonNull(knownPaths);
        this.keys = Objects.requireNonNull(keys);
        this.recordingTimes = Objects.requireNonNull(recordingTimes);
        this.cutter = Objects.requireNonNull(cutter);
        this.reports = Objects.requireNonNull(reports);
        this.clock = Objects.requireNonNull(clock);
    }

    public ExportResult export(long caseId, Path target) throws ExportException {
        return export(caseId, target, ExportOptions.DEFAULT, ExportProgress.NONE, () -> false);
    }

    public ExportResult export(long caseId, Path target, ExportProgress progress, BooleanSupplier cancelled)
            throws ExportException {
        return export(caseId, target, ExportOptions.DEFAULT, progress, cancelled);
    }

    /**
     * Exports a case into {@code target}, which must not exist or be an empty folder.
     *
     * @param options   the key's passphrase, and regions to redact in the clips and stills
     * @param progress  told after each step (originals, clips, reports, manifest)
     * @param cancelled polled between steps and while encoding; when it turns true the export stops with
     *                  {@link ExportException.Reason#CANCELLED} and leaves nothing behind
     */
    public ExportResult export(long caseId, Path target, ExportOptions options, ExportProgress progress,
                               BooleanSupplier cancelled) throws ExportException {
        Path out = target.toAbsolutePath().normalize();
        Case theCase = cases.get(caseId);
        List<CaseItem> items = cases.items(caseId);
        Path temp = null;
        java.util.Optional<Path> underWay = java.util.Optional.empty();
        Throwable failure = null;
        ExportResult result;
        ExaminerKey key;
        List<AuditDetails.RedactionDecision> decisions = new ArrayList<>();
        try {
            if (items.isEmpty()) {
                throw new ExportException(ExportException.Reason.EMPTY_CASE, null,
                        "case " + theCase.reference() + " has no items to export");
            }
            checkRecords(theCase);
            checkTarget(out);
            checkOutsideArchives(out);
            key = signingKey(theCase, options.passphrase());
            Path parent = out.getParent();
            createDirectories(parent);
            temp = parent.resolve("." + out.getFileName() + ".partial-" + UUID.randomUUID().toString().substring(0, 8));
            underWay = noteUnderWay(caseId, out, temp); // first, so that a kill from here on leaves a note
            createDirectories(temp);
            result = write(theCase, items, out, temp, key, options, progress, cancelled, decisions);
            temp = null;
        } catch (ExportException e) {
            failure = e;
            failed(caseId, out, e.getMessage());
            throw e;
        } catch (RuntimeException | Error e) {
            failure = e;
            failed(caseId, out, String.valueOf(e.getMessage()));
            throw e;
        } finally {
            underWay.ifPresent(journal::end);
            if (temp != null) {
                IOException leftBehind = deleteTree(temp);
                if (leftBehind != null && failure != null) {
                    // reported with the export's own error rather than printed here
                    failure.addSuppressed(leftBehind);
                }
            }
        }
        // the package is complete; an audit failure here is reported but does not undo it
        audit.record(caseId, new AuditDetails.Export(out.toString(), result.manifestSha256(), result.files(), result.bytes(),
                result.manifest().signer().fingerprint(), redactionMethod(options, result.manifest()),
                options.redaction().any() ? options.redaction().regions().stream().map(RedactionRegion::toString).toList() : null));
        decisions.forEach(d -> audit.record(caseId, d));
        keys.recordUse(key, "evidence package " + out + " (" + ExportManifest.MANIFEST + ")", result.manifestSha256(), caseId);
        return result;
    }

    /**
     * The review step of a redacted export: writes each item's redaction plan and contact sheet into {@code dir} for a
     * person to check and correct, and records each plan in the audit trail. The sources are read, never changed;
     * each must still have the SHA-256 the case recorded.
     */
    public List<RedactionReview.Written> reviewRedactions(long caseId, ItemRedactions planner, Path dir,
                                                          BooleanSupplier cancelled) throws ExportException {
        Case theCase = cases.get(caseId);
        List<CaseItem> items = cases.items(caseId);
        if (items.isEmpty()) {
            throw new ExportException(ExportException.Reason.EMPTY_CASE, null,
                    "case " + theCase.reference() + " has no items to review");
        }
        Path out = dir.toAbsolutePath().normalize();
        checkOutsideArchives(out);
        RedactionReview review = new RedactionReview();
        List<RedactionReview.Written> written = new ArrayList<>();
        for (CaseItem item : items) {
            Path source = locate(item);
            String sha = hash(source);
            if (!sha.equals(item.videoSha256())) {
                throw new ExportException(ExportException.Reason.SOURCE_CHANGED, source, "source changed: " + source
                        + " has SHA-256 " + sha + " but the case recorded " + item.videoSha256() + "; nothing to review");
            }
            RedactionPlan plan = planner.planFor(theCase.reference(), item, source, cancelled);
            RedactionReview.Written w = review.write(plan, source, out);
            written.add(w);
            audit.record(caseId, new AuditDetails.RedactionDecision("review", out.toString(), item.position(),
                    item.videoSha256(), plan.method(), plan.targets(), plan.manualBoxes(), plan.detectorPacks(),
                    plan.spans().size(), plan.boxCount(), false, hash(w.plan())));
        }
        return written;
    }

    private java.util.Optional<Path> noteUnderWay(long caseId, Path out, Path temp) throws ExportException {
        try {
            return journal.begin(caseId, out, temp);
        } catch (IOException e) {
            throw new ExportException(ExportException.Reason.IO_FAILED, out,
                    "cannot note the export as under way in the data directory: " + e.getMessage(), e);
        }
    }

    private static String redactionMethod(ExportOptions options, ExportManifest manifest) {
        if (options.redaction().any()) {
            return options.redaction().method().code();
        }
        return manifest.files().stream().filter(f -> f.redaction() != null).map(f -> f.redaction().method())
                .findFirst().orElse(null);
    }

    /** Refuses a case whose rows are not what the audit trail recorded of them, naming each field that differs. */
    private void checkRecords(Case theCase) throws ExportException {
        List<RowDisagreement> disagreements = cases.checkRecords(theCase.id());
        if (!disagreements.isEmpty()) {
            throw new ExportException(ExportException.Reason.RECORDS_DISAGREE, null, "case " + theCase.reference()
                    + " is not exported: its rows disagree with the audit trail (edited outside Sightline?): "
                    + String.join("; ", disagreements.stream().map(RowDisagreement::describe).toList()));
        }
    }

    /** The examiner key, made on first use; its use is audited once the package is signed. */
    private ExaminerKey signingKey(Case theCase, char[] passphrase) throws ExportException {
        try {
            if (!keys.exists()) {
                String name = theCase.examiner() == null || theCase.examiner().isBlank() ? audit.user() : theCase.examiner();
                keys.create(name, null, "first export (case " + theCase.reference() + ")");
            }
            return keys.unlock(passphrase);
        } catch (KeyException e) {
            throw new ExportException(ExportException.Reason.SIGNING_KEY, e.file(),
                    "cannot sign the export: " + e.getMessage() + "; nothing was exported", e);
        }
    }

    private void failed(long caseId, Path out, String message) {
        try {
            audit.record(caseId, new AuditDetails.ExportFailed(out.toString(), message));
        } catch (RuntimeException ignored) {
            // the export error is the one to report
        }
    }

    private ExportResult write(Case theCase, List<CaseItem> items, Path out, Path temp, ExaminerKey key,
                               ExportOptions options, ExportProgress progress, BooleanSupplier cancelled,
                               List<AuditDetails.RedactionDecision> decisions) throws ExportException {
        String exportedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
        Map<String, Path> sources = new LinkedHashMap<>();
        for (CaseItem item : items) {
            if (!sources.containsKey(item.videoSha256())) {
                sources.put(item.videoSha256(), locate(item));
            }
        }
        checkSpace(out.getParent(), sources.values());
        Steps steps = new Steps(progress, cancelled, sources.size() + items.size() + 2);
        List<ExportManifest.FileEntry> files = new ArrayList<>();

        Map<String, String> originals = copyOriginals(sources, temp, files, steps);
        List<ExportManifest.Item> manifestItems = new ArrayList<>();
        String encoder = cutClips(theCase, items, out, sources, originals, temp, files, manifestItems, options, steps,
                decisions);
        if (options.disclosure()) {
            leaveOriginalsOut(temp, files, manifestItems);
        }

        steps.begin("writing reports");
        ExportManifest.CaseInfo caseInfo = new ExportManifest.CaseInfo(theCase.id(), theCase.name(), theCase.reference(),
                theCase.examiner(), theCase.description(), theCase.status().name(), theCase.created().toString());
        ExportManifest.Tool tool = new ExportManifest.Tool("Sightline", SightlineVersion.version(),
                "FFmpeg via JavaCV, " + encoder + " (H.264), yuv420p, source frame rate, video only; stills JPEG");
        List<String> modelIds = items.stream().map(i -> i.foundBy().modelId()).filter(Objects::nonNull).distinct().toList();
        ExportManifest.Audit auditSection = auditSection(theCase.id());
        SignedBy signer = SignedBy.of(key.identity(), ExportManifest.MANIFEST, ExportManifest.SIGNATURE_COVERS);
        ExportManifest draft = new ExportManifest(ExportManifest.FORMAT, caseInfo, exportedAt, audit.user(), tool,
                modelIds, manifestItems, List.copyOf(files), auditSection, signer);
        writeReports(draft, temp, files);
        steps.done("reports written");

        steps.begin("writing and signing the manifest");
        writeChecksums(temp, files);
        ExportManifest manifest = new ExportManifest(ExportManifest.FORMAT, caseInfo, exportedAt, audit.user(), tool,
                modelIds, manifestItems, files, auditSection, signer);
        String manifestSha = writeManifest(manifest, temp, key);
        steps.checkCancelled();
        moveIntoPlace(temp, out);
        steps.done("exported to " + out);
        long bytes = files.stream().mapToLong(ExportManifest.FileEntry::size).sum();
        return new ExportResult(out, manifestSha, files.size() + 4, bytes, manifest);
    }

    /** Copies each source once into originals/; returns the relative path of each copy by SHA-256. */
    private static Map<String, String> copyOriginals(Map<String, Path> sources, Path temp,
                                                     List<ExportManifest.FileEntry> files, Steps steps) throws ExportException {
        Path dir = createDirectories(temp.resolve(ExportManifest.ORIGINALS));
        Map<String, String> relBySha = new LinkedHashMap<>();
        for (Map.Entry<String, Path> source : sources.entrySet()) {
            steps.begin("copying original " + source.getValue().getFileName());
            String sha = source.getKey();
            String name = sha.substring(0, 8) + "_" + safeName(PathText.escaped(source.getValue().getFileName()));
            long size = copyVerified(source.getValue(), sha, dir.resolve(name));
            String rel = ExportManifest.ORIGINALS + "/" + name;
            relBySha.put(sha, rel);
            files.add(new ExportManifest.FileEntry(rel, size, sha, ExportManifest.ROLE_ORIGINAL, null, null, null, null));
            steps.done("copied " + name);
        }
        return relBySha;
    }

    /** Cuts each item's clip and still from the verified copy of its source; returns the encoder used. */
    private String cutClips(Case theCase, List<CaseItem> items, Path out, Map<String, Path> sources,
                            Map<String, String> originals, Path temp, List<ExportManifest.FileEntry> files,
                            List<ExportManifest.Item> manifestItems, ExportOptions options, Steps steps,
                            List<AuditDetails.RedactionDecision> decisions) throws ExportException {
        Redaction redaction = options.redaction();
        ExportManifest.Redacted regionsOnly = !redaction.any() ? null : new ExportManifest.Redacted(redaction.method().code(),
                redaction.regions().stream().map(RedactionRegion::toString).toList(), "user-drawn regions",
                redaction.describe());
        Path dir = createDirectories(temp.resolve(ExportManifest.CLIPS));
        String ref = safeName(theCase.reference());
        String encoder = "h264";
        for (CaseItem item : items) {
            steps.begin("cutting item " + item.position());
            String sourceRel = originals.get(item.videoSha256());
            RedactionPlan plan = options.plans() == null ? null
                    : options.plans().planFor(theCase.reference(), item, temp.resolve(sourceRel), steps.cancelled);
            String base = String.format(Locale.ROOT, "%s_item%02d_%s_%s-%s", ref, item.position(),
                    item.videoSha256().substring(0, 8), seconds(item.inSeconds()), seconds(item.outSeconds()))
                    + (options.redacts() ? "_redacted" : "");
            Path clip = dir.resolve(base + ".mp4");
            Path still = dir.resolve(base + "_hit" + seconds(item.hitSeconds()) + ".jpg");
            ExportManifest.Redacted redacted = regionsOnly;
            if (plan != null) {
                redacted = writePlan(plan, dir.resolve(base + ".plan.json"), item.position(), options.plans().reviewed(), files);
                decisions.add(new AuditDetails.RedactionDecision("export", out.toString(), item.position(),
                        item.videoSha256(), plan.method(), plan.targets(), plan.manualBoxes(), plan.detectorPacks(),
                        plan.spans().size(), plan.boxCount(), options.plans().reviewed(), redacted.planSha256()));
            }
            ClipCut cut = plan != null
                    ? cutter.cut(temp.resolve(sourceRel), item.inSeconds(), item.outSeconds(), item.hitSeconds(),
                    clip, still, plan, steps.cancelled)
                    : cutter.cut(temp.resolve(sourceRel), item.inSeconds(), item.outSeconds(), item.hitSeconds(),
                    clip, still, redaction, steps.cancelled);
            encoder = cut.encoder();
            java.util.Optional<RecordingTimes.RecordingTime> recording = recordingTimes.of(item.videoSha256());
            String clipRel = ExportManifest.CLIPS + "/" + clip.getFileName();
            String stillRel = ExportManifest.CLIPS + "/" + still.getFileName();
            files.add(new ExportManifest.FileEntry(clipRel, size(clip), hash(clip), ExportManifest.ROLE_CLIP, item.position(),
                    new ExportManifest.DerivedFrom(item.videoSha256(), sourceRel, item.inSeconds(), item.outSeconds(), null),
                    item.foundBy(), redacted));
            files.add(new ExportManifest.FileEntry(stillRel, size(still), hash(still), ExportManifest.ROLE_STILL, item.position(),
                    new ExportManifest.DerivedFrom(item.videoSha256(), sourceRel, null, null, cut.stillSeconds()),
                    item.foundBy(), redacted));
            manifestItems.add(new ExportManifest.Item(item.position(), item.id(), item.videoSha256(), PathText.shown(item.video()),
                    PathText.shown(sources.get(item.videoSha256())), item.camera(), item.inSeconds(), item.outSeconds(),
                    item.hitSeconds(), item.note(), item.tags(), item.foundBy(), sourceRel, clipRel, stillRel, cut.frames(),
                    cut.framesPerSecond(), cut.firstFrameSeconds(), cut.lastFrameSeconds(), cut.stillSeconds(),
                    recording.map(t -> t.start().toString()).orElse(null),
                    recording.map(RecordingTimes.RecordingTime::source).orElse(null),
                    recording.map(RecordingTimes.RecordingTime::zone).orElse(null),
                    recording.map(RecordingTimes.RecordingTime::zoneAssumed).orElse(null),
                    recording.map(RecordingTimes.RecordingTime::zoneSource).orElse(null)));
            steps.done("cut " + clip.getFileName());
        }
        return encoder;
    }

    /** Writes an item's redaction plan into the package, lists it, and says in words what its copy hides. */
    private static ExportManifest.Redacted writePlan(RedactionPlan plan, Path file, int position, boolean reviewed,
                                                     List<ExportManifest.FileEntry> files) throws ExportException {
        try {
            plan.write(file);
        } catch (IOException e) {
            throw ioFailure(file, "write the redaction plan", e);
        }
        String rel = ExportManifest.CLIPS + "/" + file.getFileName();
        String sha = hash(file);
        files.add(new ExportManifest.FileEntry(rel, size(file), sha, ExportManifest.ROLE_REDACTION_PLAN, position,
                null, null, null));
        String what = String.join(", ", plan.targets());
        String review = reviewed ? "reviewed" : "not reviewed";
        String description = (plan.redactionMethod() == Redaction.Method.BLOCK ? "blocked (solid black) " : "blurred (coarse mosaic) ")
                + what + " in every frame of the clip and in the still, " + plan.boxCount() + " box(es) over "
                + plan.spans().size() + " frame(s)"
                + (plan.detectorPacks().isEmpty() ? "" : ", found by " + String.join("; ", plan.detectorPacks()))
                + (plan.manualBoxes().isEmpty() ? "" : ", user boxes " + String.join("; ", plan.manualBoxes()))
                + "; plan " + rel + " (" + review + ")"
                + (plan.notes().isEmpty() ? "" : "; notes: " + String.join("; ", plan.notes()));
        return new ExportManifest.Redacted(plan.method(), plan.manualBoxes(), what, description, plan.targets(),
                plan.detectorPacks(), review, rel, sha);
    }

    /** A disclosure copy: removes the verified copies of the originals, once the clips are cut from them. */
    private static void leaveOriginalsOut(Path temp, List<ExportManifest.FileEntry> files,
                                          List<ExportManifest.Item> manifestItems) throws ExportException {
        IOException left = deleteTree(temp.resolve(ExportManifest.ORIGINALS));
        if (left != null) {
            throw ioFailure(temp.resolve(ExportManifest.ORIGINALS), "leave the originals out of", left);
        }
        files.removeIf(f -> ExportManifest.ROLE_ORIGINAL.equals(f.role()));
        // derived files name their source by the path it was read from (and its SHA-256), as it is not in the package
        Map<String, String> sourcePaths = new LinkedHashMap<>();
        manifestItems.forEach(i -> sourcePaths.putIfAbsent(i.sourceSha256(), i.sourcePath()));
        files.replaceAll(f -> f.derivedFrom() == null ? f : new ExportManifest.FileEntry(f.path(), f.size(), f.sha256(),
                f.role(), f.item(), new ExportManifest.DerivedFrom(f.derivedFrom().sourceSha256(),
                sourcePaths.get(f.derivedFrom().sourceSha256()), f.derivedFrom().inSeconds(), f.derivedFrom().outSeconds(),
                f.derivedFrom().atSeconds()), f.foundBy(), f.redaction()));
        manifestItems.replaceAll(i -> new ExportManifest.Item(i.position(), i.itemId(), i.sourceSha256(), i.recordedPath(),
                i.sourcePath(), i.camera(), i.inSeconds(), i.outSeconds(), i.hitSeconds(), i.note(), i.tags(), i.foundBy(),
                null, i.clip(), i.still(), i.clipFrames(), i.clipFramesPerSecond(), i.clipFirstFrame(), i.clipLastFrame(),
                i.stillSeconds(), i.recordingStart(), i.recordingStartSource(), i.zone(), i.zoneAssumed(), i.zoneSource()));
    }

    /** The case's audit entries and the head of the whole chain now. */
    private ExportManifest.Audit auditSection(long caseId) {
        List<AuditEntry> caseEntries = audit.entriesForCase(caseId);
        List<AuditEntry> all = audit.entries();
        AuditEntry head = all.isEmpty() ? null : all.getLast();
        return new ExportManifest.Audit(ExportManifest.Audit.HASH_RULE,
                caseEntries.stream().map(ExportManifest.Entry::of).toList(),
                head == null ? AuditEntry.GENESIS : head.hash(), head == null ? 0 : head.seq());
    }

    private void writeReports(ExportManifest draft, Path temp, List<ExportManifest.FileEntry> files) throws ExportException {
        Path pdf = temp.resolve(ExportManifest.REPORT_PDF);
        Path html = temp.resolve(ExportManifest.REPORT_HTML);
        try {
            pdf = reports.writePdf(draft, temp);
        } catch (IOException e) {
            throw ioFailure(pdf, "write the report", e);
        }
        try {
            html = reports.writeHtml(draft, temp);
        } catch (IOException e) {
            throw ioFailure(html, "write the report", e);
        }
        files.add(new ExportManifest.FileEntry(ExportManifest.REPORT_PDF, size(pdf), hash(pdf), ExportManifest.ROLE_REPORT,
                null, null, null, null));
        files.add(new ExportManifest.FileEntry(ExportManifest.REPORT_HTML, size(html), hash(html), ExportManifest.ROLE_REPORT,
                null, null, null, null));
    }

    /** Writes SHA256SUMS ({@code sha256sum -c} format) of the files so far and lists it among them. */
    private static void writeChecksums(Path temp, List<ExportManifest.FileEntry> files) throws ExportException {
        Path sums = temp.resolve(ExportManifest.CHECKSUMS);
        StringBuilder b = new StringBuilder();
        for (ExportManifest.FileEntry f : files) {
            b.append(f.sha256()).append("  ").append(f.path()).append('\n');
        }
        try {
            Files.writeString(sums, b, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw ioFailure(sums, "write", e);
        }
        files.add(new ExportManifest.FileEntry(ExportManifest.CHECKSUMS, size(sums), hash(sums),
                ExportManifest.ROLE_CHECKSUMS, null, null, null, null));
    }

    /**
     * Writes manifest.json (synced), manifest.json.sha256, and the examiner's signature of the manifest's bytes with
     * the public key; returns the manifest's SHA-256.
     */
    private static String writeManifest(ExportManifest manifest, Path temp, ExaminerKey key) throws ExportException {
        Path manifestFile = temp.resolve(ExportManifest.MANIFEST);
        try {
            byte[] bytes = JSON.writeValueAsBytes(manifest);
            Files.write(manifestFile, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            DetachedSignature.write(key, manifestFile, bytes);
            String sha = hash(manifestFile);
            Files.writeString(temp.resolve(ExportManifest.MANIFEST_HASH),
                    sha + "  " + ExportManifest.MANIFEST + "\n", StandardCharsets.UTF_8);
            return sha;
        } catch (IOException e) {
            throw ioFailure(manifestFile, "write the manifest", e);
        }
    }

    /** Counts steps for the progress callback and checks for cancellation at each step. */
    private static final class Steps {
        final ExportProgress progress;
        final BooleanSupplier cancelled;
        final int total;
        int done;

        Steps(ExportProgress progress, BooleanSupplier cancelled, int total) {
            this.progress = progress;
            this.cancelled = cancelled;
            this.total = total;
        }

        void begin(String message) throws ExportException {
            checkCancelled();
            progress.update(done, total, message);
        }

        void done(String message) {
            progress.update(++done, total, message);
        }

        void checkCancelled() throws ExportException {
            if (cancelled.getAsBoolean()) {
                throw new ExportException(ExportException.Reason.CANCELLED, null, "export cancelled");
            }
        }
    }

    /** The source of an item: its recorded path, else a known path holding a file with the same hash. */
    private Path locate(CaseItem item) throws ExportException {
        Path recorded = item.video();
        if (Files.isRegularFile(recorded)) {
            return recorded;
        }
        List<Path> tried = new ArrayList<>();
        for (Path candidate : knownPaths.pathsFor(item.videoSha256())) {
            if (candidate.equals(recorded) || !Files.isRegularFile(candidate)) {
                continue;
            }
            tried.add(candidate);
            try {
                if (Sha256.of(candidate).equals(item.videoSha256())) {
                    return candidate;
                }
            } catch (IOException ignored) {
                // unreadable candidates are skipped; the error below lists them
            }
        }
        throw new ExportException(ExportException.Reason.SOURCE_MISSING, recorded, "source file of item " + item.position()
                + " is missing: " + PathText.shown(recorded) + " does not exist"
                + (tried.isEmpty() ? " and no other known path has SHA-256 " + item.videoSha256()
                : " and none of " + tried + " has SHA-256 " + item.videoSha256()));
    }

    /** Copies while hashing the bytes read; the hash must be the recorded one, and the copy must hash the same. */
    private static long copyVerified(Path source, String expectedSha, Path copy) throws ExportException {
        Sha256.Copied copied;
        try (InputStream in = Files.newInputStream(source)) {
            try (OutputStream o = Files.newOutputStream(copy, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                copied = Sha256.copy(in, o);
            } catch (IOException e) {
                throw ioFailure(copy, "copy " + PathText.shown(source) + " to", e);
            }
        } catch (IOException e) {
            throw new ExportException(ExportException.Reason.IO_FAILED, source, "cannot read source " + source + ": " + e, e);
        }
        String actual = copied.sha256();
        if (!actual.equals(expectedSha)) {
            throw new ExportException(ExportException.Reason.SOURCE_CHANGED, source, "source changed: " + source
                    + " has SHA-256 " + actual + " but the case recorded " + expectedSha
                    + " when it was indexed; the file is not the one that was searched, so the export stopped");
        }
        try {
            Files.setLastModifiedTime(copy, Files.getLastModifiedTime(source));
        } catch (IOException ignored) {
            // the time stamp is a courtesy; the hash is the evidence
        }
        String copyHash = hash(copy);
        if (!copyHash.equals(expectedSha)) {
            throw new ExportException(ExportException.Reason.IO_FAILED, copy, "the copy " + copy
                    + " does not match its source (SHA-256 " + copyHash + "); the disk may be failing");
        }
        return copied.size();
    }

    private static void checkTarget(Path out) throws ExportException {
        if (Files.exists(out)) {
            if (!Files.isDirectory(out)) {
                throw new ExportException(ExportException.Reason.TARGET_NOT_EMPTY, out, out + " is a file, not a folder");
            }
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(out)) {
                if (ds.iterator().hasNext()) {
                    throw new ExportException(ExportException.Reason.TARGET_NOT_EMPTY, out,
                            "export folder " + out + " is not empty; choose a new or empty folder");
                }
            } catch (IOException e) {
                throw new ExportException(ExportException.Reason.IO_FAILED, out, "cannot read " + out + ": " + e, e);
            }
        }
    }

    /** Refuses a target inside (or equal to) a folder footage was indexed from. */
    private void checkOutsideArchives(Path out) throws ExportException {
        Path real = realOrAsGiven(out);
        for (Path root : archives.roots()) {
            Path r = realOrAsGiven(root);
            if (real.startsWith(r)) {
                throw new ExportException(ExportException.Reason.TARGET_IN_ARCHIVE, out, "export folder " + out
                        + " is inside the indexed footage folder " + root + "; a package there would put copies of "
                        + "originals into the archive: choose a folder outside it");
            }
        }
    }

    /** The path with its existing part resolved through links (so a link into the archive is caught too). */
    private static Path realOrAsGiven(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(abs));
        } catch (IOException e) {
            return abs;
        }
    }

    private static void checkSpace(Path parent, Iterable<Path> sources) throws ExportException {
        long need = 0;
        try {
            for (Path p : sources) {
                need += Files.size(p);
            }
            FileStore store = Files.getFileStore(parent);
            long free = store.getUsableSpace();
            // originals plus room for clips, stills and reports (at least 64 MB, or a quarter of the originals)
            long wanted = need + Math.max(64L << 20, need / 4);
            if (free < wanted) {
                throw new ExportException(ExportException.Reason.IO_FAILED, parent, String.format(Locale.ROOT,
                        "not enough free space in %s: the export needs about %,d MB, %,d MB are free",
                        parent, wanted >> 20, free >> 20));
            }
        } catch (IOException e) {
            throw new ExportException(ExportException.Reason.IO_FAILED, parent, "cannot check free space in " + parent + ": " + e, e);
        }
    }

    private static void moveIntoPlace(Path temp, Path out) throws ExportException {
        try {
            if (Files.isDirectory(out)) {
                Files.delete(out); // empty, checked before
            }
            try {
                Files.move(temp, out, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, out);
            }
        } catch (IOException e) {
            throw ioFailure(out, "move the finished package into", e);
        }
    }

    private static ExportException ioFailure(Path file, String what, IOException e) {
        String msg = String.valueOf(e.getMessage());
        boolean full = msg.toLowerCase(Locale.ROOT).contains("no space left");
        return new ExportException(ExportException.Reason.IO_FAILED, file, "cannot " + what + " " + file + ": "
                + (full ? "the disk is full" : e.getClass().getSimpleName() + " " + msg)
                + "; nothing was exported", e);
    }

    private static Path createDirectories(Path dir) throws ExportException {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw ioFailure(dir, "create folder", e);
        }
    }

    private static long size(Path p) throws ExportException {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw ioFailure(p, "read the size of", e);
        }
    }

    private static String hash(Path p) throws ExportException {
        try {
            return Sha256.of(p);
        } catch (IOException e) {
            throw ioFailure(p, "hash", e);
        }
    }

    static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3fs", s);
    }

    /** Keeps letters, digits, '.', '-' and '_'; anything else becomes '_'. */
    static String safeName(String s) {
        String cleaned = s.replaceAll("[^A-Za-z0-9._-]", "_");
        return cleaned.isEmpty() || cleaned.startsWith(".") ? "_" + cleaned : cleaned;
    }

    /** Removes a folder and its contents; returns what stopped it, naming the folder, or null when it is gone. */
    static IOException deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return null;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(p);
                } catch (NoSuchFileException ignored) {
                    // already gone
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return new IOException("could not remove the unfinished export " + dir + ": " + e.getMessage(), e);
        }
        return null;
    }
}
