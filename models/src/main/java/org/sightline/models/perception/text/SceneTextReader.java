package org.sightline.models.perception.text;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.sightline.models.pack.PackVerificationException;
import org.sightline.models.perception.CharacterList;
import org.sightline.models.perception.FrameTensor;
import org.sightline.models.perception.OnnxModelSession;
import org.sightline.models.perception.PerceptionManifest;
import org.sightline.models.perception.PerceptionManifest.Decoding;
import org.sightline.models.perception.PerceptionManifest.ImageInput;
import org.sightline.models.perception.PerceptionManifest.ModelRole;
import org.sightline.models.perception.VerifiedPerceptionPack;
import org.sightline.models.runtime.RgbFrame;
import org.sightline.models.runtime.RuntimeOptions;

/**
 * Reads scene text in frames with a verified text pack (PaddleOCR-style): the text detector's probability map
 * gives boxes ({@link DbPostProcessor}), every box is cut out, resized to the recogniser's height and read by CTC
 * decoding ({@link CtcDecoder}) with the pack's character set. Lines read with a confidence under
 * {@link Settings#minConfidence} are left out, as PaddleOCR does ({@code drop_score}).
 *
 * <p>Thread-safe: calls may run at once from several threads (the ONNX sessions are shared).
 */
public final class SceneTextReader implements AutoCloseable {
    /** Crops are read in batches of this many (sorted by width, as PaddleOCR batches them). */
    private static final int RECOGNITION_BATCH = 8;

    private final OnnxModelSession detector;
    private final OnnxModelSession recogniser;
    private final CtcDecoder decoder;
    private final Settings settings;
    private final String packName;

    /**
     * @param detectionMaxSide the frame is shrunk (never enlarged) so that its long side is at most this before
     *                         text detection; 0 takes the pack's {@code maxSide}
     * @param minConfidence    lines read with a lower mean character probability are left out (PaddleOCR: 0.5)
     * @param postProcessor    DB post-processing settings
     */
    public record Settings(int detectionMaxSide, float minConfidence, DbPostProcessor postProcessor) {
        public Settings {
            Objects.requireNonNull(postProcessor, "postProcessor");
            if (detectionMaxSide < 0) {
                throw new IllegalArgumentException("detectionMaxSide must not be negative");
            }
        }

        public static Settings defaults() {
            return new Settings(0, 0.5f, DbPostProcessor.paddleDefaults());
        }
    }

    private SceneTextReader(VerifiedPerceptionPack pack, RuntimeOptions options, Settings settings) {
        PerceptionManifest m = pack.manifest();
        if (m.kind() != PerceptionManifest.Kind.TEXT) {
            throw new PackVerificationException(pack.dir(), "is a " + m.kind() + " pack, not a text pack");
        }
        PerceptionManifest.ModelEntry det = m.model(ModelRole.TEXT_DETECTOR).orElseThrow();
        PerceptionManifest.ModelEntry rec = m.model(ModelRole.TEXT_RECOGNISER).orElseThrow();
        if (det.decoding() != Decoding.DB || rec.decoding() != Decoding.CTC) {
            throw new PackVerificationException(pack.dir(), "text packs need a db text detector and a ctc recogniser, this one has "
                    + det.decoding() + " and " + rec.decoding());
        }
        if (rec.image().height() <= 0) {
            throw new PackVerificationException(pack.dir(), "the recogniser " + rec.file() + " needs a fixed input height");
        }
        this.packName = pack.name();
        this.settings = settings;
        this.decoder = new CtcDecoder(CharacterList.parse(
                new String(pack.bytes(m.characterSet().file()), StandardCharsets.UTF_8), m.characterSet()));
        OnnxModelSession d = OnnxModelSession.open(pack, det, options);
        try {
            this.recogniser = OnnxModelSession.open(pack, rec, options);
        } catch (RuntimeException e) {
            d.close();
            throw e;
        }
        this.detector = d;
    }

    /** Opens a verified text pack with default settings. */
    public static SceneTextReader open(VerifiedPerceptionPack pack, RuntimeOptions options) {
        return new SceneTextReader(pack, options, Settings.defaults());
    }

    public static SceneTextReader open(VerifiedPerceptionPack pack, RuntimeOptions options, Settings settings) {
        return new SceneTextReader(pack, options, settings);
    }

    /** The text pack's name. */
    public String packName() {
        return packName;
    }

    /** All lines of text in the frame, top to bottom, left to right. */
    public List<RecognisedText> read(RgbFrame frame) {
        return recognise(frame, detect(frame));
    }

    /**
     * Lines of text inside a region of the frame (e.g. the corner a recorder prints its clock in), with boxes in
     * frame coordinates.
     */
    public List<RecognisedText> read(RgbFrame frame, int x, int y, int width, int height) {
        return read(frame, x, y, width, height, 1);
    }

    /**
     * As {@link #read(RgbFrame, int, int, int, int)}, with the region enlarged {@code zoom} times (bilinear) before
     * reading: small overlays of low-resolution recorders (text 6-10 pixels high) are found only when enlarged.
     */
    public List<RecognisedText> read(RgbFrame frame, int x, int y, int width, int height, int zoom) {
        if (x < 0 || y < 0 || width < 1 || height < 1 || x + width > frame.width() || y + height > frame.height()) {
            throw new IllegalArgumentException("region " + width + "x" + height + "+" + x + "+" + y + " is not inside the "
                    + frame.width() + "x" + frame.height() + " frame");
        }
        if (zoom < 1 || zoom > 16) {
            throw new IllegalArgumentException("zoom must be 1..16, got " + zoom);
        }
        RgbFrame part = zoom == 1 ? crop(frame, x, y, width, height) : enlarged(frame, x, y, width, height, zoom);
        List<RecognisedText> found = new ArrayList<>();
        for (RecognisedText t : read(part)) {
            TextBox b = t.box();
            int bx = x + b.x() / zoom;
            int by = y + b.y() / zoom;
            int bw = Math.max(1, Math.min(x + width, x + (b.right() + zoom - 1) / zoom) - bx);
            int bh = Math.max(1, Math.min(y + height, y + (b.bottom() + zoom - 1) / zoom) - by);
            found.add(new RecognisedText(t.text(), new TextBox(bx, by, bw, bh, b.score()), t.confidence()));
        }
        return found;
    }

    private static RgbFrame enlarged(RgbFrame frame, int x, int y, int width, int height, int zoom) {
        int w = width * zoom;
        int h = height * zoom;
        byte[] out = new byte[3 * w * h];
        byte[] rgb = frame.rgb();
        int fw = frame.width();
        for (int j = 0; j < h; j++) {
            double fy = Math.min(Math.max((j + 0.5) / zoom - 0.5, 0), height - 1);
            int y0 = (int) fy;
            int y1 = Math.min(y0 + 1, height - 1);
            double wy = fy - y0;
            for (int i = 0; i < w; i++) {
                double fx = Math.min(Math.max((i + 0.5) / zoom - 0.5, 0), width - 1);
                int x0 = (int) fx;
                int x1 = Math.min(x0 + 1, width - 1);
                double wx = fx - x0;
                for (int c = 0; c < 3; c++) {
                    double top = (rgb[3 * ((y + y0) * fw + x + x0) + c] & 0xFF) * (1 - wx) + (rgb[3 * ((y + y0) * fw + x + x1) + c] & 0xFF) * wx;
                    double bottom = (rgb[3 * ((y + y1) * fw + x + x0) + c] & 0xFF) * (1 - wx) + (rgb[3 * ((y + y1) * fw + x + x1) + c] & 0xFF) * wx;
                    out[3 * (j * w + i) + c] = (byte) Math.round(top * (1 - wy) + bottom * wy);
                }
            }
        }
        return new RgbFrame(w, h, out);
    }

    /** Text boxes found by the detector, in frame pixels, in reading order. */
    public List<TextBox> detect(RgbFrame frame) {
        ImageInput spec = detector.entry().image();
        int maxSide = settings.detectionMaxSide() > 0 ? settings.detectionMaxSide() : spec.maxSide();
        int w = frame.width();
        int h = frame.height();
        double ratio = maxSide > 0 && Math.max(w, h) > maxSide ? (double) maxSide / Math.max(w, h) : 1.0;
        int m = spec.sizeMultiple();
        int inW = Math.max(m, (int) Math.round(w * ratio / m) * m);
        int inH = Math.max(m, (int) Math.round(h * ratio / m) * m);
        float[] input = new float[3 * inW * inH];
        FrameTensor.write(frame, 0, 0, w, h, inW, inH, inW, spec, input, 0);
        OnnxModelSession.Output map = detector.run(input, 1, 3, inH, inW)[0];
        long[] s = map.shape();
        int mapH = (int) s[s.length - 2];
        int mapW = (int) s[s.length - 1];
        return settings.postProcessor().boxes(map.values(), mapW, mapH, (double) w / mapW, (double) h / mapH, w, h);
    }

    /** Reads the text in each box; boxes whose reading is empty or under the confidence floor are left out. */
    public List<RecognisedText> recognise(RgbFrame frame, List<TextBox> boxes) {
        ImageInput spec = recogniser.entry().image();
        int inH = spec.height();
        int minW = spec.width() > 0 ? spec.width() : inH;
        int maxW = spec.maxSide() > 0 ? spec.maxSide() : Integer.MAX_VALUE;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble(i -> (double) boxes.get(i).width() / boxes.get(i).height()));
        RecognisedText[] read = new RecognisedText[boxes.size()];
        for (int start = 0; start < order.size(); start += RECOGNITION_BATCH) {
            List<Integer> batch = order.subList(start, Math.min(order.size(), start + RECOGNITION_BATCH));
            int[] widths = new int[batch.size()];
            int inW = minW;
            for (int k = 0; k < batch.size(); k++) {
                TextBox b = boxes.get(batch.get(k));
                widths[k] = Math.min(maxW, Math.max(1, (int) Math.ceil(inH * (double) b.width() / b.height())));
                inW = Math.max(inW, widths[k]);
            }
            float[] input = new float[batch.size() * 3 * inH * inW];
            for (int k = 0; k < batch.size(); k++) {
                TextBox b = boxes.get(batch.get(k));
                FrameTensor.write(frame, b.x(), b.y(), b.width(), b.height(), widths[k], inH, inW, spec, input, k * 3 * inH * inW);
            }
            OnnxModelSession.Output out = recogniser.run(input, batch.size(), 3, inH, inW)[0];
            long[] s = out.shape();
            int steps = (int) s[1];
            int classes = (int) s[2];
            for (int k = 0; k < batch.size(); k++) {
                CtcDecoder.Decoded d = decoder.decode(out.values(), k, steps, classes);
                String text = d.text().strip();
                if (!text.isEmpty() && d.confidence() >= settings.minConfidence()) {
                    read[batch.get(k)] = new RecognisedText(text, boxes.get(batch.get(k)), d.confidence());
                }
            }
        }
        List<RecognisedText> result = new ArrayList<>();
        for (RecognisedText t : read) {
            if (t != null) {
                result.add(t);
            }
        }
        return result;
    }

    static RgbFrame crop(RgbFrame frame, int x, int y, int width, int height) {
        byte[] out = new byte[3 * width * height];
        for (int row = 0; row < height; row++) {
            System.arraycopy(frame.rgb(), 3 * ((y + row) * frame.width() + x), out, 3 * row * width, 3 * width);
        }
        return new RgbFrame(width, height, out);
    }

    @Override
    public void close() {
        try {
            detector.close();
        } finally {
            recogniser.close();
        }
    }
}
