package org.sightline.indexer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.indexer.index.IndexBusyException;
import org.sightline.indexer.ingest.IngestListener;
import org.sightline.indexer.ingest.IngestRequest;
import org.sightline.indexer.search.SearchQuery;
import org.sightline.models.store.ModelStore;
import org.sightline.models.testing.SharedData;

/**
 * A workspace that holds the index only while it indexes (the desktop's) lets another one (the command line) index
 * meanwhile, sees its commits and catalog changes, and says plainly when it wants to index while the other does.
 */
class IndexHeldWhileIndexingTest {
    private static final Path HIGHWAY = SharedData.footage("tiny-highway-48px-raw.avi");
    private static final Path CYCLIST = SharedData.footage("motorway-cctv-cyclist.avi");

    /** Without the starter perception packs (colours from the demo model are enough here). */
    private static Workspace open(DataDirectory dir) throws java.io.IOException {
        return Workspace.open(dir, DefaultServices.modelSource(new ModelStore(dir.modelsDir())), PerceptionSource.none());
    }

    @Test
    void anIdleDesktopWorkspaceLetsTheCommandLineIndexAndSeesWhatItWrote(@TempDir Path data) throws Exception {
        DataDirectory dir = new DataDirectory(data);
        try (Workspace setup = open(dir)) {
            setup.models().installDemo();
        }
        try (Workspace app = open(dir).holdIndexOnlyWhileIndexing()) {
            assertTrue(app.library().readOnly(), "idle: the write lock is given back");
            long before = app.catalogChanges();
            try (Workspace cli = open(dir)) {
                assertFalse(cli.library().readOnly(), "the command line takes the index while the app is idle");
                cli.ingest(IngestRequest.of(List.of(HIGHWAY)), IngestListener.NONE, () -> false);

                IndexBusyException busy = assertThrows(IndexBusyException.class,
                        () -> app.ingest(IngestRequest.of(List.of(CYCLIST)), IngestListener.NONE, () -> false));
                assertEquals("another Sightline process is indexing into " + data + "; try again when it is done", busy.getMessage());
            }
            assertNotEquals(before, app.catalogChanges(), "the other process's commits are noticed");
            app.refreshIndex();
            assertFalse(app.search().search(SearchQuery.prompt("grey")).clips().isEmpty(), "its index commits are searchable");

            // the command line is done: the app indexes, holding the index only meanwhile
            app.ingest(IngestRequest.of(List.of(CYCLIST)), IngestListener.NONE, () -> false);
            assertTrue(app.library().readOnly(), "the lock is given back after the run");
            assertEquals(2, app.status().videos());
            try (Workspace cliAgain = open(dir)) {
                assertFalse(cliAgain.library().readOnly());
            }
        }
    }
}
