package org.sightline.indexer.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.sightline.indexer.footage.DecoderWarmUp;
import org.sightline.indexer.footage.FootageException;
import org.sightline.indexer.footage.FootageScanner;
import org.sightline.indexer.footage.FrameSampler;
import org.sightline.indexer.footage.FrameSink;
import org.sightline.indexer.footage.JpegEncoder;
import org.sightline.indexer.footage.NearDuplicateFilter;
import org.sightline.indexer.footage.SampledFrame;
import org.sightline.indexer.footage.SamplingOptions;
import org.sightline.indexer.footage.SamplingReport;
import org.sightline.indexer.footage.VideoInfo;
import org.sightline.indexer.footage.VideoProbe;
import org.sightline.models.runtime.RgbFrame;
import org.sightline.indexer.footage.PathText;

/**
 * The footage package (JavaCV/FFmpeg) behind {@link FootageReader}. The decoder gets one thread so the other core is
 * left to the model while decoding and embedding overlap.
 */
public final class JavaCvFootageReader implements FootageReader {
    private final FootageScanner scanner = new FootageScanner();
    private final VideoProbe probe = new VideoProbe();
    private final FrameSampler sampler = new FrameSampler(1);

    @Override
    public Scan scan(List<Path> roots, boolean recursive) {
        FootageScanner.Result r = scanner.scan(roots, recursive);
        List<FileOutcome> notes = new ArrayList<>();
        for (FootageScanner.Skipped s : r.skipped()) {
            String message = PathText.shown(s.path()) + ": " + s.detail();
            switch (s.reason()) {
                case NOT_FOUND, UNREADABLE_FOLDER, UNREADABLE_FILE -> notes.add(new FileOutcome(s.path(), FileOutcome.Status.FAILED, message, 0));
                default -> notes.add(new FileOutcome(s.path(), FileOutcome.Status.NOT_VIDEO, message, 0));
            }
        }
        return new Scan(r.videos(), notes);
    }

    @Override
    public VideoInfo probe(Path video) throws FootageException {
        return probe.probe(video);
    }

    @Override
    public SamplingReport sample(Path video, SamplingOptions options, FrameSink sink, BooleanSupplier cancelled)
            throws FootageException, InterruptedException {
        return sampler.sample(video, options, sink, cancelled);
    }

    @Override
    public Predicate<SampledFrame> newDuplicateFilter() {
        return new NearDuplicateFilter()::shouldEmbed;
    }

    @Override
    public byte[] jpeg(RgbFrame frame) {
        return JpegEncoder.encode(frame);
    }

    @Override
    public void warmUp() {
        DecoderWarmUp.start();
    }
}
