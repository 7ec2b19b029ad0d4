package org.sightline.models.pack.layout;

import java.nio.file.Path;
import java.util.Locale;
import org.sightline.models.pack.PackVerifier;

/**
 * What to call a pack made from an export.
 *
 * @param name    pack name (letters, digits, '.', '_', '-'), or null to name it after the export
 * @param version pack version
 * @param licence licence of the files
 * @param variant ONNX variant to take when the export has several ("quantized", "fp16", "" for the plain file), or null
 * @param contextLength tokens per prompt when the export does not say (or says more than 4096), else null
 * @param language      for NLLB models, the FLORES-200 code of the language prompts are written in (e.g. fra_Latn);
 *                      null means English (eng_Latn). Refused for other models.
 */
public record PackRequest(String name, String version, String licence, String variant, Integer contextLength, String language) {

    public PackRequest(String name, String version, String licence, String variant) {
        this(name, version, licence, variant, null, null);
    }

    public PackRequest(String name, String version, String licence, String variant, Integer contextLength) {
        this(name, version, licence, variant, contextLength, null);
    }

    /** The pack name, or one made from the export's name ({@code models--Xenova--clip-vit-base-patch32} becomes {@code Xenova--clip-vit-base-patch32}). */
    String nameFor(Path source) {
        if (name != null) {
            return name;
        }
        String base = source.getFileName() == null ? "model" : source.getFileName().toString();
        String lower = base.toLowerCase(Locale.ROOT);
        for (String ext : new String[] {".tar.gz", ".tgz", ".tar", ".zip"}) {
            if (lower.endsWith(ext)) {
                base = base.substring(0, base.length() - ext.length());
                break;
            }
        }
        if (base.startsWith("models--")) {
            base = base.substring("models--".length());
        }
        String cleaned = base.replaceAll("[^A-Za-z0-9._-]", "-").replaceAll("^[^A-Za-z0-9]+", "");
        if (cleaned.length() > 80) {
            cleaned = cleaned.substring(0, 80);
        }
        return PackVerifier.PACK_NAME.matcher(cleaned).matches() ? cleaned : "imported-model";
    }

    PackRequest named(String chosen) {
        return new PackRequest(chosen, version, licence, variant, contextLength, language);
    }
}
