package org.sightline.indexer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.indexer.audit.AuditAction;
import org.sightline.indexer.index.DamagedIndexException;
import org.sightline.indexer.ingest.FileOutcome;
import org.sightline.indexer.ingest.IngestReport;
import org.sightline.indexer.ingest.IngestRequest;
import org.sightline.indexer.search.SearchQuery;
import org.sightline.indexer.testing.ColourTestModel;
import org.sightline.indexer.testing.ScriptedFootage;

/**
 * The search index lost or damaged behind Sightline's back (issue 11, items 2 and 8): the loss is found when the data
 * directory opens, shown in status, recorded in the audit trail, and repaired by the next index run without being
 * asked; a damaged index is named plainly and rebuilt with one command.
 */
class IndexLossTest {
    @TempDir
    Path tmp;

    private final ColourTestModel model = new ColourTestModel();
    private int clipsBefore;

    private Workspace open(DataDirectory dir) throws Exception {
        return Workspace.open(dir, ActiveModelSource.of(model), new ScriptedFootage());
    }

    private DataDirectory indexedTwoVideos() throws Exception {
        DataDirectory dir = new DataDirectory(tmp.resolve("data"));
        ScriptedFootage.write(tmp.resolve("footage/cam/one.vid"), "black", "red", "red", "black");
        ScriptedFootage.write(tmp.resolve("footage/cam/two.vid"), "red", "black", "black", "black", "black", "red");
        try (Workspace w = open(dir)) {
            w.ingest(IngestRequest.of(List.of(tmp.resolve("footage"))), null, null);
            clipsBefore = w.search().search(SearchQuery.prompt("red")).clips().size();
            assertTrue(clipsBefore > 0);
        }
        return dir;
    }

    private static void deleteTree(Path p) throws Exception {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }

    @Test
    void aDeletedIndexFolderIsFoundShownAndReembeddedByTheNextRun() throws Exception {
        DataDirectory dir = indexedTwoVideos();
        deleteTree(dir.indexDir());
        try (Workspace w = open(dir)) {
            assertEquals(2, w.vectorsLostAtOpen().size());
            WorkspaceStatus s = w.status();
            assertEquals(2, s.awaitingReembedding().size(), "status names the videos that lost their vectors");
            assertEquals(0, s.segments(), "no segment is counted whose vectors are gone");
            assertTrue(w.evidence().audit().entries().stream().anyMatch(e -> AuditAction.INDEX_REPAIR.code().equals(e.action())));
            // "index FOLDER" no longer says "unchanged (already indexed)"
            IngestReport r = w.ingest(IngestRequest.of(List.of(tmp.resolve("footage"))), null, null);
            assertEquals(2, r.count(FileOutcome.Status.INDEXED), r.toString());
            assertEquals(clipsBefore, w.search().search(SearchQuery.prompt("red")).clips().size());
            assertTrue(w.status().awaitingReembedding().isEmpty());
        }
        try (Workspace w = open(dir)) {
            assertTrue(w.vectorsLostAtOpen().isEmpty(), "a repaired index is found whole");
        }
    }

    @Test
    void aDeletedCommitPointIsFoundAndTheNextRunOverOtherFoldersStillReembeds() throws Exception {
        DataDirectory dir = indexedTwoVideos();
        try (Stream<Path> files = Files.list(dir.indexDir())) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) {
                Files.delete(f);
            }
        }
        ScriptedFootage.write(tmp.resolve("other/cam2/three.vid"), "black", "black");
        try (Workspace w = open(dir)) {
            assertEquals(2, w.vectorsLostAtOpen().size());
            IngestReport r = w.ingest(IngestRequest.of(List.of(tmp.resolve("other"))), null, null);
            assertEquals(3, r.count(FileOutcome.Status.INDEXED), "the lost videos are embedded again without being asked: " + r);
            assertEquals(clipsBefore, w.search().search(SearchQuery.prompt("red")).clips().size());
        }
    }

    @Test
    void aDamagedIndexIsNamedPlainlyAndRebuiltWithOneCommand() throws Exception {
        DataDirectory dir = indexedTwoVideos();
        Path dataFile;
        try (Stream<Path> files = Files.list(dir.indexDir())) {
            dataFile = files.filter(f -> f.getFileName().toString().matches("_\\w+\\.(cfs|si)")).findFirst().orElseThrow();
        }
        Files.delete(dataFile);
        DamagedIndexException e = assertThrows(DamagedIndexException.class, () -> open(dir).close());
        assertTrue(e.getMessage().contains("is damaged") && e.getMessage().contains("--rebuild-index"), e.getMessage());
        assertTrue(Files.isRegularFile(dir.catalogFile()), "the catalog is untouched");

        Path aside = Workspace.setIndexAside(dir).orElseThrow();
        assertTrue(Files.isDirectory(aside), "the damaged index is kept for examination");
        try (Workspace w = open(dir)) {
            assertEquals(2, w.status().awaitingReembedding().size());
            IngestReport r = w.ingest(IngestRequest.of(List.of()).withReembed(true), null, null);
            assertEquals(2, r.count(FileOutcome.Status.INDEXED), r.toString());
            assertEquals(clipsBefore, w.search().search(SearchQuery.prompt("red")).clips().size());
            assertFalse(w.status().segments() == 0);
        }
    }
}
