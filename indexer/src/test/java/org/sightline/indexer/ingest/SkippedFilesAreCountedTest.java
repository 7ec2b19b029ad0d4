package org.sightline.indexer.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hidden files are skipped, but said to be (issue 11, item 12: the summary said "0 skipped" while skipping them). */
class SkippedFilesAreCountedTest {
    @TempDir
    Path tmp;

    @Test
    void hiddenFilesAreReportedAsSkippedWithTheReason() throws Exception {
        Files.createDirectories(tmp.resolve("cam"));
        Files.writeString(tmp.resolve("cam/.hidden.mp4"), "x");
        Files.writeString(tmp.resolve("cam/notes.txt"), "x");
        FootageReader.Scan scan = new JavaCvFootageReader().scan(List.of(tmp), true);
        assertEquals(List.of(), scan.files());
        assertEquals(2, scan.skipped().size(), scan.skipped().toString());
        assertTrue(scan.skipped().stream().anyMatch(o -> o.message().contains(".hidden.mp4") && o.message().contains("hidden")),
                scan.skipped().toString());
    }
}
