package org.sightline.indexer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.indexer.catalog.Catalog;
import org.sightline.indexer.testing.ForgedAuditChain;
import org.sightline.models.integrity.Sha256;
import org.sightline.models.testing.SharedData;

/**
 * Issue 11, item 3: case rows edited with raw SQL behind the tool's back are found by comparing them with the audit
 * trail's record of every case change; {@code case show} and {@code status} say so and {@code case export} refuses,
 * naming the field.
 */
class CaseRowsTamperedTest {
    @TempDir
    Path tmp;

    private Path data;

    private void sql(String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("catalog.sqlite"));
             Statement s = c.createStatement()) {
            for (String st : statements) {
                s.executeUpdate(st);
            }
        }
    }

    private void caseWithTwoItems() {
        data = tmp.resolve("data");
        String aisle = SharedData.footage("parking-aisle-cars.mp4").toString();
        assertEquals(0, CliRun.of("case", "create", "--data", data.toString(), "--name", "Aisle", "--reference", "AI-7",
                "--examiner", "DC Smith").exitCode());
        assertEquals(0, CliRun.of("case", "add", "AI-7", "--data", data.toString(), "--video", aisle, "--in", "24",
                "--out", "27", "--note", "sports car", "--tag", "white").exitCode());
        assertEquals(0, CliRun.of("case", "add", "AI-7", "--data", data.toString(), "--video", aisle, "--hit", "16").exitCode());
        assertEquals(0, CliRun.of("case", "note", "AI-7", "2", "grey van", "--data", data.toString()).exitCode());
        assertEquals(0, CliRun.of("case", "move", "AI-7", "2", "1", "--data", data.toString()).exitCode());
    }

    @Test
    void untouchedRowsAgreeWithTheTrail() {
        caseWithTwoItems();
        CliRun shown = CliRun.of("case", "show", "AI-7", "--data", data.toString());
        assertEquals(0, shown.exitCode(), shown.out());
        assertFalse(shown.out().contains("WARNING"), shown.out());
    }

    @Test
    void editedNoteSpanAndExaminerAreNamedAndTheExportIsRefused() throws Exception {
        caseWithTwoItems();
        sql("UPDATE case_items SET note = 'PLANTED', in_seconds = 1 WHERE position = 2",
                "UPDATE cases SET examiner = 'Forger'");

        CliRun shown = CliRun.of("case", "show", "AI-7", "--data", data.toString());
        assertEquals(1, shown.exitCode(), shown.out());
        assertTrue(shown.out().contains("item 2 note is \"PLANTED\" but the audit trail recorded \"sports car\""), shown.out());
        assertTrue(shown.out().contains("item 2 in_seconds is 1.000 s but the audit trail recorded 24.000 s"), shown.out());
        assertTrue(shown.out().contains("case examiner is \"Forger\" but the audit trail recorded \"DC Smith\""), shown.out());

        CliRun status = CliRun.of("status", "--data", data.toString());
        assertTrue(status.out().contains("1 case(s) disagree with the audit trail"), status.out() + status.err());
        assertTrue(status.out().contains("AI-7: item 2 note"), status.out());

        Path pkg = tmp.resolve("pkg");
        CliRun export = CliRun.of("case", "export", "AI-7", "--data", data.toString(), "--out", pkg.toString(), "--quiet");
        assertEquals(1, export.exitCode(), export.out());
        assertTrue(export.err().contains("rows disagree with the audit trail"), export.err());
        assertTrue(export.err().contains("item 2 note"), export.err());
        assertTrue(export.err().contains("case examiner"), export.err());
        assertFalse(Files.exists(pkg), "nothing is exported");
    }

    @Test
    void anItemPointedAtADoctoredFileIsRefused() throws Exception {
        caseWithTwoItems();
        Path doctored = Files.copy(SharedData.footage("parking-lot-person-bicycle-car.mp4"), tmp.resolve("doctored.mp4"));
        sql("UPDATE case_items SET video_path = '" + doctored + "', video_sha256 = '" + Sha256.of(doctored)
                + "' WHERE position = 1");
        CliRun export = CliRun.of("case", "export", "AI-7", "--data", data.toString(), "--out", tmp.resolve("pkg").toString(),
                "--quiet");
        assertEquals(1, export.exitCode(), export.out());
        assertTrue(export.err().contains("item 1 video_path is \"" + doctored + "\""), export.err());
        assertTrue(export.err().contains("item 1 video_sha256"), export.err());
    }

    @Test
    void anIndexedFileDoctoredInPlaceWithItsRowAndAuditEntryForgedIsCaughtByTheCatalog() throws Exception {
        data = tmp.resolve("data");
        Path original = Files.copy(SharedData.footage("parking-aisle-cars.mp4"), tmp.resolve("aisle.mp4"));
        String sha = Sha256.of(original);
        Files.createDirectories(data);
        try (Catalog catalog = Catalog.open(data.resolve("catalog.sqlite"))) {
            catalog.registerVideo(original, sha, Files.size(original), 0, "aisle", null);
        }
        assertEquals(0, CliRun.of("case", "create", "--data", data.toString(), "--name", "A", "--reference", "A-1").exitCode());
        assertEquals(0, CliRun.of("case", "add", "A-1", "--data", data.toString(), "--video", original.toString(),
                "--in", "1", "--out", "3").exitCode());
        // the file is doctored in place; the item's hash and its audit entry are made to match, the chain recomputed
        Files.copy(SharedData.footage("parking-lot-person-bicycle-car.mp4"), original,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String forged = Sha256.of(original);
        sql("UPDATE case_items SET video_sha256 = '" + forged + "'");
        assertEquals(1, ForgedAuditChain.rewrite(data.resolve("catalog.sqlite"), 1, sha, forged));
        assertEquals(0, CliRun.of("audit", "verify", "--data", data.toString()).exitCode(), "the chain alone is fooled");

        CliRun export = CliRun.of("case", "export", "A-1", "--data", data.toString(), "--out", tmp.resolve("pkg").toString(),
                "--quiet");
        assertEquals(1, export.exitCode(), export.out());
        assertTrue(export.err().contains("item 1 video_sha256 is \"" + forged + "\" but the catalog recorded \"" + sha
                + "\" when it indexed " + original), export.err());
    }

    @Test
    void itemsSlippedInOrDeletedBehindTheToolsBackAreNamed() throws Exception {
        caseWithTwoItems();
        sql("INSERT INTO case_items(case_id, position, video_path, video_sha256, camera, in_seconds, out_seconds, "
                        + "hit_seconds, note, tags, found_kind, added) SELECT case_id, 3, video_path, video_sha256, camera, 0, 2, 1, "
                        + "'', '[]', 'manual', added FROM case_items WHERE position = 1",
                "DELETE FROM case_items WHERE position = 1");
        CliRun shown = CliRun.of("case", "show", "AI-7", "--data", data.toString());
        assertEquals(1, shown.exitCode(), shown.out());
        assertTrue(shown.out().contains("item 3 id is"), shown.out());
        assertTrue(shown.out().contains("no item with this id added to the case"), shown.out());
        assertTrue(shown.out().contains("is missing from the case"), shown.out());
    }
}
