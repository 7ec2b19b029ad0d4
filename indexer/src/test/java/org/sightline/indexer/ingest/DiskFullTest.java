package org.sightline.indexer.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.indexer.app.ActiveModelSource;
import org.sightline.indexer.app.DataDirectory;
import org.sightline.indexer.app.Workspace;
import org.sightline.indexer.app.WorkspaceInternals;
import org.sightline.indexer.app.WorkspaceStatus;
import org.sightline.indexer.testing.ColourTestModel;
import org.sightline.indexer.testing.ScriptedFootage;

/**
 * Issue 11, item 6: the data folder's disk fills up while indexing (the operating system's "No space left on device"
 * from the thumbnail writes, through the {@link ScriptedFootage#beforeEachThumbnail} hook; {@code DiskFullOnTmpfsTest}
 * fills a real tmpfs). The run stops cleanly with a plain message, says what was and was not indexed, and the
 * catalog records it so {@code status} shows it; once space is freed the next run indexes the rest.
 */
class DiskFullTest {
    @TempDir
    Path tmp;

    @Test
    void aFullDiskStopsTheRunWithASummaryAndTheNextRunFinishes() throws Exception {
        Path a = tmp.resolve("archive");
        List<String> colours = List.of("red", "green", "blue", "black");
        for (int i = 0; i < 4; i++) {
            String c = colours.get(i);
            String next = colours.get((i + 1) % 4);
            ScriptedFootage.write(a.resolve("cam/" + "abcd".charAt(i) + ".vid"), c, c, c, c, next, next, next, next);
        }
        AtomicInteger thumbnails = new AtomicInteger();
        boolean[] full = {true};
        FootageReader fillsUp = new ScriptedFootage().beforeEachThumbnail(() -> {
            if (full[0] && thumbnails.incrementAndGet() > 2) {
                throw new UncheckedIOException(new FileSystemException(tmp.resolve("data/thumbnails/x.jpg").toString(),
                        null, "No space left on device"));
            }
        });
        try (Workspace w = Workspace.open(new DataDirectory(tmp.resolve("data")), ActiveModelSource.of(new ColourTestModel()),
                fillsUp)) {
            DiskFullException e = assertThrows(DiskFullException.class,
                    () -> w.ingest(IngestRequest.of(List.of(a)), null, null));
            assertTrue(e.getMessage().startsWith("the data folder's disk is full (" + tmp.resolve("data")), e.getMessage());
            assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
            // a.vid is indexed unless its frames were embedded in one batch with b.vid's (then neither is written)
            long indexed = e.report().count(FileOutcome.Status.INDEXED);
            assertTrue(indexed <= 1, e.report().outcomes().toString());
            assertTrue(e.getMessage().contains(indexed + " file(s) indexed in this run and " + (4 - indexed) + " not indexed"),
                    e.getMessage());

            Map<String, FileOutcome> byName = e.report().outcomes().stream()
                    .collect(Collectors.toMap(o -> o.path().getFileName().toString(), o -> o));
            assertEquals(4, byName.size(), "every file is in the summary: " + byName);
            assertTrue(byName.get("b.vid").message().contains("disk filled up while it was written"), byName.toString());
            for (FileOutcome o : byName.values()) {
                assertTrue(o.status() == FileOutcome.Status.INDEXED
                        || o.status() == FileOutcome.Status.CANCELLED && o.message().startsWith("not indexed"), o.toString());
            }
            assertEquals(2 * indexed, WorkspaceInternals.catalog(w).segmentCount(null), "only what was indexed is committed");

            WorkspaceStatus status = w.status();
            assertTrue(status.lastRun().orElseThrow().stoppedByFullDisk(), status.toString());
            assertTrue(status.awaitingReembedding().stream().anyMatch(f -> f.path().endsWith("b.vid")
                    && f.message().contains("disk filled up")), status.awaitingReembedding().toString());

            full[0] = false; // space freed
            IngestReport again = w.ingest(IngestRequest.of(List.of(a)), null, null);
            assertFalse(again.cancelled());
            assertEquals(4 - indexed, again.count(FileOutcome.Status.INDEXED), again.outcomes().toString());
            assertEquals(8, WorkspaceInternals.catalog(w).segmentCount(null));
            assertFalse(w.status().lastRun().orElseThrow().stoppedByFullDisk());
            assertTrue(w.status().awaitingReembedding().isEmpty());
        }
    }
}
