package org.sightline.indexer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.indexer.audit.AuditEntry;
import org.sightline.indexer.ingest.IngestListener;
import org.sightline.indexer.ingest.IngestRequest;
import org.sightline.indexer.search.SearchQuery;
import org.sightline.indexer.search.SearchResult;
import org.sightline.models.testing.SharedData;

/** Model installs, index runs and searches made through a workspace land in its audit trail, in order, chained. */
class WorkspaceAuditTest {

    @Test
    void installIndexAndSearchAreAudited(@TempDir Path data) throws Exception {
        Path video = SharedData.footage("tiny-highway-48px-raw.avi");
        try (Workspace w = Workspace.open(new DataDirectory(data))) {
            w.models().installDemo();
            w.ingest(IngestRequest.of(List.of(video)), IngestListener.NONE, () -> false);
            SearchResult result = w.search().search(SearchQuery.prompt("grey"));
            assertFalse(result.clips().isEmpty(), "the grey highway clip should match \"grey\"");

            List<AuditEntry> entries = w.evidence().audit().entries();
            assertEquals(List.of("model-import", "index", "search"), entries.stream().map(AuditEntry::action).toList());
            assertTrue(entries.get(0).details().contains("sightline-demo-colours"), entries.get(0).details());
            assertTrue(entries.get(1).details().contains(video.toAbsolutePath().toString()), entries.get(1).details());
            assertTrue(entries.get(2).details().contains("grey"), entries.get(2).details());
            assertTrue(w.evidence().audit().verify().intact());
        }
    }
}
