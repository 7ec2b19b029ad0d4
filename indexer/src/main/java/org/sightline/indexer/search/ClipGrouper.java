package org.sightline.indexer.search;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sightline.indexer.catalog.SegmentRecord;
import org.sightline.indexer.catalog.VideoRecord;
import org.sightline.indexer.index.FrameHit;

/**
 * Turns frame hits into clips: the hit segments of each video, in time order, joined into one clip while the gap
 * between them is at most one segment long. A clip scores as its best frame; its thumbnail is the best segment's.
 *
 * <p>The kNN search returns a fixed number of nearest frames, which on a small archive is nearly every frame; so
 * only frames that stand out count as matches ({@link #matching}): those scoring at least halfway from the median
 * hit to the best one. Without that cut, whole videos would merge into one clip.
 */
public final class ClipGrouper {
    private final Path thumbnailsDir;

    public ClipGrouper(Path thumbnailsDir) {
        this.thumbnailsDir = thumbnailsDir;
    }

    /** The hits that stand out: score at least halfway between the median and the best hit's score. */
    public static List<FrameHit> matching(List<FrameHit> hits) {
        if (hits.size() < 3) {
            return hits;
        }
        float[] scores = new float[hits.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = hits.get(i).score();
        }
        java.util.Arrays.sort(scores);
        float best = scores[scores.length - 1];
        float median = scores[scores.length / 2];
        float cut = median + 0.5f * (best - median);
        return hits.stream().filter(h -> h.score() >= cut).toList();
    }

    private record SegmentHit(SegmentRecord segment, FrameHit best) {
    }

    /**
     * Longest clip, in seconds. A long stretch that matches throughout (a wall that is always white, a car parked all
     * night) becomes several clips an examiner can watch in one go, each with its own best frame, instead of one
     * clip as long as the video.
     */
    public static final double MAX_CLIP_SECONDS = 20.0;

    /**
     * @param hits     frame hits, any order
     * @param segments the hits' segments by id (hits whose segment is missing are ignored)
     * @param videos   the hits' videos by id
     * @return clips, best first (not yet limited)
     */
    public List<Clip> group(List<FrameHit> hits, Map<Long, SegmentRecord> segments, Map<Long, VideoRecord> videos) {
        Map<Long, SegmentHit> bySegment = new HashMap<>();
        for (FrameHit h : hits) {
            SegmentRecord s = segments.get(h.segmentId());
            if (s == null || !videos.containsKey(h.videoId())) {
                continue;
            }
            bySegment.merge(h.segmentId(), new SegmentHit(s, h), (a, b) -> b.best().score() > a.best().score() ? b : a);
        }
        Map<Long, List<SegmentHit>> byVideo = new HashMap<>();
        for (SegmentHit sh : bySegment.values()) {
            byVideo.computeIfAbsent(sh.segment().videoId(), v -> new ArrayList<>()).add(sh);
        }
        List<Clip> clips = new ArrayList<>();
        for (var e : byVideo.entrySet()) {
            VideoRecord video = videos.get(e.getKey());
            for (List<SegmentHit> run : runs(e.getValue(), sh -> sh.segment().startSeconds(), sh -> sh.segment().endSeconds())) {
                clips.add(clip(video, run));
            }
        }
        clips.sort(Comparator.comparingDouble(Clip::score).reversed()
                .thenComparing(c -> c.video().toString()).thenComparingDouble(Clip::startSeconds));
        return withRelativeStrength(clips);
    }

    /**
     * The clip rule on the hit segments of one video, whatever they are: in time order, a segment joins the run before
     * it while the gap between them is at most one segment long and the run stays within {@link #MAX_CLIP_SECONDS}.
     * Local search and the team archive search (segments named by another workstation) both group by this.
     *
     * @param segments the hit segments of one video, any order
     * @return runs of segments, each in time order; runs in time order
     */
    static <T> List<List<T>> runs(java.util.Collection<T> segments, java.util.function.ToDoubleFunction<T> start,
                                  java.util.function.ToDoubleFunction<T> end) {
        List<List<T>> runs = new ArrayList<>();
        List<T> run = new ArrayList<>();
        for (T s : segments.stream().sorted(Comparator.comparingDouble(start)).toList()) {
            if (!run.isEmpty()) {
                T last = run.getLast();
                double length = end.applyAsDouble(last) - start.applyAsDouble(last);
                boolean gap = start.applyAsDouble(s) - end.applyAsDouble(last) > length + 1e-6;
                boolean tooLong = end.applyAsDouble(s) - start.applyAsDouble(run.getFirst()) > MAX_CLIP_SECONDS + 1e-6;
                if (gap || tooLong) {
                    runs.add(run);
                    run = new ArrayList<>();
                }
            }
            run.add(s);
        }
        if (!run.isEmpty()) {
            runs.add(run);
        }
        return runs;
    }

    private Clip clip(VideoRecord video, List<SegmentHit> run) {
        SegmentHit best = run.stream().max(Comparator.comparingDouble(sh -> sh.best().score())).orElseThrow();
        double start = run.getFirst().segment().startSeconds();
        double end = run.getLast().segment().endSeconds();
        Optional<Instant> wall = video.recordingStart().map(r -> r.plusMillis(Math.round(start * 1000)));
        Path thumb = best.segment().thumbnail() == null ? null : thumbnailsDir.resolve(best.segment().thumbnail());
        return new Clip(video.id(), video.path(), video.sha256(), video.camera(), start, end, best.best().offsetSeconds(),
                best.best().score(), 0f, wall, thumb, run.stream().map(sh -> sh.segment().id()).toList());
    }

    private static List<Clip> withRelativeStrength(List<Clip> clips) {
        if (clips.isEmpty()) {
            return clips;
        }
        float max = clips.getFirst().score();
        float min = clips.getLast().score();
        List<Clip> out = new ArrayList<>(clips.size());
        for (Clip c : clips) {
            float rel = max > min ? (c.score() - min) / (max - min) : 1f;
            out.add(new Clip(c.videoId(), c.video(), c.sha256(), c.camera(), c.startSeconds(), c.endSeconds(),
                    c.bestOffsetSeconds(), c.score(), rel, c.wallClockStart(), c.thumbnail(), c.segmentIds()));
        }
        return out;
    }
}
