package org.sightline.models.perception.detect;

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
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.sightline.models.OfflineMode;
import org.sightline.models.runtime.OnnxRuntimeStartup;
import org.sightline.models.runtime.OnnxVisionLanguageModel;
import org.sightline.models.runtime.RgbFrame;
import org.sightline.models.runtime.RuntimeOptions;

/**
 * Finds objects in frames with an ONNX detector on DJL's OnnxRuntime engine, set up like
 * {@link OnnxVisionLanguageModel}: the frame is fitted to the detector's square input
 * ({@link DetectorPreprocessor}), the outputs decoded by the detector's family ({@link CenternetDecoder},
 * {@link BlazefaceDecoder}, {@link NanodetDecoder}, {@link NanodetPlusDecoder}, {@link YoloDecoder}, {@link YoloxGrid}, {@link SsdNmsDecoder}), boxes
 * mapped back to normalised frame coordinates and overlapping boxes of a class merged ({@link NonMaxSuppression}).
 *
 * <p>Thread-safety: safe to call from several threads; each call has its own predictor and NDManager over the
 * shared ONNX Runtime session.
 */
public final class ObjectDetector implements AutoCloseable {
    static {
        OfflineMode.enforce();
        OnnxRuntimeStartup.ensureStarted();
    }

    private final String name;
    private final DetectorSettings settings;
    private final DetectorPreprocessor preprocessor;
    private final CenternetDecoder centernet;
    private final BlazefaceDecoder blazeface;
    private final NanodetDecoder nanodet;
    private final NanodetPlusDecoder nanodetExport;
    private final YoloDecoder yolo;
    private final YoloxGrid yoloxGrid;
    private final SsdNmsDecoder ssd;
    private final Model model;
    private final int[] groups;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ObjectDetector(String name, byte[] onnxModel, DetectorSettings settings, RuntimeOptions options)
            throws IOException, MalformedModelException {
        this.name = name;
        this.settings = settings;
        this.preprocessor = new DetectorPreprocessor(settings);
        this.centernet = new CenternetDecoder(settings.maxDetections());
        this.blazeface = settings.family() == DetectorSettings.Family.BLAZEFACE
                ? new BlazefaceDecoder(settings.inputSize(), settings.maxDetections()) : null;
        this.nanodet = settings.family() == DetectorSettings.Family.NANODET
                ? new NanodetDecoder(settings.inputSize(), settings.maxDetections()) : null;
        this.nanodetExport = settings.family() == DetectorSettings.Family.NANODET && settings.outputs().size() == 1
                ? new NanodetPlusDecoder(settings.inputSize(), settings.maxDetections()) : null;
        DetectorSettings.Family family = settings.family();
        this.yolo = family == DetectorSettings.Family.YOLOV5 || family == DetectorSettings.Family.YOLOX
                ? new YoloDecoder(true) : family == DetectorSettings.Family.YOLOV8 ? new YoloDecoder(false) : null;
        this.yoloxGrid = family == DetectorSettings.Family.YOLOX
                && settings.decodingOptions().yoloxOutput() == DecodingOptions.YoloxOutput.RAW_GRID
                ? new YoloxGrid(settings.inputSize()) : null;
        this.ssd = family == DetectorSettings.Family.SSD_NMS ? new SsdNmsDecoder(settings.inputSize(), settings.decodingOptions()) : null;
        this.groups = settings.suppressionGroups();
        Model m = Model.newInstance(name, OnnxVisionLanguageModel.ENGINE);
        try (OrtSession.SessionOptions ort = OnnxVisionLanguageModel.sessionOptions(options, options.spinWait())) {
            m.load(new ByteArrayInputStream(onnxModel), Map.of("sessionOptions", ort));
        } catch (OrtException e) {
            m.close();
            throw new IOException("ONNX Runtime refused the session options: " + e.getMessage(), e);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            m.close();
            throw e;
        }
        this.model = m;
    }

    /**
     * Opens a detector from the bytes of its ONNX model (already verified by the caller).
     *
     * @param name a name for messages, such as the pack's name
     * @throws DetectorLoadException ONNX Runtime cannot load the model
     */
    public static ObjectDetector open(String name, byte[] onnxModel, DetectorSettings settings, RuntimeOptions options) {
        try {
            return new ObjectDetector(name, onnxModel, settings, options);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            throw new DetectorLoadException("ONNX Runtime cannot load detector " + name + ": " + rootMessage(e), e);
        }
    }

    public DetectorSettings settings() {
        return settings;
    }

    /** Objects in {@code frame} at or above the settings' score threshold, highest score first. */
    public List<Detection> detect(RgbFrame frame) {
        return detect(frame, settings.scoreThreshold());
    }

    /** Objects in {@code frame} at or above {@code threshold} (for measuring at several thresholds), highest first. */
    public List<Detection> detect(RgbFrame frame, float threshold) {
        if (closed.get()) {
            throw new IllegalStateException("detector " + name + " is closed");
        }
        float[] input = new float[preprocessor.inputLength()];
        InputPlacement placement = preprocessor.prepare(frame, input);
        int size = settings.inputSize();
        try (NDManager manager = model.getNDManager().newSubManager();
             Predictor<NDList, NDList> predictor = model.newPredictor(new NoopTranslator())) {
            Shape shape = settings.pixels().channelsFirst() ? new Shape(1, 3, size, size) : new Shape(1, size, size, 3);
            NDArray in = settings.pixels().values() == PixelFormat.InputValues.UINT8
                    ? manager.create(ByteBuffer.wrap(bytes(input)), shape, DataType.UINT8)
                    : manager.create(FloatBuffer.wrap(input), shape, DataType.FLOAT32);
            in.setName(settings.inputName());
            NDList out = predictor.predict(new NDList(in));
            List<CenternetDecoder.Peak> peaks = decode(out, threshold);
            List<Detection> found = new ArrayList<>();
            for (CenternetDecoder.Peak p : peaks) {
                NormalisedBox box = placement.toFrame(p.x1(), p.y1(), p.x2(), p.y2());
                if (box.area() > 0) {
                    found.add(new Detection(settings.classNames().get(p.classIndex()), p.classIndex(),
                            Math.min(1f, Math.max(0f, p.score())), box));
                }
            }
            return NonMaxSuppression.apply(found, settings.iouThreshold(), settings.maxDetections(), groups);
        } catch (TranslateException e) {
            throw new IllegalStateException("detector " + name + " failed on a " + frame.width() + "x" + frame.height()
                    + " frame: " + rootMessage(e), e);
        } catch (DetectorOutputException e) {
            throw new DetectorOutputException("detector " + name + " (" + settings.family().name().toLowerCase()
                    + " decoding): " + e.getMessage(), e);
        }
    }

    private List<CenternetDecoder.Peak> decode(NDList out, float threshold) {
        int classes = settings.classNames().size();
        return switch (settings.family()) {
            case CENTERNET -> centernetPeaks(out, threshold);
            case BLAZEFACE -> blazeface.decode(
                    List.of(output(out, settings.outputs().get(0)).toFloatArray(), output(out, settings.outputs().get(2)).toFloatArray()),
                    List.of(output(out, settings.outputs().get(1)).toFloatArray(), output(out, settings.outputs().get(3)).toFloatArray()),
                    threshold);
            case NANODET -> nanodetExport != null ? nanodetExport.decode(tensor(out, 0), classes, threshold) : nanodet.decode(
                    List.of(floats(out, 0), floats(out, 2), floats(out, 4)),
                    List.of(floats(out, 1), floats(out, 3), floats(out, 5)), classes, threshold);
            case YOLOV5, YOLOV8 -> yolo.decode(tensor(out, 0), classes, threshold);
            case YOLOX -> yolo.decode(yoloxGrid != null ? yoloxGrid.decode(tensor(out, 0), classes) : tensor(out, 0),
                    classes, threshold);
            case SSD_NMS -> settings.outputs().size() == 1 ? ssd.decode(tensor(out, 0), classes, threshold)
                    : ssd.decode(tensor(out, 0), tensor(out, 1), tensor(out, 2), tensor(out, 3), classes, threshold);
        };
    }

    /** Output {@code index} of the settings' outputs, any numeric type read as floats. */
    private OutputTensor tensor(NDList out, int index) {
        String outputName = settings.outputs().get(index);
        NDArray a = output(out, outputName);
        float[] values = switch (a.getDataType()) {
            case FLOAT32 -> a.toFloatArray();
            case FLOAT64 -> toFloats(a.toDoubleArray());
            case INT64 -> toFloats(a.toLongArray());
            case INT32 -> toFloats(a.toIntArray());
            case UINT8 -> toFloats(a.toUint8Array());
            default -> throw new DetectorOutputException("output " + outputName + " holds " + a.getDataType()
                    + " values; a detector's outputs must be numbers (float or integer)");
        };
        return new OutputTensor(outputName, a.getShape().getShape(), values);
    }

    private static float[] toFloats(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    private static float[] toFloats(long[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = v[i];
        }
        return f;
    }

    private static float[] toFloats(int[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = v[i];
        }
        return f;
    }

    /** Input values 0..255 (an 8-bit input's pixel format leaves them as they are) as unsigned bytes. */
    private static byte[] bytes(float[] input) {
        byte[] b = new byte[input.length];
        for (int i = 0; i < input.length; i++) {
            b[i] = (byte) Math.round(Math.max(0, Math.min(255, input[i])));
        }
        return b;
    }

    private List<CenternetDecoder.Peak> centernetPeaks(NDList out, float threshold) {
        NDArray heat = output(out, settings.outputs().get(0));
        NDArray extents = output(out, settings.outputs().get(1));
        long[] hs = heat.getShape().getShape();
        if (hs.length != 4 || hs[3] != settings.classNames().size()) {
            throw new IllegalStateException("detector " + name + " output " + settings.outputs().get(0) + " has shape "
                    + heat.getShape() + ", expected [1, rows, columns, " + settings.classNames().size() + "]");
        }
        int rows = (int) hs[1];
        int columns = (int) hs[2];
        float stride = (float) settings.inputSize() / columns;
        return centernet.decode(heat.toFloatArray(), extents.toFloatArray(), rows, columns, (int) hs[3], stride, threshold);
    }

    private float[] floats(NDList out, int index) {
        return output(out, settings.outputs().get(index)).toFloatArray();
    }

    private NDArray output(NDList out, String outputName) {
        for (NDArray a : out) {
            if (outputName.equals(a.getName())) {
                return a;
            }
        }
        throw new IllegalStateException("detector " + name + " has no output named " + outputName);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            model.close();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.toString();
    }
}
