package org.sightline.models.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.sightline.models.runtime.RgbFrame;
import org.sightline.models.runtime.VisionLanguageModel;

/**
 * Measures a {@link VisionLanguageModel}'s speed on this machine: frames per second through {@code embedImages}
 * (preprocessing included) at several batch sizes, and prompts per second through {@code embedText} (tokenising
 * included). Each measurement warms up first, then runs for at least the requested time.
 */
public final class ModelThroughput {

    /** Frames per second at one batch size. */
    public record BatchRate(int batchSize, double framesPerSecond, double millisecondsPerBatch) {
    }

    /**
     * The result.
     *
     * @param model            model id
     * @param frameWidth       width of the synthetic frames
     * @param frameHeight      height of the synthetic frames
     * @param images           frames/s per batch size
     * @param promptsPerSecond prompts/s
     */
    public record Result(String model, int frameWidth, int frameHeight, List<BatchRate> images, double promptsPerSecond) {
        /** Human-readable lines. */
        public String describe() {
            StringBuilder sb = new StringBuilder();
            sb.append("model ").append(model).append(", frames ").append(frameWidth).append('x').append(frameHeight).append('\n');
            for (BatchRate r : images) {
                sb.append(String.format(Locale.ROOT, "  images, batch %2d: %8.1f frames/s (%.1f ms per batch)%n",
                        r.batchSize(), r.framesPerSecond(), r.millisecondsPerBatch()));
            }
            sb.append(String.format(Locale.ROOT, "  prompts:          %8.1f prompts/s%n", promptsPerSecond));
            return sb.toString();
        }
    }

    private final List<Integer> batchSizes;
    private final double secondsPerMeasurement;
    private final List<String> prompts;

    /**
     * @param batchSizes            batch sizes to measure, e.g. 1, 8, 32
     * @param secondsPerMeasurement minimum time each measurement runs
     * @param prompts               prompts to embed in turn (must be understood by the model)
     */
    public ModelThroughput(List<Integer> batchSizes, double secondsPerMeasurement, List<String> prompts) {
        this.batchSizes = List.copyOf(batchSizes);
        this.secondsPerMeasurement = secondsPerMeasurement;
        this.prompts = List.copyOf(prompts);
    }

    /** The prompts measured. */
    public List<String> prompts() {
        return prompts;
    }

    /** Batches 1, 8 and 32, 2 s each, colour prompts (which every model understands, the demo one included). */
    public static ModelThroughput standard() {
        return new ModelThroughput(List.of(1, 8, 32), 2.0,
                List.of("a red car", "a person in a blue jacket", "white van at the gate", "green bicycle", "a grey truck"));
    }

    /** Measures with synthetic frames of the given size (e.g. the size the decoder delivers: short side = preferred). */
    public Result measure(VisionLanguageModel model, int frameWidth, int frameHeight) {
        List<RgbFrame> pool = syntheticFrames(frameWidth, frameHeight, 8);
        List<BatchRate> rates = new ArrayList<>();
        for (int batch : batchSizes) {
            List<RgbFrame> frames = new ArrayList<>(batch);
            for (int i = 0; i < batch; i++) {
                frames.add(pool.get(i % pool.size()));
            }
            model.embedImages(frames);
            long start = System.nanoTime();
            long end = start + (long) (secondsPerMeasurement * 1e9);
            int calls = 0;
            long now;
            do {
                model.embedImages(frames);
                calls++;
                now = System.nanoTime();
            } while (now < end || calls < 2);
            double seconds = (now - start) / 1e9;
            rates.add(new BatchRate(batch, calls * batch / seconds, 1000 * seconds / calls));
        }
        for (String p : prompts) {
            model.embedText(p);
        }
        long start = System.nanoTime();
        long end = start + (long) (secondsPerMeasurement * 1e9);
        int count = 0;
        long now;
        do {
            model.embedText(prompts.get(count % prompts.size()));
            count++;
            now = System.nanoTime();
        } while (now < end || count < 2);
        double promptRate = count / ((now - start) / 1e9);
        return new Result(model.id().asString(), frameWidth, frameHeight, List.copyOf(rates), promptRate);
    }

    /** Measures with frames whose short side is the model's preferred size and a 16:9 aspect, as the decoder would deliver. */
    public Result measure(VisionLanguageModel model) {
        int h = Math.max(1, model.preferredShortSide());
        int w = (int) Math.round(h * 16 / 9.0);
        return measure(model, w, h);
    }

    private static List<RgbFrame> syntheticFrames(int w, int h, int count) {
        Random random = new Random(42);
        List<RgbFrame> frames = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            byte[] rgb = new byte[w * h * 3];
            int r0 = random.nextInt(256);
            int g0 = random.nextInt(256);
            int b0 = random.nextInt(256);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int i = 3 * (y * w + x);
                    rgb[i] = (byte) (r0 + x);
                    rgb[i + 1] = (byte) (g0 + y);
                    rgb[i + 2] = (byte) (b0 + x + y);
                }
            }
            frames.add(new RgbFrame(w, h, rgb));
        }
        return frames;
    }
}
