package org.sightline.models.pack.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.models.generate.ColourModelPack;
import org.sightline.models.generate.OnnxGraph;
import org.sightline.models.generate.OnnxGraph.Attribute;
import org.sightline.models.generate.OnnxGraph.ElementType;
import org.sightline.models.pack.ImportResult;
import org.sightline.models.pack.KnownModelFiles;
import org.sightline.models.store.ModelStore;
import org.sightline.models.pack.PackInstallException;
import org.sightline.models.pack.PackManifest;
import org.sightline.models.pack.PackManifest.FileRole;
import org.sightline.models.pack.PackManifest.ResizeRule;
import org.sightline.models.pack.PackManifest.TokenType;
import org.sightline.models.pack.PackVerificationException;
import org.sightline.models.pack.PackVerifier;
import org.sightline.models.integrity.Sha256;
import org.sightline.models.pack.VerifiedPack;
import org.sightline.models.runtime.OnnxVisionLanguageModel;
import org.sightline.models.runtime.PromptCleaner;
import org.sightline.models.runtime.PromptTokenizer;
import org.sightline.models.runtime.RgbFrame;
import org.sightline.models.runtime.RuntimeOptions;

/** Every real export layout (as colour-aligned stand-ins with the real CLIP tokenizer) becomes a verified pack that runs. */
class ExportPackerTest {
    @TempDir
    Path temp;

    final ExportPacker packer = new ExportPacker(new PackVerifier(), org.sightline.models.store.PackTrial::run);
    final PackRequest request = new PackRequest(null, "1.0", "test", null);

    static RgbFrame plain(int r, int g, int b) {
        byte[] rgb = new byte[160 * 120 * 3];
        for (int i = 0; i < rgb.length; i += 3) {
            rgb[i] = (byte) r;
            rgb[i + 1] = (byte) g;
            rgb[i + 2] = (byte) b;
        }
        return new RgbFrame(160, 120, rgb);
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** The pack ranks a red picture above a blue one for "red", and the other way round for "navy". */
    static void ranksColours(VerifiedPack pack) {
        try (OnnxVisionLanguageModel model = OnnxVisionLanguageModel.open(pack, new RuntimeOptions(1, 1, 4))) {
            float[][] v = model.embedImages(List.of(plain(200, 30, 30), plain(30, 40, 190), plain(210, 40, 40)));
            float[] red = model.embedText("red");
            float[] navy = model.embedText("a navy car");
            assertTrue(dot(red, v[0]) > dot(red, v[1]), "red: red " + dot(red, v[0]) + " vs blue " + dot(red, v[1]));
            assertTrue(dot(navy, v[1]) > dot(navy, v[0]), "navy: blue " + dot(navy, v[1]) + " vs red " + dot(navy, v[0]));
        }
    }

    static List<String> tree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void immichBecomesAPackWithInt32TokensAndItsFixedBatchOfOne() throws IOException {
        Path export = StandInExports.immich(temp.resolve("ViT-B-32__openai"));
        List<String> before = tree(export);
        VerifiedPack pack = packer.pack(export, request, temp.resolve("out"));
        PackManifest m = pack.manifest();
        assertEquals("ViT-B-32__openai", m.name());
        assertEquals(StandInExports.DIM, m.embeddingDimension());
        assertEquals("image", m.image().input());
        assertEquals("embedding", m.image().output());
        assertEquals(1, m.image().batch());
        assertEquals(ResizeRule.SHORTEST_EDGE_CENTER_CROP, m.image().resize());
        assertEquals(224, m.image().size());
        assertEquals("text", m.text().input());
        assertEquals(TokenType.INT32, m.text().tokenType());
        assertEquals(1, m.text().batch());
        assertEquals(77, m.text().contextLength());
        assertEquals(49407, m.text().padId());
        assertEquals("visual/model.onnx", m.file(FileRole.IMAGE_ENCODER).orElseThrow().path());
        assertEquals("textual/tokenizer.json", m.file(FileRole.TOKENIZER).orElseThrow().path());
        assertEquals("immich", m.provenance().layout());
        assertTrue(m.provenance().files().stream().anyMatch(l -> l.startsWith("visual/model.onnx: user-supplied, unrecognised")), m.provenance().files().toString());
        assertEquals(before, tree(export), "the export folder must not be written to");
        ranksColours(pack);
    }

    @Test
    void transformersJsTakesTheQuantizedVariantOrTheOneAskedFor() throws IOException {
        Path export = StandInExports.transformersJs(temp.resolve("clip-vit-base-patch32"), "quantized", "fp16", "");
        VerifiedPack pack = packer.pack(export, request, temp.resolve("out"));
        assertEquals("onnx/vision_model_quantized.onnx", pack.manifest().file(FileRole.IMAGE_ENCODER).orElseThrow().path());
        assertEquals("attention_mask", pack.manifest().text().attentionMaskInput());
        assertNull(pack.manifest().image().batch());
        ranksColours(pack);
        VerifiedPack fp16 = packer.pack(export, new PackRequest("fp16", "1", "test", "fp16"), temp.resolve("out16"));
        assertEquals("onnx/text_model_fp16.onnx", fp16.manifest().file(FileRole.TEXT_ENCODER).orElseThrow().path());
    }

    @Test
    void optimumWholeModelIsCutIntoItsTwoEncodersByOutputName() throws IOException {
        Path export = StandInExports.optimum(temp.resolve("clip-optimum"));
        VerifiedPack pack = packer.pack(export, request, temp.resolve("out"));
        assertEquals("image_encoder.onnx", pack.manifest().file(FileRole.IMAGE_ENCODER).orElseThrow().path());
        assertEquals(List.of("pixel_values"), pack.imageSignature().inputs().stream().map(t -> t.name()).toList());
        assertEquals(List.of("image_embeds"), pack.imageSignature().outputs().stream().map(t -> t.name()).toList());
        assertEquals(List.of("input_ids", "attention_mask"), pack.textSignature().inputs().stream().map(t -> t.name()).toList());
        assertEquals("text_embeds", pack.manifest().text().output());
        assertTrue(pack.manifest().provenance().files().stream().anyMatch(l -> l.startsWith("image_encoder.onnx: cut out of model.onnx")));
        assertFalse(Files.exists(temp.resolve("out/model.onnx")));
        ranksColours(pack);
    }

    @Test
    void frigateJinaCacheWithMixedVariantsAndOpenClipConfigBecomesAPack() throws IOException {
        Path export = StandInExports.frigateJina(temp.resolve("jina-clip-v1"));
        VerifiedPack pack = packer.pack(export, request, temp.resolve("out"));
        assertEquals("frigate", pack.manifest().provenance().layout());
        assertEquals("vision_model_quantized.onnx", pack.manifest().file(FileRole.IMAGE_ENCODER).orElseThrow().path());
        assertEquals("text_model_fp16.onnx", pack.manifest().file(FileRole.TEXT_ENCODER).orElseThrow().path());
        assertEquals("tokenizer/tokenizer.json", pack.manifest().file(FileRole.TOKENIZER).orElseThrow().path());
        assertEquals(0.26862954f, pack.manifest().image().std()[0], 1e-7);
        ranksColours(pack);
    }

    @Test
    void aContextLengthTheExportDoesNotGiveIsAskedForAndCanBeGiven() throws IOException {
        Path export = StandInExports.frigateJina(temp.resolve("jina-clip-v1"));
        Files.writeString(export.resolve("tokenizer/tokenizer_config.json"), "{\"model_max_length\": 8192, \"pad_token\": \"<|endoftext|>\"}");
        PackVerificationException e = assertThrows(PackVerificationException.class, () -> packer.pack(export, request, temp.resolve("out")));
        assertTrue(e.getMessage().contains("text_model_fp16.onnx") && e.getMessage().contains("--context-length")
                && e.getMessage().contains("8192"), e.getMessage());
        VerifiedPack pack = packer.pack(export, new PackRequest(null, "1", "test", null, 77), temp.resolve("out"));
        assertEquals(77, pack.manifest().text().contextLength());
        ranksColours(pack);
    }

    @Test
    void mobileClipWithoutNormalisationTakesRawPixels() throws IOException {
        Path export = StandInExports.mobileClip(temp.resolve("mobileclip_s0"));
        VerifiedPack pack = packer.pack(export, request, temp.resolve("out"));
        assertEquals(0f, pack.manifest().image().mean()[1]);
        assertEquals(1f, pack.manifest().image().std()[2]);
        assertEquals(256, pack.manifest().image().size());
        ranksColours(pack);
    }

    @Test
    void externalWeightsAreListedCheckedAndLoadedFromThePack() throws IOException {
        Path export = StandInExports.transformersJs(temp.resolve("clip-external"), "");
        ExternalWeights.externalise(export.resolve("onnx/text_model.onnx"), "text_model.onnx_data");
        assertTrue(Files.size(export.resolve("onnx/text_model.onnx_data")) > 1_000_000);
        ModelStore store = new ModelStore(temp.resolve("data/models"));
        ImportResult r = store.importExport(export, request);
        VerifiedPack pack = store.verify(r.id().name());
        PackManifest.PackFile weights = pack.manifest().files().stream().filter(f -> f.path().equals("onnx/text_model.onnx_data"))
                .findFirst().orElseThrow();
        assertEquals(FileRole.OTHER, weights.role());
        ranksColours(pack);
        // a damaged weights file is caught by its hash before ONNX Runtime reads it
        Path installed = pack.dir().resolve("onnx/text_model.onnx_data");
        byte[] bytes = Files.readAllBytes(installed);
        bytes[100] ^= 1;
        Files.write(installed, bytes);
        PackVerificationException e = assertThrows(PackVerificationException.class, () -> store.verify(r.id().name()));
        assertTrue(e.getMessage().contains("text_model.onnx_data") && e.getMessage().contains("SHA-256"), e.getMessage());
    }

    @Test
    void externalWeightsSwappedAfterVerificationAreNeverLoaded() throws IOException {
        Path export = StandInExports.transformersJs(temp.resolve("clip-external"), "");
        ExternalWeights.externalise(export.resolve("onnx/text_model.onnx"), "text_model.onnx_data");
        ModelStore store = new ModelStore(temp.resolve("data/models"));
        ImportResult r = store.importExport(export, request);
        VerifiedPack pack = store.verify(r.id().name());
        // after verification, someone swaps in weights of the same size that still load (the colour table changed)
        Path installed = pack.dir().resolve("onnx/text_model.onnx_data");
        byte[] original = Files.readAllBytes(installed);
        byte[] swapped = original.clone();
        for (int i = 0; i < swapped.length; i += 4) {
            swapped[i] = swapped[(i + 40_000) % swapped.length];
        }
        Files.write(installed, swapped);
        PackVerificationException e = assertThrows(PackVerificationException.class,
                () -> OnnxVisionLanguageModel.open(pack, new RuntimeOptions(1, 1, 4)).close());
        assertTrue(e.getMessage().contains("text_model.onnx_data") && e.getMessage().contains("changed since the pack was verified"),
                e.getMessage());
        // the verified content back in place: the same verified pack opens and ranks
        Files.write(installed, original);
        ranksColours(pack);
    }

    @Test
    void hubCacheOfSymbolicLinksImportsAtItsRevision() throws IOException {
        Path export = StandInExports.transformersJs(temp.resolve("export"), "quantized");
        String rev = "d15189d7028b43f1d3e65039190477f6af591c2a";
        Path cache = StandInExports.hubCache(temp.resolve("hub"), "Xenova/clip-vit-base-patch32", export, rev);
        assertTrue(Files.isSymbolicLink(cache.resolve("snapshots/" + rev + "/tokenizer.json")));
        ModelStore store = new ModelStore(temp.resolve("data/models"));
        ImportResult r = store.importExport(cache, request);
        assertEquals("Xenova--clip-vit-base-patch32", r.id().name());
        assertTrue(r.provenance().contains("layout transformers.js, revision " + rev), r.provenance().toString());
        assertTrue(r.provenance().stream().anyMatch(l -> l.contains("matches its hub cache checksum")), r.provenance().toString());
        ranksColours(store.verify(r.id().name()));
        // the snapshot folder itself works too
        VerifiedPack fromSnapshot = packer.pack(cache.resolve("snapshots/" + rev), new PackRequest(null, "1", "t", null), temp.resolve("out"));
        assertEquals("Xenova--clip-vit-base-patch32", fromSnapshot.manifest().name());
        assertEquals(rev, fromSnapshot.manifest().provenance().revision());
    }

    @Test
    void hubCacheBlobWhoseContentDiffersFromItsChecksumIsRefused() throws IOException {
        Path export = StandInExports.transformersJs(temp.resolve("export"), "quantized");
        Path cache = StandInExports.hubCache(temp.resolve("hub"), "Xenova/clip", export, "main-rev");
        Path blob = cache.resolve("blobs").resolve(Sha256.of(export.resolve("onnx/text_model_quantized.onnx")));
        byte[] bytes = Files.readAllBytes(blob);
        bytes[bytes.length - 1] ^= 1;
        Files.write(blob, bytes);
        PackVerificationException e = assertThrows(PackVerificationException.class, () -> packer.pack(cache, request, temp.resolve("out")));
        assertTrue(e.getMessage().contains("text_model_quantized.onnx") && e.getMessage().contains("damaged"), e.getMessage());
    }

    @Test
    void zipOfAnImmichFolderImports() throws IOException {
        Path export = StandInExports.immich(temp.resolve("ViT-B-32__openai"));
        Path zip = StandInExports.zip(export, temp.resolve("immich-vit-b32.zip"));
        ModelStore store = new ModelStore(temp.resolve("data/models"));
        ImportResult r = store.importExport(zip, request);
        assertEquals("immich-vit-b32", r.id().name());
        assertFalse(r.alreadyInstalled());
        ranksColours(store.verify("immich-vit-b32"));
        try (Stream<Path> left = Files.list(store.modelsDir())) {
            assertEquals(List.of("immich-vit-b32"), left.map(p -> p.getFileName().toString()).toList(), "no build folder is left behind");
        }
    }

    @Test
    void tarOfAFrigateCacheAndZipOfASightlinePackImport() throws IOException {
        Path export = StandInExports.frigateJina(temp.resolve("jina-clip-v1"));
        Path tar = temp.resolve("jina-clip-v1.tar");
        try (var out = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(Files.newOutputStream(tar));
             Stream<Path> walk = Files.walk(export)) {
            out.setLongFileMode(org.apache.commons.compress.archivers.tar.TarArchiveOutputStream.LONGFILE_POSIX);
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                var entry = new org.apache.commons.compress.archivers.tar.TarArchiveEntry(f.toFile(),
                        "jina-clip-v1/" + export.relativize(f).toString().replace('\\', '/'));
                out.putArchiveEntry(entry);
                Files.copy(f, out);
                out.closeArchiveEntry();
            }
        }
        ModelStore store = new ModelStore(temp.resolve("data/models"));
        assertEquals("jina-clip-v1", store.importExport(tar, request).id().name());
        Path demo = StandInExports.zip(ColourModelPack.write(temp.resolve("demo-pack")), temp.resolve("demo-pack.zip"));
        assertEquals(ColourModelPack.NAME, store.importExport(demo, request).id().name());
    }

    @Test
    void anArchiveEntryLeavingItsFolderIsRefused() throws IOException {
        Path zip = temp.resolve("evil.zip");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new java.util.zip.ZipEntry("model/../../outside.txt"));
            out.write("x".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        PackVerificationException e = assertThrows(PackVerificationException.class, () -> packer.pack(zip, request, temp.resolve("out")));
        assertTrue(e.getMessage().contains("evil.zip") && e.getMessage().contains("outside"), e.getMessage());
        assertFalse(Files.exists(temp.resolve("outside.txt")));
        try (Stream<Path> left = Files.list(temp)) {
            assertEquals(List.of("evil.zip"), left.map(p -> p.getFileName().toString()).toList(), "the unpacked folder is removed");
        }
    }

    @Test
    void anEncoderThatCannotRunOnTheTestPictureIsRefusedAtImport() throws IOException {
        Path export = StandInExports.immich(temp.resolve("broken"));
        // declares [1,11] but gives 12 values: passes every static check, fails when run
        OnnxGraph g = new OnnxGraph("broken-image");
        g.input("image", ElementType.FLOAT, 1L, 3, 224, 224);
        ColourModelPack.addImageTower(g, "image", "colours", StandInExports.CLIP_MEAN, StandInExports.CLIP_STD);
        g.initializer("one_more", new float[] {0.5f}, 1, 1);
        g.node("Concat", List.of("colours", "one_more"), List.of("embedding"), Attribute.of("axis", 1L));
        g.output("embedding", ElementType.FLOAT, 1L, StandInExports.DIM);
        Files.delete(export.resolve("visual/model.onnx"));
        StandInExports.write(g, export.resolve("visual/model.onnx"));
        ModelStore store = new ModelStore(temp.resolve("data/models"));
        PackVerificationException e = assertThrows(PackVerificationException.class, () -> store.importExport(export, request));
        assertTrue(e.getMessage().contains("visual/model.onnx") && e.getMessage().contains("image encoder"), e.getMessage());
        assertTrue(store.list().isEmpty());
    }

    @Test
    void anEncoderThatDeclaresAnyBatchButRunsOnlyOneSizeIsRefused() throws IOException {
        Path export = StandInExports.transformersJs(temp.resolve("reshaped"), "");
        // symbolic batch declared, but a Reshape to [2, 11] only works for exactly two pictures
        OnnxGraph g = new OnnxGraph("two-only");
        g.input("pixel_values", ElementType.FLOAT, "batch_size", 3, 224, 224);
        ColourModelPack.addImageTower(g, "pixel_values", "colours", StandInExports.CLIP_MEAN, StandInExports.CLIP_STD);
        g.initializer("two_rows", new long[] {2, StandInExports.DIM}, 2);
        g.node("Reshape", List.of("colours", "two_rows"), List.of("image_embeds"));
        g.output("image_embeds", ElementType.FLOAT, "batch_size", StandInExports.DIM);
        Files.delete(export.resolve("onnx/vision_model.onnx"));
        StandInExports.write(g, export.resolve("onnx/vision_model.onnx"));
        PackVerificationException e = assertThrows(PackVerificationException.class, () -> packer.pack(export, request, temp.resolve("out")));
        assertTrue(e.getMessage().contains("vision_model.onnx") && e.getMessage().contains("test picture"), e.getMessage());
    }

    @Test
    void aPublishedFileIsRecognisedByContentWhateverItsName() throws IOException {
        Path export = StandInExports.frigateJina(temp.resolve("jina"));
        String sha = Sha256.of(export.resolve("tokenizer/tokenizer.json"));
        KnownModelFiles known = new KnownModelFiles(List.of(new KnownModelFiles.KnownFile("tokenizer.json", KnownModelFiles.UNKNOWN_SIZE, sha,
                "openai/clip-vit-base-patch32 @ test tokenizer.json")));
        VerifiedPack pack = new ExportPacker(new PackVerifier(known), known, org.sightline.models.store.PackTrial::run).pack(export, request, temp.resolve("out"));
        assertTrue(pack.manifest().provenance().files().contains("tokenizer/tokenizer.json: recognised openai/clip-vit-base-patch32 @ test tokenizer.json"
                + " (checksum pinned by one or two public projects)"),
                pack.manifest().provenance().files().toString());
        assertTrue(pack.recognised().stream().anyMatch(r -> r.startsWith("tokenizer/tokenizer.json")));
    }

    @Test
    void siglipStyleConfigCanonicalisesPrompts() throws IOException {
        Path export = StandInExports.immich(temp.resolve("ViT-B-16-SigLIP__webli"));
        String config = Files.readString(export.resolve("config.json"));
        Files.writeString(export.resolve("config.json"), config.replace("\"context_length\": 77,",
                "\"context_length\": 77, \"tokenizer_kwargs\": {\"clean\": \"canonicalize\"},"));
        VerifiedPack pack = packer.pack(export, request, temp.resolve("out"));
        assertEquals(PackManifest.TextCleaning.CANONICALIZE, pack.manifest().text().cleaning());
        ranksColours(pack);
    }

    @Test
    void nllbTakesItsLanguageCodeBeforeEveryPromptEnglishUnlessAsked() throws IOException {
        Path export = StandInExports.nllb(temp.resolve("nllb-clip-base-siglip__v1"));
        VerifiedPack english = packer.pack(export, request, temp.resolve("en"));
        assertEquals("eng_Latn", english.manifest().text().language());
        assertNull(english.manifest().text().prefix());
        assertEquals(languageTokenId(0), secondToken(english, "red"));
        ranksColours(english);

        VerifiedPack french = packer.pack(export, new PackRequest("nllb-fr", "1.0", "test", null, null, "fra_Latn"), temp.resolve("fr"));
        assertEquals("fra_Latn", french.manifest().text().language());
        assertEquals(languageTokenId(1), secondToken(french, "rouge"));

        PackVerificationException unknown = assertThrows(PackVerificationException.class, () -> packer.pack(export,
                new PackRequest(null, "1.0", "test", null, null, "kor_Hang"), temp.resolve("ko")));
        assertTrue(unknown.getMessage().contains("tokenizer.json") && unknown.getMessage().contains("kor_Hang"), unknown.getMessage());
        PackVerificationException notAnNllbModel = assertThrows(PackVerificationException.class, () -> packer.pack(
                StandInExports.immich(temp.resolve("ViT-B-32__openai")), new PackRequest(null, "1.0", "test", null, null, "fra_Latn"),
                temp.resolve("b32")));
        assertTrue(notAnNllbModel.getMessage().contains("NLLB"), notAnNllbModel.getMessage());
    }

    @Test
    void anNllbModelKnownOnlyByItsNameAsImmichDecidesInAHubCacheTakesEnglish() throws IOException {
        Path export = StandInExports.nllb(temp.resolve("export"));
        Files.writeString(export.resolve("config.json"), Files.readString(export.resolve("config.json")).replace("facebook/nllb-200-distilled-600M",
                "some/text-tower"));
        Path cache = StandInExports.hubCache(temp.resolve("hub"), "immich-app/nllb-clip-base-siglip__v1", export, "main-revision");
        assertEquals("eng_Latn", packer.pack(cache, request, temp.resolve("out")).manifest().text().language());
        assertNull(packer.pack(export, request, temp.resolve("plain")).manifest().text().language());
    }

    private static long languageTokenId(int index) throws IOException {
        return StandInExports.clipVocabSize() + index;
    }

    /** The token after the start token, as the pack's runtime tokenizes the prompt. */
    private static long secondToken(VerifiedPack pack, String prompt) throws IOException {
        try (PromptTokenizer tokenizer = new PromptTokenizer(pack.tokenizerJson(), pack.manifest().text().contextLength(),
                pack.manifest().text().padId())) {
            return tokenizer.tokenize(PromptCleaner.prepare(prompt, pack.manifest().text())).ids()[1];
        }
    }

    @Test
    void nomicTextModelNamedByTheConfigGetsTheSearchQueryPrefix() throws IOException {
        VerifiedPack pack = packer.pack(StandInExports.nomic(temp.resolve("nomic-embed-vision-v1.5")), request, temp.resolve("out"));
        assertEquals("search_query: ", pack.manifest().text().prefix());
        assertNull(pack.manifest().text().language());
        assertEquals("search_query: a red car", PromptCleaner.prepare("a red car", pack.manifest().text()));
        ranksColours(pack);
        VerifiedPack plain = packer.pack(StandInExports.transformersJs(temp.resolve("clip"), ""), request, temp.resolve("plain"));
        assertNull(plain.manifest().text().prefix());
    }

    /**
     * nomic's vision and text models as published (two folders; encoders giving last_hidden_state): the vision model's
     * CLS token and the text model's masked mean, layer-normalised, are the embeddings; prompts get "search_query: ".
     */
    @Test
    void nomicModelFoldersSideBySidePoolTheirTokenStates() throws IOException {
        Path export = StandInExports.nomicPair(temp.resolve("nomic"));
        List<String> before = tree(export);
        VerifiedPack pack = packer.pack(export, request, temp.resolve("out"));
        PackManifest m = pack.manifest();
        assertEquals("model pair", m.provenance().layout());
        assertEquals(2 * StandInExports.DIM, m.embeddingDimension());
        assertEquals("last_hidden_state", m.image().output());
        assertEquals(PackManifest.Pooling.CLS, m.image().pooling());
        assertEquals("last_hidden_state", m.text().output());
        assertEquals("attention_mask", m.text().attentionMaskInput());
        assertEquals(PackManifest.Pooling.MEAN_LAYER_NORM, m.text().pooling());
        assertEquals("search_query: ", m.text().prefix());
        assertEquals("nomic-embed-vision-v1.5/onnx/model.onnx", m.file(FileRole.IMAGE_ENCODER).orElseThrow().path());
        assertEquals("nomic-embed-text-v1.5/tokenizer.json", m.file(FileRole.TOKENIZER).orElseThrow().path());
        assertTrue(new String(m.toJson(), java.nio.charset.StandardCharsets.UTF_8).contains("\"pooling\" : \"mean_layer_norm\""));
        assertEquals(before, tree(export), "the export folders must not be written to");
        ranksColours(pack);
    }

    @Test
    void aTextEncoderTakingTokenTypeIdsIsFedOneSegment() throws IOException {
        VerifiedPack pack = packer.pack(StandInExports.nomicPair(temp.resolve("nomic"), true), request, temp.resolve("out"));
        assertEquals("token_type_ids", pack.manifest().text().tokenTypeInput());
        ranksColours(pack);
    }

    @Test
    void tokenStatesWhoseConfigSaysNoPoolingAreRefused() throws IOException {
        Path export = StandInExports.unpooledPair(temp.resolve("unpooled"));
        PackVerificationException e = assertThrows(PackVerificationException.class, () -> packer.pack(export, request, temp.resolve("out")));
        assertTrue(e.getMessage().contains("nomic-embed-vision-v1.5/onnx/model.onnx") && e.getMessage().contains("token states"), e.getMessage());
    }

    /** A hand-made manifest that pools the vision model's token states by their mean (zero here) is refused by the trial run. */
    @Test
    void aWrongPoolingIsCaughtByTheTrialRun() throws IOException {
        VerifiedPack pack = packer.pack(StandInExports.nomicPair(temp.resolve("nomic")), request, temp.resolve("out"));
        PackManifest m = pack.manifest();
        PackManifest wrong = new PackManifest(m.format(), m.name(), m.version(), m.licence(), m.description(), m.kind(), m.embeddingDimension(),
                m.image().withPooling(PackManifest.Pooling.MEAN), m.text(), m.files(), m.provenance());
        Files.write(pack.dir().resolve(PackManifest.FILE_NAME), wrong.toJson());
        VerifiedPack reverified = new PackVerifier().verify(pack.dir());
        PackVerificationException e = assertThrows(PackVerificationException.class, () -> org.sightline.models.store.PackTrial.run(reverified));
        assertTrue(e.getMessage().contains("image encoder") && e.getMessage().contains("model.onnx"), e.getMessage());
    }

    @Test
    void letterboxResizeIsRecordedWithItsFillAndRanks() throws IOException {
        Path export = StandInExports.letterboxed(temp.resolve("ViT-B-16-SigLIP__webli"));
        VerifiedPack pack = packer.pack(export, request, temp.resolve("out"));
        assertEquals(ResizeRule.LONGEST_EDGE_PAD, pack.manifest().image().resize());
        assertEquals(0, pack.manifest().image().fill());
        ranksColours(pack);
        Files.writeString(export.resolve("visual/preprocess_cfg.json"), Files.readString(export.resolve("visual/preprocess_cfg.json"))
                .replace("\"fill_color\": 0", "\"fill_color\": [1, 2, 3]"));
        PackVerificationException e = assertThrows(PackVerificationException.class, () -> packer.pack(export, request, temp.resolve("out2")));
        assertTrue(e.getMessage().contains("preprocess_cfg.json") && e.getMessage().contains("fill_color"), e.getMessage());
    }

    @Test
    void packRefusesToWriteIntoTheSourceOrANonEmptyFolder() throws IOException {
        Path export = StandInExports.frigateJina(temp.resolve("jina"));
        assertThrows(PackInstallException.class, () -> packer.pack(export, request, export.resolve("pack")));
        Files.createDirectories(temp.resolve("full"));
        Files.writeString(temp.resolve("full/x"), "x");
        assertThrows(PackInstallException.class, () -> packer.pack(export, request, temp.resolve("full")));
        assertFalse(Files.exists(export.resolve(PackManifest.FILE_NAME)));
    }

    @Test
    void aFolderThatIsNoKnownExportIsRefusedNamingWhatWasExpected() throws IOException {
        Files.createDirectories(temp.resolve("empty"));
        Files.writeString(temp.resolve("empty/readme.txt"), "nothing");
        PackVerificationException e = assertThrows(PackVerificationException.class, () -> packer.pack(temp.resolve("empty"), request, temp.resolve("out")));
        assertTrue(e.getMessage().contains("visual/model.onnx") && e.getMessage().contains("model.onnx"), e.getMessage());
    }
}
