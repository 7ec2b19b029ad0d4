package org.sightline.indexer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.indexer.ingest.IngestRequest;
import org.sightline.indexer.testing.ColourTestModel;
import org.sightline.indexer.testing.ScriptedFootage;
import org.sightline.models.runtime.VisionLanguageModel;

/**
 * Footage indexed with one model cannot be found with another (a pack re-imported under a new id, another pack
 * chosen): the workspace says how many videos a search cannot see, instead of silently returning nothing (issue 11,
 * item 22); re-embedding makes them searchable.
 */
class ModelMismatchTest {
    @TempDir
    Path tmp;

    @Test
    void videosIndexedWithAnotherModelAreCountedUntilReembedded() throws Exception {
        VisionLanguageModel[] active = {new ColourTestModel("first")};
        ActiveModelSource source = new ActiveModelSource() {
            @Override
            public Optional<String> activeKey() {
                return Optional.of(active[0].id().asString());
            }

            @Override
            public VisionLanguageModel openActive() {
                return active[0];
            }
        };
        ScriptedFootage.write(tmp.resolve("cam/a.vid"), "red", "black");
        ScriptedFootage.write(tmp.resolve("cam/b.vid"), "black", "red");
        try (Workspace w = Workspace.open(new DataDirectory(tmp.resolve("data")), source, new ScriptedFootage())) {
            w.ingest(IngestRequest.of(List.of(tmp.resolve("cam"))), null, null);
            assertEquals(0, w.videosWithoutActiveModel());
            active[0] = new ColourTestModel("second");
            assertEquals(2, w.videosWithoutActiveModel());
            w.ingest(IngestRequest.of(List.of()).withReembed(true), null, null);
            assertEquals(0, w.videosWithoutActiveModel());
        }
    }
}
