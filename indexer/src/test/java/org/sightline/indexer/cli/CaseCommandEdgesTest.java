package org.sightline.indexer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.indexer.catalog.Catalog;
import org.sightline.models.testing.SharedData;

/** Issue 11, items 17, 18 and 19: ambiguous case keys, an export into the archive, a hit outside its span. */
class CaseCommandEdgesTest {
    @TempDir
    Path tmp;

    @Test
    void aReferenceThatIsAnotherCasesIdIsAmbiguous() {
        String data = tmp.resolve("data").toString();
        assertEquals(0, CliRun.of("case", "create", "--data", data, "--name", "First").exitCode());
        assertEquals(0, CliRun.of("case", "create", "--data", data, "--name", "Second", "--reference", "1").exitCode());
        CliRun shown = CliRun.of("case", "show", "1", "--data", data);
        assertEquals(1, shown.exitCode(), shown.out());
        assertTrue(shown.err().contains("\"1\" is ambiguous"), shown.err());
        assertTrue(shown.err().contains("ref:1 or id:1"), shown.err());
        CliRun byId = CliRun.of("case", "show", "id:1", "--data", data);
        assertEquals(0, byId.exitCode(), byId.err());
        assertTrue(byId.out().contains("CASE-1: First"), byId.out());
        CliRun byRef = CliRun.of("case", "show", "ref:1", "--data", data);
        assertEquals(0, byRef.exitCode(), byRef.err());
        assertTrue(byRef.out().contains("1: Second"), byRef.out());
        assertEquals(0, CliRun.of("case", "show", "2", "--data", data).exitCode(), "an id no reference shadows");
    }

    @Test
    void anExportInsideAnIndexedFootageFolderIsRefused() throws Exception {
        Path data = tmp.resolve("data");
        Path archive = Files.createDirectories(tmp.resolve("archive/cam3"));
        Path video = Files.copy(SharedData.footage("parking-aisle-cars.mp4"), archive.resolve("aisle.mp4"));
        Files.createDirectories(data);
        try (Catalog catalog = Catalog.open(data.resolve("catalog.sqlite"))) {
            catalog.archive(tmp.resolve("archive"));
        }
        assertEquals(0, CliRun.of("case", "create", "--data", data.toString(), "--name", "A", "--reference", "A-1").exitCode());
        assertEquals(0, CliRun.of("case", "add", "A-1", "--data", data.toString(), "--video", video.toString(),
                "--in", "1", "--out", "3").exitCode());
        Path inside = archive.resolve("export");
        CliRun refused = CliRun.of("case", "export", "A-1", "--data", data.toString(), "--out", inside.toString(), "--quiet");
        assertEquals(1, refused.exitCode(), refused.out());
        assertTrue(refused.err().contains("is inside the indexed footage folder " + tmp.resolve("archive")), refused.err());
        assertFalse(Files.exists(inside));
        try (var files = Files.list(archive)) {
            assertEquals(1, files.count(), "nothing was written into the archive");
        }
    }

    @Test
    void aHitOutsideTheGivenSpanIsRefused() {
        String data = tmp.resolve("data").toString();
        String aisle = SharedData.footage("parking-aisle-cars.mp4").toString();
        assertEquals(0, CliRun.of("case", "create", "--data", data, "--name", "A", "--reference", "A-1").exitCode());
        CliRun refused = CliRun.of("case", "add", "A-1", "--data", data, "--video", aisle, "--hit", "40", "--in", "10",
                "--out", "20");
        assertEquals(1, refused.exitCode(), refused.out());
        assertTrue(refused.err().contains("the hit at 40.000 s lies outside the span 10.000-20.000 s"), refused.err());
        assertTrue(CliRun.of("case", "show", "A-1", "--data", data).out().contains("no items"));
        assertEquals(0, CliRun.of("case", "add", "A-1", "--data", data, "--video", aisle, "--hit", "15", "--in", "10",
                "--out", "20").exitCode());
    }
}
