package org.sightline.models.perception.install;

import org.sightline.models.perception.PackedDetector;
import org.sightline.models.perception.VerifiedPerceptionPack;
import org.sightline.models.perception.PerceptionManifest;
import java.nio.file.Path;
import java.util.List;
import org.sightline.models.pack.OnnxSignature;
import org.sightline.models.pack.PackVerificationException;
import org.sightline.models.perception.PerceptionManifest.ModelEntry;
import org.sightline.models.perception.PerceptionManifest.ModelRole;
import org.sightline.models.perception.detect.Detection;
import org.sightline.models.perception.detect.DetectorLoadException;
import org.sightline.models.perception.detect.DetectorSettings;
import org.sightline.models.perception.detect.ObjectDetector;
import org.sightline.models.perception.text.SceneTextReader;
import org.sightline.models.runtime.RgbFrame;
import org.sightline.models.runtime.RuntimeOptions;
import org.sightline.models.runtime.TestPicture;

/**
 * Runs a verified perception pack once on a fixed test picture ({@link TestPicture}), so that a pack that would fail
 * while indexing or redacting is refused when it is imported: a detector's decoding is one Sightline runs, every
 * output it reads has a shape it can read (checked on the model's declared shapes where they are fixed), the model
 * loads, and decoding the outputs of two pictures of different shapes, with no score threshold, gives finite scores
 * and boxes; a text pack's two models load and read the picture. Failures are {@link PackVerificationException}s
 * naming the model file, the output and the problem.
 */
public final class PerceptionTrial {
    private PerceptionTrial() {
    }

    /** @throws PackVerificationException naming the model file when the pack cannot run on the test picture */
    public static void run(VerifiedPerceptionPack pack) {
        switch (pack.manifest().kind()) {
            case DETECTOR -> detector(pack);
            case TEXT -> text(pack);
        }
    }

    private static void detector(VerifiedPerceptionPack pack) {
        ModelEntry entry = pack.manifest().model(ModelRole.DETECTOR).orElseThrow();
        Path file = pack.dir().resolve(entry.file());
        DetectorSettings settings = PackedDetector.settings(pack);
        checkOutputShapes(file, pack.signatures().get(entry.file()), settings);
        ObjectDetector detector;
        try {
            detector = PackedDetector.open(pack, RuntimeOptions.defaults());
        } catch (DetectorLoadException e) {
            throw new PackVerificationException(file, e.getMessage(), e);
        }
        try (detector) {
            for (RgbFrame picture : List.of(TestPicture.of(320, 240), TestPicture.of(200, 260))) {
                List<Detection> found;
                try {
                    found = detector.detect(picture, 0f);
                } catch (RuntimeException e) {
                    throw new PackVerificationException(file, "decoding its outputs " + settings.outputs() + " as "
                            + entry.decoding().name().toLowerCase() + " fails on a test picture: " + e.getMessage(), e);
                }
                for (Detection d : found) {
                    var b = d.box();
                    if (!Float.isFinite(d.score()) || !Float.isFinite(b.x1()) || !Float.isFinite(b.y1())
                            || !Float.isFinite(b.x2()) || !Float.isFinite(b.y2())) {
                        throw new PackVerificationException(file, "decoding its outputs " + settings.outputs() + " as "
                                + entry.decoding().name().toLowerCase() + " gives a non-finite score or box on a test picture: " + d);
                    }
                }
            }
        }
    }

    /**
     * The outputs a decoding reads, against the shapes the model declares (a symbolic dimension passes; the run
     * catches the rest): centernet a heat map {@code [1, rows, columns, classes]} and extents {@code [1, rows, columns, 4]};
     * nanodet (six outputs) per level class scores {@code [1, cells, classes]} and side distributions {@code [1, cells, 4 × bins]}.
     * The other families' decoders check the shapes they read on the trial run ({@code DetectorOutputException}).
     */
    static void checkOutputShapes(Path file, OnnxSignature signature, DetectorSettings settings) {
        List<String> outputs = settings.outputs();
        int classes = settings.classNames().size();
        switch (settings.family()) {
            case CENTERNET -> {
                expect(file, signature, outputs.get(0), 4, classes, "a centernet heat map [1, rows, columns, " + classes + "]");
                expect(file, signature, outputs.get(1), 4, 4, "centernet box extents [1, rows, columns, 4]");
            }
            case NANODET -> {
                if (outputs.size() != 6) {
                    return; // nanodet's own one-output export: its decoder checks the shape it reads
                }
                for (int level = 0; level < 3; level++) {
                    expect(file, signature, outputs.get(2 * level), 3, classes, "nanodet class scores [1, cells, " + classes + "]");
                    expect(file, signature, outputs.get(2 * level + 1), 3, -4, "nanodet box distributions [1, cells, 4 × bins]");
                }
            }
            default -> {
                // other families: their decoders check what they read, and the trial run reports it
            }
        }
    }

    /** {@code last}: the last dimension's size, -4 for "a multiple of 4", 0 for any. */
    private static void expect(Path file, OnnxSignature signature, String output, int rank, int last, String what) {
        OnnxSignature.Tensor t = signature.output(output).orElseThrow(() -> new PackVerificationException(file,
                "has no output named '" + output + "'; its outputs are "
                        + signature.outputs().stream().map(OnnxSignature.Tensor::describe).toList()));
        if (t.elementType() != 1) {
            throw new PackVerificationException(file, "output '" + output + "' holds ONNX element type " + t.elementType()
                    + ", not float; the decoding reads " + what);
        }
        if (t.dims().size() != rank) {
            throw new PackVerificationException(file, "output '" + t.describe() + "' has " + t.dims().size()
                    + " dimensions; the decoding reads " + what);
        }
        long size = t.fixedDim(rank - 1);
        boolean wrong = size != -1 && (last > 0 ? size != last : last < 0 && size % -last != 0);
        if (wrong) {
            throw new PackVerificationException(file, "output '" + t.describe() + "' cannot be read: the decoding reads " + what);
        }
    }

    private static void text(VerifiedPerceptionPack pack) {
        ModelEntry entry = pack.manifest().model(ModelRole.TEXT_RECOGNISER).orElseThrow();
        try (SceneTextReader reader = SceneTextReader.open(pack, RuntimeOptions.defaults())) {
            reader.read(TestPicture.of(320, 240));
        } catch (PackVerificationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new PackVerificationException(pack.dir().resolve(entry.file()), "the text pack fails on a test picture: "
                    + e.getMessage(), e);
        }
    }
}
