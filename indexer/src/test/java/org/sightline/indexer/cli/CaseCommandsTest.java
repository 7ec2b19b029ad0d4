package org.sightline.indexer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
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

    record Run(int exit, String out, String err) {
    }

    Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = SightlineCommand.execute(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void createAddShowExportVerifyAndAudit() throws Exception {
        String data = tmp.resolve("data").toString();
        String aisle = SharedData.footage("parking-aisle-cars.mp4").toString();
        Run created = run("case", "create", "--data", data, "--name", "Aisle", "--reference", "AI-7", "--json");
        assertEquals(0, created.exit(), created.err());
        assertTrue(created.out().contains("\"reference\" : \"AI-7\""), created.out());
        assertEquals(0, run("case", "add", "AI-7", "--data", data, "--video", aisle, "--in", "24", "--out", "27",
                "--prompt", "a white sports car", "--score", "0.29", "--note", "sports car").exit());
        assertEquals(0, run("case", "add", "AI-7", "--data", data, "--video", aisle, "--hit", "16").exit());
        Run outside = run("case", "add", "AI-7", "--data", data, "--video", aisle, "--in", "29", "--out", "35");
        assertEquals(1, outside.exit());
        assertTrue(outside.err().contains("outside parking-aisle-cars.mp4"), outside.err());
        assertEquals(0, run("case", "move", "AI-7", "2", "1", "--data", data).exit());
        assertEquals(0, run("case", "tag", "AI-7", "1", "red", "grey", "--data", data).exit());
        Run shown = run("case", "show", "AI-7", "--data", data);
        assertTrue(shown.out().indexOf("13.000-19.000") < shown.out().indexOf("24.000-27.000"), shown.out());
        assertTrue(shown.out().contains("tags: red, grey"), shown.out());
        assertEquals(0, run("case", "remove", "AI-7", "1", "--data", data).exit());
        assertTrue(run("case", "list", "--data", data).out().contains("AI-7"));

        Path pkg = tmp.resolve("pkg");
        Run exported = run("case", "export", "AI-7", "--data", data, "--out", pkg.toString(), "--quiet");
        assertEquals(0, exported.exit(), exported.err());
        Run again = run("case", "export", "AI-7", "--data", data, "--out", pkg.toString());
        assertEquals(1, again.exit());
        assertTrue(again.err().contains("not empty"), again.err());

        Run verified = run("verify", pkg.toString());
        assertEquals(0, verified.exit(), verified.out());
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
        Run broken = run("verify", pkg.toString());
        assertEquals(1, broken.exit());
        assertTrue(broken.out().contains("CHANGED  clips/" + still.getFileName()), broken.out());
        assertTrue(broken.out().contains("EXTRA    clips/extra.txt"), broken.out());

        Run shownAudit = run("audit", "show", "--case", "AI-7", "--data", data);
        assertTrue(shownAudit.out().contains("export"), shownAudit.out());
        assertEquals(0, run("audit", "verify", "--data", data).exit());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("data/catalog.sqlite"));
             Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER audit_log_no_update");
            s.executeUpdate("UPDATE audit_log SET user = 'mallory' WHERE seq = 4");
        }
        Run auditBroken = run("audit", "verify", "--data", data);
        assertEquals(1, auditBroken.exit());
        assertTrue(auditBroken.out().contains("BROKEN at entry 4"), auditBroken.out());
    }
}
