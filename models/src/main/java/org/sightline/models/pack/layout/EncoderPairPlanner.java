package org.sightline.models.pack.layout;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.sightline.models.pack.OnnxExternalData;
import org.sightline.models.pack.OnnxSignature;
import org.sightline.models.pack.PackManifest;
import org.sightline.models.pack.PackManifest.FileRole;
import org.sightline.models.pack.PackManifest.ImageSettings;
import org.sightline.models.pack.PackManifest.TextCleaning;
import org.sightline.models.pack.PackManifest.TextSettings;
import org.sightline.models.pack.PackManifest.TokenType;
import org.sightline.models.pack.PackVerificationException;
import org.sightline.models.pack.layout.LayoutPlan.PlannedFile;

/**
 * Plans a pack of two encoder files, a tokenizer and configuration files, reading tensor names, token type, fixed
 * batch sizes and the embedding dimension from the encoders themselves and preprocessing from the configs.
 *
 * @param layout           layout name
 * @param image            the image encoder file in the export
 * @param text             the text encoder file
 * @param tokenizer        tokenizer.json
 * @param preprocessing    preprocessing config (either style)
 * @param tokenizerConfig  tokenizer_config.json, or null
 * @param modelConfig      config.json, or null
 * @param imageOutputs     accepted names of the image embedding output, preferred first
 * @param textOutputs      accepted names of the text embedding output
 * @param tokenInputs      accepted names of the token input
 * @param imageConfig      the image encoder's own config.json when it has one apart from {@code modelConfig} (two model
 *                         folders side by side), else null
 */
record EncoderPairPlanner(String layout, String image, String text, String tokenizer, String preprocessing, String tokenizerConfig,
                          String modelConfig, List<String> imageOutputs, List<String> textOutputs, List<String> tokenInputs,
                          String imageConfig) {

    /** A planner whose one {@code config.json} (or {@code modelConfig}) describes both encoders. */
    EncoderPairPlanner(String layout, String image, String text, String tokenizer, String preprocessing, String tokenizerConfig,
                       String modelConfig, List<String> imageOutputs, List<String> textOutputs, List<String> tokenInputs) {
        this(layout, image, text, tokenizer, preprocessing, tokenizerConfig, modelConfig, imageOutputs, textOutputs, tokenInputs, null);
    }

    static final List<String> CONFIG_FILES = List.of(
            "preprocessor_config.json", "tokenizer_config.json", "config.json", "special_tokens_map.json", "preprocess_cfg.json");

    /** Plans the pack; {@code imageFile} and {@code textFile} are the (possibly derived) encoder files to read signatures from. */
    LayoutPlan plan(ExportFolder export, PackRequest request, List<PlannedFile> encoders, OnnxSignature imageSig, OnnxSignature textSig, List<String> extraFiles) {
        Path imagePath = export.root().resolve(image);
        Path textPath = export.root().resolve(text);
        if (imageSig.inputs().size() != 1) {
            throw new PackVerificationException(imagePath, "an image encoder takes one input (the pixels); this one takes " + names(imageSig.inputs()));
        }
        OnnxSignature.Tensor pixels = imageSig.inputs().getFirst();
        OnnxSignature.Tensor imageOut = ExportConfig.output(imageSig, imageOutputs).orElseThrow(() -> new PackVerificationException(imagePath,
                "wrong output names: an image encoder gives one of " + imageOutputs + ", this one gives " + names(imageSig.outputs())));
        OnnxSignature.Tensor textOut = ExportConfig.output(textSig, textOutputs).orElseThrow(() -> new PackVerificationException(textPath,
                "wrong output names: a text encoder gives one of " + textOutputs + ", this one gives " + names(textSig.outputs())));
        OnnxSignature.Tensor ids = ExportConfig.input(textSig, tokenInputs).orElseThrow(() -> new PackVerificationException(textPath,
                "wrong input names: a text encoder takes one of " + tokenInputs + ", this one takes " + names(textSig.inputs())));
        String mask = textSig.input("attention_mask").map(OnnxSignature.Tensor::name).orElse(null);
        TokenType tokenType = switch (ids.elementType()) {
            case 7 -> TokenType.INT64;
            case 6 -> TokenType.INT32;
            default -> throw new PackVerificationException(textPath, "token input " + ids.name() + " has element type " + ids.elementType()
                    + "; only int64 (7) and int32 (6) are supported");
        };
        JsonNode tokConfig = tokenizerConfig == null ? ExportConfig.readIfPresent(export, "tokenizer_config.json")
                : ExportConfig.readIfPresent(export, tokenizerConfig);
        JsonNode config = modelConfig == null ? ExportConfig.readIfPresent(export, "config.json") : ExportConfig.readIfPresent(export, modelConfig);
        Path tokenizerFile = export.file(tokenizer);
        Path preprocessingFile = export.file(preprocessing);
        JsonNode sentencePooling = ExportConfig.readIfPresent(export, "1_Pooling/config.json");
        ImageSettings imageSettings = ExportConfig.imageSettings(preprocessingFile, ExportConfig.readJson(preprocessingFile), pixels.name(),
                imageOut.name(), ExportConfig.fixedBatch(pixels)).withPooling(pooling(imagePath, imageOut, true,
                imageConfig == null ? config : ExportConfig.readIfPresent(export, imageConfig), sentencePooling));
        int contextLength = request.contextLength() != null ? request.contextLength()
                : ExportConfig.contextLength(textPath, ids, tokConfig, config);
        long padId = ExportConfig.padId(tokenizerFile, tokConfig);
        TextSettings textSettings = new TextSettings(contextLength, padId, ids.name(), mask, textOut.name(),
                tokenType == TokenType.INT64 ? null : tokenType, ExportConfig.fixedBatch(ids), cleaning(export, config),
                ModelFamily.namesNomicText(config) ? ModelFamily.NOMIC_QUERY_PREFIX : null,
                ModelFamily.language(export, request, config, tokConfig, tokenizerFile),
                pooling(textPath, textOut, false, config, sentencePooling),
                textSig.input("token_type_ids").map(OnnxSignature.Tensor::name).orElse(null));
        int dimension = dimension(imagePath, imageOut, textOut, config);

        List<PlannedFile> files = new ArrayList<>(encoders);
        for (PlannedFile encoder : encoders) {
            for (PlannedFile weights : externalData(export, encoder)) {
                if (files.stream().noneMatch(f -> f.packPath().equals(weights.packPath()))) {
                    files.add(weights);
                }
            }
        }
        files.add(PlannedFile.copy(tokenizer, FileRole.TOKENIZER));
        List<String> others = new ArrayList<>();
        for (String c : List.of(preprocessing, tokenizerConfig == null ? "tokenizer_config.json" : tokenizerConfig,
                modelConfig == null ? "config.json" : modelConfig)) {
            others.add(c);
        }
        others.addAll(extraFiles);
        for (String c : CONFIG_FILES) {
            others.add(c);
        }
        for (String o : others) {
            if (export.has(o) && files.stream().noneMatch(f -> f.packPath().equals(o))) {
                files.add(PlannedFile.copy(o, FileRole.OTHER));
            }
        }
        String modelName = config.path("_name_or_path").asText(config.path("model_type").asText(""));
        String description = "Vision-language model pack made from " + export.source().getFileName() + " (" + layout + " layout"
                + (modelName.isEmpty() ? "" : ", " + modelName) + ")";
        return new LayoutPlan(layout, description, files, imageSettings, textSettings, dimension);
    }

    /** open_clip's prompt cleaning ({@code text_cfg.tokenizer_kwargs.clean} of Immich's config.json); "whitespace" needs none. */
    private TextCleaning cleaning(ExportFolder export, JsonNode config) {
        JsonNode clean = config.path("text_cfg").path("tokenizer_kwargs").path("clean");
        return switch (clean.asText("")) {
            case "canonicalize" -> TextCleaning.CANONICALIZE;
            case "lower" -> TextCleaning.LOWER;
            case "", "whitespace" -> null;
            default -> throw new PackVerificationException(export.root().resolve(modelConfig == null ? "config.json" : modelConfig), "text_cfg.tokenizer_kwargs.clean \"" + clean.asText()
                    + "\" is not supported (canonicalize, lower, whitespace)");
        };
    }

    /** The external weights ({@code .onnx_data}) an encoder refers to, as pack files beside it. */
    private static List<PlannedFile> externalData(ExportFolder export, PlannedFile encoder) {
        Path source = export.file(encoder.sourcePath());
        Set<String> locations;
        try {
            locations = OnnxExternalData.locations(encoder.derived() ? encoder.content() : Files.readAllBytes(source));
        } catch (IOException e) {
            throw new PackVerificationException(source, e.getMessage(), e);
        }
        String sourceFolder = folderOf(encoder.sourcePath());
        String packFolder = folderOf(encoder.packPath());
        List<PlannedFile> files = new ArrayList<>();
        for (String location : locations) {
            if (location.startsWith("/") || location.contains("..") || location.contains("\\")) {
                throw new PackVerificationException(source, "refers to external weights '" + location + "' outside its folder; refused");
            }
            files.add(new PlannedFile(packFolder + location, FileRole.OTHER, sourceFolder + location, null));
        }
        return files;
    }

    private static String folderOf(String path) {
        return path.contains("/") ? path.substring(0, path.lastIndexOf('/') + 1) : "";
    }

    /**
     * The pooling of an encoder output: none for an embedding [N, D]; for token states [N, tokens, D] what the model
     * family's config says, refused in plain words when it says nothing.
     */
    private static PackManifest.Pooling pooling(Path where, OnnxSignature.Tensor out, boolean image, JsonNode config, JsonNode sentencePooling) {
        if (out.dims().size() != 3) {
            return null;
        }
        return ModelFamily.pooling(image, config, sentencePooling).orElseThrow(() -> new PackVerificationException(where,
                "output " + out.describe() + " holds token states, not an embedding, and neither config.json (a nomic-embed model)"
                        + " nor 1_Pooling/config.json says how they become one (the CLS token or the mean); use an export that"
                        + " gives an embedding (image_embeds / text_embeds), or add the pooling config"));
    }

    private static int dimension(Path where, OnnxSignature.Tensor imageOut, OnnxSignature.Tensor textOut, JsonNode config) {
        for (OnnxSignature.Tensor t : List.of(imageOut, textOut)) {
            int last = t.dims().size() - 1;
            if ((last == 1 || last == 2) && t.fixedDim(last) > 0) {
                return (int) t.fixedDim(last);
            }
        }
        for (JsonNode n : List.of(config.path("projection_dim"), config.path("embed_dim"))) {
            if (n.asInt(0) > 0) {
                return n.asInt();
            }
        }
        throw new PackVerificationException(where, "cannot read the embedding dimension: output " + imageOut.describe()
                + " has no fixed size and config.json gives no projection_dim or embed_dim");
    }

    static String names(List<OnnxSignature.Tensor> tensors) {
        return tensors.stream().map(OnnxSignature.Tensor::describe).toList().toString();
    }
}
