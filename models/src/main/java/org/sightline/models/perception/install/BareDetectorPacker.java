package org.sightline.models.perception.install;

import org.sightline.models.perception.PerceptionPackVerifier;
import org.sightline.models.perception.VerifiedPerceptionPack;
import org.sightline.models.perception.PerceptionManifest;
import org.sightline.models.perception.DetectorRequest;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sightline.models.integrity.Sha256;
import org.sightline.models.pack.OnnxSignature;
import org.sightline.models.pack.PackInstallException;
import org.sightline.models.pack.PackVerificationException;
import org.sightline.models.pack.PackVerifier;
import org.sightline.models.perception.PerceptionManifest.ChannelOrder;
import org.sightline.models.perception.PerceptionManifest.FileRole;
import org.sightline.models.perception.PerceptionManifest.ImageInput;
import org.sightline.models.perception.PerceptionManifest.Layout;
import org.sightline.models.perception.PerceptionManifest.ModelEntry;
import org.sightline.models.perception.PerceptionManifest.ModelRole;
import org.sightline.models.perception.PerceptionManifest.PackFile;
import org.sightline.models.perception.PerceptionManifest.SuppliedFile;
import org.sightline.models.perception.detect.DetectorSettings;
import org.sightline.models.perception.detect.PixelFormat;

/**
 * Makes a detector perception pack of a bare ONNX detector a user brought: the file is copied (never changed) into a
 * new folder with a {@value PerceptionManifest#FILE_NAME} whose input name, size and layout are read from the model's
 * own signature ({@link OnnxSignature}; float input of rank 4, one side of 3 channels), whose outputs are those the
 * decoding reads, chosen by name, whose normalisation is the decoding family's usual one, and which records the
 * licence as given (else {@value DetectorRequest#LICENCE_NOT_STATED}) and the source file's name and SHA-256 as
 * {@value SuppliedFile#USER_SUPPLIED}. The pack is then verified and run once ({@link PerceptionTrial}).
 */
public final class BareDetectorPacker {
    private static final int FLOAT = 1;

    private final PerceptionPackVerifier verifier = new PerceptionPackVerifier();

    /**
     * Writes the pack into {@code out} (new or empty) and returns it verified and trial-run.
     *
     * @throws PackVerificationException naming the ONNX file when it cannot become a pack Sightline can run
     */
    public VerifiedPerceptionPack pack(Path onnxFile, DetectorRequest request, Path out) {
        Path source = onnxFile.toAbsolutePath().normalize();
        if (!Files.isRegularFile(source)) {
            throw new PackVerificationException(source, Files.exists(source) ? "is not a file" : "does not exist");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(source);
        } catch (IOException e) {
            throw new PackVerificationException(source, "cannot be read: " + e.getMessage(), e);
        }
        OnnxSignature signature;
        try {
            signature = OnnxSignature.read(bytes);
        } catch (IOException | RuntimeException e) {
            throw new PackVerificationException(source, "is not an ONNX model: " + e.getMessage(), e);
        }
        String fileName = source.getFileName().toString();
        String name = request.name() != null ? request.name() : fileName.replaceFirst("(?i)\\.onnx$", "");
        if (!PackVerifier.PACK_NAME.matcher(name).matches()) {
            throw new PackVerificationException(source, "'" + name + "' is not a valid pack name (letters, digits, '.', '_', '-'); give one with --name");
        }
        ModelEntry entry = entry(source, signature, request, name);
        PerceptionManifest manifest = new PerceptionManifest(PerceptionManifest.FORMAT, name,
                request.version() == null ? "1.0" : request.version(), PerceptionManifest.Kind.DETECTOR,
                request.licence() == null || request.licence().isBlank() ? DetectorRequest.LICENCE_NOT_STATED : request.licence(),
                "Object detector (" + request.classes().size() + " classes, " + request.decoding().name().toLowerCase(Locale.ROOT)
                        + " decoding) made by Sightline from the user-supplied " + fileName,
                null, new SuppliedFile(SuppliedFile.USER_SUPPLIED, fileName, Sha256.of(bytes)), List.of(entry),
                request.classes(), null, List.of(new PackFile(entry.file(), FileRole.MODEL, bytes.length, Sha256.of(bytes))));
        Path dir = out.toAbsolutePath().normalize();
        try {
            prepare(dir);
            Files.write(dir.resolve(entry.file()), bytes);
            Files.write(dir.resolve(PerceptionManifest.FILE_NAME), manifest.toJson());
        } catch (IOException e) {
            throw new PackInstallException("cannot write the pack into " + dir + ": " + e.getMessage(), e);
        }
        VerifiedPerceptionPack pack = verifier.verify(dir);
        try {
            PerceptionTrial.run(pack);
        } catch (PackVerificationException e) {
            // name the file the user brought, not its copy in the pack being made
            Path named = e.file() != null && e.file().equals(dir.resolve(entry.file())) ? source : e.file();
            throw new PackVerificationException(named, e.problem(), e);
        }
        return pack;
    }

    private static ModelEntry entry(Path source, OnnxSignature signature, DetectorRequest request, String name) {
        if (signature.inputs().size() != 1) {
            throw new PackVerificationException(source, "has " + signature.inputs().size() + " inputs "
                    + describe(signature.inputs()) + "; a detector Sightline runs takes one image input");
        }
        OnnxSignature.Tensor input = signature.inputs().getFirst();
        if (input.elementType() != FLOAT || input.dims().size() != 4) {
            throw new PackVerificationException(source, "input '" + input.describe() + "' is not a float image of 4 dimensions"
                    + " (element type " + input.elementType() + "); a detector Sightline runs takes a float [1, 3, H, W] or [1, H, W, 3]");
        }
        Layout layout = layout(source, input, request.layout());
        int hDim = layout == Layout.NCHW ? 2 : 1;
        long h = input.fixedDim(hDim);
        long w = input.fixedDim(hDim + 1);
        int height = side(source, input, h, request.height(), "height");
        int width = side(source, input, w, request.width(), "width");
        if (width != height) {
            throw new PackVerificationException(source, "input '" + input.describe() + "' is " + width + "x" + height
                    + "; the decodings Sightline runs take a square input");
        }
        DetectorSettings.Family family = family(source, request.decoding());
        DetectorSettings defaults = DetectorSettings.defaults(family);
        List<String> outputs = outputs(source, signature, request.outputs(), defaults.outputs(), family);
        PixelFormat pixels = defaults.pixels();
        ImageInput image = new ImageInput(layout, pixels.bgr() ? ChannelOrder.BGR : ChannelOrder.RGB, width, height, 1, 0,
                pixels.scale(), floats(pixels.mean()), floats(pixels.std()));
        return new ModelEntry(ModelRole.DETECTOR, name + ".onnx", input.name(), outputs, image, request.decoding());
    }

    private static Layout layout(Path source, OnnxSignature.Tensor input, Layout asked) {
        boolean nchw = input.fixedDim(1) == 3;
        boolean nhwc = input.fixedDim(3) == 3;
        if (asked != null) {
            if (asked == Layout.NCHW && !nchw && input.fixedDim(1) != -1 || asked == Layout.NHWC && !nhwc && input.fixedDim(3) != -1) {
                throw new PackVerificationException(source, "input '" + input.describe() + "' is not " + asked.name().toLowerCase(Locale.ROOT)
                        + " with 3 colour channels, as --layout says");
            }
            return asked;
        }
        if (nchw == nhwc) {
            throw new PackVerificationException(source, "input '" + input.describe() + "' does not say whether it is nchw or nhwc; give --layout");
        }
        return nchw ? Layout.NCHW : Layout.NHWC;
    }

    private static int side(Path source, OnnxSignature.Tensor input, long fixed, int asked, String which) {
        if (fixed > 0) {
            if (asked > 0 && asked != fixed) {
                throw new PackVerificationException(source, "input '" + input.describe() + "' has a fixed " + which + " of " + fixed
                        + ", not " + asked + " as --size says");
            }
            return (int) fixed;
        }
        if (asked <= 0) {
            throw new PackVerificationException(source, "input '" + input.describe() + "' has no fixed " + which + "; give --size WxH");
        }
        return asked;
    }

    private static DetectorSettings.Family family(Path source, PerceptionManifest.Decoding decoding) {
        return switch (decoding) {
            case CENTERNET -> DetectorSettings.Family.CENTERNET;
            case NANODET -> DetectorSettings.Family.NANODET;
            case BLAZEFACE -> DetectorSettings.Family.BLAZEFACE;
            default -> throw new PackVerificationException(source, "the decoding " + decoding.name().toLowerCase(Locale.ROOT)
                    + " is not one Sightline can run yet (centernet, nanodet, blazeface)");
        };
    }

    /** The outputs given, else the decoding's usual names when the model has them all, else the model's outputs in order. */
    private static List<String> outputs(Path source, OnnxSignature signature, List<String> asked, List<String> usual,
                                        DetectorSettings.Family family) {
        int count = family.outputCount();
        String family0 = family.name().toLowerCase(Locale.ROOT);
        List<String> chosen;
        if (!asked.isEmpty()) {
            chosen = asked;
        } else if (usual.stream().allMatch(n -> signature.output(n).isPresent())) {
            chosen = usual;
        } else if (signature.outputs().size() == count) {
            chosen = signature.outputs().stream().map(OnnxSignature.Tensor::name).toList();
        } else {
            throw new PackVerificationException(source, "a " + family0 + " decoding reads " + count + " outputs; this model has "
                    + describe(signature.outputs()) + ": name them in the decoding's order with --outputs");
        }
        if (chosen.size() != count) {
            throw new PackVerificationException(source, "a " + family0 + " decoding reads " + count + " outputs, --outputs names "
                    + chosen.size() + " " + chosen);
        }
        for (String n : chosen) {
            if (signature.output(n).isEmpty()) {
                throw new PackVerificationException(source, "has no output named '" + n + "'; its outputs are " + describe(signature.outputs()));
            }
        }
        return chosen;
    }

    private static void prepare(Path dir) throws IOException {
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw new PackInstallException(dir + " exists and is not a folder; give a new or empty folder");
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                if (entries.iterator().hasNext()) {
                    throw new PackInstallException(dir + " is not empty; give a new or empty folder");
                }
            }
        }
        Files.createDirectories(dir);
    }

    private static float[] floats(List<Float> values) {
        float[] f = new float[values.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = values.get(i);
        }
        return f;
    }

    private static String describe(List<OnnxSignature.Tensor> tensors) {
        List<String> d = new ArrayList<>();
        tensors.forEach(t -> d.add(t.describe()));
        return d.toString();
    }
}
