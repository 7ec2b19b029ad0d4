package org.sightline.indexer.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sightline.indexer.catalog.SegmentRecord;
import org.sightline.indexer.catalog.VideoRecord;
import org.sightline.indexer.catalog.VideoStatus;
import org.sightline.indexer.index.FrameHit;

class ClipGrouperTest {
    private static SegmentRecord seg(long id, double start) {
        return new SegmentRecord(id, 1, 1, "m", start, start + 4, start + 1, "t" + id + ".jpg", 4, 0);
    }

    @Test
    void joinsSegmentsWithAGapOfAtMostOneSegment() {
        VideoRecord v = new VideoRecord(1, Path.of("/v.mp4"), "sha", 1, 1, "mp4", "h264", 1, 1, 1, 40, "cam", Optional.empty(), "unknown",
                VideoStatus.DONE, null, null, Double.NaN, null);
        Map<Long, SegmentRecord> segs = Map.of(1L, seg(1, 0), 2L, seg(2, 4), 4L, seg(4, 12), 7L, seg(7, 24));
        List<FrameHit> hits = List.of(new FrameHit(1, 1, 1, 0.5f), new FrameHit(1, 2, 5, 0.9f), new FrameHit(1, 2, 6, 0.7f),
                new FrameHit(1, 4, 13, 0.6f), new FrameHit(1, 7, 25, 0.3f));
        List<Clip> clips = new ClipGrouper(Path.of("/thumbs")).group(hits, segs, Map.of(1L, v));
        assertEquals(2, clips.size());
        Clip first = clips.getFirst();
        assertEquals(0, first.startSeconds());
        assertEquals(16, first.endSeconds());
        assertEquals(5, first.bestOffsetSeconds());
        assertEquals(0.9f, first.score());
        assertEquals(List.of(1L, 2L, 4L), first.segmentIds());
        assertEquals(Path.of("/thumbs/t2.jpg"), first.thumbnail());
        assertEquals(1f, first.relativeStrength());
        assertEquals(0f, clips.get(1).relativeStrength());
        assertEquals(24, clips.get(1).startSeconds());
    }

    @Test
    void aLongMatchingStretchBecomesClipsOfAtMostTwentySeconds() {
        VideoRecord v = new VideoRecord(1, Path.of("/v.mp4"), "sha", 1, 1, "mp4", "h264", 1, 1, 1, 100, "cam", Optional.empty(), "unknown",
                VideoStatus.DONE, null, null, Double.NaN, null);
        Map<Long, SegmentRecord> segs = new java.util.HashMap<>();
        List<FrameHit> hits = new java.util.ArrayList<>();
        for (int i = 0; i < 25; i++) { // 100 s of consecutive 4 s segments, all matching
            segs.put((long) i, seg(i, 4.0 * i));
            hits.add(new FrameHit(1, i, 4.0 * i + 1, 0.5f + (i == 17 ? 0.2f : 0f)));
        }
        List<Clip> clips = new ClipGrouper(Path.of("/thumbs")).group(hits, segs, Map.of(1L, v));
        assertEquals(5, clips.size());
        for (Clip c : clips) {
            assertTrue(c.durationSeconds() <= ClipGrouper.MAX_CLIP_SECONDS, c.toString());
        }
        assertEquals(100.0, clips.stream().mapToDouble(Clip::durationSeconds).sum(), 1e-9, "the whole stretch is covered");
        assertEquals(69.0, clips.getFirst().bestOffsetSeconds(), "the clip holding the best frame ranks first");
    }

    @Test
    void onlyStandOutHitsMatch() {
        List<FrameHit> hits = List.of(new FrameHit(1, 1, 0, 0.10f), new FrameHit(1, 2, 0, 0.11f), new FrameHit(1, 3, 0, 0.12f),
                new FrameHit(1, 4, 0, 0.30f));
        assertEquals(List.of(4L), ClipGrouper.matching(hits).stream().map(FrameHit::segmentId).toList());
    }
}
