package org.sightline.models.pack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.sightline.models.integrity.Sha256;
import org.sightline.models.pack.PackManifest.FileRole;
import org.sightline.models.pack.PackManifest.ImageSettings;
import org.sightline.models.pack.PackManifest.Interpolation;
import org.sightline.models.pack.PackManifest.PackFile;
import org.sightline.models.pack.PackManifest.ResizeRule;
import org.sightline.models.pack.PackManifest.TextSettings;

/**
 * Turns a Hugging Face / transformers.js style export ({@code onnx/vision_model*.onnx}, {@code onnx/text_model*.onnx},
 * {@code tokenizer.json}, {@code preprocessor_config.json}, and {@code tokenizer_config.json} / {@code config.json}
 * for the context length and pad token) into a model pack by writing its manifest. Tensor names and the embedding
 * dimension are read from the ONNX files themselves. The result is verified before it is returned.
 */
public final class PackBuilder {

    /**
     * What to build.
     *
     * @param name    pack name
     * @param version pack version
     * @param licence licence of the files
     * @param variant ONNX file variant: null picks "quantized" when there are several, "" means {@code vision_model.onnx},
     *                "fp16" means {@code vision_model_fp16.onnx}, and so on
     */
    public record Request(String name, String version, String licence, String variant) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CONFIG_FILES = List.of(
            "preprocessor_config.json", "tokenizer_config.json", "config.json", "special_tokens_map.json");

    private final PackVerifier verifier;

    public PackBuilder(PackVerifier verifier) {
        this.verifier = verifier;
    }

    /**
     * Writes {@code sightline-model.json} for the export in {@code exportDir}; when {@code outDir} is not null, copies
     * the pack's files there first and writes the manifest there instead.
     *
     * @return the verified pack
     * @throws PackVerificationException naming the file when the export is incomplete or inconsistent
     */
    public VerifiedPack build(Path exportDir, Request request, Path outDir) throws IOException {
        Path src = exportDir.toAbsolutePath().normalize();
        if (!PackVerifier.PACK_NAME.matcher(request.name()).matches()) {
            throw new PackVerificationException(src, "'" + request.name() + "' is not a valid pack name (letters, digits, '.', '_', '-')");
        }
        String vision = pickOnnx(src, "vision_model", request.variant());
        String text = pickOnnx(src, "text_model", request.variant());
        Path tokenizerFile = require(src, "tokenizer.json");
        Path preprocessorFile = require(src, "preprocessor_config.json");

        OnnxSignature imageSig = signature(src.resolve(vision));
        OnnxSignature textSig = signature(src.resolve(text));
        OnnxSignature.Tensor imageIn = imageSig.inputs().getFirst();
        OnnxSignature.Tensor imageOut = embeddingOutput(src.resolve(vision), imageSig, "image_embeds");
        OnnxSignature.Tensor textOut = embeddingOutput(src.resolve(text), textSig, "text_embeds");
        OnnxSignature.Tensor ids = textSig.input("input_ids").orElseThrow(() -> new PackVerificationException(src.resolve(text),
                "wrong input names: a text encoder needs input_ids, the model takes " + textSig.inputs()));
        String mask = textSig.input("attention_mask").map(OnnxSignature.Tensor::name).orElse(null);
        long dimension = embeddingDimension(src, vision, imageOut, textOut);

        JsonNode pre = readJson(preprocessorFile);
        ImageSettings image = imageSettings(preprocessorFile, pre, imageIn.name(), imageOut.name());
        int contextLength = contextLength(src, ids);
        long padId = padId(src, tokenizerFile);
        TextSettings textSettings = new TextSettings(contextLength, padId, ids.name(), mask, textOut.name());

        List<String> paths = new ArrayList<>(List.of(vision, text, "tokenizer.json"));
        for (String c : CONFIG_FILES) {
            if (Files.isRegularFile(src.resolve(c), LinkOption.NOFOLLOW_LINKS)) {
                paths.add(c);
            }
        }
        Path target = outDir == null ? src : outDir.toAbsolutePath().normalize();
        if (outDir != null) {
            for (String p : paths) {
                Path to = target.resolve(p);
                Files.createDirectories(to.getParent());
                Files.copy(src.resolve(p), to, StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
            }
        }
        List<PackFile> files = new ArrayList<>();
        for (String p : paths) {
            FileRole role = p.equals(vision) ? FileRole.IMAGE_ENCODER : p.equals(text) ? FileRole.TEXT_ENCODER
                    : p.equals("tokenizer.json") ? FileRole.TOKENIZER : FileRole.OTHER;
            Path file = target.resolve(p);
            files.add(new PackFile(p, role, Files.size(file), Sha256.ofRegularFile(file)));
        }
        String modelType = Optional.ofNullable(readJsonIfPresent(src.resolve("config.json")))
                .map(n -> n.path("_name_or_path").asText(n.path("model_type").asText(""))).orElse("");
        PackManifest manifest = new PackManifest(PackManifest.FORMAT, request.name(), request.version(), request.licence(),
                "Vision-language model pack built from " + src.getFileName() + (modelType.isEmpty() ? "" : " (" + modelType + ")"),
                "vision-language model", (int) dimension, image, textSettings, files);
        Files.write(target.resolve(PackManifest.FILE_NAME), manifest.toJson());
        return verifier.verify(target);
    }

    private static String pickOnnx(Path src, String stem, String variant) throws IOException {
        Path onnxDir = src.resolve("onnx");
        TreeMap<String, String> found = new TreeMap<>();
        if (Files.isDirectory(onnxDir)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(onnxDir, stem + "*.onnx")) {
                for (Path f : files) {
                    String name = f.getFileName().toString();
                    String suffix = name.substring(stem.length(), name.length() - ".onnx".length());
                    found.put(suffix.startsWith("_") ? suffix.substring(1) : suffix, "onnx/" + name);
                }
            }
        }
        if (found.isEmpty()) {
            throw new PackVerificationException(onnxDir.resolve(stem + ".onnx"), "missing file: no onnx/" + stem + "*.onnx in the export");
        }
        if (variant != null) {
            String chosen = found.get(variant);
            if (chosen == null) {
                throw new PackVerificationException(onnxDir, "missing file: no " + stem + " variant '" + variant + "'; found " + found.values());
            }
            return chosen;
        }
        if (found.size() == 1) {
            return found.firstEntry().getValue();
        }
        if (found.containsKey("quantized")) {
            return found.get("quantized");
        }
        throw new PackVerificationException(onnxDir, "several " + stem + " files " + found.values() + ": choose one with --variant");
    }

    private static Path require(Path src, String name) {
        Path p = src.resolve(name);
        if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            throw new PackVerificationException(p, "missing file");
        }
        return p;
    }

    private static OnnxSignature signature(Path file) throws IOException {
        try {
            return OnnxSignature.read(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new PackVerificationException(file, e.getMessage(), e);
        }
    }

    private static OnnxSignature.Tensor embeddingOutput(Path file, OnnxSignature sig, String preferred) {
        Optional<OnnxSignature.Tensor> named = sig.output(preferred);
        if (named.isPresent()) {
            return named.get();
        }
        List<OnnxSignature.Tensor> rank2 = sig.outputs().stream().filter(t -> t.dims().size() == 2).toList();
        if (rank2.size() == 1) {
            return rank2.getFirst();
        }
        throw new PackVerificationException(file, "wrong output names: no output " + preferred + " and no single [N,D] output among "
                + sig.outputs().stream().map(OnnxSignature.Tensor::describe).toList());
    }

    /** From the image output, else the text output, else config.json's projection_dim. */
    private static long embeddingDimension(Path src, String vision, OnnxSignature.Tensor imageOut, OnnxSignature.Tensor textOut) {
        if (imageOut.fixedDim(1) > 0) {
            return imageOut.fixedDim(1);
        }
        if (textOut.fixedDim(1) > 0) {
            return textOut.fixedDim(1);
        }
        JsonNode config = readJsonIfPresent(src.resolve("config.json"));
        if (config != null && config.path("projection_dim").asInt(0) > 0) {
            return config.path("projection_dim").asInt();
        }
        throw new PackVerificationException(src.resolve(vision), "cannot read the embedding dimension: output " + imageOut.describe()
                + " has no fixed size and config.json gives no projection_dim");
    }

    private static ImageSettings imageSettings(Path file, JsonNode pre, String input, String output) {
        int resample = pre.path("resample").asInt(3);
        Interpolation interpolation = switch (resample) {
            case 3 -> Interpolation.BICUBIC;
            case 2 -> Interpolation.BILINEAR;
            default -> throw new PackVerificationException(file, "resample " + resample + " is not supported (2 bilinear, 3 bicubic)");
        };
        JsonNode sizeNode = pre.path("size");
        boolean crop = pre.path("do_center_crop").asBoolean(false);
        ResizeRule rule;
        int size;
        if (crop) {
            int cropSize = sideOf(file, pre.path("crop_size"), "crop_size");
            int shortest = sizeNode.has("shortest_edge") ? sizeNode.get("shortest_edge").asInt() : sizeNode.asInt(-1);
            if (shortest != cropSize) {
                throw new PackVerificationException(file, "resize to shortest edge " + shortest + " then crop " + cropSize
                        + " is not supported; only equal sizes (as CLIP uses)");
            }
            rule = ResizeRule.SHORTEST_EDGE_CENTER_CROP;
            size = cropSize;
        } else {
            rule = ResizeRule.SQUASH;
            size = sideOf(file, sizeNode, "size");
        }
        float[] mean = floats(file, pre.path("image_mean"), "image_mean");
        float[] std = floats(file, pre.path("image_std"), "image_std");
        double rescale = pre.path("do_rescale").asBoolean(true) ? pre.path("rescale_factor").asDouble(1.0 / 255.0) : 1.0;
        try {
            return new ImageSettings(size, rule, interpolation, rescale, mean, std, input, output);
        } catch (IllegalArgumentException e) {
            throw new PackVerificationException(file, e.getMessage(), e);
        }
    }

    private static int sideOf(Path file, JsonNode node, String field) {
        if (node.isInt()) {
            return node.asInt();
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
            throw new PackVerificationException(file, field + " must hold 3 numbers, got " + node);
        }
        return new float[] {(float) node.get(0).asDouble(), (float) node.get(1).asDouble(), (float) node.get(2).asDouble()};
    }

    private static int contextLength(Path src, OnnxSignature.Tensor ids) throws IOException {
        if (ids.fixedDim(1) > 0) {
            return (int) ids.fixedDim(1);
        }
        JsonNode tokConfig = readJsonIfPresent(src.resolve("tokenizer_config.json"));
        if (tokConfig != null && tokConfig.path("model_max_length").canConvertToInt() && tokConfig.path("model_max_length").asInt() > 0
                && tokConfig.path("model_max_length").asInt() <= 4096) {
            return tokConfig.path("model_max_length").asInt();
        }
        JsonNode config = readJsonIfPresent(src.resolve("config.json"));
        if (config != null && config.path("text_config").path("max_position_embeddings").asInt(0) > 0) {
            return config.path("text_config").path("max_position_embeddings").asInt();
        }
        throw new PackVerificationException(src.resolve("tokenizer_config.json"), "cannot find the context length (model_max_length)");
    }

    private static long padId(Path src, Path tokenizerFile) throws IOException {
        JsonNode tokConfig = readJsonIfPresent(src.resolve("tokenizer_config.json"));
        String pad = null;
        if (tokConfig != null) {
            pad = tokenText(tokConfig.get("pad_token"));
            if (pad == null) {
                pad = tokenText(tokConfig.get("eos_token"));
            }
        }
        JsonNode tokenizer = readJson(tokenizerFile);
        if (pad == null) {
            return 0;
        }
        for (JsonNode t : tokenizer.path("added_tokens")) {
            if (pad.equals(t.path("content").asText())) {
                return t.path("id").asLong();
            }
        }
        JsonNode vocabId = tokenizer.path("model").path("vocab").get(pad);
        if (vocabId != null && vocabId.canConvertToLong()) {
            return vocabId.asLong();
        }
        throw new PackVerificationException(tokenizerFile, "pad token " + pad + " named in tokenizer_config.json is not in the tokenizer");
    }

    private static String tokenText(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isTextual() ? node.asText() : node.path("content").asText(null);
    }

    private static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new PackVerificationException(file, "not valid JSON: " + e.getMessage(), e);
        }
    }

    private static JsonNode readJsonIfPresent(Path file) {
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) ? readJson(file) : null;
    }
}
