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
    void convertedBlazefaceMatchesTensorFlowJsOnFootageFrames() throws Exception {
        DetectorSettings settings = DetectorSettings.nanodet();
        List<String> outputs = settings.outputs();
        Path json = PublishedWeights.nanodetModelJson();
        Path onnx = tmp.resolve("nanodet.onnx");
        TfjsGraphConverter.convert(json, outputs, TfjsGraphConverter.Layout.AS_GIVEN, onnx);
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
                List<TfjsReference.Output> expected = reference.run(json, input, 3, size, size, outputs);
                try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[] {1, 3, size, size});
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
                        double largest = 0;
                        for (int i = 0; i < a.length; i++) {
                            double d = Math.abs(a[i] - e[i]) / Math.max(1, Math.abs(e[i]));
                            worst = Math.max(worst, d);
                            largest = Math.max(largest, Math.abs(e[i]));
                        }
                        System.out.printf("parity %s @%.0fs %s (%s): worst difference %.3g (largest value %.3g)%n",
                                sample.getKey(), sample.getValue(), outputs.get(o), scores ? "scores" : "distribution logits",
                                worst, largest);
                        assertTrue(worst <= TOLERANCE, sample.getKey() + " at " + sample.getValue() + " s: " + outputs.get(o)
                                + " differs from TensorFlow.js by " + worst);
                    }
                }
            }
        }
    }
}
