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

    /** How a built-in checksum was established (none could be computed here: the models cannot be downloaded on the build machines). */
    public enum Evidence {
        /** The same size and SHA-256 pinned by several independent public projects (download scripts and checksum tables). */
        PINNED_BY_SEVERAL_PROJECTS("checksum pinned by several independent public projects"),
        /** The {@code oid sha256:} of the Git LFS pointer in a public GitHub copy of the Hugging Face repository, not the original. */
        LFS_POINTER_IN_A_MIRROR("checksum from the Git LFS pointer of a GitHub copy of the Hugging Face repository"),
        /** Pinned by one or two public projects only. */
        FEW_SOURCES("checksum pinned by one or two public projects");

        private final String words;

        Evidence(String words) {
            this.words = words;
        }

        /** The evidence in plain words. */
        public String words() {
            return words;
        }
    }

    /**
     * One published file.
     *
     * @param fileName last path part
     * @param size     size in bytes, {@link #UNKNOWN_SIZE} if not established (then it is recognised by content only)
     * @param sha256   its SHA-256
     * @param source   where it is published: "REPOSITORY @ REVISION PATH"
     * @param evidence how the checksum was established
     */
    public record KnownFile(String fileName, long size, String sha256, String source, Evidence evidence) {
        /** A file whose checksum the caller vouches for (tests, site-specific tables). */
        public KnownFile(String fileName, long size, String sha256, String source) {
            this(fileName, size, sha256, source, Evidence.FEW_SOURCES);
        }

        /** "SOURCE (how its checksum is known)", as provenance records it. */
        public String describe() {
            return source + " (" + evidence.words() + ")";
        }
    }

    /**
     * Only checksums that could be established without downloading the models (see README, "Getting a real model onto an
     * offline workstation", for where each was read); never add a checksum that was not read from the published file, its
     * Hugging Face LFS pointer, or agreeing public pins of it.
     */
    private static final String XENOVA_B32 = "Xenova/clip-vit-base-patch32 @ d15189d7028b43f1d3e65039190477f6af591c2a ";
    private static final String IMMICH_B32 = "immich-app/ViT-B-32__openai @ a857c8de2c07bbcfa6646adfcf31b798845afa1e ";
    private static final String IMMICH_MCLIP = "immich-app/XLM-Roberta-Large-Vit-B-16Plus (copy kissbady/XLM-Roberta-Large-Vit-B-16Plus"
            + " @ 68e0112ebb47854cca6e83a639e9ea6ddcfa4798) ";
    private static final List<KnownFile> BUILT_IN = List.of(
            new KnownFile("vision_model_quantized.onnx", 89_117_001L,
                    "583fd1110a514667812fee7d684952aaf82a99b959760c8d7dca7e0ab9839299",
                    XENOVA_B32 + "onnx/vision_model_quantized.onnx", Evidence.PINNED_BY_SEVERAL_PROJECTS),
            new KnownFile("text_model_quantized.onnx", 64_504_507L,
                    "73baab855d406190da9faa498cfedf65f15cf309f4cc7385b7b032e6d08e5c3a",
                    XENOVA_B32 + "onnx/text_model_quantized.onnx", Evidence.PINNED_BY_SEVERAL_PROJECTS),
            new KnownFile("vision_model.onnx", 351_685_709L,
                    "fd6e1402a588279d1723c7534d4bcba5bc0b14b47dfab0e46f8c47b8270d7d40",
                    XENOVA_B32 + "onnx/vision_model.onnx", Evidence.PINNED_BY_SEVERAL_PROJECTS),
            new KnownFile("text_model.onnx", 254_058_553L,
                    "3f6571f5bad13a97c469c1622e1cfc4d9aef78b79fdbfcff804ca357bfada8cc",
                    XENOVA_B32 + "onnx/text_model.onnx", Evidence.PINNED_BY_SEVERAL_PROJECTS),
            new KnownFile("vision_model_fp16.onnx", 176_080_659L,
                    "35c4e0fb0aeee527dcde1693520b214a34424a786babd530f35366bad5844efd",
                    XENOVA_B32 + "onnx/vision_model_fp16.onnx", Evidence.FEW_SOURCES),
            new KnownFile("tokenizer.json", 2_224_119L,
                    "f7f3b7af117d467b58374797691a6438d3e6b9e9cef800dfd5dced7f697a90cd",
                    XENOVA_B32 + "tokenizer.json", Evidence.PINNED_BY_SEVERAL_PROJECTS),
            new KnownFile("model.onnx", 351_613_724L,
                    "33a3df41ceef21acdf371af00f6dd0456ec1f9eba24d03a7720f9c3734e40859",
                    IMMICH_B32 + "visual/model.onnx", Evidence.PINNED_BY_SEVERAL_PROJECTS),
            new KnownFile("model.onnx", 254_193_396L,
                    "b80cf0af751533a6712d92247f0ddc0c95208748bc59a1a27f33e67be6864e3b",
                    IMMICH_B32 + "textual/model.onnx", Evidence.PINNED_BY_SEVERAL_PROJECTS),
            new KnownFile("tokenizer.json", 3_642_073L,
                    "6d9109cc838977f3ca94a379eec36aecc7c807e1785cd729660ca2fc0171fb35",
                    IMMICH_B32 + "textual/tokenizer.json (OpenAI CLIP's tokenizer, also published with other CLIP exports)",
                    Evidence.PINNED_BY_SEVERAL_PROJECTS),
            new KnownFile("model.onnx", 468_924_461L,
                    "648885d3d97e1ae3fdeddd632303e2a6125a42e04924b761b74bb9fe9e1c9fde",
                    IMMICH_MCLIP + "visual/model.onnx", Evidence.LFS_POINTER_IN_A_MIRROR),
            new KnownFile("model.onnx", 1_929_859L,
                    "0758fdcccccf38d4400244a1b7e590bf66512df11474c1a657a47eae55763660",
                    IMMICH_MCLIP + "textual/model.onnx (the graph; its weights are separate files)", Evidence.LFS_POINTER_IN_A_MIRROR));

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
