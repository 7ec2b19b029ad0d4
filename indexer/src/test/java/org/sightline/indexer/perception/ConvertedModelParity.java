package org.sightline.indexer.perception;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.sightline.indexer.footage.FrameAt;
import org.sightline.models.perception.detect.DetectorPreprocessor;
import org.sightline.models.perception.detect.DetectorSettings;
import org.sightline.models.runtime.RgbFrame;
import org.sightline.models.testing.SharedData;
import org.sightline.models.testing.SharedOrtEnvironment;
import org.sightline.models.testing.TfjsReference;

/**
 * Runs a converted detector under ONNX Runtime and the TensorFlow.js reference (pure JS on Node) on the same prepared
 * footage frames, and pairs their outputs (shapes and lengths checked); each parity test judges the values in the
 * units its decoder uses.
 */
final class ConvertedModelParity {
    /** A footage frame the models are compared on. */
    record Frame(String video, double seconds) {
    }

    /** One output of one frame: what ONNX Runtime gave and what TensorFlow.js gave. */
    record Compared(Frame frame, int output, String name, float[] actual, float[] expected) {
    }

    private ConvertedModelParity() {
    }

    /**
     * @param inputShape the model's input shape, batch first ({@code 1, h, w, 3} or {@code 1, 3, h, w})
     */
    static List<Compared> onFootage(Path modelJson, Path onnx, DetectorSettings settings, List<String> outputs,
            long[] inputShape, List<Frame> frames) throws Exception {
        TfjsReference reference = TfjsReference.installed();
        DetectorPreprocessor preprocessor = new DetectorPreprocessor(settings);
        OrtEnvironment env = SharedOrtEnvironment.get();
        List<Compared> out = new ArrayList<>();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
             OrtSession session = env.createSession(onnx.toString(), options)) {
            for (Frame f : frames) {
                RgbFrame frame = FrameAt.frameAt(SharedData.footage(f.video()), f.seconds(), 4096);
                float[] input = new float[preprocessor.inputLength()];
                preprocessor.prepare(frame, input);
                List<TfjsReference.Output> expected = reference.run(modelJson, input, (int) inputShape[1], (int) inputShape[2],
                        (int) inputShape[3], outputs);
                try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), inputShape);
                     OrtSession.Result result = session.run(Map.of(settings.inputName(), tensor))) {
                    for (int o = 0; o < outputs.size(); o++) {
                        OnnxTensor actual = (OnnxTensor) result.get(outputs.get(o)).orElseThrow();
                        assertArrayEquals(Arrays.stream(expected.get(o).shape()).asLongStream().toArray(),
                                actual.getInfo().getShape(), outputs.get(o) + " shape");
                        float[] a = new float[(int) actual.getInfo().getNumElements()];
                        actual.getFloatBuffer().get(a);
                        float[] e = expected.get(o).values();
                        assertEquals(e.length, a.length);
                        out.add(new Compared(f, o, outputs.get(o), a, e));
                    }
                }
            }
        }
        return out;
    }
}
