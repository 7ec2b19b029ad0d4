package org.sightline.models.pack.layout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.sightline.models.generate.ColourModelPack;
import org.sightline.models.generate.ColourVocabulary;
import org.sightline.models.generate.OnnxGraph;
import org.sightline.models.generate.OnnxGraph.Attribute;
import org.sightline.models.generate.OnnxGraph.ElementType;
import org.sightline.models.generate.OnnxGraphWriter;
import org.sightline.models.integrity.Sha256;
import org.sightline.models.testing.SharedData;

/**
 * Stand-ins for the model exports users carry, laid out exactly like the real ones (file names, input and output
 * names, element types, fixed or symbolic dims, configuration files) but with the colour-aligned demonstration
 * encoders inside (11-dimensional vectors; "red" ranks red frames first) and the real CLIP tokenizer from
 * {@code ../shared/models/clip-vit-base-patch32-tokenizer}, so rankings on real footage are checkable.
 */
public final class StandInExports {
    public static final int DIM = ColourVocabulary.COLOURS.size();
    static final float[] CLIP_MEAN = {0.48145466f, 0.4578275f, 0.40821073f};
    static final float[] CLIP_STD = {0.26862954f, 0.26130258f, 0.27577711f};
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OnnxGraphWriter WRITER = new OnnxGraphWriter("stand-in", "1", Map.of("", 13L));

    private StandInExports() {
    }

    /** The [vocab, 11] colour table over the real CLIP vocabulary (word-final tokens "red</w>" and so on). */
    public static float[] clipColourTable() throws IOException {
        JsonNode vocab = JSON.readTree(SharedData.clipTokenizerDir().resolve("tokenizer.json").toFile()).path("model").path("vocab");
        int size = vocab.size();
        float[] table = new float[size * DIM];
        for (Map.Entry<String, Map<String, Double>> e : ColourVocabulary.colourWords().entrySet()) {
            JsonNode id = vocab.get(e.getKey() + "</w>");
            if (id == null) {
                continue;
            }
            double norm = Math.sqrt(e.getValue().values().stream().mapToDouble(v -> v * v).sum());
            for (Map.Entry<String, Double> c : e.getValue().entrySet()) {
                table[id.asInt() * DIM + ColourVocabulary.COLOURS.indexOf(c.getKey())] = (float) (c.getValue() / norm);
            }
        }
        return table;
    }

    static int clipVocabSize() throws IOException {
        return JSON.readTree(SharedData.clipTokenizerDir().resolve("tokenizer.json").toFile()).path("model").path("vocab").size();
    }

    static OnnxGraph imageEncoder(String input, Object batch, int size, String output, float[] mean, float[] std) {
        OnnxGraph g = new OnnxGraph("stand-in-image");
        g.input(input, ElementType.FLOAT, batch, 3, size, size);
        ColourModelPack.addImageTower(g, input, output, mean, std);
        g.output(output, ElementType.FLOAT, batch, DIM);
        return g;
    }

    static OnnxGraph textEncoder(String input, ElementType type, Object batch, Object length, String mask, String output) throws IOException {
        OnnxGraph g = new OnnxGraph("stand-in-text");
        g.input(input, type, batch, length);
        if (mask != null) {
            g.input(mask, type, batch, length);
        }
        ColourModelPack.addTextTower(g, input, mask, output, clipColourTable(), clipVocabSize());
        g.output(output, ElementType.FLOAT, batch, DIM);
        return g;
    }

    static void write(OnnxGraph g, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        WRITER.write(g, file);
    }

    static void copyClip(Path dir, String... names) throws IOException {
        Files.createDirectories(dir);
        for (String n : names) {
            Files.copy(SharedData.clipTokenizerDir().resolve(n), dir.resolve(n));
        }
    }

    /**
     * Immich's {@code ViT-B-32__openai}: {@code visual/model.onnx} ({@code image} [1,3,224,224] -> {@code embedding} [1,D]),
     * {@code textual/model.onnx} ({@code text} int32 [1,77] -> {@code embedding} [1,D]), open_clip
     * {@code visual/preprocess_cfg.json}, {@code textual/tokenizer.json}, {@code config.json}.
     */
    public static Path immich(Path dir) throws IOException {
        write(imageEncoder("image", 1L, 224, "embedding", CLIP_MEAN, CLIP_STD), dir.resolve("visual/model.onnx"));
        write(textEncoder("text", ElementType.INT32, 1L, 77L, null, "embedding"), dir.resolve("textual/model.onnx"));
        Files.writeString(dir.resolve("visual/preprocess_cfg.json"), """
                {"size": [224, 224], "mode": "RGB", "mean": [0.48145466, 0.4578275, 0.40821073],
                 "std": [0.26862954, 0.26130258, 0.27577711], "interpolation": "bicubic", "resize_mode": "shortest", "fill_color": 0}
                """, StandardCharsets.UTF_8);
        copyClip(dir.resolve("textual"), "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json");
        Files.writeString(dir.resolve("config.json"), """
                {"embed_dim": %d, "vision_cfg": {"image_size": 224, "layers": 12, "width": 768, "patch_size": 32},
                 "text_cfg": {"context_length": 77, "vocab_size": 49408, "width": 512, "heads": 8, "layers": 12}}
                """.formatted(DIM), StandardCharsets.UTF_8);
        return dir;
    }

    /** FLORES-200 language codes the NLLB stand-in's tokenizer knows, as added special tokens after the CLIP vocabulary. */
    public static final List<String> NLLB_LANGUAGES = List.of("eng_Latn", "fra_Latn", "deu_Latn");

    /**
     * Immich's {@code nllb-clip-base-siglip__v1}, laid out as Immich ships it: open_clip's {@code config.json} whose
     * {@code text_cfg} names {@code facebook/nllb-200-distilled-600M}, and a tokenizer holding the FLORES-200 language codes
     * as special tokens (here added to the real CLIP tokenizer, ids right after its vocabulary, with zero colour rows).
     */
    public static Path nllb(Path dir) throws IOException {
        immich(dir);
        int vocab = clipVocabSize();
        float[] table = Arrays.copyOf(clipColourTable(), (vocab + NLLB_LANGUAGES.size()) * DIM);
        OnnxGraph g = new OnnxGraph("stand-in-text");
        g.input("text", ElementType.INT32, 1L, 77L);
        ColourModelPack.addTextTower(g, "text", null, "embedding", table, vocab + NLLB_LANGUAGES.size());
        g.output("embedding", ElementType.FLOAT, 1L, DIM);
        write(g, dir.resolve("textual/model.onnx"));
        ObjectNode tokenizer = (ObjectNode)
                JSON.readTree(dir.resolve("textual/tokenizer.json").toFile());
        ArrayNode added = (ArrayNode) tokenizer.get("added_tokens");
        for (int i = 0; i < NLLB_LANGUAGES.size(); i++) {
            added.addObject().put("id", vocab + i).put("content", NLLB_LANGUAGES.get(i)).put("single_word", false).put("lstrip", false)
                    .put("rstrip", false).put("normalized", false).put("special", true);
        }
        JSON.writeValue(dir.resolve("textual/tokenizer.json").toFile(), tokenizer);
        Files.writeString(dir.resolve("config.json"), """
                {"embed_dim": %d, "init_logit_bias": -10, "custom_text": true,
                 "vision_cfg": {"image_size": 224, "timm_model_name": "vit_base_patch16_siglip_384", "timm_pool": "map", "timm_proj": "none"},
                 "text_cfg": {"hf_model_name": "facebook/nllb-200-distilled-600M", "hf_tokenizer_name": "facebook/nllb-200-distilled-600M",
                              "hf_proj_type": "linear", "hf_pooler_type": "cls_pooler"}}
                """.formatted(DIM), StandardCharsets.UTF_8);
        return dir;
    }

    /**
     * A transformers.js-style export of nomic's pair (nomic-embed-vision-v1.5 with nomic-embed-text-v1.5), whose
     * {@code config.json} names the nomic text model: prompts get the {@code search_query: } prefix.
     */
    public static Path nomic(Path dir) throws IOException {
        transformersJs(dir, "");
        Files.writeString(dir.resolve("config.json"), """
                {"projection_dim": %d,
                 "text_config": {"_name_or_path": "nomic-ai/nomic-embed-text-v1.5", "model_type": "nomic_bert"},
                 "vision_config": {"_name_or_path": "nomic-ai/nomic-embed-vision-v1.5", "model_type": "nomic_bert"}}
                """.formatted(DIM), StandardCharsets.UTF_8);
        return dir;
    }

    /**
     * A vision encoder that gives token states as nomic-embed-vision's ONNX export does: {@code pixel_values}
     * [batch_size,3,224,224] -> {@code last_hidden_state} [batch_size,2,2D]. Token 0 (CLS) is the colour vector e with its
     * negation appended, [e, -e] (so its components average 0 and a layer norm keeps its direction); token 1 is its
     * negation, so only CLS pooling gives the embedding (a mean of the tokens is zero).
     */
    static OnnxGraph tokenStateImageEncoder() {
        OnnxGraph g = new OnnxGraph("stand-in-vision-states");
        g.input("pixel_values", ElementType.FLOAT, "batch_size", 3, 224, 224);
        ColourModelPack.addImageTower(g, "pixel_values", "colour_vector", CLIP_MEAN, CLIP_STD);
        g.initializer("token_axis", new long[] {1}, 1);
        g.node("Neg", List.of("colour_vector"), List.of("negated_colours"));
        g.node("Concat", List.of("colour_vector", "negated_colours"), List.of("cls_state"), Attribute.of("axis", 1L));
        g.node("Neg", List.of("cls_state"), List.of("patch_state"));
        g.node("Unsqueeze", List.of("cls_state", "token_axis"), List.of("cls_token"));
        g.node("Unsqueeze", List.of("patch_state", "token_axis"), List.of("patch_token"));
        g.node("Concat", List.of("cls_token", "patch_token"), List.of("last_hidden_state"), Attribute.of("axis", 1L));
        g.output("last_hidden_state", ElementType.FLOAT, "batch_size", 2, 2 * DIM);
        return g;
    }

    /**
     * A text encoder that gives token states as nomic-embed-text's ONNX export does: {@code input_ids} and
     * {@code attention_mask} [batch_size,sequence_length] -> {@code last_hidden_state} [batch_size,sequence_length,2D].
     * Every kept token holds the prompt's colour vector [e, -e]; padding tokens hold a strong "junk" vector, so only a
     * mean over the tokens the attention mask keeps gives the embedding.
     */
    static OnnxGraph tokenStateTextEncoder(boolean tokenTypes) throws IOException {
        OnnxGraph g = new OnnxGraph("stand-in-text-states");
        g.input("input_ids", ElementType.INT64, "batch_size", "sequence_length");
        g.input("attention_mask", ElementType.INT64, "batch_size", "sequence_length");
        if (tokenTypes) {
            // BERT-style exports also take the segment of each token; a second segment would shift every state here
            g.input("token_type_ids", ElementType.INT64, "batch_size", "sequence_length");
        }
        ColourModelPack.addTextTower(g, "input_ids", "attention_mask", "colour_vector", clipColourTable(), clipVocabSize());
        float[] junk = new float[2 * DIM];
        junk[0] = 50;
        junk[DIM] = -50;
        g.initializer("token_axis", new long[] {1}, 1);
        g.initializer("state_axis", new long[] {2}, 1);
        g.initializer("one", new float[] {1}, 1);
        g.initializer("padding_state", junk, 2 * DIM);
        g.node("Neg", List.of("colour_vector"), List.of("negated_colours"));
        g.node("Concat", List.of("colour_vector", "negated_colours"), List.of("prompt_state"), Attribute.of("axis", 1L));
        g.node("Unsqueeze", List.of("prompt_state", "token_axis"), List.of("prompt_row"));
        g.node("Cast", List.of("attention_mask"), List.of("kept_float"), Attribute.of("to", (long) ElementType.FLOAT.code()));
        g.node("Unsqueeze", List.of("kept_float", "state_axis"), List.of("kept_column"));
        g.node("Mul", List.of("prompt_row", "kept_column"), List.of("kept_states"));
        g.node("Sub", List.of("one", "kept_column"), List.of("padding_column"));
        g.node("Mul", List.of("padding_column", "padding_state"), List.of("padding_states"));
        if (tokenTypes) {
            g.initializer("segment_shift", junk, 2 * DIM);
            g.node("Cast", List.of("token_type_ids"), List.of("segment_float"), Attribute.of("to", (long) ElementType.FLOAT.code()));
            g.node("Unsqueeze", List.of("segment_float", "state_axis"), List.of("segment_column"));
            g.node("Mul", List.of("segment_column", "segment_shift"), List.of("segment_states"));
            g.node("Add", List.of("kept_states", "padding_states"), List.of("token_states"));
            g.node("Add", List.of("token_states", "segment_states"), List.of("last_hidden_state"));
        } else {
            g.node("Add", List.of("kept_states", "padding_states"), List.of("last_hidden_state"));
        }
        g.output("last_hidden_state", ElementType.FLOAT, "batch_size", "sequence_length", 2 * DIM);
        return g;
    }

    /**
     * nomic's two models as published, side by side: {@code nomic-embed-vision-v1.5/} ({@code config.json} naming
     * {@code NomicVisionModel}, {@code preprocessor_config.json}, {@code onnx/model.onnx} giving {@code last_hidden_state})
     * and {@code nomic-embed-text-v1.5/} ({@code config.json} of a {@code nomic_bert} model, the tokenizer,
     * {@code onnx/model.onnx} with an attention mask giving {@code last_hidden_state}); the real CLIP tokenizer stands in
     * for nomic's BERT one.
     */
    public static Path nomicPair(Path dir) throws IOException {
        return nomicPair(dir, false);
    }

    /** The same, the text encoder also taking {@code token_type_ids} as BERT-style exports do (fed zeros: one segment). */
    public static Path nomicPair(Path dir, boolean tokenTypes) throws IOException {
        Path vision = dir.resolve("nomic-embed-vision-v1.5");
        Path text = dir.resolve("nomic-embed-text-v1.5");
        write(tokenStateImageEncoder(), vision.resolve("onnx/model.onnx"));
        write(tokenStateTextEncoder(tokenTypes), text.resolve("onnx/model.onnx"));
        Files.writeString(vision.resolve("config.json"), """
                {"_name_or_path": "nomic-ai/nomic-embed-vision-v1.5", "architectures": ["NomicVisionModel"],
                 "model_type": "nomic_bert", "n_embd": %d, "img_size": 224, "patch_size": 16}
                """.formatted(2 * DIM), StandardCharsets.UTF_8);
        Files.writeString(vision.resolve("preprocessor_config.json"), """
                {"crop_size": {"height": 224, "width": 224}, "do_center_crop": true, "do_normalize": true, "do_rescale": true,
                 "do_resize": true, "image_mean": [0.48145466, 0.4578275, 0.40821073], "image_processor_type": "CLIPImageProcessor",
                 "image_std": [0.26862954, 0.26130258, 0.27577711], "resample": 3, "rescale_factor": 0.00392156862745098,
                 "size": {"shortest_edge": 224}}
                """, StandardCharsets.UTF_8);
        copyClip(text, "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json");
        Files.writeString(text.resolve("config.json"), """
                {"_name_or_path": "nomic-ai/nomic-embed-text-v1.5", "architectures": ["NomicBertModel"], "model_type": "nomic_bert",
                 "n_embd": %d, "n_positions": 8192}
                """.formatted(2 * DIM), StandardCharsets.UTF_8);
        return dir;
    }

    /**
     * A nomic pair whose vision model does not say how its token states are pooled (its config names no nomic model):
     * refused at import.
     */
    public static Path unpooledPair(Path dir) throws IOException {
        nomicPair(dir);
        Files.writeString(dir.resolve("nomic-embed-vision-v1.5/config.json"), "{\"model_type\": \"vit\"}", StandardCharsets.UTF_8);
        return dir;
    }

    /** An Immich export whose open_clip preprocessing letterboxes ({@code resize_mode: longest}, {@code fill_color: 0}). */
    public static Path letterboxed(Path dir) throws IOException {
        immich(dir);
        Files.writeString(dir.resolve("visual/preprocess_cfg.json"), """
                {"size": [224, 224], "mode": "RGB", "mean": [0.48145466, 0.4578275, 0.40821073],
                 "std": [0.26862954, 0.26130258, 0.27577711], "interpolation": "bicubic", "resize_mode": "longest", "fill_color": 0}
                """, StandardCharsets.UTF_8);
        return dir;
    }

    /**
     * A transformers.js / Xenova export: {@code onnx/vision_model{_VARIANT}.onnx} ({@code pixel_values} -> {@code image_embeds})
     * and {@code onnx/text_model{_VARIANT}.onnx} ({@code input_ids} + {@code attention_mask} -> {@code text_embeds}, symbolic dims),
     * root tokenizer and configs. Variant "" is the plain file.
     */
    public static Path transformersJs(Path dir, String... variants) throws IOException {
        for (String v : variants) {
            String suffix = v.isEmpty() ? "" : "_" + v;
            write(imageEncoder("pixel_values", "batch_size", 224, "image_embeds", CLIP_MEAN, CLIP_STD), dir.resolve("onnx/vision_model" + suffix + ".onnx"));
            write(textEncoder("input_ids", ElementType.INT64, "batch_size", "sequence_length", "attention_mask", "text_embeds"),
                    dir.resolve("onnx/text_model" + suffix + ".onnx"));
        }
        copyClip(dir, "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "preprocessor_config.json", "config.json");
        return dir;
    }

    /** Xenova MobileCLIP: as transformers.js, but 256 px and {@code do_normalize: false} with no mean or std. */
    public static Path mobileClip(Path dir) throws IOException {
        write(imageEncoder("pixel_values", "batch_size", 256, "image_embeds", new float[] {0, 0, 0}, new float[] {1, 1, 1}),
                dir.resolve("onnx/vision_model.onnx"));
        write(textEncoder("input_ids", ElementType.INT64, "batch_size", 77L, null, "text_embeds"), dir.resolve("onnx/text_model.onnx"));
        copyClip(dir, "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json");
        Files.writeString(dir.resolve("preprocessor_config.json"), """
                {"crop_size": {"height": 256, "width": 256}, "do_center_crop": true, "do_normalize": false, "do_rescale": true,
                 "do_resize": true, "image_processor_type": "MobileViTFeatureExtractor", "resample": 2,
                 "rescale_factor": 0.00392156862745098, "size": {"shortest_edge": 256}}
                """, StandardCharsets.UTF_8);
        return dir;
    }

    /**
     * Frigate's cache of jina-clip-v1: {@code text_model_fp16.onnx} and {@code vision_model_quantized.onnx} side by side,
     * the tokenizer in {@code tokenizer/}, open_clip-style {@code preprocessor_config.json}.
     */
    public static Path frigateJina(Path dir) throws IOException {
        write(imageEncoder("pixel_values", "batch_size", 224, "image_embeds", CLIP_MEAN, CLIP_STD), dir.resolve("vision_model_quantized.onnx"));
        write(textEncoder("input_ids", ElementType.INT64, "batch_size", "sequence_length", null, "text_embeds"), dir.resolve("text_model_fp16.onnx"));
        copyClip(dir.resolve("tokenizer"), "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json");
        Files.writeString(dir.resolve("preprocessor_config.json"), """
                {"mean": [0.48145466, 0.4578275, 0.40821073], "std": [0.26862954, 0.26130258, 0.27577711],
                 "resize_mode": "shortest", "size": 224, "interpolation": "bicubic", "fill_color": 0}
                """, StandardCharsets.UTF_8);
        return dir;
    }

    /**
     * An optimum whole-model export: one {@code model.onnx} with inputs {@code input_ids}, {@code pixel_values},
     * {@code attention_mask} and outputs {@code logits_per_image}, {@code logits_per_text}, {@code text_embeds},
     * {@code image_embeds}.
     */
    public static Path optimum(Path dir) throws IOException {
        OnnxGraph g = new OnnxGraph("stand-in-clip");
        g.input("input_ids", ElementType.INT64, "text_batch_size", "sequence_length");
        g.input("pixel_values", ElementType.FLOAT, "image_batch_size", 3, 224, 224);
        g.input("attention_mask", ElementType.INT64, "text_batch_size", "sequence_length");
        ColourModelPack.addImageTower(g, "pixel_values", "image_embeds", CLIP_MEAN, CLIP_STD);
        ColourModelPack.addTextTower(g, "input_ids", "attention_mask", "text_embeds", clipColourTable(), clipVocabSize());
        g.node("Transpose", List.of("image_embeds"), List.of("image_embeds_t"), Attribute.ints("perm", 1, 0));
        g.node("MatMul", List.of("text_embeds", "image_embeds_t"), List.of("logits_per_text"));
        g.node("Transpose", List.of("logits_per_text"), List.of("logits_per_image"), Attribute.ints("perm", 1, 0));
        g.output("logits_per_image", ElementType.FLOAT, "image_batch_size", "text_batch_size");
        g.output("logits_per_text", ElementType.FLOAT, "text_batch_size", "image_batch_size");
        g.output("text_embeds", ElementType.FLOAT, "text_batch_size", DIM);
        g.output("image_embeds", ElementType.FLOAT, "image_batch_size", DIM);
        write(g, dir.resolve("model.onnx"));
        copyClip(dir, "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "preprocessor_config.json", "config.json");
        return dir;
    }

    /**
     * A Hugging Face hub cache of {@code export}: {@code models--OWNER--NAME/blobs/} (ONNX files named by their SHA-256 as
     * LFS files are, others by a SHA-1), {@code refs/main}, and {@code snapshots/REV/} of relative symbolic links.
     *
     * @return the cache folder {@code models--OWNER--NAME}
     */
    public static Path hubCache(Path cacheParent, String repo, Path export, String revision) throws IOException {
        Path cache = cacheParent.resolve("models--" + repo.replace("/", "--"));
        Path snapshot = cache.resolve("snapshots").resolve(revision);
        Files.createDirectories(cache.resolve("blobs"));
        Files.createDirectories(cache.resolve("refs"));
        Files.writeString(cache.resolve("refs/main"), revision, StandardCharsets.UTF_8);
        try (Stream<Path> walk = Files.walk(export)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                String rel = export.relativize(f).toString();
                String blob = rel.endsWith(".onnx") ? Sha256.of(f) : sha1(Files.readAllBytes(f));
                Path blobFile = cache.resolve("blobs").resolve(blob);
                if (!Files.exists(blobFile)) {
                    Files.copy(f, blobFile);
                }
                Path link = snapshot.resolve(rel);
                Files.createDirectories(link.getParent());
                Files.createSymbolicLink(link, link.getParent().relativize(blobFile));
            }
        }
        return cache;
    }

    private static String sha1(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Zips {@code folder} as one top-level folder of its own name, as people zip a model folder. */
    public static Path zip(Path folder, Path zipFile) throws IOException {
        try (OutputStream out = Files.newOutputStream(zipFile); ZipOutputStream zip = new ZipOutputStream(out);
             Stream<Path> walk = Files.walk(folder)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(folder.getFileName() + "/" + folder.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, zip);
                zip.closeEntry();
            }
        }
        return zipFile;
    }
}
