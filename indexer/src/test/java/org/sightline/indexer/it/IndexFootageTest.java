package org.sightline.indexer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.indexer.cli.CliRun;
import org.sightline.indexer.app.DataDirectory;
import org.sightline.indexer.app.Workspace;
import org.sightline.indexer.app.WorkspaceInternals;
import org.sightline.indexer.catalog.VideoRecord;
import org.sightline.indexer.catalog.VideoStatus;
import org.sightline.indexer.cli.IndexCommand;
import org.sightline.indexer.search.Clip;
import org.sightline.indexer.search.SearchQuery;
import org.sightline.indexer.search.SearchResult;
import org.sightline.models.integrity.Sha256;
import org.sightline.models.store.ModelStore;
import org.sightline.models.testing.SharedData;

/**
 * The whole path on the real fixtures with the real demo colour model: {@code sightline index} over
 * ../shared/footage plus a folder of bad and dated copies made in a temporary folder, then searches. Indexes once
 * for the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndexFootageTest {
    static final List<String> FIXTURES = List.of("indoor-people-one-by-one.mp4", "motorway-cctv-cyclist.avi", "parking-aisle-cars.mp4",
            "parking-lot-person-bicycle-car.mp4", "residential-street-vehicles.mp4", "road-traffic-60fps.avi",
            "street-montage-scene-cuts.mp4", "tiny-highway-48px-raw.avi");

    @TempDir
    static Path tmp;

    Path footage;
    Path data;
    Path dated;
    Path notVideo;
    Map<String, String> shaBefore = new HashMap<>();
    CliRun firstRun;

    @BeforeAll
    void indexOnce() throws Exception {
        footage = SharedData.root().resolve("footage");
        for (String f : FIXTURES) {
            shaBefore.put(f, Sha256.of(footage.resolve(f)));
        }
        data = tmp.resolve("data");
        new ModelStore(new DataDirectory(data).modelsDir()).installDemo();
        Path camB = Files.createDirectories(tmp.resolve("extra/cam-b"));
        byte[] all = Files.readAllBytes(footage.resolve("motorway-cctv-cyclist.avi"));
        dated = Files.write(camB.resolve("2024-03-01_22-00-00.avi"), Arrays.copyOf(all, (int) (all.length * 0.4)));
        notVideo = Files.writeString(camB.resolve("notes.mp4"), "these are an examiner's notes, not a video\n");
        firstRun = CliRun.of("index", footage.toString(), camB.toString(), "--data", data.toString());
    }

    private Workspace open() throws Exception {
        return Workspace.open(new DataDirectory(data));
    }

    @Test
    void allEightFixturesAreIndexedAndTheBadFilesAreReported() throws Exception {
        assertEquals(IndexCommand.SOME_FILES_FAILED, firstRun.exitCode(), firstRun.out() + firstRun.err());
        try (Workspace w = open()) {
            for (String f : FIXTURES) {
                VideoRecord v = WorkspaceInternals.catalog(w).videoByPath(footage.resolve(f)).orElseThrow(() -> new AssertionError(f + " not in catalog"));
                assertEquals(VideoStatus.DONE, v.status(), f + ": " + v.errorMessage());
                assertEquals("footage", v.camera());
                assertFalse(WorkspaceInternals.catalog(w).segmentsOf(v.id(), w.activeModel().id().asString()).isEmpty(), f);
            }
            VideoRecord cut = WorkspaceInternals.catalog(w).videoByPath(dated).orElseThrow();
            assertEquals(VideoStatus.PARTIAL, cut.status(), cut.toString());
            assertEquals("TRUNCATED", cut.errorKind());
            assertTrue(cut.damageAtSeconds() > 5 && cut.damageAtSeconds() < 20, cut.toString());
            VideoRecord notes = WorkspaceInternals.catalog(w).videoByPath(notVideo).orElseThrow();
            assertEquals(VideoStatus.FAILED, notes.status());
            assertEquals("NOT_VIDEO", notes.errorKind());
            assertTrue(notes.errorMessage().contains("notes.mp4"), notes.errorMessage());
        }
        assertTrue(firstRun.out().contains("PARTIAL") && firstRun.out().contains("FAILED"), firstRun.out());
    }

    @Test
    void originalsAreUnchanged() throws Exception {
        for (String f : FIXTURES) {
            assertEquals(shaBefore.get(f), Sha256.of(footage.resolve(f)), f);
        }
        String sums = Files.readString(footage.resolve("SHA256SUMS"));
        for (String f : FIXTURES) {
            assertTrue(sums.contains(shaBefore.get(f) + "  " + f), f);
        }
    }

    @Test
    void redFindsTheRedCarInTheParkingAisle() throws Exception {
        try (Workspace w = open()) {
            SearchResult r = w.search().search(SearchQuery.prompt("red").withLimit(10));
            List<Clip> top = r.clips().subList(0, Math.min(5, r.clips().size()));
            assertTrue(top.stream().anyMatch(c -> c.video().equals(footage.resolve("parking-aisle-cars.mp4"))
                    && c.startSeconds() <= 18 && c.endSeconds() >= 15), top.toString());
            assertTrue(top.stream().allMatch(c -> Files.isRegularFile(c.thumbnail())));
        }
    }

    @Test
    void cameraFilterRestricts() throws Exception {
        try (Workspace w = open()) {
            SearchResult b = w.search().search(SearchQuery.prompt("grey").withCameras(Set.of("cam-b")));
            assertFalse(b.clips().isEmpty());
            assertTrue(b.clips().stream().allMatch(c -> c.camera().equals("cam-b") && c.video().equals(dated)), b.clips().toString());
            SearchResult f = w.search().search(SearchQuery.prompt("grey").withCameras(Set.of("footage")));
            assertTrue(f.clips().stream().noneMatch(c -> c.video().equals(dated)));
        }
    }

    @Test
    void timeFilterUsesTheRecordingStartFromTheFileName() throws Exception {
        try (Workspace w = open()) {
            VideoRecord v = WorkspaceInternals.catalog(w).videoByPath(dated).orElseThrow();
            assertEquals("filename", v.recordingStartSource());
            Instant start = v.recordingStart().orElseThrow();
            SearchResult in = w.search().search(SearchQuery.prompt("grey").withTimeRange(start.plusSeconds(4), start.plusSeconds(9)));
            assertFalse(in.clips().isEmpty());
            for (Clip c : in.clips()) {
                assertEquals(dated, c.video());
                assertTrue(c.endSeconds() > 4 && c.startSeconds() < 9, c.toString());
            }
            CliRun cli = CliRun.of("search", "grey", "--from", start.plusSeconds(4).toString(), "--to", start.plusSeconds(9).toString(),
                    "--json", "--data", data.toString());
            assertEquals(0, cli.exitCode(), cli.err());
            JsonNode clips = new ObjectMapper().readTree(cli.out());
            assertTrue(clips.size() > 0);
            clips.forEach(c -> assertEquals(dated.toString(), c.get("video").asText()));
            CliRun badWindow = CliRun.of("search", "grey", "--time-of-day", "late", "--data", data.toString());
            assertEquals(2, badWindow.exitCode());
            assertTrue(badWindow.err().contains("--time-of-day wants HH:MM-HH:MM"), badWindow.err());
            String hour = String.format("%02d", start.atOffset(java.time.ZoneOffset.UTC).getHour());
            CliRun window = CliRun.of("search", "grey", "--time-of-day", hour + ":00-" + hour + ":30", "--json", "--data", data.toString());
            JsonNode inWindow = new ObjectMapper().readTree(window.out());
            assertTrue(inWindow.size() > 0, window.out());
            inWindow.forEach(c -> assertEquals(dated.toString(), c.get("video").asText()));
            SearchResult before = w.search().search(SearchQuery.prompt("grey").withTimeRange(start.minus(Duration.ofDays(1)), start));
            assertTrue(before.clips().isEmpty(), before.clips().toString());
        }
    }

    @Test
    void searchCommandPrintsJson() throws Exception {
        CliRun run = CliRun.of("search", "red", "--json", "--limit", "5", "--data", data.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode clips = new ObjectMapper().readTree(run.out());
        assertTrue(clips.isArray() && clips.size() > 0);
        for (String field : List.of("video", "sha256", "start_s", "end_s", "score", "camera", "thumbnail")) {
            assertTrue(clips.get(0).has(field), field);
        }
        CliRun nothing = CliRun.of("search", "a quokka", "--data", data.toString());
        assertEquals(4, nothing.exitCode());
        assertTrue(nothing.err().contains("colour") || nothing.err().contains("color"), nothing.err());
        // an object class the detector knows is answered by the detections indexed with the starter packs: no dog here
        CliRun dog = CliRun.of("search", "a dog", "--data", data.toString());
        assertEquals(0, dog.exitCode(), dog.err());
        assertTrue(dog.out().startsWith("0 clips"), dog.out());
    }

    @Test
    void reRunningSkipsUnchangedFiles() throws Exception {
        long before;
        try (Workspace w = open()) {
            before = WorkspaceInternals.catalog(w).segmentCount(null);
        }
        CliRun again = CliRun.of("index", footage.toString(), "--data", data.toString());
        assertEquals(0, again.exitCode(), again.out() + again.err());
        assertEquals(FIXTURES.size(), again.out().lines().filter(l -> l.startsWith("unchanged")).count(), again.out());
        try (Workspace w = open()) {
            assertEquals(before, WorkspaceInternals.catalog(w).segmentCount(null));
            CliRun status = CliRun.of("status", "--json", "--data", data.toString());
            JsonNode s = new ObjectMapper().readTree(status.out());
            assertEquals(before, s.get("segments").asLong());
            assertEquals(2, s.get("errors").size());
        }
    }
}
