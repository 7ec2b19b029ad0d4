package org.sightline.indexer.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.sightline.indexer.footage.FootageException;
import org.sightline.indexer.footage.FrameSink;
import org.sightline.indexer.footage.SampledFrame;
import org.sightline.indexer.footage.SamplingOptions;
import org.sightline.indexer.footage.SamplingReport;
import org.sightline.indexer.footage.VideoInfo;
import org.sightline.models.runtime.RgbFrame;

/** What the ingest pipeline needs from the footage package: finding, probing, sampling, thumbnails. */
public interface FootageReader {

    /**
     * The files to consider under the given files and folders, in a stable order, plus notes for what was skipped
     * (non-video files, unreadable folders), which come back as outcomes.
     */
    Scan scan(List<Path> roots, boolean recursive);

    record Scan(List<Path> files, List<FileOutcome> skipped) {
        public Scan {
            files = List.copyOf(files);
            skipped = List.copyOf(skipped);
        }
    }

    VideoInfo probe(Path video) throws FootageException;

    SamplingReport sample(Path video, SamplingOptions options, FrameSink sink, BooleanSupplier cancelled)
            throws FootageException, InterruptedException;

    /** A fresh, stateful filter for one video: true to embed the frame, false when it nearly repeats the last kept one. */
    Predicate<SampledFrame> newDuplicateFilter();

    /** JPEG bytes of a frame, for thumbnails. */
    byte[] jpeg(RgbFrame frame);

    /**
     * Starts loading, on a background thread, what the first file would otherwise wait for (native libraries,
     * encoders), so that it overlaps other start-up work such as loading the model. Returns at once; harmless to
     * call more than once.
     */
    default void warmUp() {
    }
}
