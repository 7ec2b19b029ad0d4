package org.sightline.indexer.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sightline.indexer.index.ArchiveFrame;
import org.sightline.indexer.ingest.IngestRequest;

/**
 * Segments of one archive file as the workstation that indexed it cut them, read back from their stored frames (the
 * shared store keeps each frame's segment, not the segment's span); only the segments asked about need be given. A
 * workstation cuts a file into fixed windows of some seconds ({@link IngestRequest#DEFAULT_SEGMENT_SECONDS} unless
 * told otherwise), so the window length is the one under which every given segment's frames fall in one window and
 * each segment in its own; a segment spans its window, the file's last one ending one sampling step after its last
 * frame. When no window length fits (frames of a file written under two settings), a segment spans its own frames and
 * one sampling step.
 */
final class ArchiveSegments {
    /** One segment: its span and its frames. */
    record Segment(long id, double startSeconds, double endSeconds, List<ArchiveFrame> frames) {
    }

    private static final double[] CANDIDATE_SECONDS = {1, 2, 3, 5, 6, 8, 10, 12, 15, 20, 30, 60, 0.5};

    private final Map<Long, Segment> byId = new HashMap<>();

    /**
     * @param frames     stored frames of some segments of one file written by one workstation, any order
     * @param lastOffset the offset of the file's last stored frame
     */
    ArchiveSegments(List<ArchiveFrame> frames, double lastOffset) {
        TreeMap<Long, List<ArchiveFrame>> bySegment = new TreeMap<>();
        for (ArchiveFrame f : frames) {
            bySegment.computeIfAbsent(f.segmentId(), s -> new ArrayList<>()).add(f);
        }
        List<List<ArchiveFrame>> ordered = new ArrayList<>(bySegment.values());
        ordered.forEach(l -> l.sort(java.util.Comparator.comparingDouble(ArchiveFrame::offsetSeconds)));
        ordered.sort(java.util.Comparator.comparingDouble(l -> l.getFirst().offsetSeconds()));
        double step = samplingStep(frames);
        double window = windowLength(ordered);
        for (int i = 0; i < ordered.size(); i++) {
            List<ArchiveFrame> fs = ordered.get(i);
            double first = fs.getFirst().offsetSeconds();
            double last = fs.getLast().offsetSeconds();
            boolean isLast = last >= lastOffset - 1e-6;
            double start;
            double end;
            if (window > 0) {
                start = Math.floor(first / window + 1e-9) * window;
                end = start + window;
            } else {
                start = first;
                end = last + step;
            }
            if (isLast) {
                end = Math.min(end, last + step);
            }
            if (end <= start) {
                end = Math.max(last, start) + 0.001;
            }
            byId.put(fs.getFirst().segmentId(), new Segment(fs.getFirst().segmentId(), start, end, List.copyOf(fs)));
        }
    }

    /** The segment of this id, or null when the file has no frame of it. */
    Segment segment(long id) {
        return byId.get(id);
    }

    /** The smallest gap between two stored frames: the sampling step (1 s when there is only one frame). */
    private static double samplingStep(List<ArchiveFrame> frames) {
        double[] offsets = frames.stream().mapToDouble(ArchiveFrame::offsetSeconds).sorted().toArray();
        double step = Double.MAX_VALUE;
        for (int i = 1; i < offsets.length; i++) {
            double d = offsets[i] - offsets[i - 1];
            if (d > 1e-6) {
                step = Math.min(step, d);
            }
        }
        return step == Double.MAX_VALUE ? 1.0 : step;
    }

    /** The window length every segment fits, the default first; 0 when none does. */
    private static double windowLength(List<List<ArchiveFrame>> ordered) {
        if (fits(ordered, IngestRequest.DEFAULT_SEGMENT_SECONDS)) {
            return IngestRequest.DEFAULT_SEGMENT_SECONDS;
        }
        for (double w : CANDIDATE_SECONDS) {
            if (fits(ordered, w)) {
                return w;
            }
        }
        return 0;
    }

    private static boolean fits(List<List<ArchiveFrame>> ordered, double window) {
        long previous = Long.MIN_VALUE;
        for (List<ArchiveFrame> fs : ordered) {
            long w = (long) Math.floor(fs.getFirst().offsetSeconds() / window + 1e-9);
            if (w != (long) Math.floor(fs.getLast().offsetSeconds() / window + 1e-9) || w <= previous) {
                return false;
            }
            previous = w;
        }
        return true;
    }
}
