package org.sightline.indexer.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.indexer.app.ActiveModelSource;
import org.sightline.indexer.app.DataDirectory;
import org.sightline.indexer.app.Workspace;
import org.sightline.indexer.testing.ColourTestModel;

/**
 * A new file that is not video is refused by a probe that reads a few megabytes, before the whole file is hashed
 * (issue 11, item 20: a 50 GB sparse non-video took a minute of hashing to be refused).
 */
class ProbeBeforeHashTest {
    @TempDir
    Path tmp;

    @Test
    void aLargeNonVideoIsRefusedWithoutBeingHashed() throws Exception {
        Path big = tmp.resolve("cam/huge.mp4");
        java.nio.file.Files.createDirectories(big.getParent());
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(8L << 30); // 8 GiB, sparse: takes no disk space
        }
        try (Workspace w = Workspace.open(new DataDirectory(tmp.resolve("data")), ActiveModelSource.of(new ColourTestModel()))) {
            IngestReport r = w.ingest(IngestRequest.of(List.of(big)), null, null);
            FileOutcome o = r.outcomes().getFirst();
            assertEquals(FileOutcome.Status.FAILED, o.status(), o.toString());
            assertEquals(1, w.status().failed().size());
        }
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + new DataDirectory(tmp.resolve("data")).catalogFile());
             var rs = c.createStatement().executeQuery("SELECT sha256, status FROM videos")) {
            assertTrue(rs.next());
            assertEquals(null, rs.getString(1), "the refused file was never hashed");
            assertEquals("failed", rs.getString(2));
        }
    }
}
