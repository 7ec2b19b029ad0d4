package org.sightline.indexer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.indexer.app.DataDirectory;
import org.sightline.models.store.ModelStore;
import org.sightline.models.testing.SharedData;

/**
 * Issue 11, item 12, as it happens to an examiner's account: {@code sightline index} in a child JVM that cannot bypass
 * file permissions. As root (CI, containers) that child runs with the capabilities that let root ignore permissions
 * (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH) dropped by {@code setpriv} (util-linux), so the situation is real there too.
 * A file behind a folder without the execute bit is "permission denied", never a "dangling symbolic link"; a folder
 * that cannot be listed is reported; the readable file beside them is indexed.
 */
class PermissionDeniedFootageTest {
    @TempDir
    Path tmp;

    @Test
    void unreadablePlacesAreNamedAndTheRestIsIndexed() throws Exception {
        Path archive = Files.createDirectories(tmp.resolve("archive"));
        Files.copy(SharedData.footage("tiny-highway-48px-raw.avi"), archive.resolve("readable.avi"));
        Path closed = Files.createDirectories(archive.resolve("closed"));
        Path behind = Files.copy(SharedData.footage("tiny-highway-48px-raw.avi"), closed.resolve("behind.avi"));
        Path locked = Files.createDirectories(archive.resolve("locked"));
        Files.copy(SharedData.footage("tiny-highway-48px-raw.avi"), locked.resolve("inside.avi"));
        Path data = tmp.resolve("data");
        new ModelStore(new DataDirectory(data).modelsDir()).installDemo();
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            List<String> command = new ArrayList<>();
            if (isRoot()) {
                command.addAll(List.of("setpriv", "--bounding-set=-dac_override,-dac_read_search",
                        "--inh-caps=-dac_override,-dac_read_search"));
            }
            command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--enable-native-access=ALL-UNNAMED", "-Dai.djl.offline=true",
                    "-Dsightline.starterPacks=" + System.getProperty("sightline.starterPacks", ""),
                    "-cp", System.getProperty("java.class.path"), "org.sightline.indexer.cli.SightlineCommand",
                    "index", "--recursive", "--data", data.toString(), archive.toString(), behind.toString()));
            Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(child.waitFor(5, TimeUnit.MINUTES), out);
            assertFalse(out.toLowerCase(java.util.Locale.ROOT).contains("dangling"), out);
            assertTrue(out.lines().anyMatch(l -> l.contains("behind.avi") && l.contains("permission denied")
                    && l.contains("cannot be searched")), out);
            assertTrue(out.lines().anyMatch(l -> l.contains("locked") && l.contains("permission denied")),
                    "the folder that cannot be listed is named: " + out);
            assertTrue(out.lines().anyMatch(l -> l.startsWith("indexed") && l.contains("readable.avi")), out);
            assertEquals(3, child.exitValue(), "exit status 3: some files failed; " + out);
        } finally {
            Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    private static boolean isRoot() throws Exception {
        Process id = new ProcessBuilder("id", "-u").start();
        return new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip().equals("0");
    }
}
