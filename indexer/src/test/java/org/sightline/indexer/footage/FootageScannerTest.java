package org.sightline.indexer.footage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.indexer.footage.FootageScanner.SkipReason;
import org.sightline.models.testing.SharedData;

class FootageScannerTest {
    @TempDir
    Path archive;

    private final FootageScanner scanner = new FootageScanner();

    @BeforeEach
    void buildArchive() throws Exception {
        // archive/
        //   cam1/2024-01-31 08.00.00.mp4   real video
        //   cam1/broken.mp4                empty, but a video by name: probing reports EMPTY_FILE later
        //   cam1/notes.txt                 text
        //   cam1/.thumbs.mp4               hidden
        //   cam1/export.bin                raw DVR export: MP4 bytes under an odd name
        //   cam1/ch02.264                  known raw-stream extension
        //   cam1/noise.dat                 random bytes: neither magic nor FFmpeg see video
        //   cam1/night/clip.avi            only with recursion
        //   cam1/night/loop -> ..          symbolic link loop
        //   cam1/again.mp4 -> 2024-...mp4  same file twice
        //   cam1/gone.mp4 -> missing       dangling link
        Path cam1 = Files.createDirectories(archive.resolve("cam1"));
        Path night = Files.createDirectories(cam1.resolve("night"));
        Path video = Files.copy(SharedData.footage("tiny-highway-48px-raw.avi"), cam1.resolve("2024-01-31 08.00.00.mp4"));
        Files.createFile(cam1.resolve("broken.mp4"));
        Files.writeString(cam1.resolve("notes.txt"), "camera 1 faces the gate\n");
        Files.createFile(cam1.resolve(".thumbs.mp4"));
        Files.copy(SharedData.footage("parking-aisle-cars.mp4"), cam1.resolve("export.bin"));
        Files.write(cam1.resolve("ch02.264"), new byte[] {0, 0, 0, 1, 0x67, 0x42});
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        noise[0] = 0x13;
        Files.write(cam1.resolve("noise.dat"), noise);
        Files.copy(SharedData.footage("tiny-highway-48px-raw.avi"), night.resolve("clip.avi"));
        Files.createSymbolicLink(night.resolve("loop"), cam1);
        Files.createSymbolicLink(cam1.resolve("again.mp4"), video);
        Files.createSymbolicLink(cam1.resolve("gone.mp4"), cam1.resolve("missing.mp4"));
        Files.writeString(cam1.resolve("viewer.ts"), "export const camera = 'gate';\n");
    }

    @Test
    void recursiveScanFindsVideosByNameAndContentAndExplainsTheRest() {
        FootageScanner.Result result = scanner.scan(List.of(archive), true);

        assertEquals(List.of(
                archive.resolve("cam1/2024-01-31 08.00.00.mp4"),
                archive.resolve("cam1/broken.mp4"),
                archive.resolve("cam1/ch02.264"),
                archive.resolve("cam1/export.bin"),
                archive.resolve("cam1/night/clip.avi")), result.videos());

        Map<String, SkipReason> skipped = reasons(result);
        assertEquals(SkipReason.ALREADY_LISTED, skipped.get("again.mp4"));
        assertEquals(SkipReason.NOT_FOUND, skipped.get("gone.mp4"));
        assertEquals(SkipReason.HIDDEN, skipped.get(".thumbs.mp4"));
        assertEquals(SkipReason.NOT_VIDEO, skipped.get("notes.txt"));
        assertEquals(SkipReason.NOT_VIDEO, skipped.get("noise.dat"));
        assertEquals(SkipReason.NOT_VIDEO, skipped.get("viewer.ts"), "TypeScript, not a transport stream");
        assertEquals(SkipReason.LINK_LOOP, skipped.get("loop"));
        assertTrue(result.skipped().stream().allMatch(s -> !s.detail().isBlank()));
    }

    @Test
    void nonRecursiveScanTakesDirectFilesOnly() {
        FootageScanner.Result result = scanner.scan(List.of(archive.resolve("cam1")), false);
        assertTrue(result.videos().stream().noneMatch(p -> p.toString().contains("night")), result.videos().toString());
        assertEquals(4, result.videos().size(), result.videos().toString());
        assertEquals(SkipReason.SUBFOLDER_NOT_SCANNED, reasons(result).get("night"));
    }

    @Test
    void namedFilesAndMissingPathsAreReportedInTheGivenOrder() {
        Path clip = archive.resolve("cam1/night/clip.avi");
        Path missing = archive.resolve("nowhere");
        Path notes = archive.resolve("cam1/notes.txt");
        FootageScanner.Result result = scanner.scan(List.of(clip, missing, notes, clip), false);
        assertEquals(List.of(clip), result.videos());
        assertEquals(List.of(SkipReason.NOT_FOUND, SkipReason.NOT_VIDEO, SkipReason.ALREADY_LISTED),
                result.skipped().stream().map(FootageScanner.Skipped::reason).toList());
    }

    @Test
    void unreadableFolderIsReportedNotThrown() throws Exception {
        Path locked = Files.createDirectories(archive.resolve("locked"));
        Files.setPosixFilePermissions(locked, java.util.Set.of());
        try {
            // Tests run as root, and root lists a chmod 000 folder anyway: then this cannot be observed here.
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(locked),
                    "running as root: permissions do not stop listing a folder");
            FootageScanner.Result result = scanner.scan(List.of(locked), true);
            assertEquals(SkipReason.UNREADABLE_FOLDER, reasons(result).get("locked"));
        } finally {
            Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void aFileBehindAFolderThatCannotBeSearchedIsNotCalledADanglingLink() throws Exception {
        Path closed = Files.createDirectories(archive.resolve("closed"));
        Path inside = Files.writeString(closed.resolve("clip.mp4"), "x");
        Files.setPosixFilePermissions(closed, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.exists(inside),
                    "running as root: a folder without the execute bit can still be searched");
            FootageScanner.Skipped s = scanner.scan(List.of(inside), false).skipped().getFirst();
            assertEquals(SkipReason.UNREADABLE_FILE, s.reason());
            assertTrue(s.detail().contains("permission denied"), s.detail());
        } finally {
            Files.setPosixFilePermissions(closed, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        }
    }

    private static Map<String, SkipReason> reasons(FootageScanner.Result result) {
        return result.skipped().stream().collect(Collectors.toMap(s -> s.path().getFileName().toString(),
                FootageScanner.Skipped::reason, (a, b) -> a));
    }
}
