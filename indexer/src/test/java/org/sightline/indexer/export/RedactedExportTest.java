package org.sightline.indexer.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.indexer.audit.AuditLog;
import org.sightline.indexer.catalog.CatalogDatabase;
import org.sightline.indexer.cases.Case;
import org.sightline.indexer.cases.CaseService;
import org.sightline.indexer.cases.ItemDraft;
import org.sightline.models.integrity.Sha256;
import org.sightline.indexer.signing.ExaminerKeyStore;
import org.sightline.models.testing.SharedData;

/**
 * A disclosure copy with a user-drawn region blocked: inside the region the clip's and still's pixels are black and
 * far from the original's, outside they match the original within codec tolerance; the originals' SHA-256 is
 * unchanged and the manifest records source, method and region.
 */
class RedactedExportTest {
    static final RedactionRegion BOX = new RedactionRegion(0.30, 0.25, 0.35, 0.40);

    @TempDir
    Path tmp;

    @Test
    void blockedRegionDiffersInsideAndMatchesOutside() throws Exception {
        Path indoor = SharedData.footage("indoor-people-one-by-one.mp4");
        String indoorSha = Sha256.of(indoor);
        CatalogDatabase db = CatalogDatabase.open(tmp.resolve("catalog.sqlite"));
        AuditLog audit = new AuditLog(db);
        CaseService cases = new CaseService(db, audit);
        Case c = cases.create("Disclosure", "DIS-1", "J. Examiner", null);
        cases.addItem(c.id(), ItemDraft.span(indoor, 6.0, 7.0).withSha256(indoorSha).withHit(6.5));
        Path pkg = tmp.resolve("pkg");
        ExportResult r = new EvidenceExporter(cases, audit, KnownPaths.none(), new ExaminerKeyStore(tmp.resolve("keys"), audit),
                RecordingTimes.unknown()).export(c.id(), pkg,
                new ExportOptions(null, new Redaction(List.of(BOX), Redaction.Method.BLOCK)), ExportProgress.NONE, () -> false);

        ExportManifest m = r.manifest();
        ExportManifest.Item item = m.items().getFirst();
        ExportManifest.FileEntry clip = m.files().stream().filter(f -> f.path().equals(item.clip())).findFirst().orElseThrow();
        assertEquals("block", clip.redaction().method());
        assertEquals(List.of(BOX.toString()), clip.redaction().regions());
        assertEquals(indoorSha, clip.derivedFrom().sourceSha256());
        assertTrue(item.clip().endsWith("_redacted.mp4"), item.clip());
        assertEquals(indoorSha, Sha256.of(pkg.resolve(item.original())), "the original in the package is untouched");
        assertEquals(indoorSha, Sha256.of(indoor), "the source is untouched");
        assertTrue(new ExportVerifier().verify(pkg).ok());

        int compared = 0;
        try (FFmpegFrameGrabber redacted = new FFmpegFrameGrabber(pkg.resolve(item.clip()).toFile());
             FFmpegFrameGrabber original = new FFmpegFrameGrabber(indoor.toFile())) {
            redacted.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
            original.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
            redacted.start();
            original.start();
            original.setTimestamp(Math.round(item.clipFirstFrame() * 1e6));
            Frame o;
            while ((o = original.grabImage()) != null && original.getTimestamp() < Math.round(item.clipFirstFrame() * 1e6) - 1000) {
                // skip to the clip's first frame
            }
            for (int i = 0; i < 10 && o != null; i++) {
                Frame f = redacted.grabImage();
                double[] diff = compare(f, o);
                assertTrue(diff[0] < 12, "frame " + i + " is black inside the region: mean " + diff[0]);
                assertTrue(diff[1] > 25, "frame " + i + " inside differs from the original by a margin: " + diff[1]);
                assertTrue(diff[2] < 6, "frame " + i + " outside matches the original within codec tolerance: " + diff[2]);
                compared++;
                o = original.grabImage();
            }
        }
        assertEquals(10, compared);

        BufferedImage still = ImageIO.read(pkg.resolve(item.still()).toFile());
        int[] p = BOX.pixels(still.getWidth(), still.getHeight());
        int rgb = still.getRGB((p[0] + p[2]) / 2, (p[1] + p[3]) / 2);
        assertTrue(((rgb >> 16) & 0xff) < 20 && ((rgb >> 8) & 0xff) < 20 && (rgb & 0xff) < 20, "the still is redacted too");

        try (PDDocument pdf = Loader.loadPDF(pkg.resolve("report.pdf").toFile())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertTrue(text.contains("blocked (solid black) user-drawn region(s) " + BOX), text);
        }
        assertTrue(audit.entriesForCase(c.id()).stream().anyMatch(e -> e.action().equals("export")
                && e.details().contains("redactedRegions")), "the redaction decision is audited");
    }

    /** Mean brightness of the redacted frame inside the box, mean |diff| inside, mean |diff| outside a margin. */
    private static double[] compare(Frame redacted, Frame original) {
        ByteBuffer a = (ByteBuffer) redacted.image[0];
        ByteBuffer b = (ByteBuffer) original.image[0];
        int w = Math.min(redacted.imageWidth, original.imageWidth);
        int h = Math.min(redacted.imageHeight, original.imageHeight);
        int[] box = BOX.pixels(w, h);
        int margin = 4;
        double inside = 0;
        double insideDiff = 0;
        double outsideDiff = 0;
        long nIn = 0;
        long nOut = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean in = x >= box[0] + margin && x < box[2] - margin && y >= box[1] + margin && y < box[3] - margin;
                boolean out = x < box[0] - margin || x >= box[2] + margin || y < box[1] - margin || y >= box[3] + margin;
                for (int ch = 0; ch < 3; ch++) {
                    int va = a.get(y * redacted.imageStride + x * 3 + ch) & 0xff;
                    int vb = b.get(y * original.imageStride + x * 3 + ch) & 0xff;
                    if (in) {
                        inside += va;
                        insideDiff += Math.abs(va - vb);
                        nIn++;
                    } else if (out) {
                        outsideDiff += Math.abs(va - vb);
                        nOut++;
                    }
                }
            }
        }
        return new double[] {inside / nIn, insideDiff / nIn, outsideDiff / nOut};
    }

    @Test
    void blurMakesAMosaicOfTheRegion() {
        try (Frame f = new Frame(96, 64, Frame.DEPTH_UBYTE, 3)) {
            ByteBuffer buf = (ByteBuffer) f.image[0];
            for (int y = 0; y < 64; y++) {
                for (int x = 0; x < 96; x++) {
                    for (int ch = 0; ch < 3; ch++) {
                        buf.put(y * f.imageStride + x * 3 + ch, (byte) ((x * 7 + y * 13 + ch * 50) & 0xff));
                    }
                }
            }
            int before = buf.get(0) & 0xff;
            new Redaction(List.of(new RedactionRegion(0.25, 0.25, 0.5, 0.5)), Redaction.Method.BLUR).apply(f);
            // the region is 48x32 pixels: cells of 12 pixels, each one colour
            int cellStart = 16 * f.imageStride + 24 * 3;
            for (int dy = 0; dy < 12; dy++) {
                for (int dx = 0; dx < 12; dx++) {
                    assertEquals(buf.get(cellStart), buf.get(cellStart + dy * f.imageStride + dx * 3));
                }
            }
            assertNotEquals(buf.get(cellStart), buf.get(cellStart + 12 * 3), "neighbouring cells differ");
            assertEquals(before, buf.get(0) & 0xff, "outside the region nothing changes");
        }
    }

    @Test
    void regionsOutsideThePictureAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RedactionRegion.parse("0.8,0.1,0.5,0.2"));
        assertTrue(e.getMessage().contains("not inside the picture"), e.getMessage());
        assertEquals(new RedactionRegion(0.1, 0.2, 0.3, 0.4), RedactionRegion.parse(" 0.1, 0.2 ,0.3,0.4"));
    }
}
