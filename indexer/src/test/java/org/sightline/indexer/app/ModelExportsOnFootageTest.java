package org.sightline.indexer.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.indexer.ingest.IngestRequest;
import org.sightline.indexer.search.Clip;
import org.sightline.indexer.search.SearchQuery;
import org.sightline.indexer.search.SearchResult;
import org.sightline.models.pack.ImportResult;
import org.sightline.models.store.ModelStore;
import org.sightline.models.pack.layout.PackRequest;
import org.sightline.models.pack.layout.StandInExports;
import org.sightline.models.runtime.VisionLanguageModel;
import org.sightline.models.testing.SharedData;

/**
 * Model exports in each real layout (colour-aligned stand-ins with the real CLIP tokenizer) are imported in one step
 * and work on real footage. Immich (a zip; int32 tokens, fixed batch of 1) and transformers.js (a hub cache of
 * symbolic links) index parking-aisle-cars.mp4 and "red" ranks the span with the red car (about 15-18 s) first; the
 * other layouts score the red car frame (16.5 s) above the empty aisle (11 s), which keeps the test fast.
 */
class ModelExportsOnFootageTest {
    @TempDir
    Path tmp;

    private void importIndexAndFindTheRedCar(Path source) throws Exception {
        Path aisle = SharedData.footage("parking-aisle-cars.mp4");
        DataDirectory dir = new DataDirectory(tmp.resolve("data"));
        ModelStore store = new ModelStore(dir.modelsDir());
        ImportResult imported = store.importExport(source, new PackRequest(null, "1.0", "test", null));
        store.activate(imported.id().name());
        try (Workspace w = Workspace.open(dir)) {
            w.ingest(IngestRequest.of(List.of(aisle)), null, null);
            SearchResult r = w.search().search(SearchQuery.prompt("red").withLimit(5));
            assertFalse(r.clips().isEmpty(), source + ": no hits");
            Clip top = r.clips().getFirst();
            System.out.printf("%s: top clip for \"red\" %.1f-%.1f s (score %.3f)%n", imported.id().name(), top.startSeconds(), top.endSeconds(), top.score());
            assertTrue(top.video().equals(aisle) && top.startSeconds() <= 18 && top.endSeconds() >= 15, source + ": " + r.clips());
        }
    }

    @Test
    void immichZip() throws Exception {
        Path export = StandInExports.immich(tmp.resolve("ViT-B-32__openai"));
        importIndexAndFindTheRedCar(StandInExports.zip(export, tmp.resolve("ViT-B-32__openai.zip")));
    }

    /** open_clip's letterbox (resize_mode longest): the whole 16:9 frame, padded, still puts the red car's span first. */
    @Test
    void immichLetterboxed() throws Exception {
        importIndexAndFindTheRedCar(StandInExports.letterboxed(tmp.resolve("ViT-B-16-SigLIP__webli")));
    }

    private void importAndScoreTheRedCarFrame(Path source) throws Exception {
        Path aisle = SharedData.footage("parking-aisle-cars.mp4");
        ModelStore store = new ModelStore(tmp.resolve("data/models"));
        ImportResult imported = store.importExport(source, new PackRequest(null, "1.0", "test", null));
        try (VisionLanguageModel model = store.open(imported.id().name(), null)) {
            float[][] v = model.embedImages(List.of(org.sightline.indexer.ColourModelOnFootageTest.frameAt(aisle, 16.5), org.sightline.indexer.ColourModelOnFootageTest.frameAt(aisle, 11.0)));
            float[] red = model.embedText("red");
            double withCar = org.sightline.indexer.ColourModelOnFootageTest.dot(red, v[0]);
            double empty = org.sightline.indexer.ColourModelOnFootageTest.dot(red, v[1]);
            assertTrue(withCar > empty, source + ": red car frame " + withCar + " vs empty aisle " + empty);
        }
    }

    /** Immich's NLLB model: every prompt goes in after its language code (eng_Latn), and "red" still finds the red car. */
    @Test
    void immichNllbWithItsLanguageCode() throws Exception {
        importAndScoreTheRedCarFrame(StandInExports.nllb(tmp.resolve("nllb-clip-base-siglip__v1")));
    }

    /**
     * nomic-embed-vision and nomic-embed-text as published, two folders whose encoders give token states: pooled (CLS;
     * masked mean, layer-normalised) they still score the red car frame above the empty aisle for "red".
     */
    @Test
    void nomicModelFoldersWithTokenStates() throws Exception {
        importAndScoreTheRedCarFrame(StandInExports.nomicPair(tmp.resolve("nomic")));
    }

    @Test
    void optimumWholeModel() throws Exception {
        importAndScoreTheRedCarFrame(StandInExports.optimum(tmp.resolve("clip-optimum")));
    }

    @Test
    void frigateJinaCache() throws Exception {
        importAndScoreTheRedCarFrame(StandInExports.frigateJina(tmp.resolve("jina-clip-v1")));
    }

    @Test
    void transformersJsInAHubCache() throws Exception {
        Path export = StandInExports.transformersJs(tmp.resolve("export"), "quantized", "fp16");
        importIndexAndFindTheRedCar(StandInExports.hubCache(tmp.resolve("hub"), "Xenova/clip-vit-base-patch32", export,
                "d15189d7028b43f1d3e65039190477f6af591c2a"));
    }

    @Test
    void mobileClipWithoutNormalisation() throws Exception {
        importAndScoreTheRedCarFrame(StandInExports.mobileClip(tmp.resolve("mobileclip_s0")));
    }
}
