package org.sightline.models.pack.layout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sightline.models.pack.OnnxSignature;
import org.sightline.models.pack.PackManifest.ImageSettings;
import org.sightline.models.pack.PackManifest.Interpolation;
import org.sightline.models.pack.PackManifest.ResizeRule;
import org.sightline.models.pack.PackVerificationException;

/**
 * Reads the configuration files that come with exports: image preprocessing from Hugging Face
 * {@code preprocessor_config.json} ({@code image_mean}, {@code resample}, {@code do_center_crop}...) and open_clip /
 * Immich {@code preprocess_cfg.json} ({@code mean}, {@code interpolation}, {@code resize_mode}...) alike, the context
 * length and pad token of a tokenizer, and the ONNX signatures of encoders.
 */
public final class ExportConfig {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExportConfig() {
    }

    public static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new PackVerificationException(file, "not valid JSON: " + e.getMessage(), e);
        }
    }

    /** The JSON of {@code relative} in the export, or an empty object when the export does not have it. */
    public static JsonNode readIfPresent(ExportFolder export, String relative) {
        return export.has(relative) ? readJson(export.file(relative)) : JSON.createObjectNode();
    }

    public static OnnxSignature signature(Path file) {
        try {
            return OnnxSignature.read(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new PackVerificationException(file, e.getMessage(), e);
        }
    }

    /**
     * Image settings from a preprocessing config of either style.
     *
     * @param file the config (named in errors)
     * @param cfg  its JSON
     */
    public static ImageSettings imageSettings(Path file, JsonNode cfg, String input, String output, Integer batch) {
        Interpolation interpolation = interpolation(file, cfg);
        boolean normalise = cfg.path("do_normalize").asBoolean(true);
        float[] mean = normalise ? floats(file, first(cfg, "image_mean", "mean"), "image_mean") : new float[] {0, 0, 0};
        float[] std = normalise ? floats(file, first(cfg, "image_std", "std"), "image_std") : new float[] {1, 1, 1};
        double rescale = cfg.path("do_rescale").asBoolean(true) ? cfg.path("rescale_factor").asDouble(1.0 / 255.0) : 1.0;
        ResizeRule rule;
        int size;
        JsonNode sizeNode = cfg.path("size");
        if (cfg.has("resize_mode")) {
            String mode = cfg.path("resize_mode").asText();
            rule = switch (mode) {
                case "shortest" -> ResizeRule.SHORTEST_EDGE_CENTER_CROP;
                case "squash" -> ResizeRule.SQUASH;
                case "longest" -> ResizeRule.LONGEST_EDGE_PAD;
                default -> throw new PackVerificationException(file, "resize_mode \"" + mode + "\" is not one of shortest, squash, longest");
            };
            size = side(file, sizeNode, "size");
        } else if (cfg.path("do_center_crop").asBoolean(false)) {
            int cropSize = side(file, cfg.path("crop_size"), "crop_size");
            int shortest = sizeNode.has("shortest_edge") ? sizeNode.get("shortest_edge").asInt() : side(file, sizeNode, "size");
            if (shortest != cropSize) {
                throw new PackVerificationException(file, "resize to shortest edge " + shortest + " then crop " + cropSize
                        + " is not supported; only equal sizes (as CLIP uses)");
            }
            rule = ResizeRule.SHORTEST_EDGE_CENTER_CROP;
            size = cropSize;
        } else {
            rule = ResizeRule.SQUASH;
            size = side(file, sizeNode, "size");
        }
        Integer fill = rule == ResizeRule.LONGEST_EDGE_PAD ? fillColour(file, cfg.path("fill_color")) : null;
        try {
            return new ImageSettings(size, rule, interpolation, rescale, mean, std, input, output, batch, fill);
        } catch (IllegalArgumentException e) {
            throw new PackVerificationException(file, e.getMessage(), e);
        }
    }

    /** open_clip's {@code fill_color}: one grey level 0..255 (0 when absent). */
    private static int fillColour(Path file, JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return 0;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() < 0 || node.asInt() > 255) {
            throw new PackVerificationException(file, "fill_color must be one grey level 0..255, got " + node);
        }
        return node.asInt();
    }

    private static Interpolation interpolation(Path file, JsonNode cfg) {
        if (cfg.has("interpolation")) {
            String name = cfg.path("interpolation").asText().toLowerCase(Locale.ROOT);
            return switch (name) {
                case "bicubic" -> Interpolation.BICUBIC;
                case "bilinear" -> Interpolation.BILINEAR;
                default -> throw new PackVerificationException(file, "interpolation \"" + name + "\" is not supported (bicubic, bilinear)");
            };
        }
        int resample = cfg.path("resample").asInt(3);
        return switch (resample) {
            case 3 -> Interpolation.BICUBIC;
            case 2 -> Interpolation.BILINEAR;
            default -> throw new PackVerificationException(file, "resample " + resample + " is not supported (2 bilinear, 3 bicubic)");
        };
    }

    private static JsonNode first(JsonNode cfg, String... names) {
        for (String n : names) {
            if (cfg.has(n)) {
                return cfg.get(n);
            }
        }
        return cfg.path(names[0]);
    }

    /** One square side from a number, [h, w], {height, width} or {shortest_edge}. */
    static int side(Path file, JsonNode node, String field) {
        if (node.isInt()) {
            return node.asInt();
        }
        if (node.isArray() && node.size() == 2 && node.get(0).asInt() == node.get(1).asInt() && node.get(0).asInt() > 0) {
            return node.get(0).asInt();
        }
        if (node.has("height") && node.has("width") && node.get("height").asInt() == node.get("width").asInt()) {
            return node.get("height").asInt();
        }
        if (node.has("shortest_edge")) {
            return node.get("shortest_edge").asInt();
        }
        throw new PackVerificationException(file, field + " must be one square size, got " + node);
    }

    private static float[] floats(Path file, JsonNode node, String field) {
        if (!node.isArray() || node.size() != 3) {
            throw new PackVerificationException(file, field + " must hold 3 numbers, got " + node
                    + (node.isMissingNode() ? " (say \"do_normalize\": false when the model takes unnormalised pixels)" : ""));
        }
        return new float[] {(float) node.get(0).asDouble(), (float) node.get(1).asDouble(), (float) node.get(2).asDouble()};
    }

    /**
     * The context length: the token input's fixed length, else {@code model_max_length} of the tokenizer config, else
     * a context length in the model config.
     */
    public static int contextLength(Path where, OnnxSignature.Tensor ids, JsonNode tokenizerConfig, JsonNode modelConfig) {
        if (ids.dims().size() == 2 && ids.fixedDim(1) > 0) {
            return (int) ids.fixedDim(1);
        }
        JsonNode max = tokenizerConfig.path("model_max_length");
        if (max.canConvertToInt() && max.asInt() > 1 && max.asInt() <= 4096) {
            return max.asInt();
        }
        for (JsonNode n : List.of(modelConfig.path("text_config").path("max_position_embeddings"),
                modelConfig.path("text_cfg").path("context_length"), modelConfig.path("max_position_embeddings"))) {
            if (n.asInt(0) > 1) {
                return n.asInt();
            }
        }
        throw new PackVerificationException(where, "cannot find the context length (a fixed token input length, or model_max_length"
                + " of 2..4096 in tokenizer_config.json" + (max.isMissingNode() ? "" : ", which says " + max.asText())
                + "); give it with --context-length, e.g. the length the model was trained with");
    }

    /** The pad token's id: the tokenizer config's pad token (else its end token) looked up in tokenizer.json; 0 when neither is named. */
    public static long padId(Path tokenizerFile, JsonNode tokenizerConfig) {
        String named = tokenText(tokenizerConfig.get("pad_token"));
        String pad = named != null ? named : tokenText(tokenizerConfig.get("eos_token"));
        if (pad == null) {
            return 0;
        }
        return tokenId(tokenizerFile, pad).orElseThrow(() -> new PackVerificationException(tokenizerFile, "pad token " + pad
                + " named in tokenizer_config.json is not in the tokenizer"));
    }

    /** The id of a token of {@code tokenizer.json}: an added (special) token or a vocabulary entry. */
    public static Optional<Long> tokenId(Path tokenizerFile, String token) {
        JsonNode tokenizer = readJson(tokenizerFile);
        for (JsonNode t : tokenizer.path("added_tokens")) {
            if (token.equals(t.path("content").asText())) {
                return Optional.of(t.path("id").asLong());
            }
        }
        JsonNode vocabId = tokenizer.path("model").path("vocab").get(token);
        return vocabId != null && vocabId.canConvertToLong() ? Optional.of(vocabId.asLong()) : Optional.empty();
    }

    private static String tokenText(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isTextual() ? node.asText() : node.path("content").asText(null);
    }

    /** The first output of {@code sig} whose name is one of {@code names}, in the order of {@code names}. */
    public static Optional<OnnxSignature.Tensor> output(OnnxSignature sig, List<String> names) {
        return names.stream().map(sig::output).flatMap(Optional::stream).findFirst();
    }

    /** The first input of {@code sig} whose name is one of {@code names}. */
    public static Optional<OnnxSignature.Tensor> input(OnnxSignature sig, List<String> names) {
        return names.stream().map(sig::input).flatMap(Optional::stream).findFirst();
    }

    /** The fixed first dimension of a tensor, or null when it is symbolic. */
    public static Integer fixedBatch(OnnxSignature.Tensor t) {
        return t.dims().isEmpty() || t.fixedDim(0) <= 0 ? null : (int) t.fixedDim(0);
    }
}
