package org.sightline.indexer.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.sightline.indexer.cases.FoundBy;

/**
 * The human-readable dossier of an evidence package, {@code report.pdf} (PDFBox) and {@code report.html}
 * (self-contained, images referenced relatively), both written from the package's manifest: case details,
 * per item the hit still, times, notes, what found it and the hashes, then the case's audit entries.
 */
public class ReportWriter {

    /** Writes {@code report.pdf} into the package folder. */
    public Path writePdf(ExportManifest m, Path packageDir) throws IOException {
        Path file = packageDir.resolve(ExportManifest.REPORT_PDF);
        try (PDDocument doc = new PDDocument()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("Evidence dossier " + m.caseInfo().reference() + ": " + m.caseInfo().name());
            info.setAuthor(m.caseInfo().examiner());
            info.setCreator("Sightline " + m.tool().version());
            try (PdfTextFlow flow = new PdfTextFlow(doc)) {
                flow.text("Evidence dossier: " + m.caseInfo().name(), flow.font, 18);
                flow.space(6);
                for (String line : caseLines(m)) {
                    flow.text(line, flow.font, 10);
                }
                flow.space(10);
                flow.text("Original files (master exhibits)", flow.font, 13);
                for (ExportManifest.FileEntry f : m.files()) {
                    if (f.role().equals(ExportManifest.ROLE_ORIGINAL)) {
                        flow.text(f.path() + "  (" + f.size() + " bytes)", flow.font, 9);
                        flow.text("SHA-256 " + f.sha256(), flow.font, 8, 12);
                    }
                }
                for (ExportManifest.Item item : m.items()) {
                    flow.space(12);
                    flow.text(itemTitle(item), flow.font, 13);
                    Path still = packageDir.resolve(item.still());
                    if (Files.isRegularFile(still)) {
                        flow.image(still, 260, 180);
                    }
                    for (String line : itemLines(item)) {
                        flow.text(line, flow.font, 9);
                    }
                    for (ExportManifest.FileEntry f : m.files()) {
                        if (f.item() != null && f.item() == item.position()) {
                            flow.text(f.role() + ": " + f.path(), flow.font, 9);
                            flow.text("SHA-256 " + f.sha256(), flow.font, 8, 12);
                        }
                    }
                    flow.text("source SHA-256 " + item.sourceSha256(), flow.font, 8, 12);
                }
                flow.space(12);
                flow.text("Audit trail for this case (" + m.audit().entries().size() + " entries)", flow.font, 13);
                flow.text("Chain head at export: entry " + m.audit().chainLengthAtExport() + ", hash "
                        + m.audit().chainHeadAtExport(), flow.font, 8);
                flow.text(ExportManifest.Audit.HASH_RULE, flow.font, 8);
                for (ExportManifest.Entry e : m.audit().entries()) {
                    flow.space(3);
                    flow.text("#" + e.seq() + "  " + e.time() + "  " + e.user() + "  " + e.action(), flow.font, 9);
                    flow.text(e.details(), flow.font, 7, 12);
                    flow.text("hash " + e.hash(), flow.font, 7, 12);
                }
                flow.space(12);
                flow.text("To check this package: sightline verify <folder>, or compare each file's SHA-256 with "
                        + "manifest.json (whose own SHA-256 is in manifest.json.sha256).", flow.font, 8);
            }
            doc.save(file.toFile());
        }
        return file;
    }

    /** Writes {@code report.html} into the package folder. */
    public Path writeHtml(ExportManifest m, Path packageDir) throws IOException {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
                .append(esc("Evidence dossier " + m.caseInfo().reference() + ": " + m.caseInfo().name()))
                .append("</title>\n<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;color:#222}"
                        + "code{font-size:.8em;word-break:break-all}.item{border-top:1px solid #aaa;padding:.5em 0}"
                        + "img{max-width:26em;display:block;margin:.4em 0}table{border-collapse:collapse}"
                        + "td,th{border:1px solid #ccc;padding:.2em .4em;vertical-align:top;font-size:.85em}</style>"
                        + "</head><body>\n");
        h.append("<h1>Evidence dossier: ").append(esc(m.caseInfo().name())).append("</h1>\n<ul>\n");
        for (String line : caseLines(m)) {
            h.append("<li>").append(esc(line)).append("</li>\n");
        }
        h.append("</ul>\n<h2>Original files (master exhibits)</h2>\n<table><tr><th>file</th><th>bytes</th><th>SHA-256</th></tr>\n");
        for (ExportManifest.FileEntry f : m.files()) {
            if (f.role().equals(ExportManifest.ROLE_ORIGINAL)) {
                h.append("<tr><td><a href=\"").append(esc(f.path())).append("\">").append(esc(f.path()))
                        .append("</a></td><td>").append(f.size()).append("</td><td><code>").append(f.sha256())
                        .append("</code></td></tr>\n");
            }
        }
        h.append("</table>\n<h2>Items</h2>\n");
        for (ExportManifest.Item item : m.items()) {
            h.append("<div class=\"item\"><h3>").append(esc(itemTitle(item))).append("</h3>\n");
            h.append("<a href=\"").append(esc(item.clip())).append("\"><img src=\"").append(esc(item.still()))
                    .append("\" alt=\"hit frame of item ").append(item.position()).append("\"></a>\n<ul>\n");
            for (String line : itemLines(item)) {
                h.append("<li>").append(esc(line)).append("</li>\n");
            }
            for (ExportManifest.FileEntry f : m.files()) {
                if (f.item() != null && f.item() == item.position()) {
                    h.append("<li>").append(esc(f.role())).append(": <a href=\"").append(esc(f.path())).append("\">")
                            .append(esc(f.path())).append("</a> <code>").append(f.sha256()).append("</code></li>\n");
                }
            }
            h.append("<li>source SHA-256 <code>").append(item.sourceSha256()).append("</code></li>\n</ul></div>\n");
        }
        h.append("<h2>Audit trail for this case (").append(m.audit().entries().size()).append(" entries)</h2>\n<p>Chain head at export: entry ")
                .append(m.audit().chainLengthAtExport()).append(", hash <code>").append(m.audit().chainHeadAtExport())
                .append("</code></p>\n<p>").append(esc(ExportManifest.Audit.HASH_RULE))
                .append("</p>\n<table><tr><th>#</th><th>time (UTC)</th><th>user</th><th>action</th><th>details</th><th>hash</th></tr>\n");
        for (ExportManifest.Entry e : m.audit().entries()) {
            h.append("<tr><td>").append(e.seq()).append("</td><td>").append(esc(e.time())).append("</td><td>")
                    .append(esc(e.user())).append("</td><td>").append(esc(e.action())).append("</td><td><code>")
                    .append(esc(e.details())).append("</code></td><td><code>").append(e.hash()).append("</code></td></tr>\n");
        }
        h.append("</table>\n<p>To check this package: <code>sightline verify &lt;folder&gt;</code>, or compare each file's "
                + "SHA-256 with manifest.json (whose own SHA-256 is in manifest.json.sha256).</p>\n</body></html>\n");
        Path file = packageDir.resolve(ExportManifest.REPORT_HTML);
        Files.writeString(file, h, StandardCharsets.UTF_8);
        return file;
    }

    private static List<String> caseLines(ExportManifest m) {
        ExportManifest.CaseInfo c = m.caseInfo();
        return List.of(
                "Reference: " + c.reference(),
                "Examiner: " + c.examiner(),
                "Description: " + (c.description().isBlank() ? "-" : c.description()),
                "Status: " + c.status().toLowerCase(Locale.ROOT) + ", created " + c.created(),
                "Exported: " + m.exportedAt() + " by " + m.exportedBy(),
                "Tool: " + m.tool().name() + " " + m.tool().version() + "; clips: " + m.tool().clipEncoder(),
                "Model(s): " + (m.modelIds().isEmpty() ? "-" : String.join(", ", m.modelIds())),
                "Items: " + m.items().size());
    }

    private static String itemTitle(ExportManifest.Item item) {
        String name = Path.of(item.recordedPath()).getFileName().toString();
        return "Item " + item.position() + ": " + name + (item.camera() == null ? "" : " (camera " + item.camera() + ")");
    }

    private static List<String> itemLines(ExportManifest.Item item) {
        FoundBy f = item.foundBy();
        String found = switch (f.kind()) {
            case FoundBy.PROMPT -> "prompt \"" + f.query() + "\"";
            case FoundBy.EXAMPLE -> "example " + f.query();
            default -> "added by hand";
        };
        if (f.score() != null) {
            found += String.format(Locale.ROOT, ", score %.4f", f.score());
        }
        if (f.modelId() != null) {
            found += ", model " + f.modelId();
        }
        if (f.indexVersion() != null) {
            found += ", index " + f.indexVersion();
        }
        return List.of(
                String.format(Locale.ROOT, "Span: %s to %s (%.3f s); hit frame at %s; clip has %d frames at %.3f fps "
                                + "(source frames %.3f-%.3f s)", time(item.inSeconds()), time(item.outSeconds()),
                        item.outSeconds() - item.inSeconds(), time(item.stillSeconds()), item.clipFrames(),
                        item.clipFramesPerSecond(), item.clipFirstFrame(), item.clipLastFrame()),
                "Found by: " + found,
                "Note: " + (item.note() == null || item.note().isBlank() ? "-" : item.note()),
                "Tags: " + (item.tags().isEmpty() ? "-" : String.join(", ", item.tags())),
                "Source: " + item.sourcePath() + (item.sourcePath().equals(item.recordedPath()) ? ""
                        : " (recorded at " + item.recordedPath() + ")"));
    }

    /** Seconds as h:mm:ss.mmm. */
    static String time(double seconds) {
        long ms = Math.round(seconds * 1000);
        return String.format(Locale.ROOT, "%d:%02d:%02d.%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
    }

    private static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
