package org.sightline.indexer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.indexer.app.DataDirectory;
import org.sightline.indexer.app.DataDirectorySettings;
import org.sightline.indexer.app.Workspace;
import org.sightline.indexer.app.WorkspaceInternals;
import org.sightline.indexer.catalog.VideoRecord;
import org.sightline.indexer.index.IndexStore;
import org.sightline.indexer.index.solr.SharedSolrCloud;
import org.sightline.indexer.index.solr.SolrLocation;
import org.sightline.indexer.ingest.IngestListener;
import org.sightline.indexer.ingest.IngestRequest;
import org.sightline.models.store.ModelStore;
import org.sightline.models.testing.SharedData;

/**
 * SIGKILL during {@code sightline index} into a SolrCloud store (a real child JVM killed with destroyForcibly), then
 * a run to completion: the collection holds exactly the documents of a clean run, none lost, none twice, and every
 * catalogued segment has its vectors.
 */
class SolrCrashRecoveryTest {
    private static final List<String> FILES = List.of("tiny-highway-48px-raw.avi", "street-montage-scene-cuts.mp4",
            "motorway-cctv-cyclist.avi");

    @TempDir
    Path tmp;

    @Test
    void aKilledIndexRunResumesToTheSameDocumentsAsACleanRun() throws Exception {
        SolrLocation location = SharedSolrCloud.collection("crash_archive");
        List<Path> footage = FILES.stream().map(SharedData::footage).toList();

        Path clean = prepare("clean", location);
        Map<String, Set<Long>> expected;
        int expectedTotal;
        try (Workspace w = Workspace.open(new DataDirectory(clean))) {
            w.ingest(IngestRequest.of(footage), IngestListener.NONE, () -> false);
            expected = offsetsByFile(w);
            expectedTotal = WorkspaceInternals.index(w).frameCount(w.activeModel().id().asString());
        }
        assertEquals(expectedTotal, expected.values().stream().mapToInt(Set::size).sum());

        Path crashed = prepare("crashed", location);
        Process p = child(crashed, footage);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (doneCount(crashed) < 1) {
            assertTrue(p.isAlive(), "index run ended before it could be killed: " + Files.readString(tmp.resolve("child.log")));
            assertTrue(System.nanoTime() < deadline, "no progress to kill at");
            Thread.sleep(20);
        }
        p.destroyForcibly();
        assertTrue(p.waitFor(1, TimeUnit.MINUTES));
        assertTrue(doneCount(crashed) < FILES.size(), "the run was killed before it finished");

        Process last = child(crashed, footage);
        assertTrue(last.waitFor(5, TimeUnit.MINUTES), "final index run did not finish");
        assertEquals(0, last.exitValue(), Files.readString(tmp.resolve("child.log")));

        try (Workspace w = Workspace.open(new DataDirectory(crashed))) {
            assertTrue(WorkspaceInternals.catalog(w).unfinishedGenerations().isEmpty());
            IndexStore store = WorkspaceInternals.index(w);
            assertEquals(expectedTotal, store.frameCount(w.activeModel().id().asString()), "no document lost or duplicated");
            assertEquals(expected, offsetsByFile(w), "the same frames as the clean run");
            Set<Long> catalogSegments = new TreeSet<>();
            String model = w.activeModel().id().asString();
            for (VideoRecord v : WorkspaceInternals.catalog(w).videos()) {
                WorkspaceInternals.catalog(w).segmentsOf(v.id(), model).forEach(s -> catalogSegments.add(s.id()));
            }
            Set<Long> storeSegments = new TreeSet<>();
            store.storedFrames().forEach(f -> storeSegments.add(f.segmentId()));
            assertEquals(catalogSegments, storeSegments, "every segment has vectors and no vectors lack a segment");
        }
        try (Workspace w = Workspace.open(new DataDirectory(clean))) {
            assertTrue(w.vectorsLostAtOpen().isEmpty(), "the clean workstation still finds its footage held: " + w.vectorsLostAtOpen());
        }
    }

    private Path prepare(String name, SolrLocation location) throws Exception {
        Path data = tmp.resolve(name);
        DataDirectory dir = new DataDirectory(data);
        new ModelStore(dir.modelsDir()).installDemo();
        DataDirectorySettings.setIndexStore(dir, location.toString());
        return data;
    }

    /** This workstation's documents, by file name: the offsets (ms) of its frames. */
    private static Map<String, Set<Long>> offsetsByFile(Workspace w) throws Exception {
        Map<Long, String> names = new HashMap<>();
        for (VideoRecord v : WorkspaceInternals.catalog(w).videos()) {
            names.put(v.id(), v.path().getFileName().toString());
        }
        Map<String, Set<Long>> out = new TreeMap<>();
        for (IndexStore.StoredFrame f : WorkspaceInternals.index(w).storedFrames()) {
            assertTrue(out.computeIfAbsent(names.get(f.videoId()), k -> new TreeSet<>()).add(f.offsetMillis()), "duplicate " + f);
        }
        return out;
    }

    private Process child(Path data, List<Path> footage) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Dai.djl.offline=true", "-Xss4m",
                "-Dsightline.starterPacks=" + System.getProperty("sightline.starterPacks"),
                "-cp", System.getProperty("java.class.path"), "org.sightline.indexer.cli.SightlineCommand", "index"));
        footage.forEach(f -> cmd.add(f.toString()));
        cmd.addAll(List.of("--data", data.toString()));
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
}
