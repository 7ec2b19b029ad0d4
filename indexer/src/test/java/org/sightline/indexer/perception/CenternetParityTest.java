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
 * The project's TensorFlow.js converter is exact: centernet converted to ONNX and run by ONNX Runtime gives the
 * heat map and box extents the reference implementation (pure-JS TensorFlow.js on Node) gives, on real frames of
 * {@code ../shared/footage}, within 1e-4. Two frames only: the pure-JS backend needs seconds per frame.
 */
class CenternetParityTest {
    private static final List<String> OUTPUTS = List.of("tower_0/keypoints", "tower_0/wh");
    /**
     * Largest difference allowed between the network's outputs: 1e-4 absolute, or relative for values above 1 (the
     * box extents reach 30 before scaling, where float32 steps are already 2e-6 and TensorFlow.js sums in another
     * order). The scores ({@code keypoints}, 0–1) measure within 1e-6.
     */
    private static final double TOLERANCE = 1e-4;
    /**
     * The graph multiplies the extents head's output by 16 ({@code tower_0/mul/y}) to give input pixels; the tolerance
     * applies to the network's output before that scaling, so to {@code wh / 16}.
     */
    private static final double[] OUTPUT_SCALE = {1, 16};

    @TempDir
    Path tmp;

    @Test
    void convertedCenternetMatchesTensorFlowJsOnFootageFrames() throws Exception {
        Path json = PublishedWeights.centernetModelJson();
        Path onnx = tmp.resolve("centernet.onnx");
        TfjsGraphConverter.convert(json, OUTPUTS, onnx);
        List<ConvertedModelParity.Compared> compared = ConvertedModelParity.onFootage(json, onnx, DetectorSettings.centernet(),
                OUTPUTS, new long[] {1, 512, 512, 3}, List.of(new ConvertedModelParity.Frame("indoor-people-one-by-one.mp4", 30.0),
                        new ConvertedModelParity.Frame("residential-street-vehicles.mp4", 15.0)));
        for (ConvertedModelParity.Compared c : compared) {
            float[] a = c.actual();
            float[] e = c.expected();
            double scale = OUTPUT_SCALE[c.output()];
            double worst = 0;
            double largest = 0;
            for (int i = 0; i < a.length; i++) {
                worst = Math.max(worst, Math.abs(a[i] - e[i]) / scale / Math.max(1, Math.abs(e[i]) / scale));
                largest = Math.max(largest, Math.abs(e[i]));
            }
            System.out.printf("parity %s @%.0fs %s: worst difference %.3g (largest value %.3g)%n",
                    c.frame().video(), c.frame().seconds(), c.name(), worst, largest);
            assertTrue(worst <= TOLERANCE, c.frame().video() + " at " + c.frame().seconds() + " s: " + c.name()
                    + " differs from TensorFlow.js by " + worst);
        }
    }
}
