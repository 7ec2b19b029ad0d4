package org.sightline.models.pack.layout;

import java.util.List;
import org.sightline.models.pack.PackManifest.FileRole;
import org.sightline.models.pack.layout.LayoutPlan.PlannedFile;

/**
 * Immich's model folders (e.g. {@code immich-app/ViT-B-32__openai}; also SigLIP and multilingual M-CLIP):
 * {@code visual/model.onnx} with {@code visual/preprocess_cfg.json}, {@code textual/model.onnx} with
 * {@code textual/tokenizer.json} and {@code textual/tokenizer_config.json}, and {@code config.json}. Encoders take
 * {@code image} and {@code text} (int32 tokens; M-CLIP: {@code input_ids} + {@code attention_mask}), often with a fixed
 * batch of 1, and give {@code embedding} (older exports: {@code image_embedding} / {@code text_embedding}).
 */
public final class ImmichLayout implements ExportLayout {
    static final String IMAGE = "visual/model.onnx";
    static final String TEXT = "textual/model.onnx";

    @Override
    public String name() {
        return "immich";
    }

    @Override
    public boolean recognises(ExportFolder export) {
        return export.has(IMAGE) && export.has(TEXT);
    }

    @Override
    public LayoutPlan plan(ExportFolder export, PackRequest request) {
        String tokenizerConfig = export.has("textual/tokenizer_config.json") ? "textual/tokenizer_config.json" : "tokenizer_config.json";
        EncoderPairPlanner planner = new EncoderPairPlanner(name(), IMAGE, TEXT, "textual/tokenizer.json", "visual/preprocess_cfg.json",
                tokenizerConfig, "config.json", List.of("embedding", "image_embedding", "image_embeds"),
                List.of("embedding", "text_embedding", "text_embeds"), List.of("text", "input_ids"));
        return planner.plan(export, request, List.of(PlannedFile.copy(IMAGE, FileRole.IMAGE_ENCODER), PlannedFile.copy(TEXT, FileRole.TEXT_ENCODER)),
                ExportConfig.signature(export.file(IMAGE)), ExportConfig.signature(export.file(TEXT)),
                List.of("textual/special_tokens_map.json", "README.md"));
    }
}
