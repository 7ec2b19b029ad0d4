package org.sightline.indexer.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import org.sightline.indexer.footage.FootageError;
import org.sightline.indexer.footage.FootageException;
import org.sightline.indexer.footage.FrameSink;
import org.sightline.indexer.footage.SampledFrame;
import org.sightline.indexer.footage.SamplingOptions;
import org.sightline.indexer.footage.SamplingReport;
import org.sightline.indexer.footage.VideoInfo;
import org.sightline.indexer.ingest.FileOutcome;
import org.sightline.indexer.ingest.FootageReader;
import org.sightline.models.runtime.RgbFrame;

/**
 * A test-only footage reader for unit tests of the pipeline: a ".vid" text file lists one colour per second of
 * "video" ({@code red}, {@code green}, {@code blue}, {@code black}), optionally {@code start=EPOCH_MS} first and
 * {@code damage} where the file "breaks". Anything else scanned is not a video.
 */
public final class ScriptedFootage implements FootageReader {
    private final long millisPerFrame;
    private final Runnable beforeEachThumbnail;

    /** Frames come as fast as the test can take them. */
    public ScriptedFootage() {
        this(0);
    }

    /**
     * Each frame takes this long to "decode", like real footage, so that a test can act (cancel, interrupt) while
     * later files are still being read.
     */
    public ScriptedFootage(long millisPerFrame) {
        this(millisPerFrame, () -> { });
    }

    private ScriptedFootage(long millisPerFrame, Runnable beforeEachThumbnail) {
        this.millisPerFrame = millisPerFrame;
        this.beforeEachThumbnail = beforeEachThumbnail;
    }

    /** The same footage, running {@code hook} before each thumbnail is encoded (it may throw, like a full disk). */
    public ScriptedFootage beforeEachThumbnail(Runnable hook) {
        return new ScriptedFootage(millisPerFrame, hook);
    }

    public static Path write(Path file, String... lines) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, String.join("\n", lines) + "\n");
    }

    @Override
    public Scan scan(List<Path> roots, boolean recursive) {
        List<Path> files = new ArrayList<>();
        List<FileOutcome> skipped = new ArrayList<>();
        for (Path root : roots) {
            try (var s = Files.isDirectory(root) ? Files.walk(root, recursive ? Integer.MAX_VALUE : 1) : java.util.stream.Stream.of(root)) {
                s.filter(Files::isRegularFile).sorted().forEach(p -> {
                    if (p.toString().endsWith(".vid")) {
                        files.add(p);
                    } else {
                        skipped.add(new FileOutcome(p, FileOutcome.Status.NOT_VIDEO, p + ": not a video file", 0));
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Scan(files, skipped);
    }

    private static List<String> lines(Path video) throws FootageException {
        try {
            String text = Files.readString(video, StandardCharsets.UTF_8);
            if (!text.startsWith("start=") && !text.matches("(?s)^(red|green|blue|black|damage)\\b.*")) {
                throw new FootageException(video, FootageError.NOT_VIDEO, "no scripted frames");
            }
            return text.lines().toList();
        } catch (IOException e) {
            throw new FootageException(video, FootageError.UNREADABLE, e.getMessage(), e);
        }
    }

    @Override
    public VideoInfo probe(Path video) throws FootageException {
        List<String> lines = lines(video);
        Optional<Instant> start = lines.getFirst().startsWith("start=")
                ? Optional.of(Instant.ofEpochMilli(Long.parseLong(lines.getFirst().substring(6)))) : Optional.empty();
        long seconds = lines.stream().filter(l -> !l.startsWith("start=") && !l.equals("damage")).count();
        return new VideoInfo(video, "script", "colours", 16, 16, 1, seconds, start, start.isPresent() ? "metadata" : "unknown");
    }

    @Override
    public SamplingReport sample(Path video, SamplingOptions options, FrameSink sink, BooleanSupplier cancelled)
            throws FootageException, InterruptedException {
        int t = 0;
        long n = 0;
        for (String line : lines(video)) {
            if (line.startsWith("start=")) {
                continue;
            }
            if (line.equals("damage")) {
                return new SamplingReport(n, n, t - 1, Optional.of(new SamplingReport.Damage(FootageError.TRUNCATED, t, "scripted damage")));
            }
            if (cancelled.getAsBoolean()) {
                throw new InterruptedException("cancelled");
            }
            if (millisPerFrame > 0) {
                Thread.sleep(millisPerFrame);
            }
            RgbFrame f = switch (line) {
                case "red" -> ColourTestModel.solid(230, 20, 20);
                case "green" -> ColourTestModel.solid(20, 230, 20);
                case "blue" -> ColourTestModel.solid(20, 20, 230);
                default -> ColourTestModel.solid(0, 0, 0);
            };
            sink.accept(new SampledFrame(t, f, false));
            t++;
            n++;
        }
        if (n == 0) {
            throw new FootageException(video, FootageError.CORRUPT, "no frames");
        }
        return new SamplingReport(n, n, t - 1, Optional.empty());
    }

    @Override
    public Predicate<SampledFrame> newDuplicateFilter() {
        return new Predicate<>() {
            private byte[] last;

            @Override
            public boolean test(SampledFrame f) {
                boolean dup = last != null && java.util.Arrays.equals(last, f.frame().rgb());
                last = f.frame().rgb();
                return !dup;
            }
        };
    }

    @Override
    public byte[] jpeg(RgbFrame frame) {
        beforeEachThumbnail.run();
        BufferedImage img = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_INT_RGB);
        byte[] px = frame.rgb();
        for (int y = 0; y < frame.height(); y++) {
            for (int x = 0; x < frame.width(); x++) {
                int i = 3 * (y * frame.width() + x);
                img.setRGB(x, y, (px[i] & 0xff) << 16 | (px[i + 1] & 0xff) << 8 | (px[i + 2] & 0xff));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
