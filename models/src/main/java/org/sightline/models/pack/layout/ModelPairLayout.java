package org.sightline.models.pack.layout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.sightline.models.pack.PackManifest.FileRole;
import org.sightline.models.pack.PackVerificationException;
import org.sightline.models.pack.layout.LayoutPlan.PlannedFile;

/**
 * Two Hugging Face model folders side by side, one vision and one text model that share an embedding space, as nomic
 * publishes them ({@code nomic-embed-vision-v1.5/} and {@code nomic-embed-text-v1.5/}, each with {@code config.json}
 * and {@code onnx/model{_VARIANT}.onnx}; the vision folder holds {@code preprocessor_config.json}, the text folder
 * {@code tokenizer.json}). Their encoders give token states ({@code last_hidden_state}), pooled as each config says:
 * the vision model's CLS token, the text model's masked mean (layer-normalised for nomic), and prompts get nomic's
 * {@code search_query: } prefix.
 */
public final class ModelPairLayout implements ExportLayout {
    private static final String ENCODER = "onnx/model";

    @Override
    public String name() {
        return "model pair";
    }

    @Override
    public boolean recognises(ExportFolder export) {
        return vision(export).isPresent() && text(export).isPresent();
    }

    @Override
    public LayoutPlan plan(ExportFolder export, PackRequest request) {
        String vision = vision(export).orElseThrow() + "/";
        String text = text(export).orElseThrow() + "/";
        String image = encoder(export, vision, request.variant());
        String textEncoder = encoder(export, text, request.variant());
        EncoderPairPlanner planner = new EncoderPairPlanner(name(), image, textEncoder, text + "tokenizer.json",
                vision + "preprocessor_config.json", text + "tokenizer_config.json", text + "config.json",
                List.of("image_embeds", "embedding", "last_hidden_state"), List.of("text_embeds", "embedding", "last_hidden_state"),
                List.of("input_ids"), vision + "config.json");
        return planner.plan(export, request, List.of(PlannedFile.copy(image, FileRole.IMAGE_ENCODER), PlannedFile.copy(textEncoder, FileRole.TEXT_ENCODER)),
                ExportConfig.signature(export.file(image)), ExportConfig.signature(export.file(textEncoder)),
                List.of(vision + "config.json", text + "special_tokens_map.json", vision + "README.md", text + "README.md"));
    }

    /** The subfolder holding a vision model: an encoder and preprocessor_config.json, no tokenizer. */
    private static Optional<String> vision(ExportFolder export) {
        return folders(export).filter(f -> export.has(f + "/preprocessor_config.json") && !export.has(f + "/tokenizer.json")).findFirst();
    }

    /** The subfolder holding a text model: an encoder and tokenizer.json, no preprocessor_config.json. */
    private static Optional<String> text(ExportFolder export) {
        return folders(export).filter(f -> export.has(f + "/tokenizer.json") && !export.has(f + "/preprocessor_config.json")).findFirst();
    }

    /** Direct subfolders with an {@code onnx/model*.onnx} and a config.json, by name. */
    private static Stream<String> folders(ExportFolder export) {
        try (Stream<Path> children = Files.list(export.root())) {
            return children.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted()
                    .filter(f -> export.has(f + "/config.json") && !variants(export, f).isEmpty()).toList().stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }

    /** The {@code onnx/model{_VARIANT}.onnx} files of a model folder, by file name. */
    private static List<String> variants(ExportFolder export, String folder) {
        Path onnx = export.root().resolve(folder).resolve("onnx");
        if (!Files.isDirectory(onnx)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(onnx)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("model") && n.endsWith(".onnx")).sorted().toList();
        } catch (IOException e) {
            throw new PackVerificationException(onnx, "cannot be listed: " + e.getMessage(), e);
        }
    }

    /** The encoder to take: the variant asked for, else the plain {@code model.onnx}, else {@code model_quantized.onnx}. */
    private static String encoder(ExportFolder export, String folder, String variant) {
        List<String> found = variants(export, folder.substring(0, folder.length() - 1));
        String wanted = variant == null ? "model.onnx" : "model_" + variant + ".onnx";
        if (found.contains(wanted)) {
            return folder + ENCODER + wanted.substring("model".length());
        }
        if (variant == null && found.contains("model_quantized.onnx")) {
            return folder + ENCODER + "_quantized.onnx";
        }
        throw new PackVerificationException(export.root().resolve(folder + "onnx"), "missing file: no " + wanted + "; found " + found
                + (variant == null ? ": choose one with --variant" : ""));
    }
}
