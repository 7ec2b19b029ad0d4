package org.sightline.models.pack.layout;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.sightline.models.pack.PackManifest;
import org.sightline.models.pack.PackVerificationException;

/**
 * What a model family needs done to every prompt, read from the export's configs: the language code token NLLB-based
 * models take (Immich's {@code nllb-clip-*}: {@code eng_Latn} unless the user says otherwise), the
 * {@code search_query: } prefix of nomic's text encoder, and how exports that give token states are pooled.
 */
final class ModelFamily {
    /** The task prefix nomic-embed-text is trained with for search queries. */
    static final String NOMIC_QUERY_PREFIX = "search_query: ";
    /** The language prompts are taken to be in when the user names none. */
    static final String ENGLISH = "eng_Latn";

    private ModelFamily() {
    }

    /**
     * Whether the config names a nomic text model: a text model or tokenizer name containing {@code nomic-embed-text}
     * (open_clip's {@code text_cfg.hf_model_name}, Hugging Face's {@code text_config._name_or_path} or the config's own
     * {@code _name_or_path}), or a text config of {@code model_type} {@code nomic_bert}.
     */
    static boolean namesNomicText(JsonNode config) {
        for (JsonNode name : List.of(config.path("text_cfg").path("hf_model_name"), config.path("text_cfg").path("hf_tokenizer_name"),
                config.path("text_config").path("_name_or_path"), config.path("_name_or_path"))) {
            if (name.asText("").toLowerCase(Locale.ROOT).contains("nomic-embed-text")) {
                return true;
            }
        }
        return "nomic_bert".equals(config.path("text_config").path("model_type").asText(""));
    }

    /**
     * Whether the config names nomic's vision model ({@code nomic-embed-vision}): its own {@code _name_or_path}, a
     * {@code vision_config._name_or_path}, or nomic's vision architecture {@code NomicVisionModel}.
     */
    static boolean namesNomicVision(JsonNode config) {
        for (JsonNode name : List.of(config.path("vision_config").path("_name_or_path"), config.path("_name_or_path"))) {
            if (name.asText("").toLowerCase(Locale.ROOT).contains("nomic-embed-vision")) {
                return true;
            }
        }
        for (JsonNode a : config.path("architectures")) {
            if (a.asText("").equals("NomicVisionModel")) {
                return true;
            }
        }
        return false;
    }

    /**
     * How token states ({@code last_hidden_state}, [N, tokens, D]) become the embedding, as the model family's config
     * says: nomic-embed-vision takes the CLS token; nomic-embed-text the masked mean, layer-normalised (then both are
     * L2-normalised). Otherwise a sentence-transformers {@code 1_Pooling/config.json} (cls or mean tokens) decides.
     *
     * @return the pooling, or empty when nothing in the export says
     */
    static java.util.Optional<PackManifest.Pooling> pooling(boolean image, JsonNode config, JsonNode sentencePooling) {
        if (image && namesNomicVision(config)) {
            return java.util.Optional.of(PackManifest.Pooling.CLS);
        }
        if (!image && namesNomicText(config)) {
            return java.util.Optional.of(PackManifest.Pooling.MEAN_LAYER_NORM);
        }
        if (sentencePooling.path("pooling_mode_cls_token").asBoolean(false)) {
            return java.util.Optional.of(PackManifest.Pooling.CLS);
        }
        if (sentencePooling.path("pooling_mode_mean_tokens").asBoolean(false)) {
            return java.util.Optional.of(PackManifest.Pooling.MEAN);
        }
        return java.util.Optional.empty();
    }

    /**
     * Whether the text tower is NLLB's: open_clip's {@code text_cfg.hf_model_name} or {@code hf_tokenizer_name} names an
     * NLLB model ({@code facebook/nllb-200-distilled-600M}), the tokenizer config's class is {@code NllbTokenizer...}, or
     * the export is named {@code nllb...} as Immich's are (which is how Immich itself decides).
     */
    static boolean isNllb(ExportFolder export, JsonNode config, JsonNode tokenizerConfig) {
        for (JsonNode name : List.of(config.path("text_cfg").path("hf_model_name"), config.path("text_cfg").path("hf_tokenizer_name"))) {
            if (name.asText("").toLowerCase(Locale.ROOT).contains("nllb")) {
                return true;
            }
        }
        if (tokenizerConfig.path("tokenizer_class").asText("").startsWith("Nllb")) {
            return true;
        }
        Path name = export.source().getFileName();
        if (name == null) {
            return false;
        }
        String folder = name.toString().toLowerCase(Locale.ROOT);
        // a hub cache folder is models--OWNER--NAME (Hugging Face names never hold "--")
        String model = folder.startsWith("models--") ? folder.substring(folder.lastIndexOf("--") + 2) : folder;
        return model.startsWith("nllb");
    }

    /**
     * The language code put before every prompt: for an NLLB model, the one asked for (else English), which must be a
     * token of the tokenizer; null for other models, which refuse a language.
     */
    static String language(ExportFolder export, PackRequest request, JsonNode config, JsonNode tokenizerConfig, Path tokenizerFile) {
        if (!isNllb(export, config, tokenizerConfig)) {
            if (request.language() != null) {
                throw new PackVerificationException(export.source(), "a prompt language (" + request.language() + ") was given, but only"
                        + " NLLB models (such as Immich's nllb-clip-base-siglip__v1) take one; this export's configs name no NLLB"
                        + " tokenizer. Leave the language out");
            }
            return null;
        }
        String code = request.language() == null ? ENGLISH : request.language();
        if (!PackManifest.LANGUAGE_CODE.matcher(code).matches()) {
            throw new PackVerificationException(export.source(), "language '" + code + "' is not a FLORES-200 code; NLLB models name"
                    + " languages like eng_Latn, fra_Latn, deu_Latn, spa_Latn, zho_Hans");
        }
        if (ExportConfig.tokenId(tokenizerFile, code).isEmpty()) {
            throw new PackVerificationException(tokenizerFile, "language code " + code + " is not a token of this NLLB tokenizer;"
                    + " name a language it has (such as eng_Latn, fra_Latn, deu_Latn)");
        }
        return code;
    }
}
