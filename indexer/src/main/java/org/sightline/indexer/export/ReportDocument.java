package org.sightline.indexer.export;

import java.util.List;

/**
 * The content of an evidence report, built once from the manifest ({@link ReportContent}) and rendered as both
 * {@code report.html} and {@code report.pdf}, so the two always say the same thing.
 *
 * @param title         the document title
 * @param runningHeader text at the top of every PDF page (the case reference and name)
 * @param blocks        the body, in order
 */
record ReportDocument(String title, String runningHeader, List<Block> blocks) {

    sealed interface Block permits Heading, Fields, Paragraph, Image, Table, SignatureBlock {
    }

    /** @param level 1 (document), 2 (section) or 3 (item) */
    record Heading(int level, String text) implements Block {
    }

    /** Label: value lines. */
    record Fields(List<Field> fields) implements Block {
    }

    record Field(String label, String value) {
    }

    /** @param small fine print (hash rules, how to check) */
    record Paragraph(String text, boolean small) implements Block {
    }

    /** A picture in the package, by its path relative to the package. */
    record Image(String path, String alt, String link) implements Block {
    }

    /**
     * @param widths   relative column widths
     * @param hashColumns columns holding hashes (set smaller, broken anywhere)
     */
    record Table(List<String> header, List<List<String>> rows, List<Float> widths, List<Integer> hashColumns)
            implements Block {
    }

    /** The electronic signature statement and lines for a handwritten signature. */
    record SignatureBlock(List<Field> signer, String statement) implements Block {
    }
}
