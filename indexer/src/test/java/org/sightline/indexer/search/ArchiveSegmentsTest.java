package org.sightline.indexer.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sightline.indexer.index.ArchiveFrame;

/** Segments of another workstation's file read back from its stored frames, and the clip rule run on them. */
class ArchiveSegmentsTest {

    private static ArchiveFrame frame(long segment, double offset) {
        return new ArchiveFrame("sha", "ws-b", segment, offset, Set.of(), Optional.empty());
    }

    /** One frame a second in 4 s windows, as the indexer cuts them by default, some frames dropped as near-duplicates. */
    private static List<ArchiveFrame> file(double seconds, double window, Set<Double> dropped) {
        List<ArchiveFrame> out = new ArrayList<>();
        for (double t = 0; t < seconds; t += 1) {
            if (!dropped.contains(t)) {
                out.add(frame((long) Math.floor(t / window) + 100, t));
            }
        }
        return out;
    }

    @Test
    void segmentsSpanTheWindowsTheIndexerCut() {
        ArchiveSegments s = new ArchiveSegments(file(30, 4, Set.of(4.0, 5.0, 13.0)), 29);
        assertEquals(0, s.segment(100).startSeconds());
        assertEquals(4, s.segment(100).endSeconds());
        // the window's first frames were dropped: it still starts at the window
        assertEquals(4, s.segment(101).startSeconds());
        assertEquals(8, s.segment(101).endSeconds());
        // the last one ends a sampling step after its last frame
        assertEquals(28, s.segment(107).startSeconds());
        assertEquals(30, s.segment(107).endSeconds());
        assertNull(s.segment(999));
    }

    @Test
    void onlyTheHitSegmentsAreNeeded() {
        // segments 1 and 5 of a file whose last frame is at 29 s; a middle segment's window is whole even when its
        // last frames were dropped
        List<ArchiveFrame> some = file(30, 4, Set.of(6.0, 7.0)).stream()
                .filter(f -> f.segmentId() == 101 || f.segmentId() == 105).toList();
        ArchiveSegments s = new ArchiveSegments(some, 29);
        assertEquals(4, s.segment(101).startSeconds());
        assertEquals(8, s.segment(101).endSeconds());
        assertEquals(20, s.segment(105).startSeconds());
        assertEquals(24, s.segment(105).endSeconds());
        assertNull(s.segment(102));
    }

    @Test
    void anotherWindowLengthIsFound() {
        ArchiveSegments s = new ArchiveSegments(file(20, 5, Set.of()), 19);
        assertEquals(5, s.segment(101).startSeconds());
        assertEquals(10, s.segment(101).endSeconds());
    }

    @Test
    void theLocalClipRuleJoinsNeighboursAndSplitsAtGapsAndLength() {
        ArchiveSegments s = new ArchiveSegments(file(60, 4, Set.of()), 59);
        // segments 0-4, 4-8 and 12-16 (one segment's gap: joined), 24-28 (two segments' gap: apart)
        List<ArchiveSegments.Segment> hit = List.of(s.segment(103), s.segment(100), s.segment(101), s.segment(106));
        List<List<ArchiveSegments.Segment>> runs = ClipGrouper.runs(hit, ArchiveSegments.Segment::startSeconds,
                ArchiveSegments.Segment::endSeconds);
        assertEquals(2, runs.size());
        assertEquals(List.of(100L, 101L, 103L), runs.get(0).stream().map(ArchiveSegments.Segment::id).toList());
        assertEquals(List.of(106L), runs.get(1).stream().map(ArchiveSegments.Segment::id).toList());
        // a long stretch is cut at MAX_CLIP_SECONDS
        List<ArchiveSegments.Segment> all = new ArrayList<>();
        for (long id = 100; id < 115; id++) {
            all.add(s.segment(id));
        }
        runs = ClipGrouper.runs(all, ArchiveSegments.Segment::startSeconds, ArchiveSegments.Segment::endSeconds);
        assertEquals(List.of(5, 5, 5), runs.stream().map(List::size).toList());
    }
}
