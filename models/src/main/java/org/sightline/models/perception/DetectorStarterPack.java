package org.sightline.models.perception;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sightline.models.convert.tfjs.TfjsGraphConverter;
import org.sightline.models.integrity.Sha256;
import org.sightline.models.perception.PerceptionManifest.ChannelOrder;
import org.sightline.models.perception.PerceptionManifest.Decoding;
import org.sightline.models.perception.PerceptionManifest.FileRole;
import org.sightline.models.perception.PerceptionManifest.ImageInput;
import org.sightline.models.perception.PerceptionManifest.Layout;
import org.sightline.models.perception.PerceptionManifest.ModelEntry;
import org.sightline.models.perception.PerceptionManifest.ModelRole;
import org.sightline.models.perception.PerceptionManifest.NpmProvenance;
import org.sightline.models.perception.PerceptionManifest.PackFile;
import org.sightline.models.perception.PerceptionManifest.TarballFile;
import org.sightline.models.perception.detect.DetectorSettings;
import org.sightline.models.perception.detect.PublishedDetector;

/**
 * The starter detector pack {@value #NAME}: MobileNetV3 CenterNet (COCO, 80 classes) from the npm package
 * {@code @vladmandic/human@3.3.6} ({@link PublishedDetector#CENTERNET}), converted from its TensorFlow.js graph
 * model to ONNX by the project's own {@link TfjsGraphConverter} (byte-for-byte repeatable, so the manifest's
 * SHA-256 is pinned). The pack holds the converted model ({@value #MODEL_FILE}, NHWC 512×512 RGB, values 0–255,
 * outputs the heat map and box extents) and the two published files it was made from, so anyone can repeat the
 * conversion from the pack alone. Licence: the package is MIT; the weights' upstream repository
 * (610265158/mobilenetv3_centernet) states no licence, and the manifest says exactly that.
 */
public final class DetectorStarterPack implements StarterPackRecipe {
    public static final String NAME = "sightline-detector-centernet";
    public static final String VERSION = "1.0";

    /** SHA-256 of the manifest {@link #write} produces (it lists every file's SHA-256, the converted model's too). */
    public static final String MANIFEST_SHA256 = "9040b3965815c4288f3417b1ef2a08c97f5eb96cbb7178f25131f1d16d09f807";

    /** The converted model's file in the pack. */
    public static final String MODEL_FILE = "centernet.onnx";
    private static final PublishedDetector SOURCE = PublishedDetector.CENTERNET;
    private static final String NPM_PREFIX = "package/";

    /** The published package, pinned by its tarball integrity. */
    public static final NpmTarball PACKAGE = new NpmTarball(SOURCE.packageName(), SOURCE.version(), SOURCE.integrity());

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
        List<String> inTarball = SOURCE.files().stream().map(f -> stripPrefix(f.path())).toList();
        Map<String, byte[]> published = tarball.files(inTarball);
        List<PackFile> entries = new ArrayList<>();
        List<TarballFile> provenance = new ArrayList<>();
        try {
            for (PublishedDetector.PackagedFile f : SOURCE.files()) {
                String path = stripPrefix(f.path());
                byte[] bytes = published.get(path);
                String sha = Sha256.of(bytes);
                if (!sha.equals(f.sha256())) {
                    throw new NpmIntegrityException(PACKAGE.spec() + " file " + path, f.sha256(), sha, tarball.file().toString());
                }
                String packPath = Path.of(path).getFileName().toString();
                Files.write(dir.resolve(packPath), bytes);
                entries.add(new PackFile(packPath, FileRole.OTHER, bytes.length, sha));
                provenance.add(new TarballFile(path, packPath));
            }
            Path modelJson = dir.resolve(Path.of(stripPrefix(SOURCE.modelJson())).getFileName().toString());
            Path onnx = dir.resolve(MODEL_FILE);
            TfjsGraphConverter.convert(modelJson, SOURCE.outputs(), onnx);
            byte[] model = Files.readAllBytes(onnx);
            entries.addFirst(new PackFile(MODEL_FILE, FileRole.MODEL, model.length, Sha256.of(model)));
            provenance.add(new TarballFile(stripPrefix(SOURCE.modelJson()), MODEL_FILE));
            DetectorSettings settings = SOURCE.settings();
            ModelEntry detector = new ModelEntry(ModelRole.DETECTOR, MODEL_FILE, settings.inputName(),
                    List.of(settings.heatmapOutput(), settings.sizeOutput()),
                    new ImageInput(Layout.NHWC, ChannelOrder.RGB, settings.inputSize(), settings.inputSize(), 1, 0,
                            settings.pixelScale(), new float[] {0f, 0f, 0f}, new float[] {1f, 1f, 1f}),
                    Decoding.CENTERNET);
            PerceptionManifest manifest = new PerceptionManifest(PerceptionManifest.FORMAT, NAME, VERSION,
                    PerceptionManifest.Kind.DETECTOR, SOURCE.licence(),
                    "Objects (COCO 80 classes: people, vehicles, bicycles, bags...): MobileNetV3 CenterNet from "
                            + PACKAGE.spec() + ", converted from TensorFlow.js to ONNX by Sightline's TfjsGraphConverter",
                    new NpmProvenance(PACKAGE.name(), PACKAGE.version(), PACKAGE.integrity(), "MIT", provenance),
                    List.of(detector), settings.classNames(), null, entries);
            Files.write(dir.resolve(PerceptionManifest.FILE_NAME), manifest.toJson());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the starter pack " + NAME + " into " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String stripPrefix(String path) {
        return path.startsWith(NPM_PREFIX) ? path.substring(NPM_PREFIX.length()) : path;
    }
}
