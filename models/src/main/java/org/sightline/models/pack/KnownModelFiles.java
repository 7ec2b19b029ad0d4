package org.sightline.models.pack;

import java.util.List;
import java.util.Optional;

/**
 * Checksums of published model files built into Sightline. A pack file with the same file name and size as a
 * known file must also have its SHA-256: otherwise it is a tampered or corrupted copy of a published model and
 * is refused, whatever the pack's own manifest says.
 */
public final class KnownModelFiles {

    /** Size of a published file whose exact size could not be established: it is then recognised by content only. */
    public static final long UNKNOWN_SIZE = -1;

    /** One published file: its file name (last path part), size in bytes ({@link #UNKNOWN_SIZE} if not known), SHA-256 and where it comes from. */
    public record KnownFile(String fileName, long size, String sha256, String source) {
    }

    /**
     * Only checksums that could be established without downloading the models: these three agree across several
     * independent public projects that pin Xenova/clip-vit-base-patch32 at revision d15189d7028b43f1d3e65039190477f6af591c2a.
     * The Immich and ViT-B/16 files are not listed because their checksums could not be established offline; never add
     * a checksum that was not read from the published file or its Hugging Face LFS pointer.
     */
    private static final String XENOVA_B32 = "Xenova/clip-vit-base-patch32 @ d15189d7028b43f1d3e65039190477f6af591c2a ";
    private static final List<KnownFile> BUILT_IN = List.of(
            new KnownFile("vision_model_quantized.onnx", 89_117_001L,
                    "583fd1110a514667812fee7d684952aaf82a99b959760c8d7dca7e0ab9839299",
                    XENOVA_B32 + "onnx/vision_model_quantized.onnx"),
            new KnownFile("text_model_quantized.onnx", 64_504_507L,
                    "73baab855d406190da9faa498cfedf65f15cf309f4cc7385b7b032e6d08e5c3a",
                    XENOVA_B32 + "onnx/text_model_quantized.onnx"),
            new KnownFile("tokenizer.json", UNKNOWN_SIZE,
                    "f7f3b7af117d467b58374797691a6438d3e6b9e9cef800dfd5dced7f697a90cd",
                    XENOVA_B32 + "tokenizer.json"));

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

    /** The published file with this content, whatever its name. */
    public Optional<KnownFile> recognise(String sha256) {
        return files.stream().filter(k -> k.sha256().equals(sha256)).findFirst();
    }

    /** The known file this one claims to be (same file name and size), if any. */
    public Optional<KnownFile> claimedBy(String path, long size) {
        String fileName = path.substring(path.lastIndexOf('/') + 1);
        return files.stream().filter(k -> k.fileName().equals(fileName) && k.size() == size).findFirst();
    }
}
