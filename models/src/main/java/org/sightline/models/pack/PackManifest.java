package org.sightline.models.pack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The manifest {@code sightline-model.json} of a model pack: what the pack is, how frames and prompts must be
 * prepared for it, which tensors its encoders take and give, and every file with its size and SHA-256.
 *
 * @param format             manifest format version, {@value #FORMAT}
 * @param name               pack name, also its folder name once installed (letters, digits, '.', '_', '-')
 * @param version            pack version
 * @param licence            licence of the weights and files
 * @param description        one line for people
 * @param kind               what kind of model it is, e.g. "demonstration: understands colours only"
 * @param embeddingDimension length of image and text vectors
 * @param image              image preprocessing and image encoder tensors
 * @param text               tokenizer settings and text encoder tensors
 * @param files              every file of the pack
 * @param provenance         where the files came from and which were recognised as published files (optional)
 */
@JsonPropertyOrder({"format", "name", "version", "licence", "description", "kind", "embeddingDimension", "image", "text", "files",
        "provenance"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PackManifest(
        int format,
        String name,
        String version,
        String licence,
        String description,
        String kind,
        int embeddingDimension,
        ImageSettings image,
        TextSettings text,
        List<PackFile> files,
        Provenance provenance) {

    public static final int FORMAT = 1;
    /** A FLORES-200 language code, as NLLB tokenizers name languages: eng_Latn, fra_Latn, zho_Hans... */
    public static final Pattern LANGUAGE_CODE = Pattern.compile("[a-z]{3}_[A-Z][a-z]{3}");
    /** The manifest's file name inside a pack folder. */
    public static final String FILE_NAME = "sightline-model.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public PackManifest {
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** A manifest without provenance (packs written by Sightline itself, older manifests). */
    public PackManifest(int format, String name, String version, String licence, String description, String kind,
                        int embeddingDimension, ImageSettings image, TextSettings text, List<PackFile> files) {
        this(format, name, version, licence, description, kind, embeddingDimension, image, text, files, null);
    }

    /**
     * Where a pack made from someone else's export came from.
     *
     * @param layout   the export layout it was made from, e.g. "immich", "optimum", "transformers.js"
     * @param source   the file or folder it was made from, as the user named it
     * @param revision the Hugging Face hub revision when made from a hub cache, else null
     * @param files    one line per source file: "PATH: recognised SOURCE" or "PATH: user-supplied, unrecognised"
     */
    @JsonPropertyOrder({"layout", "source", "revision", "files"})
    public record Provenance(String layout, String source, String revision, List<String> files) {
        public Provenance {
            files = files == null ? List.of() : List.copyOf(files);
        }
    }

    /** How a frame is resized to the encoder's square input. */
    public enum ResizeRule {
        /** Scale so the short side is {@code size}, then cut the centre square (CLIP). */
        @JsonProperty("shortest_edge_center_crop") SHORTEST_EDGE_CENTER_CROP,
        /** Scale width and height independently to {@code size} (whole frame, aspect not kept). */
        @JsonProperty("squash") SQUASH,
        /**
         * Scale so the long side is {@code size}, keeping the aspect, then pad the rest of the square evenly with the
         * {@code fill} grey (open_clip's {@code resize_mode: longest}, a letterbox): the whole frame is seen.
         */
        @JsonProperty("longest_edge_pad") LONGEST_EDGE_PAD
    }

    /**
     * How an encoder's per-token output ({@code last_hidden_state}, [N, tokens, D]) becomes one embedding per input, for
     * exports that give the hidden states instead of an embedding (nomic-embed-vision / nomic-embed-text and similar).
     * Without pooling the output is the embedding itself, [N, D]. Vectors are L2-normalised after pooling either way.
     */
    public enum Pooling {
        /** The first token's state (the CLS token): nomic-embed-vision. */
        @JsonProperty("cls") CLS,
        /** The mean of the token states, over the tokens the attention mask keeps (all tokens of an image). */
        @JsonProperty("mean") MEAN,
        /** The masked mean, then a layer normalisation without weights: nomic-embed-text-v1.5 for search. */
        @JsonProperty("mean_layer_norm") MEAN_LAYER_NORM
    }

    /** Resampling filter; both antialias when shrinking, as PIL does. */
    public enum Interpolation {
        @JsonProperty("bicubic") BICUBIC,
        @JsonProperty("bilinear") BILINEAR
    }

    /**
     * @param size    side of the square encoder input in pixels
     * @param resize  resize rule
     * @param interpolation resampling filter
     * @param rescale factor applied to 0..255 values before normalising (1/255)
     * @param mean    per-channel mean (RGB) subtracted after rescaling
     * @param std     per-channel standard deviation (RGB) divided after subtracting the mean
     * @param input   name of the image encoder's input, shape [N,3,size,size]
     * @param output  name of the image encoder's embedding output, shape [N,embeddingDimension]
     * @param batch   the fixed batch size N when the encoder only takes that many images at once, else null (any N)
     * @param fill    grey level 0..255 of the padding of {@code longest_edge_pad} (open_clip's {@code fill_color}); null is 0
     * @param pooling how the output's token states become the embedding when the output is [N, tokens, D]; null when
     *                the output is the embedding, [N, D]
     */
    @JsonPropertyOrder({"size", "resize", "interpolation", "rescale", "mean", "std", "input", "output", "batch", "fill", "pooling"})
    public record ImageSettings(int size, ResizeRule resize, Interpolation interpolation, double rescale,
                                float[] mean, float[] std, String input, String output, Integer batch, Integer fill, Pooling pooling) {

        public ImageSettings(int size, ResizeRule resize, Interpolation interpolation, double rescale,
                             float[] mean, float[] std, String input, String output, Integer batch, Integer fill) {
            this(size, resize, interpolation, rescale, mean, std, input, output, batch, fill, null);
        }

        public ImageSettings(int size, ResizeRule resize, Interpolation interpolation, double rescale,
                             float[] mean, float[] std, String input, String output, Integer batch) {
            this(size, resize, interpolation, rescale, mean, std, input, output, batch, null);
        }

        public ImageSettings(int size, ResizeRule resize, Interpolation interpolation, double rescale,
                             float[] mean, float[] std, String input, String output) {
            this(size, resize, interpolation, rescale, mean, std, input, output, null);
        }

        public ImageSettings {
            if (batch != null && (batch < 1 || batch > 4096)) {
                throw new IllegalArgumentException("image.batch must be 1..4096, got " + batch);
            }
            if (fill != null && (fill < 0 || fill > 255)) {
                throw new IllegalArgumentException("image.fill must be a grey level 0..255, got " + fill);
            }
            Objects.requireNonNull(resize, "image.resize");
            Objects.requireNonNull(interpolation, "image.interpolation");
            Objects.requireNonNull(input, "image.input");
            Objects.requireNonNull(output, "image.output");
            if (size <= 0 || size > 4096) {
                throw new IllegalArgumentException("image.size must be 1..4096, got " + size);
            }
            if (mean == null || mean.length != 3 || std == null || std.length != 3) {
                throw new IllegalArgumentException("image.mean and image.std must each hold 3 values (R, G, B)");
            }
            for (float s : std) {
                if (!(s > 0)) {
                    throw new IllegalArgumentException("image.std values must be positive");
                }
            }
            if (!(rescale > 0)) {
                throw new IllegalArgumentException("image.rescale must be positive");
            }
            mean = mean.clone();
            std = std.clone();
        }

        /** The same settings with another pooling of the output (null: the output is the embedding). */
        public ImageSettings withPooling(Pooling newPooling) {
            return new ImageSettings(size, resize, interpolation, rescale, mean, std, input, output, batch, fill, newPooling);
        }

        /** The padding grey level, 0 when the manifest does not say. */
        public int fillLevel() {
            return fill == null ? 0 : fill;
        }
    }

    /**
     * @param contextLength      tokens per prompt (CLIP: 77), including start and end tokens
     * @param padId              token id that fills the rest of the context
     * @param input              name of the text encoder's token input, shape [N,contextLength], int64
     * @param attentionMaskInput name of the attention-mask input when the text encoder takes one, else null
     * @param output             name of the text encoder's embedding output, shape [N,embeddingDimension]
     * @param tokenType          element type of the token (and mask) inputs; null means int64
     * @param batch              the fixed batch size N when the encoder only takes that many prompts at once, else null
     * @param cleaning           how a prompt is cleaned before tokenizing when the model family needs it, else null
     * @param prefix             text put before every prompt (e.g. nomic's "search_query: "), else null
     * @param language           language code token put straight before every (cleaned) prompt, as Immich does for NLLB
     *                           models (a FLORES-200 code such as "eng_Latn"), else null
     * @param pooling            how the output's token states become the embedding when the output is [N, tokens, D]
     *                           (the mean is over the tokens the attention mask keeps); null when the output is the
     *                           embedding, [N, D]
     * @param tokenTypeInput     name of the token-type (segment) input when the text encoder takes one (BERT-style
     *                           exports: {@code token_type_ids}), fed zeros (one segment), else null
     */
    @JsonPropertyOrder({"contextLength", "padId", "input", "attentionMaskInput", "output", "tokenType", "batch", "cleaning", "prefix",
            "language", "pooling", "tokenTypeInput"})
    public record TextSettings(int contextLength, long padId, String input, String attentionMaskInput, String output,
                               TokenType tokenType, Integer batch, TextCleaning cleaning, String prefix, String language,
                               Pooling pooling, String tokenTypeInput) {

        public TextSettings(int contextLength, long padId, String input, String attentionMaskInput, String output,
                            TokenType tokenType, Integer batch, TextCleaning cleaning, String prefix, String language,
                            Pooling pooling) {
            this(contextLength, padId, input, attentionMaskInput, output, tokenType, batch, cleaning, prefix, language, pooling, null);
        }

        public TextSettings(int contextLength, long padId, String input, String attentionMaskInput, String output,
                            TokenType tokenType, Integer batch, TextCleaning cleaning, String prefix, String language) {
            this(contextLength, padId, input, attentionMaskInput, output, tokenType, batch, cleaning, prefix, language, null, null);
        }

        public TextSettings(int contextLength, long padId, String input, String attentionMaskInput, String output,
                            TokenType tokenType, Integer batch, TextCleaning cleaning, String prefix) {
            this(contextLength, padId, input, attentionMaskInput, output, tokenType, batch, cleaning, prefix, null);
        }

        public TextSettings(int contextLength, long padId, String input, String attentionMaskInput, String output) {
            this(contextLength, padId, input, attentionMaskInput, output, null, null, null, null, null);
        }

        public TextSettings(int contextLength, long padId, String input, String attentionMaskInput, String output,
                            TokenType tokenType, Integer batch) {
            this(contextLength, padId, input, attentionMaskInput, output, tokenType, batch, null, null, null);
        }

        public TextSettings {
            if (batch != null && (batch < 1 || batch > 4096)) {
                throw new IllegalArgumentException("text.batch must be 1..4096, got " + batch);
            }
            Objects.requireNonNull(input, "text.input");
            Objects.requireNonNull(output, "text.output");
            if (contextLength < 2 || contextLength > 4096) {
                throw new IllegalArgumentException("text.contextLength must be 2..4096, got " + contextLength);
            }
            if (padId < 0) {
                throw new IllegalArgumentException("text.padId must not be negative");
            }
            if (language != null && !LANGUAGE_CODE.matcher(language).matches()) {
                throw new IllegalArgumentException("text.language must be a FLORES-200 code such as eng_Latn, got " + language);
            }
        }

        public boolean takesAttentionMask() {
            return attentionMaskInput != null;
        }

        /** The token element type, int64 when the manifest does not say. */
        public TokenType tokens() {
            return tokenType == null ? TokenType.INT64 : tokenType;
        }
    }

    /** Prompt cleaning of open_clip tokenizers ({@code text_cfg.tokenizer_kwargs.clean}). */
    public enum TextCleaning {
        /** SigLIP: underscores to spaces, punctuation removed, lower case, runs of white space to one space. */
        @JsonProperty("canonicalize") CANONICALIZE,
        /** Lower case and runs of white space to one space. */
        @JsonProperty("lower") LOWER
    }

    /** Element type of token ids and attention masks. */
    public enum TokenType {
        @JsonProperty("int64") INT64(7),
        @JsonProperty("int32") INT32(6);

        private final int onnxCode;

        TokenType(int onnxCode) {
            this.onnxCode = onnxCode;
        }

        /** The ONNX {@code TensorProto.DataType} value. */
        public int onnxCode() {
            return onnxCode;
        }
    }

    /** What a file is for. */
    public enum FileRole {
        @JsonProperty("image-encoder") IMAGE_ENCODER,
        @JsonProperty("text-encoder") TEXT_ENCODER,
        @JsonProperty("tokenizer") TOKENIZER,
        /** Any other file kept with the pack (configs, licence, readme); checked like the rest. */
        @JsonProperty("other") OTHER
    }

    /**
     * @param path   relative path inside the pack folder, '/'-separated
     * @param role   what the file is for
     * @param size   size in bytes
     * @param sha256 lower-case hex SHA-256 of the file's bytes
     */
    @JsonPropertyOrder({"path", "role", "size", "sha256"})
    public record PackFile(String path, FileRole role, long size, String sha256) {
        public PackFile {
            Objects.requireNonNull(path, "files[].path");
            Objects.requireNonNull(role, "files[].role of " + path);
            Objects.requireNonNull(sha256, "files[].sha256 of " + path);
        }
    }

    /** The single file with {@code role}, if the manifest lists exactly one. */
    public Optional<PackFile> file(FileRole role) {
        List<PackFile> matching = files.stream().filter(f -> f.role() == role).toList();
        return matching.size() == 1 ? Optional.of(matching.getFirst()) : Optional.empty();
    }

    public static PackManifest parse(byte[] json) throws JsonProcessingException {
        try {
            return JSON.readValue(json, PackManifest.class);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] toJson() {
        try {
            return (JSON.writeValueAsString(this) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write manifest of " + name, e);
        }
    }

    /** A copy with another file list. */
    public PackManifest withFiles(List<PackFile> newFiles) {
        return new PackManifest(format, name, version, licence, description, kind, embeddingDimension, image, text, newFiles, provenance);
    }
}
