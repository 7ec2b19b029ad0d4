package org.sightline.indexer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.indexer.app.DataDirectory;
import org.sightline.indexer.app.Workspace;
import org.sightline.indexer.app.WorkspaceInternals;
import org.sightline.indexer.catalog.SegmentRecord;
import org.sightline.indexer.catalog.VideoRecord;
import org.sightline.indexer.index.SegmentIndex;
import org.sightline.indexer.ingest.IngestListener;
import org.sightline.indexer.ingest.IngestRequest;
import org.sightline.indexer.perception.FrameDetections;
import org.sightline.models.store.ModelStore;
import org.sightline.models.testing.SharedData;

/**
 * SIGKILL during {@code sightline index} (a real child JVM killed with destroyForcibly), twice, then a run to
 * completion: the result equals a clean run's, with no lost and no duplicated segment in SQLite or Lucene, and the same
 * object detections and tracks (the starter detector runs in both, as it does for {@code sightline index}).
 */
class CrashRecoveryTest {
    @TempDir
    Path tmp;

    @Test
    void killedIndexRunsResumeToTheSameResultAsACleanRun() throws Exception {
        Path footage = SharedData.root().resolve("footage");
        Path clean = tmp.resolve("clean");
        new ModelStore(new DataDirectory(clean).modelsDir()).installDemo();
        try (Workspace w = Workspace.open(new DataDirectory(clean))) {
            w.ingest(IngestRequest.of(List.of(footage)), IngestListener.NONE, () -> false);
        }
        Snapshot expected = snapshot(clean);

        Path crashed = tmp.resolve("crashed");
        new ModelStore(new DataDirectory(crashed).modelsDir()).installDemo();
        killAfter(crashed, footage, 1);
        try (Workspace w = Workspace.open(new DataDirectory(crashed))) {
            // issue 11, item 13: what the killed run was doing is shown as interrupted, not as "indexing"
            var interrupted = w.status().awaitingReembedding();
            assertFalse(interrupted.isEmpty(), "the file being indexed when the run was killed is listed");
            assertTrue(interrupted.stream().allMatch(f -> "interrupted".equals(f.errorKind())), interrupted.toString());
            assertEquals(0L, w.status().videosByStatus().getOrDefault("indexing", 0L), w.status().videosByStatus().toString());
        }
        killAfter(crashed, footage, 4);
        Process last = child(crashed, footage);
        assertTrue(last.waitFor(5, TimeUnit.MINUTES), "final index run did not finish");
        assertEquals(0, last.exitValue(), Files.readString(tmp.resolve("child.log")));

        Snapshot actual = snapshot(crashed);
        assertEquals(expected.segmentStarts(), actual.segmentStarts());
        assertEquals(expected.luceneFrames(), actual.luceneFrames());
        // issue 13: the object detector's findings are part of each generation, so they too come out the same
        assertFalse(expected.detections().isEmpty(), "the starter detector ran");
        assertEquals(expected.detections(), actual.detections());
        assertEquals(expected.framesWithPerson(), actual.framesWithPerson());
        assertEquals(actual.catalogSegments(), actual.luceneSegments(), "every segment has vectors and no vectors lack a segment");
        // issue 11, item 21: thumbnails written by killed runs do not pile up
        assertEquals(referencedThumbnails(crashed), thumbnailFiles(crashed), "every thumbnail file belongs to a segment");
    }

    private static Set<String> thumbnailFiles(Path data) throws Exception {
        Path thumbs = new DataDirectory(data).thumbnailsDir();
        try (var files = Files.walk(thumbs)) {
            return files.filter(Files::isRegularFile).map(f -> thumbs.relativize(f).toString()).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
        }
    }

    private static Set<String> referencedThumbnails(Path data) throws Exception {
        Set<String> out = new java.util.TreeSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + new DataDirectory(data).catalogFile());
             var rs = c.createStatement().executeQuery("SELECT thumbnail FROM segments WHERE thumbnail IS NOT NULL")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private void killAfter(Path data, Path footage, int doneVideos) throws Exception {
        Process p = child(data, footage);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (doneCount(data) < doneVideos) {
            assertTrue(p.isAlive(), "index run ended before it could be killed: " + Files.readString(tmp.resolve("child.log")));
            assertTrue(System.nanoTime() < deadline, "no progress to kill at");
            Thread.sleep(50);
        }
        p.destroyForcibly();
        assertTrue(p.waitFor(1, TimeUnit.MINUTES));
        assertTrue(doneCount(data) < 8, "the run was killed before it finished");
    }

    private Process child(Path data, Path footage) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Dai.djl.offline=true", "-Xss4m",
                "-Dsightline.starterPacks=" + System.getProperty("sightline.starterPacks"),
                "-cp", System.getProperty("java.class.path"), "org.sightline.indexer.cli.SightlineCommand",
                "index", footage.toString(), "--data", data.toString()));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(tmp.resolve("child.log").toFile()))
                .start();
    }

    private static int doneCount(Path data) throws Exception {
        File db = new DataDirectory(data).catalogFile().toFile();
        if (!db.exists()) {
            return 0;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); var st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout=5000");
            try (var rs = st.executeQuery("SELECT COUNT(*) FROM videos WHERE status = 'done'")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        } catch (java.sql.SQLException e) {
            return 0; // schema not there yet
        }
    }

    record Snapshot(Map<String, List<Double>> segmentStarts, int luceneFrames, Set<Long> catalogSegments, Set<Long> luceneSegments,
            Map<String, List<String>> detections, int framesWithPerson) {
    }

    /** Examined frames and their objects, scores and boxes to 3 decimals (two runs of the detector on one frame agree). */
    private static List<String> describe(List<FrameDetections> frames) {
        return frames.stream().map(f -> String.format(java.util.Locale.ROOT, "%.3f:", f.offsetSeconds())
                + f.objects().stream().map(o -> String.format(java.util.Locale.ROOT, "%s %.3f %.3f,%.3f,%.3f,%.3f %s", o.label(), o.score(),
                        o.box().x1(), o.box().y1(), o.box().x2(), o.box().y2(), o.colour())).toList()).toList();
    }

    private static Snapshot snapshot(Path data) throws Exception {
        try (Workspace w = Workspace.open(new DataDirectory(data))) {
            assertTrue(WorkspaceInternals.catalog(w).unfinishedGenerations().isEmpty());
            String model = w.activeModel().id().asString();
            Map<String, List<Double>> starts = new TreeMap<>();
            Set<Long> catalogSegments = new HashSet<>();
            Map<String, List<String>> detections = new TreeMap<>();
            for (VideoRecord v : WorkspaceInternals.catalog(w).videos()) {
                List<FrameDetections> found = w.library().detections(v.id());
                if (!found.isEmpty()) {
                    detections.put(v.path().getFileName().toString(), describe(found));
                    detections.put(v.path().getFileName().toString() + " tracks", w.library().tracks(v.id()).stream()
                            .map(t -> String.format(java.util.Locale.ROOT, "%s %s %.3f-%.3f %s %d", t.label(), t.colour(), t.firstSeen(),
                                    t.lastSeen(), t.direction(), t.path().size())).toList());
                }
                List<SegmentRecord> segs = WorkspaceInternals.catalog(w).segmentsOf(v.id(), model);
                starts.put(v.path().getFileName().toString(), segs.stream().map(SegmentRecord::startSeconds).toList());
                for (SegmentRecord s : segs) {
                    assertTrue(catalogSegments.add(s.id()));
                }
                assertEquals(segs.size(), segs.stream().map(SegmentRecord::startSeconds).distinct().count(),
                        "duplicate segment start in the catalog for " + v.path());
            }
            List<SegmentIndex.StoredFrame> frames = WorkspaceInternals.index(w).storedFrames();
            Set<String> keys = new HashSet<>();
            Set<Long> luceneSegments = new HashSet<>();
            for (SegmentIndex.StoredFrame f : frames) {
                assertTrue(keys.add(f.videoId() + "@" + f.offsetMillis()), "duplicate frame in the index: " + f);
                luceneSegments.add(f.segmentId());
            }
            return new Snapshot(starts, frames.size(), catalogSegments, luceneSegments, detections, w.library().framesWithLabel("person"));
        }
    }
}
