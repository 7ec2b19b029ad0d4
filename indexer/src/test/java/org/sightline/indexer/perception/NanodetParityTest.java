package org.sightline.indexer.perception;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.models.convert.tfjs.TfjsGraphConverter;
import org.sightline.models.perception.detect.DetectorSettings;
import org.sightline.models.testing.PublishedWeights;

/**
 * NanoDet (an onnx-tf export: NCHW input, its own transposes, split heads and constant shape arithmetic), converted
 * by the project's TensorFlow.js converter with the layout as given, gives under ONNX Runtime the six outputs the
 * reference implementation (pure-JS TensorFlow.js on Node) gives on real frames of {@code ../shared/footage}, within
 * 1e-4 (absolute; relative above 1).
 */
class NanodetParityTest {
    private static final double TOLERANCE = 1e-4;


    @TempDir
    Path tmp;

    @Test
    void convertedNanodetMatchesTensorFlowJsOnFootageFrames() throws Exception {
        DetectorSettings settings = DetectorSettings.nanodet();
        List<String> outputs = settings.outputs();
        Path json = PublishedWeights.nanodetModelJson();
        Path onnx = tmp.resolve("nanodet.onnx");
        TfjsGraphConverter.convert(json, outputs, TfjsGraphConverter.Layout.AS_GIVEN, onnx);
        int size = settings.inputSize();
        List<ConvertedModelParity.Compared> compared = ConvertedModelParity.onFootage(json, onnx, settings, outputs,
                new long[] {1, 3, size, size}, List.of(new ConvertedModelParity.Frame("indoor-people-one-by-one.mp4", 30.0),
                        new ConvertedModelParity.Frame("parking-lot-person-bicycle-car.mp4", 24.0)));
        for (ConvertedModelParity.Compared c : compared) {
            float[] a = c.actual();
            float[] e = c.expected();
            boolean scores = c.output() % 2 == 0;
            double worst = 0;
            double largest = 0;
            for (int i = 0; i < a.length; i++) {
                worst = Math.max(worst, Math.abs(a[i] - e[i]) / Math.max(1, Math.abs(e[i])));
                largest = Math.max(largest, Math.abs(e[i]));
            }
            System.out.printf("parity %s @%.0fs %s (%s): worst difference %.3g (largest value %.3g)%n",
                    c.frame().video(), c.frame().seconds(), c.name(), scores ? "scores" : "distribution logits", worst, largest);
            assertTrue(worst <= TOLERANCE, c.frame().video() + " at " + c.frame().seconds() + " s: " + c.name()
                    + " differs from TensorFlow.js by " + worst);
        }
    }
}
