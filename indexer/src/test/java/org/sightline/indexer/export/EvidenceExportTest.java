package org.sightline.indexer.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.indexer.audit.AuditDetails;
import org.sightline.indexer.audit.AuditLog;
import org.sightline.indexer.catalog.CatalogDatabase;
import org.sightline.indexer.cases.Case;
import org.sightline.indexer.cases.CaseItem;
import org.sightline.indexer.cases.CaseService;
import org.sightline.indexer.cases.FoundBy;
import org.sightline.indexer.cases.ItemDraft;
import org.sightline.indexer.signing.ExaminerKeyStore;
import org.sightline.models.testing.SharedData;

class EvidenceExportTest {
    static final String MODEL = "test-model@1.0#0123456789ab";

    @TempDir
    Path tmp;

    Path aisle;
    Path lot;
    CatalogDatabase db;
    AuditLog audit;
    CaseService cases;
    ExaminerKeyStore keys;

    @BeforeEach
    void setUp() throws IOException {
        aisle = SharedData.footage("parking-aisle-cars.mp4");
        lot = SharedData.footage("parking-lot-person-bicycle-car.mp4");
        db = CatalogDatabase.open(tmp.resolve("catalog.sqlite"));
        audit = new AuditLog(db);
        cases = new CaseService(db, audit);
        keys = new ExaminerKeyStore(tmp.resolve("keys"), audit);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    static String sha256(Path file) throws Exception {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            d.update(in.readAllBytes());
        }
        return HexFormat.of().formatHex(d.digest());
    }

    @Test
    void exportsCaseFromTwoVideosThatVerifiesAndDetectsTampering() throws Exception {
        String aisleSha = sha256(aisle);
        String lotSha = sha256(lot);
        Case c = cases.create("Car park incident", "OP-2026/17", "J. Examiner", "Cars in the aisle; cyclist");
        cases.addItem(c.id(), ItemDraft.span(aisle, 4.5, 8.0).withSha256(aisleSha).withHit(6.0)
                .withNote("white car enters").withFoundBy(FoundBy.prompt("a white car", 0.31f, MODEL, "gen-3")));
        cases.addItem(c.id(), ItemDraft.span(lot, 9.0, 12.5).withSha256(lotSha).withHit(11.0)
                .withNote("cyclist crosses — café Ø").withTags(List.of("cyclist")).withFoundBy(FoundBy.prompt("a person on a bicycle", 0.28f, MODEL, "gen-3")));
        cases.addItem(c.id(), ItemDraft.span(aisle, 15.0, 18.0).withSha256(aisleSha).withNote("grey and red car"));
        audit.record(null, new AuditDetails.View(aisle.toString(), aisleSha, 4.5, 8.0));

        Path out = tmp.resolve("exports/pkg");
        int[] lastProgress = {0, 0};
        ExportResult result = new EvidenceExporter(cases, audit, KnownPaths.none(), keys, RecordingTimes.unknown())
                .export(c.id(), out, (done, total, msg) -> {
                    lastProgress[0] = done;
                    lastProgress[1] = total;
                }, () -> false);
        assertEquals(out, result.directory());
        assertEquals(lastProgress[1], lastProgress[0], "progress reaches the total");
        try (Stream<Path> siblings = Files.list(out.getParent())) {
            assertEquals(List.of(out), siblings.toList(), "no temporary folder left beside the package");
        }

        // originals are the fixtures, bit for bit
        ExportManifest m = result.manifest();
        List<ExportManifest.FileEntry> originals = m.files().stream().filter(f -> f.role().equals("original")).toList();
        assertEquals(2, originals.size(), "one original per source video");
        for (ExportManifest.FileEntry f : originals) {
            String actual = sha256(out.resolve(f.path()));
            assertEquals(f.sha256(), actual);
            assertTrue(actual.equals(aisleSha) || actual.equals(lotSha), f.path());
        }
        // every clip decodes and lasts its span (within one frame interval)
        for (ExportManifest.Item item : m.items()) {
            try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(out.resolve(item.clip()).toFile())) {
                g.start();
                assertEquals("h264", g.getVideoCodecName());
                double fps = g.getFrameRate();
                int frames = 0;
                while (g.grabImage() != null) {
                    frames++;
                }
                g.stop();
                double duration = frames / fps;
                double span = item.outSeconds() - item.inSeconds();
                assertTrue(Math.abs(duration - span) <= 1 / fps + 1e-6,
                        item.clip() + ": " + frames + " frames at " + fps + " fps = " + duration + " s, span " + span);
                assertEquals(item.clipFrames(), frames);
            }
            assertTrue(Files.size(out.resolve(item.still())) > 1000, item.still());
        }
        assertTrue(m.items().get(0).clip().startsWith("clips/OP-2026_17_item01_" + aisleSha.substring(0, 8)), m.items().get(0).clip());
        assertTrue(m.tool().clipEncoder().contains("libopenh264"), m.tool().clipEncoder());
        assertFalse(m.audit().entries().isEmpty());
        assertTrue(m.audit().entries().stream().allMatch(ExportManifest.Entry::consistent));
        assertTrue(m.audit().entries().stream().allMatch(e -> e.caseId() != null && e.caseId() == c.id()));

        // the report names every item
        try (PDDocument pdf = Loader.loadPDF(out.resolve("report.pdf").toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            for (CaseItem item : cases.items(c.id())) {
                assertTrue(text.contains("item " + item.position() + ", " + item.video().getFileName()), "item " + item.position());
                assertTrue(text.contains(item.note()), item.note());
            }
            assertTrue(text.contains("OP-2026/17"));
        }
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("src=\"" + m.items().get(1).still() + "\""));

        // verify passes, then fails naming a changed clip
        ExportVerifier verifier = new ExportVerifier();
        PackageVerification ok = verifier.verify(out);
        assertTrue(ok.ok(), () -> ok.problems() + " " + ok.manifestProblem() + " " + ok.auditProblems());
        String clip = m.items().get(1).clip();
        try (RandomAccessFile f = new RandomAccessFile(out.resolve(clip).toFile(), "rw")) {
            f.seek(f.length() / 2);
            int b = f.read();
            f.seek(f.length() / 2);
            f.write(b ^ 0x01);
        }
        PackageVerification bad = verifier.verify(out);
        assertFalse(bad.ok());
        assertEquals(1, bad.problems().size());
        assertEquals(clip, bad.problems().getFirst().path());
        assertEquals(PackageVerification.Status.CHANGED, bad.problems().getFirst().status());

        // the export itself is audited
        List<String> actions = audit.entriesForCase(c.id()).stream().map(e -> e.action()).toList();
        assertEquals(List.of("export", "key-use"), actions.subList(actions.size() - 2, actions.size()));
    }

    @Test
    void refusesANonEmptyTargetAndLeavesItAlone() throws Exception {
        Case c = cases.create("Target", "T-1", null, null);
        cases.addItem(c.id(), ItemDraft.span(aisle, 1, 2));
        Path out = Files.createDirectories(tmp.resolve("busy"));
        Files.writeString(out.resolve("notes.txt"), "mine");
        ExportException e = assertThrows(ExportException.class,
                () -> new EvidenceExporter(cases, audit, KnownPaths.none(), keys, RecordingTimes.unknown()).export(c.id(), out));
        assertEquals(ExportException.Reason.TARGET_NOT_EMPTY, e.reason());
        assertTrue(e.getMessage().contains(out.toString()), e.getMessage());
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(1, s.count());
        }
        assertNoPartialFolders();
    }

    @Test
    void stopsWhenTheSourceChangedAndLeavesNoPackage() throws Exception {
        Path copy = Files.copy(aisle, tmp.resolve("camera7.mp4"));
        Case c = cases.create("Changed", "CH-1", null, null);
        cases.addItem(c.id(), ItemDraft.span(copy, 2, 5));
        try (RandomAccessFile f = new RandomAccessFile(copy.toFile(), "rw")) {
            f.seek(1000);
            int b = f.read();
            f.seek(1000);
            f.write(b ^ 0xff);
        }
        Path out = tmp.resolve("changed-pkg");
        ExportException e = assertThrows(ExportException.class,
                () -> new EvidenceExporter(cases, audit, KnownPaths.none(), keys, RecordingTimes.unknown()).export(c.id(), out));
        assertEquals(ExportException.Reason.SOURCE_CHANGED, e.reason());
        assertTrue(e.getMessage().contains("source changed") && e.getMessage().contains(copy.toString()), e.getMessage());
        assertFalse(Files.exists(out));
        assertNoPartialFolders();
        assertEquals("export-failed", audit.entriesForCase(c.id()).getLast().action());
    }

    @Test
    void findsAMovedSourceByHashElseFailsClearly() throws Exception {
        Path before = Files.copy(lot, tmp.resolve("lot.mp4"));
        Case c = cases.create("Moved", "MV-1", null, null);
        cases.addItem(c.id(), ItemDraft.span(before, 22.0, 25.0));
        Path after = Files.move(before, Files.createDirectories(tmp.resolve("archive")).resolve("lot-moved.mp4"));

        ExportException e = assertThrows(ExportException.class,
                () -> new EvidenceExporter(cases, audit, KnownPaths.none(), keys, RecordingTimes.unknown()).export(c.id(), tmp.resolve("none")));
        assertEquals(ExportException.Reason.SOURCE_MISSING, e.reason());
        assertTrue(e.getMessage().contains(before.toString()), e.getMessage());

        String sha = cases.items(c.id()).getFirst().videoSha256();
        KnownPaths catalog = s -> s.equals(sha) ? List.of(tmp.resolve("elsewhere.mp4"), after) : List.of();
        ExportResult r = new EvidenceExporter(cases, audit, catalog, keys, RecordingTimes.unknown()).export(c.id(), tmp.resolve("moved-pkg"));
        assertEquals(after.toString(), r.manifest().items().getFirst().sourcePath());
        assertTrue(new ExportVerifier().verify(r.directory()).ok());
    }

    @Test
    void anItemOutsideItsFileIsAClearError() throws Exception {
        // a catalog that believes the video is longer than it is lets the item in; the export checks the file itself
        CaseService trusting = new CaseService(db, audit, new org.sightline.indexer.cases.VideoFacts() {
            @Override
            public double durationSeconds(Path video) {
                return 1000;
            }

            @Override
            public String sha256(Path video) throws IOException {
                return org.sightline.models.integrity.Sha256.of(video);
            }
        }, java.time.Clock.systemUTC());
        Case c = trusting.create("Outside", "OUT-1", null, null);
        trusting.addItem(c.id(), ItemDraft.span(aisle, 40, 44));
        Path out = tmp.resolve("outside-pkg");
        ExportException e = assertThrows(ExportException.class,
                () -> new EvidenceExporter(trusting, audit, KnownPaths.none(), keys, RecordingTimes.unknown()).export(c.id(), out));
        assertEquals(ExportException.Reason.SPAN_OUTSIDE_FILE, e.reason());
        assertTrue(e.getMessage().contains("outside") && e.getMessage().contains("40.000-44.000"), e.getMessage());
        assertFalse(Files.exists(out));
        assertNoPartialFolders();
    }

    @Test
    void cancellingLeavesNothing() throws Exception {
        Case c = cases.create("Cancel", "CX-1", null, null);
        cases.addItem(c.id(), ItemDraft.span(aisle, 1, 3));
        Path out = tmp.resolve("cancelled");
        ExportException e = assertThrows(ExportException.class,
                () -> new EvidenceExporter(cases, audit, KnownPaths.none(), keys, RecordingTimes.unknown()).export(c.id(), out, ExportProgress.NONE, () -> true));
        assertEquals(ExportException.Reason.CANCELLED, e.reason());
        assertFalse(Files.exists(out));
        assertNoPartialFolders();
    }

    @Test
    void aFullDiskIsAClearErrorAndLeavesNothing() throws Exception {
        Case c = cases.create("Full", "FD-1", null, null);
        cases.addItem(c.id(), ItemDraft.span(aisle, 1, 3));
        ReportWriter diskFull = new ReportWriter() {
            @Override
            public Path writePdf(ExportManifest m, Path packageDir) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        Path out = tmp.resolve("full");
        ExportException e = assertThrows(ExportException.class, () -> new EvidenceExporter(cases, audit, KnownPaths.none(), keys,
                RecordingTimes.unknown(), new ClipCutter(), diskFull, java.time.Clock.systemUTC()).export(c.id(), out));
        assertEquals(ExportException.Reason.IO_FAILED, e.reason());
        assertTrue(e.getMessage().contains("disk is full") && e.getMessage().contains("report.pdf"), e.getMessage());
        assertFalse(Files.exists(out));
        assertNoPartialFolders();
    }

    @Test
    void cancellingWhileCuttingLeavesNothing() throws Exception {
        Case c = cases.create("Cancel late", "CX-2", null, null);
        cases.addItem(c.id(), ItemDraft.span(aisle, 1, 4));
        boolean[] cutting = {false};
        Path out = tmp.resolve("cancelled-late");
        ExportException e = assertThrows(ExportException.class, () -> new EvidenceExporter(cases, audit, KnownPaths.none(), keys, RecordingTimes.unknown())
                .export(c.id(), out, (done, total, msg) -> cutting[0] |= msg.startsWith("cutting"), () -> cutting[0]));
        assertEquals(ExportException.Reason.CANCELLED, e.reason());
        assertFalse(Files.exists(out));
        assertNoPartialFolders();
    }

    @Test
    void exportingAgainReproducesTheSameClipsAndStills() throws Exception {
        Case c = cases.create("Twice", "TW-1", null, null);
        cases.addItem(c.id(), ItemDraft.span(lot, 28.0, 31.0).withHit(29.5));
        EvidenceExporter exporter = new EvidenceExporter(cases, audit, KnownPaths.none(), keys, RecordingTimes.unknown());
        ExportResult first = exporter.export(c.id(), tmp.resolve("first"));
        ExportResult second = exporter.export(c.id(), tmp.resolve("second"));
        List<String> derived = first.manifest().files().stream()
                .filter(f -> f.role().equals("clip") || f.role().equals("still")).map(f -> f.path() + " " + f.sha256()).toList();
        assertEquals(2, derived.size());
        assertEquals(derived, second.manifest().files().stream()
                .filter(f -> f.role().equals("clip") || f.role().equals("still")).map(f -> f.path() + " " + f.sha256()).toList());
    }

    @Test
    void cutsGreyRawAndMpeg4SourcesIntoPlayableH264() throws Exception {
        Case c = cases.create("Odd formats", "OF-1", null, null);
        cases.addItem(c.id(), ItemDraft.span(SharedData.footage("tiny-highway-48px-raw.avi"), 0.5, 2.5).withHit(2.5));
        cases.addItem(c.id(), ItemDraft.span(SharedData.footage("motorway-cctv-cyclist.avi"), 3.0, 5.0));
        ExportResult r = new EvidenceExporter(cases, audit, KnownPaths.none(), keys, RecordingTimes.unknown()).export(c.id(), tmp.resolve("odd"));
        for (ExportManifest.Item item : r.manifest().items()) {
            try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(r.directory().resolve(item.clip()).toFile())) {
                g.start();
                assertEquals("h264", g.getVideoCodecName());
                int frames = 0;
                while (g.grabImage() != null) {
                    frames++;
                }
                assertEquals(item.clipFrames(), frames, item.clip());
                assertTrue(Math.abs(frames / g.getFrameRate() - 2.0) <= 1 / g.getFrameRate() + 1e-6, item.clip());
            }
            assertTrue(javax.imageio.ImageIO.read(r.directory().resolve(item.still()).toFile()) != null, item.still());
        }
    }

    private void assertNoPartialFolders() throws IOException {
        try (Stream<Path> walk = Files.walk(tmp)) {
            List<Path> partial = walk.filter(p -> p.getFileName().toString().contains(".partial-")).toList();
            assertEquals(List.of(), partial);
        }
    }
}
