package org.sightline.indexer.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What to index and how.
 *
 * @param paths          files and folders to index; may be empty with {@code reembed} (then every catalogued video)
 * @param camera         camera name for every file; null means each file's parent folder name
 * @param recursive      descend into sub-folders
 * @param framesPerSecond regular sampling rate
 * @param segmentSeconds length of a segment window
 * @param batchSize      frames per call to the image encoder
 * @param reembed        embed again with the active model even when vectors of it exist
 */
public record IngestRequest(
        List<Path> paths,
        String camera,
        boolean recursive,
        double framesPerSecond,
        double segmentSeconds,
        int batchSize,
        boolean reembed) {

    public static final double DEFAULT_SEGMENT_SECONDS = 4.0;
    /**
     * Frames per model call. Chosen by measurement (docs/benchmarks.md): CLIP ViT-B/32 fp32 is fastest at batch 8
     * on 2 cores (37 frames/s against 33 at 32), int8 loses only 5% there, and small batches waste less at file ends.
     */
    public static final int DEFAULT_BATCH = 8;

    public IngestRequest {
        paths = List.copyOf(Objects.requireNonNull(paths, "paths"));
        if (!(framesPerSecond > 0)) {
            throw new IllegalArgumentException("frames per second must be positive, got " + framesPerSecond);
        }
        if (!(segmentSeconds > 0)) {
            throw new IllegalArgumentException("segment length must be positive, got " + segmentSeconds);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
    }

    /** Defaults: camera from folder names, recursive, 1 frame/s, 4 s segments, batches of 16. */
    public static IngestRequest of(List<Path> paths) {
        return new IngestRequest(paths, null, true, 1.0, DEFAULT_SEGMENT_SECONDS, DEFAULT_BATCH, false);
    }

    public IngestRequest withPaths(List<Path> p) {
        return new IngestRequest(p, camera, recursive, framesPerSecond, segmentSeconds, batchSize, reembed);
    }

    public IngestRequest withCamera(String c) {
        return new IngestRequest(paths, c, recursive, framesPerSecond, segmentSeconds, batchSize, reembed);
    }

    public IngestRequest withRecursive(boolean r) {
        return new IngestRequest(paths, camera, r, framesPerSecond, segmentSeconds, batchSize, reembed);
    }

    public IngestRequest withFramesPerSecond(double f) {
        return new IngestRequest(paths, camera, recursive, f, segmentSeconds, batchSize, reembed);
    }

    public IngestRequest withSegmentSeconds(double s) {
        return new IngestRequest(paths, camera, recursive, framesPerSecond, s, batchSize, reembed);
    }

    public IngestRequest withBatchSize(int b) {
        return new IngestRequest(paths, camera, recursive, framesPerSecond, segmentSeconds, b, reembed);
    }

    public IngestRequest withReembed(boolean r) {
        return new IngestRequest(paths, camera, recursive, framesPerSecond, segmentSeconds, batchSize, r);
    }
}
