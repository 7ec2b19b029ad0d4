package org.sightline.models.pack;

import java.util.List;
import java.util.Optional;

/**
 * Checksums of published model files built into Sightline. A pack file with the same file name and size as a
 * known file must also have its SHA-256: otherwise it is a tampered or corrupted copy of a published model and
 * is refused, whatever the pack's own manifest says.
 */
public final class KnownModelFiles {

    /** One published file: its file name (last path part), size in bytes, SHA-256 and where it comes from. */
    public record KnownFile(String fileName, long size, String sha256, String source) {
    }

    private static final List<KnownFile> BUILT_IN = List.of(
            new KnownFile("vision_model_quantized.onnx", 89_117_001L,
                    "583fd1110a514667812fee7d684952aaf82a99b959760c8d7dca7e0ab9839299",
                    "Xenova/clip-vit-base-patch32 onnx/vision_model_quantized.onnx"),
            new KnownFile("text_model_quantized.onnx", 64_504_507L,
                    "73baab855d406190da9faa498cfedf65f15cf309f4cc7385b7b032e6d08e5c3a",
                    "Xenova/clip-vit-base-patch32 onnx/text_model_quantized.onnx"));

    private final List<KnownFile> files;

    public KnownModelFiles(List<KnownFile> files) {
        this.files = List.copyOf(files);
    }

    /** The checksums shipped with Sightline. */
    public static KnownModelFiles builtIn() {
        return new KnownModelFiles(BUILT_IN);
    }

    public List<KnownFile> files() {
        return files;
    }

    /** The known file this one claims to be (same file name and size), if any. */
    public Optional<KnownFile> claimedBy(String path, long size) {
        String fileName = path.substring(path.lastIndexOf('/') + 1);
        return files.stream().filter(k -> k.fileName().equals(fileName) && k.size() == size).findFirst();
    }
}
