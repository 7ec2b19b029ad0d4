package org.sightline.indexer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.indexer.audit.AuditEntry;
import org.sightline.indexer.catalog.VideoRecord;
import org.sightline.indexer.footage.ZoneSource;
import org.sightline.indexer.ingest.IngestListener;
import org.sightline.indexer.ingest.IngestRequest;
import org.sightline.indexer.index.FrameFilter;
import org.sightline.indexer.index.FrameHit;
import org.sightline.indexer.search.ExplainedQuery;
import org.sightline.indexer.search.SearchQuery;
import org.sightline.indexer.testing.ColourTestModel;
import org.sightline.models.testing.SharedData;

/**
 * Cameras with names and zones, on real footage whose recording start is in its file name (read as UTC):
 * camera {@code gate} has a clip starting 2024-01-15 22:00 UTC (winter) and one starting 2024-07-15 20:30 UTC (summer,
 * 21:30 in London under daylight saving); camera {@code yard} has one starting 2024-01-15 03:00 UTC.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CamerasTest {
    private static final LocalTime NIGHT_FROM = LocalTime.of(21, 0);
    private static final LocalTime NIGHT_TO = LocalTime.of(5, 0);

    private Path tmp;
    private Path winter;
    private Path summer;
    private Path yard;

    @BeforeAll
    void footage(@TempDir Path dir) throws Exception {
        tmp = dir;
        Path gate = Files.createDirectories(tmp.resolve("footage/gate"));
        winter = Files.copy(SharedData.footage("tiny-highway-48px-raw.avi"), gate.resolve("20240115_220000.avi"));
        summer = Files.copy(SharedData.footage("street-montage-scene-cuts.mp4"), gate.resolve("20240715_203000.mp4"));
        Path yardDir = Files.createDirectories(tmp.resolve("footage/yard"));
        yard = Files.copy(SharedData.footage("motorway-cctv-cyclist.avi"), yardDir.resolve("20240115_030000.avi"));
    }

    private Workspace indexed(Path data) throws Exception {
        Workspace w = Workspace.open(new DataDirectory(data), ActiveModelSource.of(new ColourTestModel()), PerceptionSource.none());
        w.ingest(IngestRequest.of(List.of(tmp.resolve("footage"))), IngestListener.NONE, () -> false);
        for (VideoRecord v : WorkspaceInternals.catalog(w).videos()) {
            assertEquals("filename", v.recordingStartSource(), v.path() + " should take its start from its name");
        }
        return w;
    }

    /** The videos with frames the index returns for a night-time window, with each camera's zone. */
    private static Set<Path> atNight(Workspace w) throws Exception {
        ColourTestModel model = new ColourTestModel();
        FrameFilter night = new FrameFilter(model.id().asString(), Set.of(), null, null, NIGHT_FROM, NIGHT_TO, Set.of(),
                w.cameras().zones());
        Set<Path> out = new HashSet<>();
        for (FrameHit h : WorkspaceInternals.index(w).search(model.embedText("green"), 10_000, night)) {
            out.add(WorkspaceInternals.catalog(w).video(h.videoId()).orElseThrow().path());
        }
        return out;
    }

    @Test
    void eachCameraTellsTimeOfDayInItsOwnZone(@TempDir Path data) throws Exception {
        try (Workspace w = indexed(data)) {
            Cameras cameras = w.cameras();
            assertEquals(List.of("gate", "yard"), cameras.list().stream().map(Cameras.Camera::key).toList());
            assertTrue(cameras.list().stream().allMatch(c -> c.zoneSource() == ZoneSource.OPERATING_SYSTEM
                    && c.zone().equals(ZoneId.systemDefault())), cameras.list().toString());

            // the workstation zone set to UTC: 22:00 and 03:00 are night, 20:30 is not
            cameras.setWorkstationZone(ZoneOffset.UTC);
            assertTrue(cameras.list().stream().allMatch(c -> c.zoneSource() == ZoneSource.WORKSTATION && c.zone().equals(ZoneOffset.UTC)));
            assertEquals(Set.of(winter.toRealPath(), yard.toRealPath()), realPaths(atNight(w)));

            // London: 22:00 GMT in winter and 21:30 BST in summer are both night
            cameras.setZone("gate", ZoneId.of("Europe/London"));
            assertEquals(Set.of(winter.toRealPath(), summer.toRealPath(), yard.toRealPath()), realPaths(atNight(w)));

            // New York: 17:00 EST and 16:30 EDT are afternoon; the yard camera (UTC) is unchanged
            cameras.setZone("gate", ZoneId.of("America/New_York"));
            assertEquals(Set.of(yard.toRealPath()), realPaths(atNight(w)));
            // and yard in New York: 03:00 UTC is 22:00 the evening before, still night
            cameras.setZone("yard", ZoneId.of("America/New_York"));
            assertEquals(Set.of(yard.toRealPath()), realPaths(atNight(w)));
            cameras.setZone("yard", ZoneId.of("Asia/Tokyo")); // 12:00 there
            assertEquals(Set.of(), realPaths(atNight(w)));

            // a moment of the summer clip, on the gate's clock in London with its zone, offset and source
            cameras.setZone("gate", ZoneId.of("Europe/London"));
            long summerId = WorkspaceInternals.catalog(w).videos().stream().filter(v -> v.path().endsWith("20240715_203000.mp4"))
                    .findFirst().orElseThrow().id();
            assertEquals("2024-07-15 21:30:02 Europe/London (UTC+01:00), 2024-07-15 20:30:02 UTC, time from file name",
                    cameras.wallClock(summerId, 2.0).orElseThrow().describe());

            // the prompt's own time words use the zones too, and a camera's name works as a filter
            cameras.setZone("gate", ZoneId.of("Europe/London"));
            cameras.rename("gate", "Front gate");
            var explained = w.explainedSearch(ExplainedQuery.of(SearchQuery.prompt("green at night")
                    .withCameras(Set.of("Front gate")).withLimit(100)));
            assertEquals(Set.of(winter.toRealPath(), summer.toRealPath()),
                    realPaths(Set.copyOf(explained.clips().stream().map(c -> c.clip().video()).toList())));
            String why = explained.clips().getFirst().why().toString();
            assertTrue(why.contains("camera gate in Europe/London, camera yard in Asia/Tokyo, other cameras in UTC "
                    + "(no zone set: workstation zone, from the workstation setting)"), why);
        }
    }

    @Test
    void aCameraWithoutAZoneFollowsTheWorkstationZone(@TempDir Path data) throws Exception {
        try (Workspace w = indexed(data)) {
            Cameras cameras = w.cameras();
            cameras.setZone("yard", ZoneOffset.UTC);
            cameras.setWorkstationZone(ZoneOffset.UTC);
            assertEquals(Set.of(winter.toRealPath(), yard.toRealPath()), realPaths(atNight(w)));

            // in London, the gate's summer clip (20:30 UTC, 21:30 BST) is night too; the yard keeps its own zone
            cameras.setWorkstationZone(ZoneId.of("Europe/London"));
            assertEquals(Set.of(winter.toRealPath(), summer.toRealPath(), yard.toRealPath()), realPaths(atNight(w)));
            Cameras.Camera gate = cameras.find("gate").orElseThrow();
            assertEquals("Europe/London (workstation zone, from the workstation setting)", gate.zoneLabel());
            assertEquals("UTC", cameras.find("yard").orElseThrow().zoneLabel());
            long summerId = WorkspaceInternals.catalog(w).videos().stream().filter(v -> v.path().endsWith("20240715_203000.mp4"))
                    .findFirst().orElseThrow().id();
            assertEquals("2024-07-15 21:30:02 Europe/London (UTC+01:00), workstation zone, from the workstation setting, "
                    + "2024-07-15 20:30:02 UTC, time from file name", cameras.wallClock(summerId, 2.0).orElseThrow().describe());

            // the prompt's "at night" reads the gate in the workstation zone as well
            var explained = w.explainedSearch(ExplainedQuery.of(SearchQuery.prompt("green at night").withLimit(100)));
            assertEquals(Set.of(winter.toRealPath(), summer.toRealPath(), yard.toRealPath()),
                    realPaths(Set.copyOf(explained.clips().stream().map(c -> c.clip().video()).toList())));

            // cleared: the operating system's zone, said so
            cameras.setWorkstationZone(null);
            assertEquals(ZoneSource.OPERATING_SYSTEM, cameras.find("gate").orElseThrow().zoneSource());
            assertEquals(ZoneId.systemDefault(), cameras.workstationZone().zone());

            List<AuditEntry> changes = w.evidence().audit().entries().stream().filter(e -> e.action().equals("workstation-zone")).toList();
            assertEquals(3, changes.size());
            assertTrue(changes.get(1).details().contains("\"zoneBefore\":\"UTC\"")
                    && changes.get(1).details().contains("\"zone\":\"Europe/London\""), changes.get(1).details());
            assertTrue(w.evidence().audit().verify().intact());
        }
    }

    @Test
    void renamesAndZonesAreKeptAndAudited(@TempDir Path data) throws Exception {
        try (Workspace w = indexed(data)) {
            Cameras.Camera gate = w.cameras().set("gate", "Front gate", ZoneId.of("Europe/London"));
            assertEquals("Front gate", gate.name());
            assertEquals("Europe/London", gate.zoneLabel());
            assertEquals(2, gate.videos());
            assertEquals("gate", w.cameras().find("front gate").orElseThrow().key());
            assertThrows(IllegalArgumentException.class, () -> w.cameras().rename("no-such-camera", "x"));
            assertThrows(IllegalArgumentException.class, () -> w.cameras().rename("gate", " "));
        }
        try (CaseEvidence again = CaseEvidence.open(new DataDirectory(data))) {
            Cameras.Camera gate = again.cameras().find("gate").orElseThrow();
            assertEquals("Front gate", gate.name());
            assertEquals(ZoneId.of("Europe/London"), gate.zone());
            List<AuditEntry> changes = again.audit().entries().stream().filter(e -> e.action().equals("camera-change")).toList();
            assertEquals(1, changes.size());
            assertTrue(changes.getFirst().details().contains("\"zone\":\"Europe/London\""), changes.getFirst().details());
            assertTrue(changes.getFirst().details().contains("\"nameBefore\":\"gate\""), changes.getFirst().details());
            assertTrue(again.audit().verify().intact());
        }
    }

    @Test
    void anUnknownZoneIsRefusedWithCloseMatches() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Cameras.zone("Europe/Londn"));
        assertTrue(e.getMessage().contains("Europe/London"), e.getMessage());
        assertEquals(ZoneId.of("America/New_York"), Cameras.zone("america/new_york"));
        assertEquals(ZoneOffset.UTC, Cameras.zone("UTC"));
    }

    private static Set<Path> realPaths(Set<Path> paths) throws Exception {
        java.util.Set<Path> out = new java.util.HashSet<>();
        for (Path p : paths) {
            out.add(p.toRealPath());
        }
        return out;
    }
}
