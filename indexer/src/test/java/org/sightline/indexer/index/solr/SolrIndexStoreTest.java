package org.sightline.indexer.index.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.indexer.catalog.Catalog;
import org.sightline.indexer.catalog.SegmentDraft;
import org.sightline.indexer.catalog.VideoStatus;
import org.sightline.indexer.index.FrameFilter;
import org.sightline.indexer.index.FrameHit;
import org.sightline.indexer.index.IndexCommitProtocol;
import org.sightline.indexer.index.IndexedFrame;
import org.sightline.indexer.index.VideoVectors;
import org.sightline.indexer.index.Vectors;

/**
 * The SolrCloud store against a real two-node SolrCloud (replication factor 2): the commit protocol's crash states,
 * content-derived ids, filters inside the kNN search.
 */
class SolrIndexStoreTest {
    private static final String MODEL = "m@1#abc";
    private static SolrLocation location;

    @TempDir
    Path tmp;

    @BeforeAll
    static void collection() throws Exception {
        location = SharedSolrCloud.collection("store_test");
    }

    private SolrIndexStore open(String workstation, String name) throws Exception {
        return SolrIndexStore.open(location, workstation, tmp.resolve(name + ".lock"));
    }

    private static List<SegmentDraft> drafts() {
        return List.of(new SegmentDraft(0, 4, 1, null, 2, 0), new SegmentDraft(4, 8, 5, null, 2, 0));
    }

    private static List<List<IndexedFrame>> frames(float x) {
        return List.of(List.of(new IndexedFrame(0, 0.5, Vectors.normalise(new float[] {x, 1, 0})),
                        new IndexedFrame(0, 1.5, Vectors.normalise(new float[] {x, 0, 1}))),
                List.of(new IndexedFrame(0, 4.5, Vectors.normalise(new float[] {1, x, 0})),
                        new IndexedFrame(0, 5.5, Vectors.normalise(new float[] {0, x, 1}))));
    }

    private IndexCommitProtocol.VideoWrite write(long video, String sha, float x) {
        return new IndexCommitProtocol.VideoWrite(video, MODEL, sha, "cam", Optional.of(Instant.parse("2026-01-02T22:00:00Z")),
                null, drafts(), frames(x), Optional.empty(), 0);
    }

    private static int countSha(SolrIndexStore s, String sha) throws Exception {
        return (int) s.searchArchive(Vectors.normalise(new float[] {1, 1, 1}), 100, FrameFilter.model(MODEL)).stream()
                .filter(h -> h.sha256().equals(sha)).count();
    }

    @Test
    void rewritesAndTwoWorkstationsNeverDuplicate() throws Exception {
        try (Catalog a = Catalog.open(tmp.resolve("a.sqlite")); Catalog b = Catalog.open(tmp.resolve("b.sqlite"));
             SolrIndexStore sa = open("ws-a", "a"); SolrIndexStore sb = open("ws-b", "b")) {
            var pa = new IndexCommitProtocol(a, sa, tmp.resolve("thumbs-a"));
            var pb = new IndexCommitProtocol(b, sb, tmp.resolve("thumbs-b"));
            long va = a.registerVideo(tmp.resolve("one.mp4"), "sha-one", 10, 1, "cam", null);
            for (int i = 0; i < 2; i++) {
                pa.write(write(va, "sha-one", 1));
            }
            assertEquals(4, countSha(sa, "sha-one"), "a rerun replaces, never adds");
            assertEquals(4, sa.storedFrames().size());
            long vb = b.registerVideo(tmp.resolve("copy-of-one.mp4"), "sha-one", 10, 1, "cam", null);
            pb.write(write(vb, "sha-one", 1));
            assertEquals(4, countSha(sa, "sha-one"), "the same file indexed on two workstations is held once");
            long vb2 = b.registerVideo(tmp.resolve("two.mp4"), "sha-two", 10, 1, "cam", null);
            pb.write(write(vb2, "sha-two", 3));
            assertEquals(4, countSha(sa, "sha-two"), "each workstation finds the other's footage");
            // the first workstation's copy was overwritten by the second's, yet it still counts as held by content
            assertTrue(pa.checkAgainstIndex().isEmpty());
            assertTrue(pb.checkAgainstIndex().isEmpty());
            // its own search returns only frames its catalog knows
            for (FrameHit h : sa.search(Vectors.normalise(new float[] {1, 1, 1}), 100, FrameFilter.model(MODEL))) {
                assertTrue(a.segment(h.segmentId()).isPresent(), h.toString());
            }
        }
    }

    @Test
    void filtersRunInsideTheVectorSearch() throws Exception {
        try (Catalog c = Catalog.open(tmp.resolve("c.sqlite")); SolrIndexStore s = open("ws-filter", "f")) {
            long v = c.registerVideo(tmp.resolve("f.mp4"), "sha-filter", 10, 1, "cam", null);
            new IndexCommitProtocol(c, s, tmp.resolve("thumbs")).write(write(v, "sha-filter", 2));
            float[] q = Vectors.normalise(new float[] {2, 1, 0});
            assertEquals(4, s.search(q, 10, FrameFilter.model(MODEL)).size());
            assertEquals(0, s.search(q, 10, new FrameFilter(MODEL, Set.of("other"), null, null, null, null)).size());
            assertEquals(0, s.search(q, 10, FrameFilter.model("another-model")).size());
            // 22:00:00.5 .. 22:00:05.5 UTC: a window across midnight holds them, a morning one none
            assertEquals(4, s.search(q, 10, new FrameFilter(MODEL, Set.of(), null, null, LocalTime.of(21, 0), LocalTime.of(1, 0))).size());
            assertEquals(0, s.search(q, 10, new FrameFilter(MODEL, Set.of(), null, null, LocalTime.of(6, 0), LocalTime.of(9, 0))).size());
            assertEquals(2, s.search(q, 10, new FrameFilter(MODEL, Set.of("cam"), Instant.parse("2026-01-02T22:00:00Z"),
                    Instant.parse("2026-01-02T22:00:02Z"), null, null)).size());
            List<FrameHit> best = s.search(q, 1, FrameFilter.model(MODEL));
            assertEquals(0.5, best.getFirst().offsetSeconds());
            assertEquals(1.0f, best.getFirst().score(), 1e-4f, "the score is the cosine");
            float[] mean = s.segmentMeanVector(best.getFirst().segmentId());
            assertEquals(3, mean.length, "the zero padding is not returned");
        }
    }

    @Test
    void labelsFileAndContentTravelWithTheDocuments() throws Exception {
        try (Catalog c = Catalog.open(tmp.resolve("l.sqlite")); SolrIndexStore s = open("ws-labels", "l")) {
            Path root = tmp.resolve("archive");
            long v = c.registerVideo(root.resolve("cam-a/l.mp4"), "sha-labels", 1234, 1, "cam", c.archive(root));
            float[] x = Vectors.normalise(new float[] {1, 1, 0});
            List<List<IndexedFrame>> per = List.of(
                    List.of(new IndexedFrame(0, 0.5, x, Set.of("person", "car")), new IndexedFrame(0, 1.5, x, Set.of())),
                    List.of(new IndexedFrame(0, 4.5, x, Set.of("person")), new IndexedFrame(0, 5.5, x, Set.of("car"))));
            new IndexCommitProtocol(c, s, tmp.resolve("thumbs-l")).write(new IndexCommitProtocol.VideoWrite(v, MODEL, "sha-labels",
                    "cam", Optional.empty(), null, drafts(), per, Optional.empty(), 0));
            assertEquals(2, s.frameCountWithLabel("person"));
            assertEquals(2, s.frameCountWithLabel("car"));
            assertEquals(0, s.frameCountWithLabel("bicycle"));
            FrameFilter people = FrameFilter.model(MODEL).withLabels(Set.of("person"));
            assertEquals(List.of(0.5, 4.5), s.search(x, 10, people).stream().map(FrameHit::offsetSeconds).sorted().toList());
            assertEquals(List.of(0.5), s.search(x, 10, people.withLabels(Set.of("person", "car"))).stream()
                    .map(FrameHit::offsetSeconds).toList());
            // the hash the documents were written from: an edited catalog hash no longer matches
            assertTrue(s.indexedWithHash(v, MODEL, "sha-labels"));
            assertFalse(s.indexedWithHash(v, MODEL, "sha-forged"));
            assertFalse(s.indexedWithHash(v, "another-model", "sha-labels"));
            // another workstation learns the file's name, its path below the archive folder and its size
            var hit = s.searchArchive(x, 10, FrameFilter.model(MODEL)).stream().filter(h -> h.sha256().equals("sha-labels"))
                    .findFirst().orElseThrow();
            assertEquals(new VideoVectors.SourceFile("l.mp4", "cam-a/l.mp4", 1234), hit.file());
            // upgrading the collection's configset in place keeps what it holds
            SolrCollections.upgrade(location);
            assertEquals(2, s.frameCountWithLabel("person"));
        }
    }

    /** What a team archive search reads to make clips: each hit's segment, the segment's frames with labels and times. */
    @Test
    void archiveHitsNameTheirSegmentWhoseFramesCarryLabelsAndTimes() throws Exception {
        try (Catalog c = Catalog.open(tmp.resolve("f.sqlite")); SolrIndexStore s = open("ws-f", "f")) {
            // the writing workstation records its camera's zone with each frame; a reader shows the time in it
            s.recordZonesFrom(() -> new org.sightline.indexer.index.CameraZones(java.util.Map.of("cam",
                    java.time.ZoneId.of("Asia/Tokyo")), java.time.ZoneOffset.UTC));
            long v = c.registerVideo(tmp.resolve("f.mp4"), "sha-frames", 10, 1, "cam", null);
            float[] x = Vectors.normalise(new float[] {3, 1, 2});
            List<List<IndexedFrame>> per = List.of(
                    List.of(new IndexedFrame(0, 0.5, x, Set.of("person")), new IndexedFrame(0, 1.5, x, Set.of())),
                    List.of(new IndexedFrame(0, 4.5, x, Set.of("car")), new IndexedFrame(0, 5.5, x, Set.of())));
            new IndexCommitProtocol(c, s, tmp.resolve("thumbs-f")).write(new IndexCommitProtocol.VideoWrite(v, MODEL, "sha-frames",
                    "cam", Optional.of(Instant.parse("2026-01-02T22:00:00Z")), null, drafts(), per, Optional.empty(), 0));
            var hits = s.searchArchive(x, 100, FrameFilter.model(MODEL)).stream().filter(h -> h.sha256().equals("sha-frames")).toList();
            assertEquals(4, hits.size());
            long second = hits.stream().filter(h -> h.offsetSeconds() == 4.5).findFirst().orElseThrow().segmentId();
            assertEquals(second, hits.stream().filter(h -> h.offsetSeconds() == 5.5).findFirst().orElseThrow().segmentId());
            assertFalse(second == hits.stream().filter(h -> h.offsetSeconds() == 0.5).findFirst().orElseThrow().segmentId());

            var frames = s.archiveFrames(java.util.Map.of("sha-frames", Set.of(second)), MODEL);
            assertEquals(List.of(4.5, 5.5), frames.stream().map(org.sightline.indexer.index.ArchiveFrame::offsetSeconds).sorted().toList());
            var car = frames.stream().filter(f -> f.offsetSeconds() == 4.5).findFirst().orElseThrow();
            assertEquals(Set.of("car"), car.labels());
            assertEquals("ws-f", car.workstation());
            assertEquals(second, car.segmentId());
            assertEquals(Optional.of(Instant.parse("2026-01-02T22:00:04.500Z")), car.recordedAt());
            assertEquals(Optional.of(java.time.ZoneId.of("Asia/Tokyo")), car.zone());
            assertEquals(java.util.Map.of("sha-frames", 5.5), s.archiveLastOffsets(List.of("sha-frames"), MODEL));
        }
    }

    /** A small real JPEG (what the indexer writes for a segment), distinct per {@code shade}. */
    private static byte[] jpeg(int shade) throws Exception {
        var image = new java.awt.image.BufferedImage(32, 18, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 18; y++) {
            for (int x = 0; x < 32; x++) {
                image.setRGB(x, y, (shade * 40 + x * 3) << 16 | (y * 10) << 8 | shade * 60);
            }
        }
        var out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    @Test
    void eachSegmentsThumbnailTravelsWithItsRepresentativeFrame() throws Exception {
        Path thumbs = tmp.resolve("thumbs-t");
        java.nio.file.Files.createDirectories(thumbs.resolve("v1"));
        java.nio.file.Files.write(thumbs.resolve("v1/0.jpg"), jpeg(1));
        java.nio.file.Files.write(thumbs.resolve("v1/4000.jpg"), jpeg(2));
        try (Catalog c = Catalog.open(tmp.resolve("t.sqlite")); SolrIndexStore s = open("ws-thumbs", "t");
             SolrIndexStore other = open("ws-elsewhere", "e")) {
            long v = c.registerVideo(tmp.resolve("t.mp4"), "sha-thumbs", 10, 1, "cam", null);
            List<SegmentDraft> drafts = List.of(new SegmentDraft(0, 4, 1.5, "v1/0.jpg", 2, 0),
                    new SegmentDraft(4, 8, 4.5, "v1/4000.jpg", 2, 0));
            new IndexCommitProtocol(c, s, thumbs).write(new IndexCommitProtocol.VideoWrite(v, MODEL, "sha-thumbs", "cam",
                    Optional.empty(), null, drafts, frames(1), Optional.empty(), 0));
            // another workstation (no catalog row, no thumbnails folder of its own) gets the very bytes on disk
            var first = other.archiveThumbnail("sha-thumbs", MODEL, 1.5).orElseThrow();
            assertEquals(1.5, first.offsetSeconds());
            assertTrue(java.util.Arrays.equals(java.nio.file.Files.readAllBytes(thumbs.resolve("v1/0.jpg")), first.jpeg()));
            // at a frame without one, the nearest stored thumbnail of the file
            assertEquals(first, other.archiveThumbnail("sha-thumbs", MODEL, 0.5).orElseThrow());
            var second = other.archiveThumbnail("sha-thumbs", MODEL, 5.5).orElseThrow();
            assertEquals(4.5, second.offsetSeconds());
            assertTrue(java.util.Arrays.equals(java.nio.file.Files.readAllBytes(thumbs.resolve("v1/4000.jpg")), second.jpeg()));
            // only the representative frames carry one; other content or another model has none
            assertEquals(2, s.count("+" + SolrIndexStore.term(SolrIndexStore.SHA, "sha-thumbs") + " +"
                    + SolrIndexStore.THUMBNAIL_BYTES + ":[1 TO *]"));
            assertTrue(other.archiveThumbnail("sha-none", MODEL, 1).isEmpty());
            assertTrue(other.archiveThumbnail("sha-thumbs", "another-model", 1).isEmpty());
        }
    }

    @Test
    void crashBeforeTheMarkerRollsBackAndAfterItRollsForward() throws Exception {
        long rolledBack;
        long rolledForward;
        try (Catalog c = Catalog.open(tmp.resolve("k.sqlite")); SolrIndexStore s = open("ws-crash", "k")) {
            long v1 = c.registerVideo(tmp.resolve("k1.mp4"), "sha-k1", 10, 1, "cam", null);
            long v2 = c.registerVideo(tmp.resolve("k2.mp4"), "sha-k2", 10, 1, "cam", null);
            // 1: documents committed, "killed" before the marker named the generation
            var g1 = c.beginGeneration(v1, MODEL, "sha-k1", null, drafts(), Optional.empty(), 4, 0);
            s.replaceVideo(vectors(v1, "sha-k1", g1));
            rolledBack = g1.generation().number();
            s.deleteGeneration(-99); // leaves the marker naming no generation of ours, as a kill before it would
            // 2: documents and marker committed, "killed" before the catalog completed
            var g2 = c.beginGeneration(v2, MODEL, "sha-k2", null, drafts(), Optional.empty(), 4, 0);
            s.replaceVideo(vectors(v2, "sha-k2", g2));
            rolledForward = g2.generation().number();
            assertEquals(rolledForward, s.lastCommittedGeneration());
        }
        try (Catalog c = Catalog.open(tmp.resolve("k.sqlite")); SolrIndexStore s = open("ws-crash", "k")) {
            var p = new IndexCommitProtocol(c, s, tmp.resolve("thumbs"));
            assertEquals(2, p.reconcile());
            assertEquals(0, s.countGeneration(rolledBack));
            assertEquals(4, s.countGeneration(rolledForward));
            assertTrue(c.unfinishedGenerations().isEmpty());
            assertFalse(c.isIndexed(c.videoByPath(tmp.resolve("k1.mp4")).orElseThrow().id(), MODEL, "sha-k1"));
            assertEquals(VideoStatus.DONE, c.videoByPath(tmp.resolve("k2.mp4")).orElseThrow().status());
            assertEquals(4, s.storedFrames().size());
        }
    }

    private static VideoVectors vectors(long video, String sha, Catalog.StartedGeneration g) {
        List<IndexedFrame> all = new ArrayList<>();
        List<List<IndexedFrame>> per = frames(1);
        for (int i = 0; i < 2; i++) {
            for (IndexedFrame f : per.get(i)) {
                all.add(new IndexedFrame(g.segmentIds().get(i), f.offsetSeconds(), f.vector()));
            }
        }
        return new VideoVectors(video, MODEL, sha, g.generation().number(), "cam", Optional.empty(), all);
    }

    @Test
    void aSecondProcessOfTheSameDataDirectoryOnlySearches() throws Exception {
        try (SolrIndexStore first = open("ws-lock", "lock"); SolrIndexStore second = open("ws-lock", "lock")) {
            assertFalse(first.readOnly());
            assertTrue(second.readOnly());
        }
    }
}
