package org.sightline.models.perception;

import java.nio.file.Path;
import java.util.Map;
import org.sightline.models.pack.OnnxSignature;
import org.sightline.models.pack.PackVerificationException;

/**
 * A perception pack whose every file matched its manifest, with the exact bytes that were checked, so a runtime
 * loads what was verified and not whatever is on disk a moment later.
 *
 * @param dir            pack folder
 * @param manifest       the parsed manifest
 * @param manifestSha256 SHA-256 of the manifest file
 * @param contents       verified bytes of every model and character-set file, by pack path
 * @param signatures     inputs and outputs of every model, by pack path
 */
public record VerifiedPerceptionPack(Path dir, PerceptionManifest manifest, String manifestSha256,
                                     Map<String, byte[]> contents, Map<String, OnnxSignature> signatures) {
    public VerifiedPerceptionPack {
        contents = Map.copyOf(contents);
        signatures = Map.copyOf(signatures);
    }

    /** Verified bytes of a model or character-set file. */
    public byte[] bytes(String packPath) {
        byte[] b = contents.get(packPath);
        if (b == null) {
            throw new PackVerificationException(dir.resolve(packPath), "is not a verified model or character-set file of this pack");
        }
        return b;
    }

    public String name() {
        return manifest.name();
    }
}
