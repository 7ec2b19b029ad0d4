package org.sightline.indexer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.indexer.app.DataDirectory;
import org.sightline.indexer.catalog.Catalog;
import org.sightline.indexer.footage.VideoInfo;
import org.sightline.indexer.footage.WorkstationZone;
import org.sightline.models.integrity.Sha256;
import org.sightline.models.testing.SharedData;

/** {@code sightline camera list|set} on a data directory whose catalog holds one video from camera "gate". */
class CameraCommandTest {
    @TempDir
    Path tmp;

    @Test
    void listNameAndZoneACamera() throws Exception {
        DataDirectory dir = new DataDirectory(tmp.resolve("data"));
        dir.create();
        Path aisle = SharedData.footage("parking-aisle-cars.mp4");
        try (Catalog catalog = Catalog.open(dir.catalogFile())) {
            long id = catalog.registerVideo(aisle, Sha256.of(aisle), 1, 1, "gate", null);
            catalog.recordProbe(id, new VideoInfo(aisle, "mp4", "h264", 640, 360, 25, 30,
                    Optional.of(Instant.parse("2024-07-15T20:30:00Z")), "filename"));
        }
        String data = dir.root().toString();

        CliRun listed = CliRun.of("camera", "list", "--data", data);
        assertEquals(0, listed.exitCode(), listed.err());
        assertTrue(listed.out().contains("gate") && listed.out().contains(
                WorkstationZone.name(ZoneId.systemDefault()) + " (workstation zone, from the operating system)"), listed.out());

        CliRun set = CliRun.of("camera", "set", "gate", "--name", "Front gate", "--zone", "europe/london", "--data", data);
        assertEquals(0, set.exitCode(), set.err());
        assertTrue(set.out().contains("name \"Front gate\", zone Europe/London"), set.out());

        CliRun unknown = CliRun.of("camera", "set", "Front gate", "--zone", "Europe/Londn", "--data", data);
        assertEquals(1, unknown.exitCode());
        assertTrue(unknown.err().contains("unknown time zone \"Europe/Londn\"") && unknown.err().contains("Europe/London"), unknown.err());

        CliRun json = CliRun.of("camera", "list", "--json", "--data", data);
        assertEquals(0, json.exitCode(), json.err());
        assertTrue(json.out().contains("\"name\" : \"Front gate\"") && json.out().contains("\"zone\" : \"Europe/London\"")
                && json.out().contains("\"zoneAssumed\" : false") && json.out().contains("\"videos\" : 1"), json.out());

        assertEquals(0, CliRun.of("case", "create", "--data", data, "--name", "Gate", "--reference", "G-1").exitCode());
        assertEquals(0, CliRun.of("case", "add", "G-1", "--data", data, "--video", aisle.toString(), "--hit", "16").exitCode());
        CliRun shown = CliRun.of("case", "show", "G-1", "--data", data);
        assertTrue(shown.out().contains("hit on the wall clock: 2024-07-15 21:30:16 Europe/London (UTC+01:00), "
                + "2024-07-15 20:30:16 UTC, time from file name"), shown.out());
        CliRun shownJson = CliRun.of("case", "show", "G-1", "--json", "--data", data);
        assertTrue(shownJson.out().contains("\"zone\" : \"Europe/London\"") && shownJson.out().contains("\"timeSource\" : \"file name\""),
                shownJson.out());

        CliRun audit = CliRun.of("audit", "show", "--data", data);
        assertTrue(audit.out().contains("camera-change"), audit.out() + audit.err());
    }

    @Test
    void configSetsAndShowsTheWorkstationZone() throws Exception {
        DataDirectory dir = new DataDirectory(tmp.resolve("zone-data"));
        dir.create();
        Path aisle = SharedData.footage("parking-aisle-cars.mp4");
        try (Catalog catalog = Catalog.open(dir.catalogFile())) {
            long id = catalog.registerVideo(aisle, Sha256.of(aisle), 1, 1, "gate", null);
            catalog.recordProbe(id, new VideoInfo(aisle, "mp4", "h264", 640, 360, 25, 30,
                    Optional.of(Instant.parse("2024-07-15T20:30:00Z")), "filename"));
        }
        String data = dir.root().toString();

        CliRun before = CliRun.of("config", "get", "time.zone", "--data", data);
        assertEquals(0, before.exitCode(), before.err());
        assertEquals(WorkstationZone.name(ZoneId.systemDefault()) + " (workstation zone, from the operating system)",
                before.out().strip());

        CliRun set = CliRun.of("config", "set", "time.zone", "europe/london", "--data", data);
        assertEquals(0, set.exitCode(), set.err());
        assertEquals("time.zone = Europe/London (workstation zone, from the workstation setting)", set.out().strip());
        assertEquals("Europe/London (workstation zone, from the workstation setting)",
                CliRun.of("config", "get", "time.zone", "--data", data).out().strip());

        CliRun unknown = CliRun.of("config", "set", "time.zone", "Europe/Londn", "--data", data);
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("unknown time zone \"Europe/Londn\"") && unknown.err().contains("Europe/London"),
                unknown.err());

        // the camera has no zone of its own: it follows the workstation zone, and says so
        CliRun listed = CliRun.of("camera", "list", "--data", data);
        assertTrue(listed.out().contains("Europe/London (workstation zone, from the workstation setting)"), listed.out());
        assertEquals(0, CliRun.of("case", "create", "--data", data, "--name", "Gate", "--reference", "G-1").exitCode());
        assertEquals(0, CliRun.of("case", "add", "G-1", "--data", data, "--video", aisle.toString(), "--hit", "16").exitCode());
        CliRun shown = CliRun.of("case", "show", "G-1", "--data", data);
        assertTrue(shown.out().contains("hit on the wall clock: 2024-07-15 21:30:16 Europe/London (UTC+01:00), "
                + "workstation zone, from the workstation setting, 2024-07-15 20:30:16 UTC, time from file name"), shown.out());

        CliRun shownJson = CliRun.of("case", "show", "G-1", "--json", "--data", data);
        assertTrue(shownJson.out().contains("\"zoneSource\" : \"workstation setting\""), shownJson.out());

        // clearing it goes back to the operating system's zone; both changes are in the audit trail
        assertEquals(0, CliRun.of("config", "set", "time.zone", "", "--data", data).exitCode());
        assertTrue(CliRun.of("config", "get", "time.zone", "--data", data).out().contains("from the operating system"));
        CliRun audit = CliRun.of("audit", "show", "--data", data);
        assertEquals(2, audit.out().lines().filter(l -> l.contains("workstation-zone")).count(), audit.out());
    }
}
