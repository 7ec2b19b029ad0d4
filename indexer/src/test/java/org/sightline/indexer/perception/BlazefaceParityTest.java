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
 * BlazeFace converted by the project's TensorFlow.js converter (its {@code Pad} of channels and {@code Reshape} of
 * the heads included) gives, under ONNX Runtime, the four outputs the reference implementation (pure-JS TensorFlow.js
 * on Node) gives on real frames of {@code ../shared/footage}, within 1e-4 in the units the decoder uses: scores
 * after the sigmoid (0–1), box values in fractions of the input side (the raw outputs are logits reaching 1e4 and
 * pixel offsets reaching 1.6e3, where float32 sums in another order differ by more than 1e-4 absolute; the raw
 * figures are printed too).
 */
class BlazefaceParityTest {
    private static final double TOLERANCE = 1e-4;

    private static double sigmoid(float logit) {
        return 1 / (1 + Math.exp(-logit));
    }

    @TempDir
    Path tmp;

    @Test
    void convertedBlazefaceMatchesTensorFlowJsOnFootageFrames() throws Exception {
        DetectorSettings settings = DetectorSettings.blazeface();
        List<String> outputs = settings.outputs();
        Path json = PublishedWeights.blazefaceModelJson();
        Path onnx = tmp.resolve("blazeface.onnx");
        TfjsGraphConverter.convert(json, outputs, onnx);
        int size = settings.inputSize();
        List<ConvertedModelParity.Compared> compared = ConvertedModelParity.onFootage(json, onnx, settings, outputs,
                new long[] {1, size, size, 3}, List.of(new ConvertedModelParity.Frame("indoor-people-one-by-one.mp4", 30.0),
                        new ConvertedModelParity.Frame("parking-lot-person-bicycle-car.mp4", 24.0)));
        for (ConvertedModelParity.Compared c : compared) {
            float[] a = c.actual();
            float[] e = c.expected();
            boolean scores = c.output() % 2 == 0;
            double worst = 0;
            double worstRaw = 0;
            double largest = 0;
            for (int i = 0; i < a.length; i++) {
                double d = scores ? Math.abs(sigmoid(a[i]) - sigmoid(e[i])) : Math.abs(a[i] - e[i]) / size;
                worst = Math.max(worst, d);
                worstRaw = Math.max(worstRaw, Math.abs(a[i] - e[i]) / Math.max(1, Math.abs(e[i])));
                largest = Math.max(largest, Math.abs(e[i]));
            }
            System.out.printf("parity %s @%.0fs %s: worst difference %.3g %s (raw: %.3g, absolute or relative above 1;"
                            + " largest value %.3g)%n", c.frame().video(), c.frame().seconds(), c.name(), worst,
                    scores ? "in score" : "in input widths", worstRaw, largest);
            assertTrue(worst <= TOLERANCE, c.frame().video() + " at " + c.frame().seconds() + " s: " + c.name()
                    + " differs from TensorFlow.js by " + worst);
        }
    }
}
