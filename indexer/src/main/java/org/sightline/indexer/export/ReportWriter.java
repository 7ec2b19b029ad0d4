package org.sightline.indexer.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * The human-readable dossier of an evidence package, {@code report.pdf} (PDFBox) and {@code report.html}
 * (self-contained, images referenced relatively, well-formed XML as well as HTML5). Both render the same {@link ReportDocument}, built once from the
 * package's manifest by {@link ReportContent}; the PDF has the case reference at the top and "Page x of y" at the
 * bottom of every page.
 */
public class ReportWriter {

    /** Writes {@code report.pdf} into the package folder. */
    public Path writePdf(ExportManifest m, Path packageDir) throws IOException {
        ReportDocument report = ReportContent.build(m);
        Path file = packageDir.resolve(ExportManifest.REPORT_PDF);
        try (PDDocument doc = new PDDocument()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(report.title());
            info.setAuthor(m.caseInfo().examiner());
            info.setCreator("Sightline " + m.tool().version());
            try (PdfTextFlow flow = new PdfTextFlow(doc)) {
                for (ReportDocument.Block block : report.blocks()) {
                    pdf(block, flow, packageDir);
                }
                flow.stampPages(report.runningHeader(), "Case " + m.caseInfo().reference() + " - evidence dossier");
            }
            doc.save(file.toFile());
        }
        return file;
    }

    private static void pdf(ReportDocument.Block block, PdfTextFlow flow, Path packageDir) throws IOException {
        switch (block) {
            case ReportDocument.Heading h -> {
                float size = switch (h.level()) {
                    case 1 -> 17;
                    case 2 -> 13;
                    default -> 11;
                };
                // an item heading stays with its still (about 170 points) below it
                if (!flow.fits(h.level() == 3 ? 230 : size * 5)) {
                    flow.newPage();
                }
                flow.space(h.level() == 1 ? 0 : 8);
                flow.text(h.text(), flow.font, size);
                if (h.level() <= 2) {
                    flow.rule();
                }
            }
            case ReportDocument.Fields f -> flow.fields(f.fields().stream()
                    .map(x -> new String[] {x.label(), x.value()}).toList(), 95, 9);
            case ReportDocument.Paragraph p -> {
                flow.space(3);
                flow.text(p.text(), flow.font, p.small() ? 7.5f : 9);
            }
            case ReportDocument.Image i -> {
                Path still = packageDir.resolve(i.path());
                if (Files.isRegularFile(still)) {
                    flow.image(still, 260, 170);
                }
            }
            case ReportDocument.Table t -> flow.table(t.header(), t.rows(), t.widths(), t.hashColumns(), 7.5f);
            case ReportDocument.SignatureBlock s -> {
                flow.fields(s.signer().stream().map(x -> new String[] {x.label(), x.value()}).toList(), 95, 9);
                flow.space(4);
                flow.text(s.statement(), flow.font, 9);
                if (!flow.fits(90)) {
                    flow.newPage();
                }
                flow.space(14);
                flow.text("I confirm that this package and report are the ones I made and signed.", flow.font, 9);
                flow.space(26);
                flow.text("Signature: ____________________________    Name: ____________________________    "
                        + "Date: ______________", flow.font, 9);
            }
        }
    }

    /** Writes {@code report.html} into the package folder. */
    public Path writeHtml(ExportManifest m, Path packageDir) throws IOException {
        ReportDocument report = ReportContent.build(m);
        StringBuilder h = new StringBuilder(32_768);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>").append(esc(report.title()))
                .append("</title>\n<style>\n"
                        + "body{font-family:sans-serif;max-width:64em;margin:2em auto;color:#222}\n"
                        + "header,footer{font-size:.8em;color:#555;border-bottom:1px solid #aaa;margin-bottom:1em}\n"
                        + "footer{border-top:1px solid #aaa;border-bottom:0;margin-top:2em}\n"
                        + "h2{border-bottom:1px solid #aaa}\n"
                        + "dl{display:grid;grid-template-columns:11em 1fr;gap:.15em .8em;font-size:.9em}\n"
                        + "dt{color:#555}dd{margin:0}\n"
                        + "img{max-width:26em;display:block;margin:.4em 0;border:1px solid #888}\n"
                        + "table{border-collapse:collapse;width:100%}\n"
                        + "td,th{border:1px solid #ccc;padding:.2em .4em;vertical-align:top;font-size:.8em;text-align:left}\n"
                        + "th{background:#eee}td.hash{font-family:monospace;word-break:break-all}\n"
                        + ".small{font-size:.8em;color:#444}.sign{margin-top:2.5em}\n"
                        + "</style>\n</head>\n<body>\n<header>").append(esc(report.runningHeader())).append("</header>\n<main>\n");
        for (ReportDocument.Block block : report.blocks()) {
            html(block, h);
        }
        h.append("</main>\n<footer>Case ").append(esc(m.caseInfo().reference())).append(" - evidence dossier</footer>\n</body>\n</html>\n");
        Path file = packageDir.resolve(ExportManifest.REPORT_HTML);
        Files.writeString(file, h, StandardCharsets.UTF_8);
        return file;
    }

    private static void html(ReportDocument.Block block, StringBuilder h) {
        switch (block) {
            case ReportDocument.Heading x -> h.append("<h").append(x.level()).append('>').append(esc(x.text()))
                    .append("</h").append(x.level()).append(">\n");
            case ReportDocument.Fields f -> fields(f.fields(), h);
            case ReportDocument.Paragraph p -> h.append(p.small() ? "<p class=\"small\">" : "<p>").append(esc(p.text())).append("</p>\n");
            case ReportDocument.Image i -> h.append("<a href=\"").append(esc(i.link())).append("\"><img src=\"")
                    .append(esc(i.path())).append("\" alt=\"").append(esc(i.alt())).append("\"/></a>\n");
            case ReportDocument.Table t -> {
                h.append("<table>\n<thead><tr>");
                t.header().forEach(c -> h.append("<th>").append(esc(c)).append("</th>"));
                h.append("</tr></thead>\n<tbody>\n");
                for (List<String> row : t.rows()) {
                    h.append("<tr>");
                    for (int i = 0; i < row.size(); i++) {
                        h.append(t.hashColumns().contains(i) ? "<td class=\"hash\">" : "<td>")
                                .append(esc(row.get(i)).replace("\n", "<br/>")).append("</td>");
                    }
                    h.append("</tr>\n");
                }
                h.append("</tbody>\n</table>\n");
            }
            case ReportDocument.SignatureBlock s -> {
                fields(s.signer(), h);
                h.append("<p>").append(esc(s.statement())).append("</p>\n<p class=\"sign\">I confirm that this package and "
                        + "report are the ones I made and signed.</p>\n<p class=\"sign\">Signature: "
                        + "____________________ &#160; Name: ____________________ &#160; Date: ____________</p>\n");
            }
        }
    }

    private static void fields(List<ReportDocument.Field> fields, StringBuilder h) {
        h.append("<dl>\n");
        for (ReportDocument.Field f : fields) {
            h.append("<dt>").append(esc(f.label())).append("</dt><dd>").append(esc(f.value())).append("</dd>\n");
        }
        h.append("</dl>\n");
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
