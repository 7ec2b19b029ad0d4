package org.sightline.indexer.perception;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
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
        TfjsReference reference = TfjsReference.installed();
        DetectorPreprocessor preprocessor = new DetectorPreprocessor(settings);
        int size = settings.inputSize();
        OrtEnvironment env = SharedOrtEnvironment.get();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
             OrtSession session = env.createSession(onnx.toString(), options)) {
            for (var sample : List.of(Map.entry("indoor-people-one-by-one.mp4", 30.0),
                    Map.entry("parking-lot-person-bicycle-car.mp4", 24.0))) {
                RgbFrame frame = FrameAt.frameAt(SharedData.footage(sample.getKey()), sample.getValue(), 4096);
                float[] input = new float[preprocessor.inputLength()];
                preprocessor.prepare(frame, input);
                List<TfjsReference.Output> expected = reference.run(json, input, size, size, 3, outputs);
                try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[] {1, size, size, 3});
                     OrtSession.Result result = session.run(Map.of(settings.inputName(), tensor))) {
                    for (int o = 0; o < outputs.size(); o++) {
                        OnnxTensor actual = (OnnxTensor) result.get(outputs.get(o)).orElseThrow();
                        assertArrayEquals(Arrays.stream(expected.get(o).shape()).asLongStream().toArray(),
                                actual.getInfo().getShape(), outputs.get(o) + " shape");
                        float[] a = new float[(int) actual.getInfo().getNumElements()];
                        actual.getFloatBuffer().get(a);
                        float[] e = expected.get(o).values();
                        assertEquals(e.length, a.length);
                        boolean scores = o % 2 == 0;
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
                                        + " largest value %.3g)%n", sample.getKey(), sample.getValue(), outputs.get(o), worst,
                                scores ? "in score" : "in input widths", worstRaw, largest);
                        assertTrue(worst <= TOLERANCE, sample.getKey() + " at " + sample.getValue() + " s: " + outputs.get(o)
                                + " differs from TensorFlow.js by " + worst);
                    }
                }
            }
        }
    }
}
