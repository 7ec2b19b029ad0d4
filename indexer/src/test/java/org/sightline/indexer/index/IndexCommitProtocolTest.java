package org.sightline.indexer.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.indexer.catalog.Catalog;
import org.sightline.indexer.catalog.SegmentDraft;
import org.sightline.indexer.catalog.VideoStatus;

/** The crash states between the three steps, repaired by {@link IndexCommitProtocol#reconcile()}. */
class IndexCommitProtocolTest {
    @TempDir
    Path tmp;

    private static final String MODEL = "m@1#abc";

    private static List<SegmentDraft> drafts() {
        return List.of(new SegmentDraft(0, 4, 1, null, 2, 0), new SegmentDraft(4, 8, 5, null, 2, 0));
    }

    private static List<IndexedFrame> frames(float x) {
        return List.of(new IndexedFrame(0, 0.5, Vectors.normalise(new float[] {x, 1, 0})),
                new IndexedFrame(0, 1.5, Vectors.normalise(new float[] {x, 0, 1})));
    }

    private long video(Catalog c) {
        return c.registerVideo(tmp.resolve("a.mp4"), "sha-a", 10, 1, "cam", null);
    }

    @Test
    void writesAndReplacesWithoutDuplicates() throws Exception {
        try (Catalog c = Catalog.open(tmp.resolve("c.sqlite")); SegmentIndex idx = SegmentIndex.open(tmp.resolve("index"))) {
            var p = new IndexCommitProtocol(c, idx, tmp.resolve("thumbs"));
            long v = video(c);
            for (int i = 0; i < 2; i++) {
                p.write(new IndexCommitProtocol.VideoWrite(v, MODEL, "sha-a", "cam", Optional.empty(), null, drafts(),
                        List.of(frames(1), frames(2)), Optional.empty(), 0));
            }
            assertEquals(2, c.segmentCount(MODEL));
            assertEquals(4, idx.frameCount(MODEL));
            assertEquals(VideoStatus.DONE, c.video(v).orElseThrow().status());
        }
    }

    @Test
    @SuppressWarnings("try") // the index is held open, unused, as the killed process held it
    void crashAfterCatalogBeginRollsBack() throws Exception {
        long v;
        try (Catalog c = Catalog.open(tmp.resolve("c.sqlite")); SegmentIndex idx = SegmentIndex.open(tmp.resolve("index"))) {
            v = video(c);
            c.beginGeneration(v, MODEL, "sha-a", null, drafts(), Optional.empty(), 4, 0); // then "killed"
        }
        try (Catalog c = Catalog.open(tmp.resolve("c.sqlite")); SegmentIndex idx = SegmentIndex.open(tmp.resolve("index"))) {
            assertEquals(1, new IndexCommitProtocol(c, idx, tmp.resolve("thumbs")).reconcile());
            assertEquals(0, c.segmentCount(null));
            assertEquals(0, idx.frameCount(null));
            assertTrue(c.unfinishedGenerations().isEmpty());
            assertFalse(c.isIndexed(v, MODEL, "sha-a"));
        }
    }

    @Test
    void crashAfterIndexCommitRollsForward() throws Exception {
        long v;
        try (Catalog c = Catalog.open(tmp.resolve("c.sqlite")); SegmentIndex idx = SegmentIndex.open(tmp.resolve("index"))) {
            v = video(c);
            var started = c.beginGeneration(v, MODEL, "sha-a", null, drafts(), Optional.empty(), 4, 0);
            long gen = started.generation().number();
            List<IndexedFrame> all = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                for (IndexedFrame f : frames(i)) {
                    all.add(new IndexedFrame(started.segmentIds().get(i), f.offsetSeconds(), f.vector()));
                }
            }
            idx.replaceVideo(new VideoVectors(v, MODEL, "sha-a", gen, "cam", Optional.empty(), all)); // then "killed"
        }
        try (Catalog c = Catalog.open(tmp.resolve("c.sqlite")); SegmentIndex idx = SegmentIndex.open(tmp.resolve("index"))) {
            assertEquals(1, new IndexCommitProtocol(c, idx, tmp.resolve("thumbs")).reconcile());
            assertEquals(2, c.segmentCount(MODEL));
            assertEquals(4, idx.frameCount(MODEL));
            assertTrue(c.isIndexed(v, MODEL, "sha-a"));
            assertEquals(VideoStatus.DONE, c.video(v).orElseThrow().status());
        }
    }
}
