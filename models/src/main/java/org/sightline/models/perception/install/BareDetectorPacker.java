package org.sightline.models.perception.install;

import org.sightline.models.perception.PerceptionPackVerifier;
import org.sightline.models.perception.VerifiedPerceptionPack;
import org.sightline.models.perception.PackedDetector;
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
import org.sightline.models.perception.PerceptionManifest.FileRole;
import org.sightline.models.perception.PerceptionManifest.ImageInput;
import org.sightline.models.perception.PerceptionManifest.Layout;
import org.sightline.models.perception.PerceptionManifest.ModelEntry;
import org.sightline.models.perception.PerceptionManifest.PackFile;
import org.sightline.models.perception.PerceptionManifest.SuppliedFile;

/**
 * Makes a detector perception pack of a bare ONNX detector a user brought: the file is copied (never changed) into a
 * new folder with a {@value PerceptionManifest#FILE_NAME} whose model entry is the decoding family's usual one filled
 * from the model's own signature ({@link PackedDetector#entryFor}: input name, layout, fixed square side, 8-bit input,
 * outputs), then what the user said ({@link DetectorRequest}: layout, size, outputs, YOLOX output form, class id
 * offset); the normalisation is the family's usual one. The manifest records the licence as given (else
 * {@value DetectorRequest#LICENCE_NOT_STATED}) and the source file's name and SHA-256 as
 * {@value SuppliedFile#USER_SUPPLIED}. The pack is then verified and run once ({@link PerceptionTrial}); every refusal
 * names the file the user brought.
 */
public final class BareDetectorPacker {
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
        try {
            VerifiedPerceptionPack pack = verifier.verify(dir);
            PerceptionTrial.run(pack);
            return pack;
        } catch (PackVerificationException e) {
            // name the file the user brought, not its copy in the pack being made
            Path named = e.file() != null && e.file().startsWith(dir) ? source : e.file();
            throw new PackVerificationException(named, e.problem(), e);
        }
    }

    /**
     * The family's entry filled from the model's signature ({@link PackedDetector#entryFor}: input name, layout, fixed
     * side, 8-bit input, outputs), then what the user said: layout, size, outputs, YOLOX output form, class id offset.
     */
    private static ModelEntry entry(Path source, OnnxSignature signature, DetectorRequest request, String name) {
        String file = name + ".onnx";
        ModelEntry read;
        try {
            read = PackedDetector.entryFor(request.decoding(), file, signature);
        } catch (IllegalArgumentException e) {
            if (request.outputs().isEmpty() || !e.getMessage().contains("has outputs")) {
                throw new PackVerificationException(source, e.getMessage().replace(file + " ", "").replace("write its manifest by hand",
                        "name them in the decoding's order with --outputs, or write its manifest by hand"), e);
            }
            // several outputs the family cannot assign by itself: the user named them
            ModelEntry d = PackedDetector.defaultEntry(request.decoding(), file);
            OnnxSignature.Tensor only = signature.inputs().getFirst();
            read = new ModelEntry(d.role(), file, only.name(), request.outputs(), d.image(), d.decoding(), d.inputValues(),
                    d.yoloxOutput(), d.boxOrder(), d.classIdOffset());
        }
        OnnxSignature.Tensor input = signature.input(read.input()).orElseThrow();
        ImageInput image = read.image();
        Layout layout = request.layout() != null ? request.layout() : layoutOf(source, input);
        int side = image.width();
        if (input.dims().size() == 4) {
            boolean nchw = layout == Layout.NCHW;
            long fixed = Math.max(input.fixedDim(nchw ? 2 : 1), input.fixedDim(nchw ? 3 : 2));
            side = sideOf(source, input, fixed, request, side);
        }
        ImageInput sized = new ImageInput(layout, image.channels(), side, side, image.sizeMultiple(), image.maxSide(),
                image.scale(), image.mean(), image.std());
        List<String> outputs = request.outputs().isEmpty() ? read.outputs() : request.outputs();
        for (String n : outputs) {
            if (signature.output(n).isEmpty()) {
                throw new PackVerificationException(source, "has no output named '" + n + "'; its outputs are " + describe(signature.outputs()));
            }
        }
        if (request.decoding() == PerceptionManifest.Decoding.YOLOX && request.yoloxOutput() == null) {
            throw new PackVerificationException(source, "a yolox export's output is on the grid or decoded, which its shape cannot"
                    + " tell: give --yolox-output raw-grid (YOLOX's export_onnx.py default) or decoded (--decode_in_inference)");
        }
        return new ModelEntry(read.role(), file, read.input(), outputs, sized, read.decoding(), read.inputValues(),
                request.yoloxOutput() != null ? request.yoloxOutput() : read.yoloxOutput(), read.boxOrder(),
                request.classIdOffset() != null ? request.classIdOffset() : read.classIdOffset());
    }

    /** The layout the input's shape shows: the 3 colour channels second (nchw) or last (nhwc). */
    private static Layout layoutOf(Path source, OnnxSignature.Tensor input) {
        boolean second = input.dims().size() == 4 && input.fixedDim(1) == 3;
        boolean last = input.dims().size() == 4 && input.fixedDim(3) == 3;
        if (second == last) {
            throw new PackVerificationException(source, "input '" + input.describe() + "' does not show whether it is nchw or nhwc"
                    + " (a float image [1, 3, H, W] or [1, H, W, 3]); give --layout");
        }
        return second ? Layout.NCHW : Layout.NHWC;
    }

    /** The square side: the model's fixed one (which --size must then equal), else --size, else the family's default. */
    private static int sideOf(Path source, OnnxSignature.Tensor input, long fixed, DetectorRequest request, int familyDefault) {
        if (request.width() > 0 && request.width() != request.height()) {
            throw new PackVerificationException(source, "--size " + request.width() + "x" + request.height()
                    + " is not square; Sightline feeds detectors a square");
        }
        if (fixed > 0) {
            if (request.width() > 0 && request.width() != fixed) {
                throw new PackVerificationException(source, "input '" + input.describe() + "' has a fixed side of " + fixed
                        + ", not " + request.width() + " as --size says");
            }
            return (int) fixed;
        }
        return request.width() > 0 ? request.width() : familyDefault;
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

    private static String describe(List<OnnxSignature.Tensor> tensors) {
        List<String> d = new ArrayList<>();
        tensors.forEach(t -> d.add(t.describe()));
        return d.toString();
    }
}
