package org.sightline.indexer.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.indexer.audit.AuditLog;
import org.sightline.indexer.catalog.CatalogDatabase;
import org.sightline.indexer.cases.Case;
import org.sightline.indexer.cases.CaseService;
import org.sightline.indexer.cases.FoundBy;
import org.sightline.indexer.cases.ItemDraft;
import org.sightline.models.integrity.Sha256;
import org.sightline.indexer.signing.ExaminerKeyStore;
import org.sightline.models.testing.SharedData;

/**
 * The report of a real export: each hit's wall-clock time with its source and zone, exhibit numbers, page numbers
 * and the case reference on every page, audit entries as a table without raw JSON, the signer and fingerprint;
 * the HTML is well-formed.
 */
class EvidenceReportTest {
    static final Instant RECORDING_START = Instant.parse("2026-03-01T10:11:12Z");

    @TempDir
    Path tmp;

    @Test
    void reportGivesWallClockTimesPagesSignerAndNoRawJson() throws Exception {
        Path aisle = SharedData.footage("parking-aisle-cars.mp4");
        Path lot = SharedData.footage("parking-lot-person-bicycle-car.mp4");
        CatalogDatabase db = CatalogDatabase.open(tmp.resolve("catalog.sqlite"));
        AuditLog audit = new AuditLog(db);
        CaseService cases = new CaseService(db, audit);
        ExaminerKeyStore keys = new ExaminerKeyStore(tmp.resolve("keys"), audit);
        Case c = cases.create("Car park", "OP-7", "J. Examiner", "two cars");
        String aisleSha = Sha256.of(aisle);
        cases.addItem(c.id(), ItemDraft.span(aisle, 4.0, 5.0).withSha256(aisleSha).withHit(4.5).withNote("white car")
                .withTags(List.of("car")).withFoundBy(FoundBy.prompt("a white car", 0.31f, "m@1#0123456789ab", "gen-3")));
        cases.addItem(c.id(), ItemDraft.span(lot, 9.0, 10.0).withSha256(Sha256.of(lot)).withHit(9.5).withNote("cyclist"));
        RecordingTimes times = sha -> sha.equals(aisleSha)
                ? Optional.of(new RecordingTimes.RecordingTime(RECORDING_START, "metadata")) : Optional.empty();
        Path pkg = tmp.resolve("pkg");
        ExportManifest m = new EvidenceExporter(cases, audit, KnownPaths.none(), keys, times).export(c.id(), pkg).manifest();

        String text;
        try (PDDocument pdf = Loader.loadPDF(pkg.resolve("report.pdf").toFile())) {
            text = new PDFTextStripper().getText(pdf);
            int pages = pdf.getNumberOfPages();
            assertTrue(text.contains("Page 1 of " + pages), text);
            assertTrue(text.contains("Page " + pages + " of " + pages));
            assertEquals(pages, text.split("Case OP-7: Car park", -1).length - 1, "the case reference heads every page");
            BufferedImage first = new PDFRenderer(pdf).renderImageWithDPI(0, 50);
            assertTrue(first.getWidth() > 300, "the first page renders");
        }
        String flat = text.replaceAll("\\s+", " ");
        ExportManifest.Item car = m.items().getFirst();
        assertEquals(RECORDING_START.toString(), car.recordingStart());
        assertTrue(flat.contains("0:00:04.000 in the file; 2026-03-01 10:11:16.000 UTC"), flat);
        assertTrue(flat.contains("0:00:05.000 in the file; 2026-03-01 10:11:17.000 UTC"), flat);
        assertTrue(flat.contains(ReportContent.moment(car.stillSeconds(), RECORDING_START)), "hit frame's wall-clock time");
        assertTrue(flat.contains("the file's metadata (container creation time)"), "the time's source");
        assertTrue(flat.contains("zone UTC"));
        assertTrue(flat.contains("wall-clock time not known"), "the second source has no recording time");
        assertTrue(flat.contains("Exhibit OP-7/E1") && flat.contains("OP-7/M2"), "exhibit numbers");
        assertTrue(flat.contains("the search \"a white car\""));
        assertTrue(flat.contains("white car") && flat.contains("Tags car"));
        String fingerprint = keys.identity().fingerprint().grouped();
        assertTrue(flat.contains(fingerprint), "the signer's fingerprint");
        assertTrue(flat.contains("Signed by J. Examiner"));
        assertTrue(flat.contains("Signature: ____"), "a signature block");
        assertTrue(flat.contains("case change: add item"), "audit actions in words");
        for (ExportManifest.Entry e : m.audit().entries()) {
            assertTrue(text.replaceAll("\\s", "").contains(e.hash()), "chain hash of audit entry " + e.seq());
        }
        for (ExportManifest.FileEntry f : m.files()) {
            if (f.role().equals(ExportManifest.ROLE_REPORT) || f.role().equals(ExportManifest.ROLE_CHECKSUMS)) {
                continue; // written after the report
            }
            assertTrue(text.replaceAll("\\s", "").contains(f.sha256()), "SHA-256 of " + f.path());
        }
        assertFalse(text.contains("{\"") || text.contains("\":"), "no raw JSON in the report");

        Path html = pkg.resolve("report.html");
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        xml.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        xml.newDocumentBuilder().parse(html.toFile()); // throws when not well-formed
        String h = Files.readString(html);
        assertTrue(h.contains("2026-03-01 10:11:16.000 UTC"));
        assertFalse(h.contains("{&quot;"), "no raw JSON in the HTML report");
    }

    @Test
    void wallClockTimesAreOnTheCamerasClockWithZoneOffsetAndUtc() throws Exception {
        Path aisle = SharedData.footage("parking-aisle-cars.mp4");
        CatalogDatabase db = CatalogDatabase.open(tmp.resolve("catalog.sqlite"));
        AuditLog audit = new AuditLog(db);
        CaseService cases = new CaseService(db, audit);
        Case c = cases.create("Gate", "OP-8", "J. Examiner", "one car");
        String aisleSha = Sha256.of(aisle);
        cases.addItem(c.id(), ItemDraft.span(aisle, 4.0, 5.0).withSha256(aisleSha).withHit(4.5));
        RecordingTimes times = sha -> Optional.of(new RecordingTimes.RecordingTime(RECORDING_START, "filename",
                "America/New_York", false));
        Path pkg = tmp.resolve("pkg-zone");
        ExportManifest m = new EvidenceExporter(cases, audit, KnownPaths.none(),
                new ExaminerKeyStore(tmp.resolve("keys"), audit), times).export(c.id(), pkg).manifest();
        assertEquals("America/New_York", m.items().getFirst().zone());
        String flat;
        try (PDDocument pdf = Loader.loadPDF(pkg.resolve("report.pdf").toFile())) {
            flat = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
        assertTrue(flat.contains("0:00:04.000 in the file; 2026-03-01 05:11:16.000 America/New_York (UTC-05:00); "
                + "2026-03-01 10:11:16.000 UTC"), flat);
        assertTrue(flat.contains("the date and time in the file name"), flat);
        assertTrue(flat.contains("zone America/New_York (set for the camera)"), flat);

        // a camera with no zone of its own: the report says the workstation zone stood in, and where it came from
        RecordingTimes workstation = sha -> Optional.of(new RecordingTimes.RecordingTime(RECORDING_START, "filename",
                "Europe/London", true, "workstation setting"));
        Path pkg2 = tmp.resolve("pkg-workstation-zone");
        ExportManifest m2 = new EvidenceExporter(cases, audit, KnownPaths.none(),
                new ExaminerKeyStore(tmp.resolve("keys"), audit), workstation).export(c.id(), pkg2).manifest();
        assertEquals("workstation setting", m2.items().getFirst().zoneSource());
        try (PDDocument pdf = Loader.loadPDF(pkg2.resolve("report.pdf").toFile())) {
            flat = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
        assertTrue(flat.contains("zone Europe/London (the workstation zone, from the workstation setting: no time zone was set for"
                + " the camera)"), flat);
    }
}
