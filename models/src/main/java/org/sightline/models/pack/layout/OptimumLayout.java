package org.sightline.models.pack.layout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sightline.models.pack.OnnxSignature;
import org.sightline.models.pack.PackManifest.FileRole;
import org.sightline.models.pack.PackVerificationException;
import org.sightline.models.pack.layout.LayoutPlan.PlannedFile;

/**
 * An optimum whole-model export: one {@code model.onnx} taking {@code input_ids}, {@code pixel_values} and
 * {@code attention_mask} and giving {@code logits_per_image}, {@code logits_per_text}, {@code text_embeds} and
 * {@code image_embeds}. The pack holds the two encoders cut out of it by output name ({@link OnnxTowerExtractor}):
 * {@code image_encoder.onnx} (pixels to {@code image_embeds}) and {@code text_encoder.onnx} (tokens to {@code text_embeds}).
 */
public final class OptimumLayout implements ExportLayout {
    static final String IMAGE_FILE = "image_encoder.onnx";
    static final String TEXT_FILE = "text_encoder.onnx";

    @Override
    public String name() {
        return "optimum";
    }

    @Override
    public boolean recognises(ExportFolder export) {
        return model(export, null) != null;
    }

    private static String model(ExportFolder export, String variant) {
        String suffix = variant == null || variant.isEmpty() ? "" : "_" + variant;
        for (String candidate : List.of("model" + suffix + ".onnx", "onnx/model" + suffix + ".onnx")) {
            if (export.has(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    @Override
    public LayoutPlan plan(ExportFolder export, PackRequest request) {
        String variant = request.variant();
        String model = model(export, variant);
        if (model == null) {
            throw new PackVerificationException(export.root().resolve("model.onnx"), "missing file"
                    + (variant == null ? "" : " (variant '" + variant + "')"));
        }
        Path file = export.file(model);
        byte[] whole;
        byte[] image;
        byte[] text;
        try {
            whole = Files.readAllBytes(file);
            OnnxSignature sig = OnnxSignature.read(whole);
            for (String needed : List.of("pixel_values", "input_ids")) {
                if (sig.input(needed).isEmpty()) {
                    throw new PackVerificationException(file, "a whole-model export takes pixel_values and input_ids; this one takes "
                            + EncoderPairPlanner.names(sig.inputs()));
                }
            }
            for (String needed : List.of("image_embeds", "text_embeds")) {
                if (sig.output(needed).isEmpty()) {
                    throw new PackVerificationException(file, "a whole-model export gives image_embeds and text_embeds; this one gives "
                            + EncoderPairPlanner.names(sig.outputs()));
                }
            }
            image = OnnxTowerExtractor.keepOnly(whole, "image_embeds");
            text = OnnxTowerExtractor.keepOnly(whole, "text_embeds");
        } catch (IOException e) {
            throw new PackVerificationException(file, e.getMessage(), e);
        }
        OnnxSignature imageSig = signature(file, image);
        OnnxSignature textSig = signature(file, text);
        EncoderPairPlanner planner = new EncoderPairPlanner(name(), model, model, "tokenizer.json", "preprocessor_config.json",
                "tokenizer_config.json", "config.json", List.of("image_embeds"), List.of("text_embeds"), List.of("input_ids"));
        return planner.plan(export, request, List.of(new PlannedFile(IMAGE_FILE, FileRole.IMAGE_ENCODER, model, image),
                new PlannedFile(TEXT_FILE, FileRole.TEXT_ENCODER, model, text)), imageSig, textSig, List.of());
    }

    private static OnnxSignature signature(Path file, byte[] tower) {
        try {
            return OnnxSignature.read(tower);
        } catch (IOException e) {
            throw new PackVerificationException(file, "the encoder cut out of it is not a valid model: " + e.getMessage(), e);
        }
    }
}
