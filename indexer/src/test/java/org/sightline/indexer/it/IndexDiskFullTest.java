package org.sightline.indexer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sightline.indexer.testing.SmallTmpfs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.indexer.app.DataDirectory;
import org.sightline.indexer.cli.CliRun;
import org.sightline.models.store.ModelStore;
import org.sightline.models.testing.SharedData;

/**
 * Issue 11, item 6 from the command line, for real: {@code sightline index} with the data directory on a tmpfs that
 * fills up. Needs root (to mount); skipped, saying so, elsewhere ({@code DiskFullTest} covers the pipeline).
 */
class IndexDiskFullTest {
    @TempDir
    Path tmp;

    private SmallTmpfs mounted;

    @AfterEach
    void unmount() throws Exception {
        if (mounted != null) {
            mounted.close();
        }
    }

    @Test
    void indexStopsWithAPlainMessageAndStatusShowsIt() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        mounted = SmallTmpfs.mountOver(data, "48m");
        Path footage = Files.createDirectories(tmp.resolve("footage/cam1"));
        for (String f : List.of("parking-aisle-cars.mp4", "residential-street-vehicles.mp4", "street-montage-scene-cuts.mp4")) {
            Files.copy(SharedData.footage(f), footage.resolve(f));
        }
        new ModelStore(new DataDirectory(data).modelsDir()).installDemo();
        assertEquals(0, CliRun.of("status", "--data", data.toString()).exitCode(), "catalog and index created");
        Path filler = data.resolve("filler.bin");
        long free = Files.getFileStore(data).getUsableSpace();
        try (RandomAccessFile f = new RandomAccessFile(filler.toFile(), "rw")) {
            byte[] block = new byte[1 << 16];
            for (long left = free - (160 << 10); left > 0; left -= block.length) {
                f.write(block, 0, (int) Math.min(block.length, left));
            }
        }

        CliRun full = CliRun.of("index", footage.toString(), "--data", data.toString());
        assertEquals(1, full.exitCode(), full.out() + full.err());
        assertTrue(full.err().contains("sightline index: the data folder's disk is full (" + data), full.err());
        assertFalse(full.err().contains("\tat "), "no stack trace: " + full.err());
        assertTrue(full.out().contains("NOT INDEXED"), full.out());
        assertTrue(full.out().contains(" not indexed; "), "the summary counts them: " + full.out());

        CliRun status = CliRun.of("status", "--data", data.toString());
        assertTrue(status.out().contains("STOPPED") && status.out().contains("disk was full"), status.out());

        Files.delete(filler);
        CliRun again = CliRun.of("index", footage.toString(), "--data", data.toString());
        assertEquals(0, again.exitCode(), again.out() + again.err());
        assertFalse(again.out().contains("NOT INDEXED"), again.out());
        assertFalse(CliRun.of("status", "--data", data.toString()).out().contains("STOPPED"));
    }
}
