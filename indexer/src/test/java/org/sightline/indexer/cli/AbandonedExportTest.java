package org.sightline.indexer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.models.testing.SharedData;

/**
 * Issue 11, item 14: an export killed with SIGKILL (a real child JVM) leaves its {@code .partial-*} folder; the next
 * export removes it, says so, and the audit trail records the abandoned export.
 */
class AbandonedExportTest {
    @TempDir
    Path tmp;

    @Test
    void aKilledExportIsCleanedUpAndAuditedByTheNextOne() throws Exception {
        String data = tmp.resolve("data").toString();
        assertEquals(0, CliRun.of("case", "create", "--data", data, "--name", "Big", "--reference", "B-1").exitCode());
        for (String video : List.of("parking-lot-person-bicycle-car.mp4", "parking-aisle-cars.mp4")) {
            assertEquals(0, CliRun.of("case", "add", "B-1", "--data", data, "--video", SharedData.footage(video).toString(),
                    "--in", "0", "--out", "2").exitCode());
        }
        Path exports = Files.createDirectories(tmp.resolve("exports"));
        Path pkg = exports.resolve("pkg");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"),
                "org.sightline.indexer.cli.SightlineCommand", "case", "export", "B-1", "--data", data, "--out", pkg.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (partial(exports).isEmpty()) {
            assertTrue(child.isAlive(), "the export ended before it could be killed: " + Files.readString(tmp.resolve("child.log")));
            assertTrue(System.nanoTime() < deadline, "the export never started");
            Thread.sleep(10);
        }
        child.destroyForcibly();
        assertTrue(child.waitFor(1, TimeUnit.MINUTES));
        Path left = partial(exports).orElseThrow();
        assertFalse(Files.exists(pkg), "the killed export did not finish");

        CliRun next = CliRun.of("case", "export", "B-1", "--data", data, "--out", tmp.resolve("other").toString(), "--quiet");
        assertEquals(0, next.exitCode(), next.err());
        assertTrue(next.err().contains("an export to " + pkg + " started"), next.err());
        assertTrue(next.err().contains("was abandoned (its process stopped before it finished); removed its unfinished folder "
                + left), next.err());
        assertFalse(Files.exists(left), "the partial folder is gone");
        assertTrue(CliRun.of("audit", "show", "--case", "B-1", "--data", data).out().contains("export-abandoned"));
        CliRun again = CliRun.of("status", "--data", data);
        assertFalse(again.err().contains("abandoned"), "reported once: " + again.err());
    }

    @Test
    void aNoteNamingAnotherFolderNeverDeletesIt() throws Exception {
        String data = tmp.resolve("data").toString();
        assertEquals(0, CliRun.of("case", "create", "--data", data, "--name", "A", "--reference", "A-1").exitCode());
        Path precious = Files.createDirectories(tmp.resolve("archive/cam1"));
        Files.writeString(precious.resolve("original.mp4"), "footage");
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.createDirectories(tmp.resolve("data/exports-in-progress"));
        Files.writeString(tmp.resolve("data/exports-in-progress/forged.json"), "{\"pid\":" + gone.pid()
                + ",\"caseId\":1,\"out\":\"" + tmp.resolve("archive/pkg") + "\",\"partial\":\"" + precious
                + "\",\"started\":\"2026-01-01T00:00:00Z\"}");
        CliRun status = CliRun.of("status", "--data", data);
        assertTrue(status.err().contains("which is not an unfinished export folder; it was left alone"), status.err());
        assertTrue(Files.isRegularFile(precious.resolve("original.mp4")), "nothing outside an export folder is deleted");
    }

    private static Optional<Path> partial(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(".pkg.partial-")).findFirst();
        }
    }
}
