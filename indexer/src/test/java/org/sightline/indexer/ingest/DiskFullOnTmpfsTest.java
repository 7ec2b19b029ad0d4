package org.sightline.indexer.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sightline.indexer.testing.SmallTmpfs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.indexer.app.ActiveModelSource;
import org.sightline.indexer.app.DataDirectory;
import org.sightline.indexer.app.Workspace;
import org.sightline.indexer.app.WorkspaceInternals;
import org.sightline.indexer.testing.ColourTestModel;
import org.sightline.indexer.testing.ScriptedFootage;

/**
 * Issue 11, item 6 for real: the data directory on a small tmpfs that fills up while indexing. Needs root (to mount);
 * skipped, saying so, elsewhere ({@link DiskFullTest} covers the same path with a simulated full disk).
 */
class DiskFullOnTmpfsTest {
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
    void theDataFolderFillsUpWhileIndexing() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        mounted = SmallTmpfs.mountOver(data, "8m");
        Path archive = tmp.resolve("archive");
        List<String> colours = List.of("red", "green", "blue", "black", "white");
        int files = 60;
        for (int i = 0; i < files; i++) {
            String c = colours.get(i % 5);
            String d = colours.get((i / 5) % 5);
            ScriptedFootage.write(archive.resolve(String.format("cam/%03d.vid", i)), "start=" + (1_700_000_000_000L + i * 1000L),
                    c, c, c, c, d, d, d, d);
        }
        Path filler = data.resolve("filler.bin");
        try (Workspace w = Workspace.open(new DataDirectory(data), ActiveModelSource.of(new ColourTestModel()),
                new ScriptedFootage())) {
            long free = Files.getFileStore(data).getUsableSpace();
            try (RandomAccessFile f = new RandomAccessFile(filler.toFile(), "rw")) {
                byte[] block = new byte[1 << 16];
                for (long left = free - (192 << 10); left > 0; left -= block.length) {
                    f.write(block, 0, (int) Math.min(block.length, left));
                }
            }
            DiskFullException e = assertThrows(DiskFullException.class,
                    () -> w.ingest(IngestRequest.of(List.of(archive)), null, null));
            assertTrue(e.getMessage().startsWith("the data folder's disk is full (" + data), e.getMessage());
            assertEquals(files, e.report().outcomes().size(), "every file is in the summary");
            long indexed = e.report().count(FileOutcome.Status.INDEXED);
            assertTrue(indexed < files, e.getMessage());
            assertEquals(files - indexed, e.report().count(FileOutcome.Status.CANCELLED), e.report().outcomes().toString());
        }
        Files.delete(filler);
        try (Workspace w = Workspace.open(new DataDirectory(data), ActiveModelSource.of(new ColourTestModel()),
                new ScriptedFootage())) {
            IngestReport again = w.ingest(IngestRequest.of(List.of(archive)), null, null);
            assertFalse(again.cancelled());
            assertTrue(again.outcomes().stream().noneMatch(o -> o.status() == FileOutcome.Status.FAILED), again.outcomes().toString());
            assertEquals(2L * files, WorkspaceInternals.catalog(w).segmentCount(null));
            assertEquals(WorkspaceInternals.catalog(w).segmentCount(null), WorkspaceInternals.index(w).frameCount(null) > 0
                    ? WorkspaceInternals.catalog(w).segmentCount(null) : -1);
        }
    }
}
