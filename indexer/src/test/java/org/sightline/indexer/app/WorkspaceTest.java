package org.sightline.indexer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.indexer.ingest.IngestRequest;
import org.sightline.indexer.search.SearchQuery;
import org.sightline.indexer.testing.ColourTestModel;
import org.sightline.indexer.testing.ScriptedFootage;

class WorkspaceTest {
    @TempDir
    Path tmp;

    @Test
    void aSecondWorkspaceOnTheSameDataSearchesReadOnlyAndSeesNewCommits() throws Exception {
        DataDirectory dir = new DataDirectory(tmp.resolve("data"));
        ColourTestModel model = new ColourTestModel();
        ScriptedFootage.write(tmp.resolve("a/cam/one.vid"), "black", "red", "red", "black");
        ScriptedFootage.write(tmp.resolve("b/cam/two.vid"), "red", "black", "black", "black", "black", "black", "black", "black",
                "black", "black", "black", "black", "black", "red");
        try (Workspace writer = Workspace.open(dir, ActiveModelSource.of(model), new ScriptedFootage())) {
            writer.ingest(IngestRequest.of(List.of(tmp.resolve("a"))), null, null);
            try (Workspace reader = Workspace.open(dir, ActiveModelSource.of(model), new ScriptedFootage())) {
                assertTrue(WorkspaceInternals.index(reader).readOnly());
                assertFalse(WorkspaceInternals.index(writer).readOnly());
                assertEquals(1, reader.search().search(SearchQuery.prompt("red")).clips().size());
                writer.ingest(IngestRequest.of(List.of(tmp.resolve("b"))), null, null);
                assertEquals(3, reader.search().search(SearchQuery.prompt("red")).clips().size());
                assertEquals(2, reader.status().videos());
            }
        }
    }

    @Test
    void searchListenersSurviveAModelSwitch() throws Exception {
        DataDirectory dir = new DataDirectory(tmp.resolve("data"));
        ColourTestModel[] active = {new ColourTestModel("first")};
        ActiveModelSource switching = new ActiveModelSource() {
            @Override
            public java.util.Optional<String> activeKey() {
                return java.util.Optional.of(active[0].id().asString());
            }

            @Override
            public org.sightline.models.runtime.VisionLanguageModel openActive() {
                return active[0];
            }
        };
        try (Workspace w = Workspace.open(dir, switching, new ScriptedFootage())) {
            List<String> seen = new java.util.ArrayList<>();
            w.addSearchListener(r -> seen.add(r.modelId()));
            w.search().search(SearchQuery.prompt("red"));
            active[0] = new ColourTestModel("second");
            w.search().search(SearchQuery.prompt("red"));
            assertEquals(List.of(new ColourTestModel("first").id().asString(), new ColourTestModel("second").id().asString()), seen);
        }
    }
}
