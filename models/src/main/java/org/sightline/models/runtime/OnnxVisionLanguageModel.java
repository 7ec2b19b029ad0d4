package org.sightline.models.runtime;

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
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.sightline.models.OfflineMode;
import org.sightline.models.pack.ExternalWeightsCopy;
import org.sightline.models.pack.ModelId;
import org.sightline.models.pack.PackManifest;
import org.sightline.models.pack.PackVerificationException;
import org.sightline.models.pack.VerifiedPack;

/**
 * A {@link VisionLanguageModel} running a verified model pack's two ONNX encoders with DJL on the OnnxRuntime
 * engine (named explicitly), the pack's tokenizer through DJL's HuggingFaceTokenizer, and {@link ClipPreprocessor}.
 * The encoders are loaded from the bytes the {@link org.sightline.models.pack.PackVerifier} hashed, never re-read
 * from disk.
 *
 * <p>Thread-safety: safe to call from several threads at once. Each call builds its own DJL predictor and
 * NDManager (cheap) over the shared ONNX Runtime sessions, whose {@code run} is thread-safe; the preprocessor is
 * thread-safe and the tokenizer serialises its own calls. Concurrent calls share the intra-op thread pool, so
 * more caller threads than cores brings no extra speed.
 */
public final class OnnxVisionLanguageModel implements VisionLanguageModel {
    static {
        OfflineMode.enforce();
        OnnxRuntimeStartup.ensureStarted();
    }

    /** The DJL engine name; always given explicitly, as DJL's default engine may be another one. */
    public static final String ENGINE = "OnnxRuntime";

    private final ModelId id;
    private final PackManifest manifest;
    private final ClipPreprocessor preprocessor;
    private final PromptTokenizer tokenizer;
    private final Model imageModel;
    private final Model textModel;
    private final int imageOutputIndex;
    private final int textOutputIndex;
    private final int maxBatch;
    /** Batch size the image encoder's graph fixes, or 0 when any batch size goes. */
    private final int imageFixedBatch;
    /** Batch size the text encoder's graph fixes, or 0. */
    private final int textFixedBatch;
    private final PackManifest.TokenType tokenType;
    private final AtomicBoolean closed = new AtomicBoolean();

    private OnnxVisionLanguageModel(VerifiedPack pack, RuntimeOptions options) throws IOException, MalformedModelException {
        this.id = pack.id();
        this.manifest = pack.manifest();
        this.preprocessor = new ClipPreprocessor(manifest.image());
        this.imageFixedBatch = fixedBatch(pack.imageSignature(), manifest.image().input());
        this.textFixedBatch = fixedBatch(pack.textSignature(), manifest.text().input());
        this.maxBatch = imageFixedBatch > 0 ? imageFixedBatch : options.maxBatch();
        this.tokenType = manifest.text().tokens();
        this.imageOutputIndex = pack.imageSignature().outputIndex(manifest.image().output());
        this.textOutputIndex = pack.textSignature().outputIndex(manifest.text().output());
        Model image = null;
        Model text = null;
        PromptTokenizer tok = null;
        // ONNX Runtime copies the options into each session it creates, so they can be closed once both are loaded
        // the image encoder runs beside decoding, so its idle threads sleep (unless told otherwise); a prompt is
        // encoded alone while someone waits, so the text encoder's threads spin between its many small operators.
        // External weights are read from private copies checked against the manifest as they are made (not from the
        // pack folder, where a file could be swapped after verification); the copies go once the sessions hold them.
        try (ExternalWeightsCopy imageWeights = ExternalWeightsCopy.of(pack, PackManifest.FileRole.IMAGE_ENCODER, pack.imageEncoder());
             ExternalWeightsCopy textWeights = ExternalWeightsCopy.of(pack, PackManifest.FileRole.TEXT_ENCODER, pack.textEncoder());
             OrtSession.SessionOptions imageOptions = sessionOptions(options, options.spinWait(), imageWeights.folder());
             OrtSession.SessionOptions textOptions = sessionOptions(options, true, textWeights.folder())) {
            image = Model.newInstance(manifest.name() + "-image", ENGINE);
            image.load(new ByteArrayInputStream(pack.imageEncoder()), Map.of("sessionOptions", imageOptions));
            text = Model.newInstance(manifest.name() + "-text", ENGINE);
            text.load(new ByteArrayInputStream(pack.textEncoder()), Map.of("sessionOptions", textOptions));
            tok = new PromptTokenizer(pack.tokenizerJson(), manifest.text().contextLength(), manifest.text().padId());
        } catch (OrtException e) {
            closeQuietly(image, text);
            throw new IOException("ONNX Runtime refused the session options: " + e.getMessage(), e);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            closeQuietly(image, text);
            throw e;
        }
        this.imageModel = image;
        this.textModel = text;
        this.tokenizer = tok;
    }

    private static void closeQuietly(Model image, Model text) {
        if (image != null) {
            image.close();
        }
        if (text != null) {
            text.close();
        }
    }

    /** The fixed first dimension of an input, or 0 when it is symbolic. */
    private static int fixedBatch(org.sightline.models.pack.OnnxSignature signature, String input) {
        return signature.input(input).filter(t -> !t.dims().isEmpty()).map(t -> (int) Math.max(0, t.fixedDim(0))).orElse(0);
    }

    /**
     * ONNX Runtime session settings, set on the options object itself (DJL passes it through as it is). Shared with
     * the perception runtimes (detector, scene text), so every ONNX session of Sightline is set up the same way. The caller
     * closes it.
     */
    public static OrtSession.SessionOptions sessionOptions(RuntimeOptions options, boolean spinWait) throws OrtException {
        return sessionOptions(options, spinWait, null);
    }

    /** The same, for an encoder whose external weights ({@code .onnx_data}) lie in {@code externalData} (or null). */
    private static OrtSession.SessionOptions sessionOptions(RuntimeOptions options, boolean spinWait, Path externalData) throws OrtException {
        OrtSession.SessionOptions ort = new OrtSession.SessionOptions();
        try {
            if (externalData != null) {
                // the encoder is loaded from verified bytes; its external weights from a private copy checked as it was made
                ort.addConfigEntry("session.model_external_initializers_file_folder_path", externalData.toString());
            }
            ort.setIntraOpNumThreads(options.intraOpThreads());
            ort.setInterOpNumThreads(options.interOpThreads());
            ort.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            ort.setOptimizationLevel(switch (options.graphOptimisation()) {
                case NONE -> OrtSession.SessionOptions.OptLevel.NO_OPT;
                case BASIC -> OrtSession.SessionOptions.OptLevel.BASIC_OPT;
                case EXTENDED -> OrtSession.SessionOptions.OptLevel.EXTENDED_OPT;
                case ALL -> OrtSession.SessionOptions.OptLevel.ALL_OPT;
            });
            ort.setCPUArenaAllocator(options.memoryArena());
            ort.addConfigEntry("session.intra_op.allow_spinning", spinWait ? "1" : "0");
            return ort;
        } catch (OrtException | RuntimeException e) {
            ort.close();
            throw e;
        }
    }

    /**
     * Opens a verified pack.
     *
     * @throws PackVerificationException when ONNX Runtime or the tokenizer refuses a file the checks let through
     */
    public static OnnxVisionLanguageModel open(VerifiedPack pack, RuntimeOptions options) {
        try {
            return new OnnxVisionLanguageModel(pack, options);
        } catch (PackVerificationException e) {
            throw e;
        } catch (IOException | MalformedModelException | RuntimeException e) {
            throw new PackVerificationException(pack.dir(), "ONNX Runtime cannot load the pack's encoders or tokenizer: "
                    + rootMessage(e), e);
        }
    }

    public static OnnxVisionLanguageModel open(VerifiedPack pack) {
        return open(pack, RuntimeOptions.defaults());
    }

    @Override
    public ModelId id() {
        return id;
    }

    @Override
    public int dimension() {
        return manifest.embeddingDimension();
    }

    @Override
    public int preferredShortSide() {
        return manifest.image().size();
    }

    /** The pack's manifest (label, licence, settings). */
    public PackManifest manifest() {
        return manifest;
    }

    @Override
    public float[][] embedImages(List<RgbFrame> frames) {
        return embedPrepared(frames.stream().map(PreparedImage::of).toList());
    }

    /** Runs this pack's preprocessing (resize, crop, normalise) now, on the calling thread. */
    @Override
    public PreparedImage prepareImage(RgbFrame frame) {
        float[] input = new float[preprocessor.frameLength()];
        preprocessor.preprocess(frame, input, 0);
        return new PreparedImage(frame, input, preprocessor);
    }

    @Override
    public float[][] embedPrepared(List<PreparedImage> images) {
        checkOpen();
        float[][] result = new float[images.size()][];
        for (int start = 0; start < images.size(); start += maxBatch) {
            List<PreparedImage> batch = images.subList(start, Math.min(images.size(), start + maxBatch));
            float[][] vectors = embedBatch(batch);
            System.arraycopy(vectors, 0, result, start, vectors.length);
        }
        return result;
    }

    private float[][] embedBatch(List<PreparedImage> batch) {
        int size = preprocessor.size();
        int length = preprocessor.frameLength();
        // an encoder with a fixed batch gets exactly that many images; the rows beyond the frames are zeros and ignored
        int rowsFed = imageFixedBatch > 0 ? imageFixedBatch : batch.size();
        float[] pixels = new float[rowsFed * length];
        for (int i = 0; i < batch.size(); i++) {
            PreparedImage image = batch.get(i);
            if (image.preparedBy() == preprocessor) {
                System.arraycopy(image.input(), 0, pixels, i * length, length);
            } else {
                preprocessor.preprocess(image.frame(), pixels, i * length);
            }
        }
        try (NDManager manager = imageModel.getNDManager().newSubManager();
             Predictor<NDList, NDList> predictor = imageModel.newPredictor(new NoopTranslator())) {
            NDArray input = manager.create(FloatBuffer.wrap(pixels), new Shape(rowsFed, 3, size, size), DataType.FLOAT32);
            input.setName(manifest.image().input());
            NDList out = predictor.predict(new NDList(input));
            NDArray output = out.get(imageOutputIndex);
            float[] flat = output.toFloatArray();
            if (manifest.image().pooling() != null) {
                flat = TokenPooling.pool(flat, output.getShape().getShape(), manifest.image().pooling(), null, "image encoder of " + id);
            }
            if (rowsFed != batch.size() && flat.length == rowsFed * manifest.embeddingDimension()) {
                flat = Arrays.copyOf(flat, batch.size() * manifest.embeddingDimension());
            }
            return rows(flat, batch.size(), "image encoder");
        } catch (TranslateException e) {
            throw new IllegalStateException("image encoder of " + id + " failed: " + rootMessage(e), e);
        }
    }

    @Override
    public float[] embedText(String prompt) {
        checkOpen();
        PromptTokenizer.Tokens tokens = tokenizer.tokenize(PromptCleaner.prepare(prompt, manifest.text()));
        PackManifest.TextSettings text = manifest.text();
        try (NDManager manager = textModel.getNDManager().newSubManager();
             Predictor<NDList, NDList> predictor = textModel.newPredictor(new NoopTranslator())) {
            // an encoder with a fixed batch gets the prompt repeated that many times; only the first row is used
            int rowsFed = Math.max(1, textFixedBatch);
            NDList inputs = new NDList();
            NDArray ids = tokenTensor(manager, tokens.ids(), rowsFed);
            ids.setName(text.input());
            inputs.add(ids);
            if (text.takesAttentionMask()) {
                NDArray mask = tokenTensor(manager, tokens.attentionMask(), rowsFed);
                mask.setName(text.attentionMaskInput());
                inputs.add(mask);
            }
            if (text.tokenTypeInput() != null) {
                NDArray types = tokenTensor(manager, new long[tokens.ids().length], rowsFed);
                types.setName(text.tokenTypeInput());
                inputs.add(types);
            }
            NDList out = predictor.predict(inputs);
            NDArray output = out.get(textOutputIndex);
            float[] flat = output.toFloatArray();
            if (text.pooling() != null) {
                flat = TokenPooling.pool(flat, output.getShape().getShape(), text.pooling(), tokens.attentionMask(), "text encoder of " + id);
            }
            if (rowsFed > 1 && flat.length == rowsFed * manifest.embeddingDimension()) {
                flat = Arrays.copyOf(flat, manifest.embeddingDimension());
            }
            float[] vector = rows(flat, 1, "text encoder")[0];
            if (vector == null) {
                throw new PromptNotUnderstoodException("the model " + manifest.name() + " (" + manifest.kind()
                        + ") recognises nothing in the prompt \"" + prompt + "\"");
            }
            return vector;
        } catch (TranslateException e) {
            throw new IllegalStateException("text encoder of " + id + " failed: " + rootMessage(e), e);
        }
    }

    /** A [rows, length] token tensor of the pack's token type, each row a copy of {@code values}. */
    private NDArray tokenTensor(NDManager manager, long[] values, int rowCount) {
        Shape shape = new Shape(rowCount, values.length);
        if (tokenType == PackManifest.TokenType.INT32) {
            int[] ints = new int[rowCount * values.length];
            for (int r = 0; r < rowCount; r++) {
                for (int i = 0; i < values.length; i++) {
                    ints[r * values.length + i] = Math.toIntExact(values[i]);
                }
            }
            return manager.create(IntBuffer.wrap(ints), shape, DataType.INT32);
        }
        long[] longs = new long[rowCount * values.length];
        for (int r = 0; r < rowCount; r++) {
            System.arraycopy(values, 0, longs, r * values.length, values.length);
        }
        return manager.create(LongBuffer.wrap(longs), shape, DataType.INT64);
    }

    /** Splits and L2-normalises; a zero row becomes null (only the text side can meaningfully give one). */
    private float[][] rows(float[] flat, int n, String which) {
        int dim = manifest.embeddingDimension();
        if (flat.length != n * dim) {
            throw new IllegalStateException(which + " of " + id + " returned " + flat.length + " values for " + n
                    + " inputs, expected " + n + " x " + dim);
        }
        float[][] out = new float[n][];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < dim; j++) {
                float v = flat[i * dim + j];
                sum += v * v;
            }
            if (!(sum > 1e-24) || !Double.isFinite(sum)) {
                if (which.startsWith("image")) {
                    throw new IllegalStateException("image encoder of " + id + " returned a zero or non-finite vector");
                }
                out[i] = null;
                continue;
            }
            float inv = (float) (1.0 / Math.sqrt(sum));
            float[] row = new float[dim];
            for (int j = 0; j < dim; j++) {
                row[j] = flat[i * dim + j] * inv;
            }
            out[i] = row;
        }
        return out;
    }

    private void checkOpen() {
        if (closed.get()) {
            throw new IllegalStateException("model " + id + " is closed");
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                imageModel.close();
            } finally {
                try {
                    textModel.close();
                } finally {
                    tokenizer.close();
                }
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        List<Throwable> seen = new ArrayList<>();
        while (t.getCause() != null && !seen.contains(t.getCause())) {
            seen.add(t);
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.toString();
    }
}
