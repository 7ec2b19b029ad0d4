package org.sightline.indexer.perception;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.indexer.footage.FrameAt;
import org.sightline.models.convert.tfjs.TfjsGraphConverter;
import org.sightline.models.perception.detect.DetectorPreprocessor;
import org.sightline.models.perception.detect.DetectorSettings;
import org.sightline.models.runtime.RgbFrame;
import org.sightline.models.testing.PublishedWeights;
import org.sightline.models.testing.SharedData;
import org.sightline.models.testing.SharedOrtEnvironment;
import org.sightline.models.testing.TfjsReference;

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
        TfjsReference reference = TfjsReference.installed();
        DetectorPreprocessor preprocessor = new DetectorPreprocessor(DetectorSettings.centernet());
        OrtEnvironment env = SharedOrtEnvironment.get();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
             OrtSession session = env.createSession(onnx.toString(), options)) {
            for (var sample : List.of(Map.entry("indoor-people-one-by-one.mp4", 30.0),
                    Map.entry("residential-street-vehicles.mp4", 15.0))) {
                RgbFrame frame = FrameAt.frameAt(SharedData.footage(sample.getKey()), sample.getValue(), 4096);
                float[] input = new float[preprocessor.inputLength()];
                preprocessor.prepare(frame, input);
                List<TfjsReference.Output> expected = reference.run(json, input, 512, 512, 3, OUTPUTS);
                try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[] {1, 512, 512, 3});
                     OrtSession.Result result = session.run(Map.of("tower_0/images", tensor))) {
                    for (int o = 0; o < OUTPUTS.size(); o++) {
                        OnnxTensor actual = (OnnxTensor) result.get(OUTPUTS.get(o)).orElseThrow();
                        long[] shape = actual.getInfo().getShape();
                        assertArrayEquals(java.util.Arrays.stream(expected.get(o).shape()).asLongStream().toArray(), shape,
                                OUTPUTS.get(o) + " shape");
                        float[] a = new float[(int) actual.getInfo().getNumElements()];
                        actual.getFloatBuffer().get(a);
                        float[] e = expected.get(o).values();
                        assertEquals(e.length, a.length);
                        double worst = 0;
                        double largest = 0;
                        for (int i = 0; i < a.length; i++) {
                            double scale = OUTPUT_SCALE[o];
                            worst = Math.max(worst, Math.abs(a[i] - e[i]) / scale / Math.max(1, Math.abs(e[i]) / scale));
                            largest = Math.max(largest, Math.abs(e[i]));
                        }
                        System.out.printf("parity %s @%.0fs %s: worst difference %.3g (largest value %.3g)%n",
                                sample.getKey(), sample.getValue(), OUTPUTS.get(o), worst, largest);
                        assertTrue(worst <= TOLERANCE, sample.getKey() + " at " + sample.getValue() + " s: " + OUTPUTS.get(o)
                                + " differs from TensorFlow.js by " + worst);
                    }
                }
            }
        }
    }
}
