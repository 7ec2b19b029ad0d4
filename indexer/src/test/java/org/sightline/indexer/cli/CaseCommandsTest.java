package org.sightline.indexer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.models.testing.SharedData;

/** The case, audit and verify verbs end to end, on a data directory in a temp folder. */
class CaseCommandsTest {
    @TempDir
    Path tmp;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void createAddShowExportVerifyAndAudit() throws Exception {
        String data = tmp.resolve("data").toString();
        String aisle = SharedData.footage("parking-aisle-cars.mp4").toString();
        CliRun created = run("case", "create", "--data", data, "--name", "Aisle", "--reference", "AI-7", "--json");
        assertEquals(0, created.exitCode(), created.err());
        assertTrue(created.out().contains("\"reference\" : \"AI-7\""), created.out());
        assertEquals(0, run("case", "add", "AI-7", "--data", data, "--video", aisle, "--in", "24", "--out", "27",
                "--prompt", "a white sports car", "--score", "0.29", "--note", "sports car").exitCode());
        assertEquals(0, run("case", "add", "AI-7", "--data", data, "--video", aisle, "--hit", "16").exitCode());
        CliRun outside = run("case", "add", "AI-7", "--data", data, "--video", aisle, "--in", "29", "--out", "35");
        assertEquals(1, outside.exitCode());
        assertTrue(outside.err().contains("outside parking-aisle-cars.mp4"), outside.err());
        assertEquals(0, run("case", "move", "AI-7", "2", "1", "--data", data).exitCode());
        assertEquals(0, run("case", "tag", "AI-7", "1", "red", "grey", "--data", data).exitCode());
        CliRun shown = run("case", "show", "AI-7", "--data", data);
        assertTrue(shown.out().indexOf("13.000-19.000") < shown.out().indexOf("24.000-27.000"), shown.out());
        assertTrue(shown.out().contains("tags: red, grey"), shown.out());
        assertEquals(0, run("case", "remove", "AI-7", "1", "--data", data).exitCode());
        assertTrue(run("case", "list", "--data", data).out().contains("AI-7"));
        assertEquals(0, run("case", "edit", "AI-7", "--examiner", "DC Smith", "--data", data).exitCode());
        assertTrue(run("case", "show", "AI-7", "--data", data).out().contains("examiner: DC Smith"));

        Path pkg = tmp.resolve("pkg");
        CliRun exported = run("case", "export", "AI-7", "--data", data, "--out", pkg.toString(), "--quiet");
        assertEquals(0, exported.exitCode(), exported.err());
        CliRun again = run("case", "export", "AI-7", "--data", data, "--out", pkg.toString());
        assertEquals(1, again.exitCode());
        assertTrue(again.err().contains("not empty"), again.err());

        CliRun verified = run("verify", pkg.toString());
        assertEquals(0, verified.exitCode(), verified.out());
        assertTrue(verified.out().contains("OK       report.pdf"), verified.out());
        Path still;
        try (var s = Files.list(pkg.resolve("clips"))) {
            still = s.filter(p -> p.toString().endsWith(".jpg")).findFirst().orElseThrow();
        }
        try (RandomAccessFile f = new RandomAccessFile(still.toFile(), "rw")) {
            f.seek(100);
            int b = f.read();
            f.seek(100);
            f.write(b ^ 0x10);
        }
        Files.writeString(pkg.resolve("clips/extra.txt"), "x");
        CliRun broken = run("verify", pkg.toString());
        assertEquals(1, broken.exitCode());
        assertTrue(broken.out().contains("CHANGED  clips/" + still.getFileName()), broken.out());
        assertTrue(broken.out().contains("EXTRA    clips/extra.txt"), broken.out());

        CliRun shownAudit = run("audit", "show", "--case", "AI-7", "--data", data);
        assertTrue(shownAudit.out().contains("export"), shownAudit.out());
        assertEquals(0, run("audit", "verify", "--data", data).exitCode());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("data/catalog.sqlite"));
             Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER audit_log_no_update");
            s.executeUpdate("UPDATE audit_log SET user = 'mallory' WHERE seq = 4");
        }
        CliRun auditBroken = run("audit", "verify", "--data", data);
        assertEquals(1, auditBroken.exitCode());
        assertTrue(auditBroken.out().contains("BROKEN at entry 4"), auditBroken.out());
    }

    @Test
    void usesTheCatalogsRecordedHashCameraAndKnownPaths() throws Exception {
        Path data = tmp.resolve("data");
        Path original = Files.copy(SharedData.footage("parking-lot-person-bicycle-car.mp4"), tmp.resolve("cam3.mp4"));
        String sha = org.sightline.models.integrity.Sha256.of(original);
        Files.createDirectories(data);
        Path moved = tmp.resolve("archive/cam3-2026.mp4");
        try (org.sightline.indexer.catalog.Catalog catalog = org.sightline.indexer.catalog.Catalog.open(data.resolve("catalog.sqlite"))) {
            catalog.registerVideo(original, sha, Files.size(original), 0, "gate-cam", null);
            catalog.rememberPath(sha, moved);
        }
        assertEquals(0, run("case", "create", "--data", data.toString(), "--name", "Gate", "--reference", "G-1").exitCode());
        CliRun added = run("case", "add", "G-1", "--data", data.toString(), "--video", original.toString(),
                "--in", "9", "--out", "12", "--json");
        assertEquals(0, added.exitCode(), added.err());
        assertTrue(added.out().contains("\"camera\" : \"gate-cam\""), added.out());
        assertTrue(added.out().contains(sha), added.out());
        CliRun wrong = run("case", "add", "G-1", "--data", data.toString(), "--video", original.toString(),
                "--sha256", "0".repeat(64), "--in", "9", "--out", "12");
        assertEquals(1, wrong.exitCode());
        assertTrue(wrong.err().contains("was indexed with SHA-256 " + sha), wrong.err());

        Files.createDirectories(moved.getParent());
        Files.move(original, moved);
        Path pkg = tmp.resolve("gate-pkg");
        CliRun exported = run("case", "export", "G-1", "--data", data.toString(), "--out", pkg.toString(), "--quiet");
        assertEquals(0, exported.exitCode(), exported.err());
        assertTrue(Files.readString(pkg.resolve("manifest.json")).contains("\"sourcePath\" : \"" + moved + "\""));

        // cutting the log short is invisible to the chain, but not to a package that recorded the entries
        assertEquals(0, run("audit", "verify", "--data", data.toString(), "--package", pkg.toString()).exitCode());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("catalog.sqlite"));
             Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER audit_log_no_delete");
            s.executeUpdate("DELETE FROM audit_log WHERE seq >= 2");
        }
        assertEquals(0, run("audit", "verify", "--data", data.toString()).exitCode());
        CliRun cut = run("audit", "verify", "--data", data.toString(), "--package", pkg.toString());
        assertEquals(1, cut.exitCode());
        assertTrue(cut.out().contains("entry 2 is missing"), cut.out());
    }
}
