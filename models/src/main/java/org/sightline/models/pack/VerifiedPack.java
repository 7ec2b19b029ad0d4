package org.sightline.models.pack;

import java.nio.file.Path;
import java.util.List;

/**
 * A pack whose every file matched its manifest, with the exact bytes that were checked, so a runtime loads
 * what was verified and not whatever is on disk a moment later.
 *
 * @param dir             pack folder
 * @param manifest        the parsed manifest
 * @param manifestSha256  SHA-256 of the manifest file
 * @param imageEncoder    verified bytes of the image encoder ONNX file
 * @param textEncoder     verified bytes of the text encoder ONNX file
 * @param tokenizerJson   verified bytes of tokenizer.json
 * @param imageSignature  inputs and outputs of the image encoder
 * @param textSignature   inputs and outputs of the text encoder
 * @param recognised      published files recognised by their built-in checksums
 */
public record VerifiedPack(Path dir, PackManifest manifest, String manifestSha256,
                           byte[] imageEncoder, byte[] textEncoder, byte[] tokenizerJson,
                           OnnxSignature imageSignature, OnnxSignature textSignature,
                           List<String> recognised) {

    public ModelId id() {
        return new ModelId(manifest.name(), manifest.version(), manifestSha256);
    }

    public long totalBytes() {
        return manifest.files().stream().mapToLong(PackManifest.PackFile::size).sum();
    }
}
