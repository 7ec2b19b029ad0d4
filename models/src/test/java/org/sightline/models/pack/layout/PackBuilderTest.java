package org.sightline.models.pack.layout;

import org.sightline.models.pack.PackManifest;
import org.sightline.models.pack.PackVerificationException;
import org.sightline.models.pack.PackVerifier;
import org.sightline.models.pack.VerifiedPack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.models.generate.ColourModelPack;
import org.sightline.models.generate.OnnxGraph;
import org.sightline.models.generate.OnnxGraph.Attribute;
import org.sightline.models.generate.OnnxGraph.ElementType;
import org.sightline.models.generate.OnnxGraphWriter;
import org.sightline.models.pack.PackManifest.ResizeRule;
import org.sightline.models.runtime.OnnxVisionLanguageModel;
import org.sightline.models.runtime.RuntimeOptions;
import org.sightline.models.testing.SharedData;

/** Hugging Face / transformers.js exports become packs, with names and sizes read from the ONNX files. */
class PackBuilderTest {
    @TempDir
    Path temp;

    final PackBuilder builder = new PackBuilder(new PackVerifier(), org.sightline.models.store.PackTrial::run);

    /** A CLIP-shaped export: 224 px input, 77 tokens with attention mask, 8-d output, the real CLIP tokenizer and configs. */
    Path clipShapedExport() throws IOException {
        Path export = temp.resolve("export");
        Files.createDirectories(export.resolve("onnx"));
        OnnxGraphWriter writer = new OnnxGraphWriter("test", "1", Map.of("", 13L));
        OnnxGraph image = new OnnxGraph("vision");
        image.input("pixel_values", ElementType.FLOAT, "batch_size", 3, 224, 224);
        float[] imageProj = new float[3 * 8];
        java.util.Arrays.fill(imageProj, 0.1f);
        image.initializer("proj", imageProj, 3, 8);
        image.node("ReduceMean", List.of("pixel_values"), List.of("pooled"), Attribute.ints("axes", 2, 3), Attribute.of("keepdims", 0L));
        image.node("MatMul", List.of("pooled", "proj"), List.of("image_embeds"));
        image.output("image_embeds", ElementType.FLOAT, "batch_size", 8);
        writer.write(image, export.resolve("onnx/vision_model_quantized.onnx"));
        OnnxGraph text = new OnnxGraph("text");
        text.input("input_ids", ElementType.INT64, "batch_size", "sequence_length");
        text.input("attention_mask", ElementType.INT64, "batch_size", "sequence_length");
        float[] textProj = new float[77 * 8];
        java.util.Arrays.fill(textProj, 1e-5f);
        text.initializer("proj", textProj, 77, 8);
        text.node("Mul", List.of("input_ids", "attention_mask"), List.of("masked"));
        text.node("Cast", List.of("masked"), List.of("ids_float"), Attribute.of("to", 1L));
        text.node("MatMul", List.of("ids_float", "proj"), List.of("text_embeds"));
        text.output("last_hidden_state", ElementType.FLOAT, "batch_size", "sequence_length");
        text.output("text_embeds", ElementType.FLOAT, "batch_size", 8);
        text.node("Identity", List.of("ids_float"), List.of("last_hidden_state"));
        writer.write(text, export.resolve("onnx/text_model_quantized.onnx"));
        Path clip = SharedData.clipTokenizerDir();
        for (String f : List.of("tokenizer.json", "preprocessor_config.json", "tokenizer_config.json", "config.json", "special_tokens_map.json")) {
            Files.copy(clip.resolve(f), export.resolve(f));
        }
        return export;
    }

    @Test
    void clipExportBecomesAVerifiedPack() throws IOException {
        Path export = clipShapedExport();
        VerifiedPack pack = builder.build(export, new PackBuilder.Request("clip-shaped", "0.1", "MIT", null), temp.resolve("pack"));
        PackManifest m = pack.manifest();
        assertEquals(8, m.embeddingDimension());
        assertEquals(224, m.image().size());
        assertEquals(ResizeRule.SHORTEST_EDGE_CENTER_CROP, m.image().resize());
        assertEquals(PackManifest.Interpolation.BICUBIC, m.image().interpolation());
        assertEquals(0.48145466f, m.image().mean()[0], 1e-7);
        assertEquals(77, m.text().contextLength());
        assertEquals(49407, m.text().padId());
        assertEquals("attention_mask", m.text().attentionMaskInput());
        assertEquals("text_embeds", m.text().output());
        assertEquals("onnx/vision_model_quantized.onnx", m.file(PackManifest.FileRole.IMAGE_ENCODER).orElseThrow().path());
        assertTrue(Files.isRegularFile(temp.resolve("pack/onnx/text_model_quantized.onnx")));
        assertEquals(1, pack.textSignature().outputIndex("text_embeds"));
        try (OnnxVisionLanguageModel model = OnnxVisionLanguageModel.open(pack, new RuntimeOptions(1, 1, 4))) {
            assertEquals(8, model.embedText("a photo of a dog").length);
        }
    }

    @Test
    void demoExportRoundTripsToTheSameSettings() throws IOException {
        Path demo = ColourModelPack.write(temp.resolve("demo"));
        Path export = temp.resolve("export2");
        Files.createDirectories(export.resolve("onnx"));
        Files.copy(demo.resolve("image_encoder.onnx"), export.resolve("onnx/vision_model.onnx"));
        Files.copy(demo.resolve("text_encoder.onnx"), export.resolve("onnx/text_model.onnx"));
        Files.copy(demo.resolve("tokenizer.json"), export.resolve("tokenizer.json"));
        Files.writeString(export.resolve("preprocessor_config.json"), """
                {"do_center_crop": false, "size": {"height": 64, "width": 64}, "resample": 3, "do_rescale": true,
                 "rescale_factor": 0.00392156862745098, "image_mean": [0.48145466, 0.4578275, 0.40821073],
                 "image_std": [0.26862954, 0.26130258, 0.27577711]}
                """);
        Files.writeString(export.resolve("tokenizer_config.json"), "{\"model_max_length\": 77, \"pad_token\": \"[PAD]\"}");
        VerifiedPack pack = builder.build(export, new PackBuilder.Request("colours-again", "1.0", "test", null), null);
        PackManifest expected = new PackVerifier().verify(demo).manifest();
        assertEquals(expected.image().resize(), pack.manifest().image().resize());
        assertEquals(expected.image().size(), pack.manifest().image().size());
        assertEquals(expected.text(), pack.manifest().text());
        assertNull(pack.manifest().text().attentionMaskInput());
        assertTrue(Files.isRegularFile(export.resolve(PackManifest.FILE_NAME)));
    }

    @Test
    void exportWithoutTextModelIsRefusedNamingIt() throws IOException {
        Path export = clipShapedExport();
        Files.delete(export.resolve("onnx/text_model_quantized.onnx"));
        PackVerificationException e = assertThrows(PackVerificationException.class,
                () -> builder.build(export, new PackBuilder.Request("x", "1", "MIT", null), null));
        assertTrue(e.getMessage().contains("text_model"), e.getMessage());
    }
}
