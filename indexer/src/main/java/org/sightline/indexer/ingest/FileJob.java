package org.sightline.indexer.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.sightline.indexer.footage.SamplingReport;
import org.sightline.indexer.footage.VideoInfo;
import org.sightline.indexer.perception.FrameDetections;

/**
 * One file on its way through the pipeline, from the moment the {@link FileFeeder} has probed it until its
 * segments are written. The segment builder and the counters belong to the embedding thread.
 */
final class FileJob {
    final Path path;
    final long videoId;
    final String sha256;
    final String camera;
    final VideoInfo info;
    final String thumbnailFolder;
    final SegmentBuilder segments;

    /** Frames of this file delivered but not yet embedded (kept and skipped). */
    int pendingFrames;
    int skippedFrames;
    /** What the object detector found, in time order (writing thread only). */
    final List<FrameDetections> detections = new ArrayList<>();
    /** Labels of the latest examined frame, carried by the frames after it (writing thread only). */
    Set<String> labels = Set.of();
    /**
     * What perception found in an earlier generation of the same content made by the same packs, taken over instead of
     * running them again; null when the packs run on this file (or none are used).
     */
    List<FrameDetections> carriedPerception;
    /** Set when its {@link FeedEvent.Closed} arrives. */
    SamplingReport report;

    FileJob(Path path, long videoId, String sha256, String camera, VideoInfo info, String thumbnailFolder, SegmentBuilder segments) {
        this.path = path;
        this.videoId = videoId;
        this.sha256 = sha256;
        this.camera = camera;
        this.info = info;
        this.thumbnailFolder = thumbnailFolder;
        this.segments = segments;
    }

    boolean closed() {
        return report != null;
    }

    /** All frames delivered and embedded: ready to be written. */
    boolean readyToWrite() {
        return closed() && pendingFrames == 0;
    }
}
