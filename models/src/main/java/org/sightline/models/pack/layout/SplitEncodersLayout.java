package org.sightline.models.pack.layout;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.sightline.models.pack.PackManifest.FileRole;
import org.sightline.models.pack.PackVerificationException;
import org.sightline.models.pack.layout.LayoutPlan.PlannedFile;

/**
 * Separate {@code vision_model*.onnx} and {@code text_model*.onnx} files with a Hugging Face tokenizer and
 * {@code preprocessor_config.json}: transformers.js / Xenova exports (encoders in {@code onnx/}, every variant suffix:
 * {@code _quantized}, {@code _fp16}, {@code _int8}, {@code _uint8}, {@code _q4}, {@code _bnb4}...) and Frigate's model
 * cache of jina-clip-v1 (encoders beside the configs, tokenizer in {@code tokenizer/}, possibly different variants for
 * the two encoders). Encoders that give token states ({@code last_hidden_state}, as nomic-embed-vision and
 * nomic-embed-text exports do) are pooled as the config says (see {@link ModelFamily#pooling}).
 */
public final class SplitEncodersLayout implements ExportLayout {
    public static final SplitEncodersLayout TRANSFORMERS_JS = new SplitEncodersLayout("transformers.js", "onnx/");
    public static final SplitEncodersLayout FRIGATE = new SplitEncodersLayout("frigate", "");

    private final String name;
    private final String dir;

    private SplitEncodersLayout(String name, String dir) {
        this.name = name;
        this.dir = dir;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean recognises(ExportFolder export) {
        return !variants(export, "vision_model").isEmpty() && !variants(export, "text_model").isEmpty();
    }

    @Override
    public LayoutPlan plan(ExportFolder export, PackRequest request) {
        String image = pick(export, "vision_model", request.variant());
        String text = pick(export, "text_model", request.variant());
        String tokenizer = export.has("tokenizer.json") ? "tokenizer.json" : "tokenizer/tokenizer.json";
        String tokenizerConfig = export.has("tokenizer_config.json") ? "tokenizer_config.json" : "tokenizer/tokenizer_config.json";
        EncoderPairPlanner planner = new EncoderPairPlanner(name, image, text, tokenizer, "preprocessor_config.json", tokenizerConfig,
                "config.json", List.of("image_embeds", "image_embeddings", "embedding", "last_hidden_state"),
                List.of("text_embeds", "text_embeddings", "embedding", "last_hidden_state"),
                List.of("input_ids"));
        return planner.plan(export, request, List.of(PlannedFile.copy(image, FileRole.IMAGE_ENCODER), PlannedFile.copy(text, FileRole.TEXT_ENCODER)),
                ExportConfig.signature(export.file(image)), ExportConfig.signature(export.file(text)),
                List.of("tokenizer/special_tokens_map.json", "tokenizer/vocab.txt"));
    }

    /** Variant suffix ("" for the plain file) to relative path. */
    private TreeMap<String, String> variants(ExportFolder export, String stem) {
        TreeMap<String, String> found = new TreeMap<>();
        Path folder = export.root().resolve(dir.isEmpty() ? "." : dir).normalize();
        if (!Files.isDirectory(folder)) {
            return found;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, stem + "*.onnx")) {
            for (Path f : files) {
                String file = f.getFileName().toString();
                String suffix = file.substring(stem.length(), file.length() - ".onnx".length());
                found.put(suffix.startsWith("_") ? suffix.substring(1) : suffix, dir + file);
            }
        } catch (IOException e) {
            throw new PackVerificationException(folder, "cannot be listed: " + e.getMessage(), e);
        }
        return found;
    }

    private String pick(ExportFolder export, String stem, String variant) {
        TreeMap<String, String> found = variants(export, stem);
        Path where = export.root().resolve(dir + stem + ".onnx");
        if (found.isEmpty()) {
            throw new PackVerificationException(where, "missing file: no " + dir + stem + "*.onnx in the export");
        }
        if (variant != null) {
            String chosen = found.get(variant);
            if (chosen == null) {
                throw new PackVerificationException(where, "missing file: no " + stem + " variant '" + variant + "'; found " + found.values());
            }
            return chosen;
        }
        if (found.size() == 1) {
            return found.firstEntry().getValue();
        }
        if (found.containsKey("quantized")) {
            return found.get("quantized");
        }
        throw new PackVerificationException(where, "several " + stem + " files " + found.values() + ": choose one with --variant");
    }
}
