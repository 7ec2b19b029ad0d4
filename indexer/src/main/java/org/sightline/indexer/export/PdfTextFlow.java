package org.sightline.indexer.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Lays text, label-value lines, tables and images down A4 pages top to bottom with word wrap and page breaks
 * (PDFBox), then stamps a running header and "Page x of y" on every page.
 */
final class PdfTextFlow implements AutoCloseable {
    /** Liberation Sans, shipped inside PDFBox, embedded (subset) so the report looks the same everywhere. */
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private static final float MARGIN = 50;
    /** Room above and below the body for the running header and footer. */
    private static final float HEADER = 22;
    private static final float CELL_PAD = 2.5f;
    private final PDDocument doc;
    private final PDRectangle size = PDRectangle.A4;
    private final Map<Character, Character> safe = new HashMap<>();
    private PDPageContentStream out;
    private float y;
    private int pages;

    final PDFont font;

    PdfTextFlow(PDDocument doc) throws IOException {
        this.doc = doc;
        try (InputStream in = PDDocument.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IOException("PDFBox's built-in font " + FONT + " is missing from the class path");
            }
            this.font = PDType0Font.load(doc, in);
        }
    }

    float width() {
        return size.getWidth() - 2 * MARGIN;
    }

    void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(size);
        doc.addPage(page);
        out = new PDPageContentStream(doc, page);
        y = size.getHeight() - MARGIN - HEADER;
        pages++;
    }

    private void ensure(float height) throws IOException {
        if (out == null || y - height < MARGIN + HEADER) {
            newPage();
        }
    }

    void space(float points) throws IOException {
        ensure(points);
        y -= points;
    }

    /** Writes text wrapped to the page width. */
    void text(String text, PDFont font, float fontSize) throws IOException {
        text(text, font, fontSize, 0);
    }

    void text(String text, PDFont font, float fontSize, float indent) throws IOException {
        float leading = fontSize * 1.3f;
        for (String paragraph : sanitise(text == null ? "" : text, font).split("\n", -1)) {
            for (String line : wrap(paragraph, font, fontSize, width() - indent)) {
                ensure(leading);
                y -= leading;
                out.beginText();
                out.setFont(font, fontSize);
                out.newLineAtOffset(MARGIN + indent, y + (leading - fontSize));
                out.showText(line);
                out.endText();
            }
        }
    }

    /** Draws a JPEG/PNG scaled to fit the box. */
    void image(Path file, float maxWidth, float maxHeight) throws IOException {
        PDImageXObject img = PDImageXObject.createFromFile(file.toString(), doc);
        float scale = Math.min(maxWidth / img.getWidth(), maxHeight / img.getHeight());
        float w = img.getWidth() * scale;
        float h = img.getHeight() * scale;
        ensure(h + 4);
        y -= h + 4;
        out.drawImage(img, MARGIN, y + 2, w, h);
        out.setLineWidth(0.5f);
        out.addRect(MARGIN, y + 2, w, h);
        out.stroke();
    }

    int pages() {
        return pages;
    }

    /** Whether {@code height} points still fit on the current page. */
    boolean fits(float height) {
        return out != null && y - height >= MARGIN + HEADER;
    }

    /** A thin horizontal line across the text width. */
    void rule() throws IOException {
        ensure(6);
        y -= 3;
        out.setLineWidth(0.5f);
        out.moveTo(MARGIN, y);
        out.lineTo(MARGIN + width(), y);
        out.stroke();
        y -= 3;
    }

    /** Label: value lines, labels in a left column, values wrapped in the right one. */
    void fields(List<String[]> labelValue, float labelWidth, float fontSize) throws IOException {
        float[] widths = {labelWidth, width() - labelWidth};
        for (String[] lv : labelValue) {
            row(lv, widths, fontSize, false, false);
        }
    }

    /**
     * A table with a header row repeated on each page it spans; column widths are relative.
     *
     * @param small columns set one size smaller (hashes)
     */
    void table(List<String> header, List<List<String>> rows, List<Float> relative, List<Integer> small, float fontSize)
            throws IOException {
        float total = 0;
        for (float r : relative) {
            total += r;
        }
        float[] widths = new float[relative.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = width() * relative.get(i) / total;
        }
        String[] head = header.toArray(String[]::new);
        if (!fits(3 * fontSize * 1.3f * 2)) {
            newPage();
        }
        row(head, widths, fontSize, true, true);
        for (List<String> r : rows) {
            String[] cells = r.toArray(String[]::new);
            float height = rowHeight(cells, widths, fontSize, small);
            if (!fits(height)) {
                newPage();
                row(head, widths, fontSize, true, true);
            }
            drawRow(cells, widths, fontSize, small, true);
        }
    }

    private void row(String[] cells, float[] widths, float fontSize, boolean header, boolean ruled) throws IOException {
        float height = rowHeight(cells, widths, fontSize, List.of());
        ensure(height);
        if (header) {
            out.setNonStrokingColor(0.9f);
            out.addRect(MARGIN, y - height, width(), height);
            out.fill();
            out.setNonStrokingColor(0f);
        }
        drawRow(cells, widths, fontSize, List.of(), ruled);
    }

    private float rowHeight(String[] cells, float[] widths, float fontSize, List<Integer> small) throws IOException {
        float height = fontSize * 1.3f;
        for (int i = 0; i < cells.length; i++) {
            float size = small.contains(i) ? fontSize - 1 : fontSize;
            height = Math.max(height, cellLines(cells[i], widths[i], size).size() * size * 1.3f);
        }
        return height + 2 * CELL_PAD;
    }

    private List<String> cellLines(String cell, float width, float fontSize) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : sanitise(cell == null ? "" : cell, font).split("\n", -1)) {
            lines.addAll(wrap(paragraph, font, fontSize, width - 2 * CELL_PAD));
        }
        return lines;
    }

    private void drawRow(String[] cells, float[] widths, float fontSize, List<Integer> small, boolean ruled)
            throws IOException {
        float height = rowHeight(cells, widths, fontSize, small);
        float x = MARGIN;
        for (int i = 0; i < cells.length; i++) {
            float size = small.contains(i) ? fontSize - 1 : fontSize;
            float leading = size * 1.3f;
            float lineY = y - CELL_PAD;
            for (String line : cellLines(cells[i], widths[i], size)) {
                lineY -= leading;
                out.beginText();
                out.setFont(font, size);
                out.newLineAtOffset(x + CELL_PAD, lineY + (leading - size));
                out.showText(line);
                out.endText();
            }
            x += widths[i];
        }
        y -= height;
        if (ruled) {
            out.setLineWidth(0.3f);
            out.moveTo(MARGIN, y);
            out.lineTo(MARGIN + width(), y);
            out.stroke();
        }
    }

    /** Writes {@code header} at the top and "{@code footer} - Page x of y" at the bottom of every page. */
    void stampPages(String header, String footer) throws IOException {
        close();
        int total = doc.getNumberOfPages();
        String head = sanitise(header, font);
        for (int i = 0; i < total; i++) {
            PDPage page = doc.getPage(i);
            try (PDPageContentStream s = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                float top = size.getHeight() - MARGIN + 6;
                s.beginText();
                s.setFont(font, 8);
                s.newLineAtOffset(MARGIN, top);
                s.showText(fit(head, 8));
                s.endText();
                s.setLineWidth(0.5f);
                s.moveTo(MARGIN, top - 4);
                s.lineTo(MARGIN + width(), top - 4);
                s.stroke();
                String foot = sanitise(footer, font) + "   Page " + (i + 1) + " of " + total;
                float w = textWidth(foot, font, 8);
                s.beginText();
                s.setFont(font, 8);
                s.newLineAtOffset(MARGIN + width() - w, MARGIN - 14);
                s.showText(foot);
                s.endText();
            }
        }
    }

    private String fit(String s, float fontSize) throws IOException {
        String t = s;
        while (t.length() > 4 && textWidth(t, font, fontSize) > width()) {
            t = t.substring(0, t.length() - 4) + "...";
        }
        return t;
    }

    private List<String> wrap(String paragraph, PDFont font, float fontSize, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : paragraph.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (textWidth(candidate, font, fontSize) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (textWidth(rest, font, fontSize) > width && rest.length() > 1) {
                int cut = rest.length() - 1;
                while (cut > 1 && textWidth(rest.substring(0, cut), font, fontSize) > width) {
                    cut--;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        lines.add(line.toString());
        return lines;
    }

    private static float textWidth(String s, PDFont font, float fontSize) throws IOException {
        return font.getStringWidth(s) / 1000 * fontSize;
    }

    /** Replaces characters the standard fonts cannot show with '?', tabs with spaces. */
    private String sanitise(String s, PDFont font) {
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            if (ch == '\n') {
                b.append(ch);
                continue;
            }
            if (ch == '\t' || ch == '\r') {
                b.append(' ');
                continue;
            }
            b.append(safe.computeIfAbsent(ch, c -> {
                try {
                    font.encode(String.valueOf(c));
                    return c;
                } catch (IOException | IllegalArgumentException e) {
                    return '?';
                }
            }));
        }
        return b.toString();
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
    }
}
