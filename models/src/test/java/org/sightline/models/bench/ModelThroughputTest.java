package org.sightline.models.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.models.generate.ColourModelPack;
import org.sightline.models.pack.PackVerifier;
import org.sightline.models.runtime.OnnxVisionLanguageModel;
import org.sightline.models.runtime.RuntimeOptions;

/** The benchmark runs and reports every batch size (no timing assertions). */
class ModelThroughputTest {
    @TempDir
    Path temp;

    @Test
    void reportsEveryBatchSizeAndPrompts() {
        Path pack = ColourModelPack.write(temp.resolve("pack"));
        try (OnnxVisionLanguageModel model = OnnxVisionLanguageModel.open(new PackVerifier().verify(pack), RuntimeOptions.defaults())) {
            ModelThroughput.Result r = new ModelThroughput(List.of(1, 8, 32), 0.05, List.of("red", "blue car")).measure(model);
            assertEquals(List.of(1, 8, 32), r.images().stream().map(ModelThroughput.BatchRate::batchSize).toList());
            assertTrue(r.images().stream().allMatch(b -> b.framesPerSecond() > 0));
            assertTrue(r.promptsPerSecond() > 0);
            assertEquals(64, r.frameHeight());
            System.out.println(r.describe());
        }
    }
}
