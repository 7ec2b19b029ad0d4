package org.sightline.models.perception;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.Map;
import org.sightline.models.OfflineMode;
import org.sightline.models.pack.OnnxSignature;
import org.sightline.models.pack.PackVerificationException;
import org.sightline.models.runtime.OnnxVisionLanguageModel;
import org.sightline.models.runtime.RuntimeOptions;

/**
 * One verified ONNX model of a perception pack, run with DJL on the OnnxRuntime engine with the same session
 * settings as {@link OnnxVisionLanguageModel}. Loaded from the verified bytes, never re-read from disk.
 *
 * <p>Thread-safe: each call makes its own predictor and NDManager over the shared session.
 */
public final class OnnxModelSession implements AutoCloseable {
    static {
        OfflineMode.enforce();
    }

    private final String label;
    private final Model model;
    private final PerceptionManifest.ModelEntry entry;
    private final int[] outputIndexes;

    /** One output: its values and shape. */
    public record Output(float[] values, long[] shape) {
    }

    private OnnxModelSession(String label, Model model, PerceptionManifest.ModelEntry entry, int[] outputIndexes) {
        this.label = label;
        this.model = model;
        this.entry = entry;
        this.outputIndexes = outputIndexes;
    }

    /**
     * Opens the pack's model {@code entry}.
     *
     * @throws PackVerificationException when ONNX Runtime refuses the file the checks let through
     */
    public static OnnxModelSession open(VerifiedPerceptionPack pack, PerceptionManifest.ModelEntry entry, RuntimeOptions options) {
        String label = pack.name() + "/" + entry.file();
        OnnxSignature sig = pack.signatures().get(entry.file());
        int[] indexes = entry.outputs().stream().mapToInt(sig::outputIndex).toArray();
        Model model = Model.newInstance(label, OnnxVisionLanguageModel.ENGINE);
        try (OrtSession.SessionOptions ort = OnnxVisionLanguageModel.sessionOptions(options, options.spinWait())) {
            model.load(new ByteArrayInputStream(pack.bytes(entry.file())), Map.of("sessionOptions", ort));
            return new OnnxModelSession(label, model, entry, indexes);
        } catch (IOException | MalformedModelException | OrtException | RuntimeException e) {
            model.close();
            throw new PackVerificationException(pack.dir().resolve(entry.file()), "ONNX Runtime cannot load it: " + e.getMessage(), e);
        }
    }

    /** The manifest entry this session runs. */
    public PerceptionManifest.ModelEntry entry() {
        return entry;
    }

    /** Runs the model on one float input of {@code shape}; returns the outputs the manifest names, in its order. */
    public Output[] run(float[] input, long... shape) {
        try (NDManager manager = model.getNDManager().newSubManager();
             Predictor<NDList, NDList> predictor = model.newPredictor(new NoopTranslator())) {
            NDArray in = manager.create(FloatBuffer.wrap(input), new Shape(shape), DataType.FLOAT32);
            in.setName(entry.input());
            NDList out = predictor.predict(new NDList(in));
            Output[] result = new Output[outputIndexes.length];
            for (int i = 0; i < outputIndexes.length; i++) {
                NDArray o = out.get(outputIndexes[i]);
                result[i] = new Output(o.toType(DataType.FLOAT32, false).toFloatArray(), o.getShape().getShape());
            }
            return result;
        } catch (TranslateException e) {
            throw new IllegalStateException("model " + label + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
