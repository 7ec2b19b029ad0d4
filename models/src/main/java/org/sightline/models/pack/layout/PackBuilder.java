package org.sightline.models.pack.layout;

import org.sightline.models.pack.EncoderTrial;
import org.sightline.models.pack.PackVerificationException;
import org.sightline.models.pack.PackVerifier;
import org.sightline.models.pack.VerifiedPack;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Turns a Hugging Face / transformers.js style export ({@code onnx/vision_model*.onnx}, {@code onnx/text_model*.onnx},
 * {@code tokenizer.json}, {@code preprocessor_config.json}, and {@code tokenizer_config.json} / {@code config.json}
 * for the context length and pad token) into a model pack by writing its manifest. Tensor names and the embedding
 * dimension are read from the ONNX files themselves. The result is verified and both encoders are run once before it
 * is returned. Other layouts (Immich, optimum, Frigate, hub caches, archives): {@link ExportPacker}.
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

    private final PackVerifier verifier;
    private final EncoderTrial trial;

    public PackBuilder(PackVerifier verifier, EncoderTrial trial) {
        this.verifier = verifier;
        this.trial = trial;
    }

    /**
     * Writes {@code sightline-model.json} for the export in {@code exportDir}; when {@code outDir} is not null, copies
     * the pack's files there first and writes the manifest there instead.
     *
     * @return the verified pack
     * @throws PackVerificationException naming the file when the export is incomplete or inconsistent
     */
    public VerifiedPack build(Path exportDir, Request request, Path outDir) throws IOException {
        PackRequest r = new PackRequest(request.name(), request.version(), request.licence(), request.variant());
        if (!PackVerifier.PACK_NAME.matcher(request.name()).matches()) {
            throw new PackVerificationException(exportDir.toAbsolutePath().normalize(), "'" + request.name()
                    + "' is not a valid pack name (letters, digits, '.', '_', '-')");
        }
        ExportPacker packer = new ExportPacker(verifier, trial);
        return outDir == null ? packer.packInPlace(exportDir, r, SplitEncodersLayout.TRANSFORMERS_JS) : packer.pack(exportDir, r, outDir);
    }
}
