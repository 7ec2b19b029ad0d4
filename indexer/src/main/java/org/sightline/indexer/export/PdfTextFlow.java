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

/** Lays text and images down A4 pages top to bottom with word wrap and page breaks (PDFBox). */
final class PdfTextFlow implements AutoCloseable {
    /** Liberation Sans, shipped inside PDFBox, embedded (subset) so the report looks the same everywhere. */
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private static final float MARGIN = 50;
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
        y = size.getHeight() - MARGIN;
        pages++;
    }

    private void ensure(float height) throws IOException {
        if (out == null || y - height < MARGIN) {
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
    }

    int pages() {
        return pages;
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
