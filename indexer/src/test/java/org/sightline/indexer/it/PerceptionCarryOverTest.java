package org.sightline.indexer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.indexer.app.ActiveModelSource;
import org.sightline.indexer.app.DataDirectory;
import org.sightline.indexer.app.PerceptionSource;
import org.sightline.indexer.app.Workspace;
import org.sightline.indexer.app.WorkspaceInternals;
import org.sightline.indexer.ingest.FileOutcome;
import org.sightline.indexer.ingest.IngestListener;
import org.sightline.indexer.ingest.IngestReport;
import org.sightline.indexer.ingest.IngestRequest;
import org.sightline.indexer.perception.Examination;
import org.sightline.indexer.app.DataDirectorySettings;
import org.sightline.models.perception.detect.ObjectDetector;
import org.sightline.models.perception.text.SceneTextReader;
import org.sightline.models.runtime.VisionLanguageModel;
import org.sightline.models.store.ModelStore;
import org.sightline.models.testing.SharedData;

/**
 * Re-embedding (another model, or {@code index --reembed}) takes over what the same perception packs found in the same
 * content instead of running them again: the detections, scene texts, clock readings and tracks of the new generation
 * equal the old one's, row for row, and the detector is never opened; other packs run again; a run killed while it
 * re-embeds leaves them consistent.
 */
class PerceptionCarryOverTest {
    @TempDir
    Path tmp;

    private static final Path FILE = SharedData.root().resolve("footage").resolve("parking-lot-person-bicycle-car.mp4");

    @Test
    void reembeddingTakesOverThePerceptionOfTheSamePacksWithoutOpeningThem() throws Exception {
        Path data = tmp.resolve("data");
        Path clip = TextClip.write(tmp.resolve("shop.mp4"));
        Rows before = indexOnce(data, clip);

        PerceptionSource starter = PerceptionSource.starterPacks();
        String packs = starter.packsBeforeOpening();
        // recorded: the packs, then how frames were examined (a different examination finds different things)
        assertEquals(before.packs().get(FILE.getFileName().toString()), packs + "; " + Examination.DEFAULT.described(),
                "the packs are known without opening them");
        AtomicInteger opened = new AtomicInteger();
        PerceptionSource neverOpened = new PerceptionSource() {
            @Override
            public Optional<ObjectDetector> openDetector() {
                opened.incrementAndGet();
                throw new AssertionError("the detector was opened although the same packs found everything already");
            }

            @Override
            public Optional<SceneTextReader> openTextReader() {
                opened.incrementAndGet();
                throw new AssertionError("the text reader was opened although the same packs read everything already");
            }

            @Override
            public String packsBeforeOpening() {
                return packs;
            }
        };
        IngestReport report;
        try (VisionLanguageModel model = new ModelStore(new DataDirectory(data).modelsDir()).openActive();
             Workspace w = Workspace.open(new DataDirectory(data), ActiveModelSource.of(model), neverOpened)) {
            report = w.ingest(IngestRequest.of(List.of()).withReembed(true), IngestListener.NONE, () -> false);
        }
        assertEquals(0, opened.get());
        assertTrue(report.outcomes().stream().allMatch(o -> o.status() == FileOutcome.Status.INDEXED), report.outcomes().toString());
        assertEquals(2, report.outcomes().size());
        assertEquals(0, report.timings().perception().framesExamined());
        assertEquals(before.examinedFrames(), report.timings().perception().framesCarried());
        Rows after = rows(data);
        assertNotEquals(before.generations(), after.generations(), "new generations were written");
        after.assertSamePerceptionAs(before);

        // other packs (here: the same files under another name) run again, and say so
        AtomicInteger detectorOpened = new AtomicInteger();
        PerceptionSource renamed = new PerceptionSource() {
            @Override
            public Optional<ObjectDetector> openDetector() {
                detectorOpened.incrementAndGet();
                return starter.openDetector();
            }

            @Override
            public Optional<SceneTextReader> openTextReader() {
                return starter.openTextReader();
            }

            @Override
            public String packs() {
                return "renamed " + starter.packs();
            }
        };
        try (VisionLanguageModel model = new ModelStore(new DataDirectory(data).modelsDir()).openActive();
             Workspace w = Workspace.open(new DataDirectory(data), ActiveModelSource.of(model), renamed)) {
            report = w.ingest(IngestRequest.of(List.of(FILE)).withReembed(true), IngestListener.NONE, () -> false);
        }
        assertEquals(1, detectorOpened.get());
        assertEquals(0, report.timings().perception().framesCarried());
        assertEquals(before.examinedFrameCount(FILE), report.timings().perception().framesExamined(), "the detector ran again");
        Rows rerun = rows(data);
        assertTrue(rerun.packs().get(FILE.getFileName().toString()).startsWith("renamed "), rerun.packs().toString());

        // the same packs examining frames another way (looking closer and following motion set off) run again too
        DataDirectorySettings.set(new DataDirectory(data), DataDirectorySettings.LOOK_CLOSER, "off");
        DataDirectorySettings.set(new DataDirectory(data), DataDirectorySettings.FOLLOW_MOTION, "off");
        try (VisionLanguageModel model = new ModelStore(new DataDirectory(data).modelsDir()).openActive();
             Workspace w = Workspace.open(new DataDirectory(data), ActiveModelSource.of(model), starter)) {
            report = w.ingest(IngestRequest.of(List.of(FILE)).withReembed(true), IngestListener.NONE, () -> false);
        }
        assertEquals(0, report.timings().perception().framesCarried());
        assertTrue(report.timings().perception().framesExamined() > 0, "the detector ran again");
        assertEquals(0, report.timings().perception().crops());
        assertEquals(0, report.timings().perception().framesFollowingMotion());
        assertEquals(packs, rows(data).packs().get(FILE.getFileName().toString()),
                "the plain 6 s cadence of whole frames is recorded as the packs alone, as before the setting existed");
    }

    @Test
    void aReembeddingKilledAtAnyMomentLeavesThePerceptionWhole() throws Exception {
        Path data = tmp.resolve("data");
        Path clip = TextClip.write(tmp.resolve("shop.mp4"));
        Rows before = indexOnce(data, clip);
        long generationsBefore = generationsEverMade(data);
        // kill the re-embedding child as soon as it began writing a generation (step 1 done, the index not yet
        // committed), then as soon as it finished one (the second file in flight)
        for (long written : List.of(1L, 2L)) {
            Process p = child(data);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (generationsEverMade(data) < generationsBefore + written) {
                assertTrue(p.isAlive(), "the re-embedding ended before it could be killed: " + Files.readString(tmp.resolve("child.log")));
                assertTrue(System.nanoTime() < deadline, "no progress to kill at");
                Thread.sleep(20);
            }
            p.destroyForcibly();
            assertTrue(p.waitFor(1, TimeUnit.MINUTES));
            if (written == 1) {
                assertNotEquals(0, p.exitValue(), "killed while the first of two files was written");
            }
            Rows afterKill = rows(data); // opening the workspace repairs what the kill left
            afterKill.assertSamePerceptionAs(before);
            generationsBefore = generationsEverMade(data);
        }
        Process last = child(data);
        assertTrue(last.waitFor(3, TimeUnit.MINUTES), "the last re-embedding did not finish");
        assertEquals(0, last.exitValue(), Files.readString(tmp.resolve("child.log")));
        Rows finished = rows(data);
        assertNotEquals(before.generations(), finished.generations(), "new generations were written");
        finished.assertSamePerceptionAs(before);
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private Rows indexOnce(Path data, Path clip) throws Exception {
        new ModelStore(new DataDirectory(data).modelsDir()).installDemo();
        try (Workspace w = Workspace.open(new DataDirectory(data))) {
            w.ingest(IngestRequest.of(List.of(FILE, clip)), IngestListener.NONE, () -> false);
        }
        Rows rows = rows(data);
        assertTrue(rows.count("detections") > 0 && rows.count("scene_texts") > 0 && rows.count("clock_readings") > 0
                && rows.count("tracks") > 0, "the starter packs found objects, text, a clock and tracks: " + rows.tables());
        return rows;
    }

    private Process child(Path data) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Dai.djl.offline=true", "-Xss4m",
                "-Dsightline.starterPacks=" + System.getProperty("sightline.starterPacks"),
                "-cp", System.getProperty("java.class.path"), "org.sightline.indexer.cli.SightlineCommand",
                "index", "--reembed", "--data", data.toString()));
        return new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(tmp.resolve("child.log").toFile())).start();
    }

    /** The highest generation number the catalog handed out (SQLite's autoincrement sequence, or the highest id). */
    private static long generationsEverMade(Path data) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + new DataDirectory(data).catalogFile()); var st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout=5000");
            try (var rs = st.executeQuery("SELECT COALESCE(MAX(id), 0) FROM generations")) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /**
     * The perception rows of every video's current generation, as text without generation numbers or row ids (so that
     * two generations compare equal when they hold the same findings), and the generations themselves.
     */
    record Rows(Map<String, List<String>> tables, Map<String, String> packs, List<Long> generations, int examinedFrames,
                Map<String, Integer> examinedPerVideo) {
        int count(String table) {
            return tables.entrySet().stream().filter(e -> e.getKey().endsWith(" " + table)).mapToInt(e -> e.getValue().size()).sum();
        }

        int examinedFrameCount(Path file) {
            return examinedPerVideo.get(file.getFileName().toString());
        }

        void assertSamePerceptionAs(Rows other) {
            assertEquals(other.tables(), tables());
            assertEquals(other.packs(), packs());
        }
    }

    private static final Map<String, String> TABLES = Map.of(
            "examined_frames", "offset_s",
            "detections", "offset_s, label, score, x1, y1, x2, y2, colour",
            "scene_texts", "offset_s, text, confidence, x1, y1, x2, y2",
            "clock_readings", "offset_s, text, shown, format",
            "tracks", "label, colour, first_s, last_s, direction, path");

    private static Rows rows(Path data) throws Exception {
        try (Workspace w = Workspace.open(new DataDirectory(data))) {
            assertTrue(WorkspaceInternals.catalog(w).unfinishedGenerations().isEmpty(), "every generation is finished or rolled back");
            // the Library's summaries, read for all videos at once, are each video's own
            var summaries = w.library().perceptionSummaries();
            for (var v : w.library().videos()) {
                assertEquals(w.library().perceptionSummary(v.id()), summaries.get(v.id()), v.path().toString());
                assertTrue(summaries.get(v.id()).ran(), v.path() + ": " + summaries.get(v.id()));
            }
        }
        Map<String, List<String>> tables = new TreeMap<>();
        Map<String, String> packs = new TreeMap<>();
        Map<String, Integer> examined = new TreeMap<>();
        List<Long> generations = new ArrayList<>();
        int examinedFrames = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + new DataDirectory(data).catalogFile())) {
            List<long[]> current = new ArrayList<>();
            List<String> names = new ArrayList<>();
            try (var rs = c.createStatement().executeQuery("SELECT g.id, g.video_id, g.perception_packs, v.path, "
                    + "g.frames_embedded || ' embedded, ' || g.frames_skipped || ' skipped' FROM generations g "
                    + "JOIN videos v ON v.id = g.video_id WHERE g.status = 'done' ORDER BY g.id")) {
                while (rs.next()) {
                    String name = Path.of(rs.getString(4)).getFileName().toString();
                    assertFalse(names.contains(name), "one generation per video with one model: " + name);
                    names.add(name);
                    current.add(new long[] {rs.getLong(1), rs.getLong(2)});
                    packs.put(name, rs.getString(3));
                    // decoded as when the packs run: the same frames are embedded, so the same vectors (issue 11)
                    tables.put(name + " frames", List.of(rs.getString(5)));
                    generations.add(rs.getLong(1));
                }
            }
            for (int i = 0; i < current.size(); i++) {
                for (var table : new TreeMap<>(TABLES).entrySet()) {
                    List<String> out = new ArrayList<>();
                    try (var st = c.prepareStatement("SELECT " + table.getValue() + " FROM " + table.getKey() + " WHERE generation = ? "
                            + "ORDER BY " + table.getValue())) {
                        st.setLong(1, current.get(i)[0]);
                        try (var rs = st.executeQuery()) {
                            int columns = rs.getMetaData().getColumnCount();
                            while (rs.next()) {
                                StringBuilder row = new StringBuilder();
                                for (int col = 1; col <= columns; col++) {
                                    row.append(col > 1 ? " | " : "").append(rs.getString(col));
                                }
                                out.add(row.toString());
                            }
                        }
                    }
                    tables.put(names.get(i) + " " + table.getKey(), out);
                    if (table.getKey().equals("examined_frames")) {
                        examined.put(names.get(i), out.size());
                        examinedFrames += out.size();
                    }
                }
            }
        }
        return new Rows(tables, packs, generations, examinedFrames, examined);
    }
}
