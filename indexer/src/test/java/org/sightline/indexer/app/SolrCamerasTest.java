package org.sightline.indexer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.indexer.index.FrameFilter;
import org.sightline.indexer.index.solr.SharedSolrCloud;
import org.sightline.indexer.index.solr.SolrLocation;
import org.sightline.indexer.ingest.IngestListener;
import org.sightline.indexer.ingest.IngestRequest;
import org.sightline.indexer.search.ExplainedQuery;
import org.sightline.indexer.search.SearchQuery;
import org.sightline.indexer.testing.ColourTestModel;
import org.sightline.models.testing.SharedData;

/**
 * {@link CamerasTest}'s footage on a SolrCloud data directory beside an embedded-index one: the same clips for "at
 * night" and for a time-of-day window, whatever the cameras' and the workstation's zones, including a clip that
 * starts ten seconds before London's clocks go forward (2024-03-31 00:59:50 UTC); and another workstation's cameras
 * read in the zones it recorded, unless this workstation's camera table names them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SolrCamerasTest {
    private static final LocalTime NIGHT_FROM = LocalTime.of(21, 0);
    private static final LocalTime NIGHT_TO = LocalTime.of(5, 0);

    private Workspace lucene;
    private Workspace solr;
    private Workspace other;

    @BeforeAll
    void index(@TempDir Path tmp) throws Exception {
        Path gate = Files.createDirectories(tmp.resolve("footage/gate"));
        Files.copy(SharedData.footage("tiny-highway-48px-raw.avi"), gate.resolve("20240115_220000.avi"));
        Files.copy(SharedData.footage("street-montage-scene-cuts.mp4"), gate.resolve("20240715_203000.mp4"));
        Files.copy(SharedData.footage("road-traffic-60fps.avi"), gate.resolve("20240331_005950.avi"));
        Path yard = Files.createDirectories(tmp.resolve("footage/yard"));
        Files.copy(SharedData.footage("motorway-cctv-cyclist.avi"), yard.resolve("20240115_030000.avi"));
        // the other workstation's cameras (their recording start is in the files' metadata): pier, indexed while its
        // workstation zone was Sydney, 2018-04-19 22:46 UTC; its own yard, indexed in New York, 2024-02-03 19:52 UTC
        Path pier = Files.createDirectories(tmp.resolve("elsewhere-1/pier"));
        Files.copy(SharedData.footage("parking-aisle-cars.mp4"), pier.resolve("20240115_220000.mp4"));
        Path otherYard = Files.createDirectories(tmp.resolve("elsewhere-2/yard"));
        Files.copy(SharedData.footage("parking-lot-person-bicycle-car.mp4"), otherYard.resolve("20240115_233000.mp4"));

        SolrLocation location = SharedSolrCloud.collection("cameras_test");
        lucene = open(tmp.resolve("data-lucene"), null);
        solr = open(tmp.resolve("data-solr"), location);
        other = open(tmp.resolve("data-other"), location);
        for (Workspace w : List.of(lucene, solr)) {
            w.ingest(IngestRequest.of(List.of(tmp.resolve("footage"))), IngestListener.NONE, () -> false);
        }
        other.cameras().setWorkstationZone(ZoneId.of("Australia/Sydney"));
        other.ingest(IngestRequest.of(List.of(tmp.resolve("elsewhere-1"))), IngestListener.NONE, () -> false);
        other.cameras().setWorkstationZone(ZoneId.of("America/New_York"));
        other.ingest(IngestRequest.of(List.of(tmp.resolve("elsewhere-2"))), IngestListener.NONE, () -> false);
    }

    private static Workspace open(Path data, SolrLocation location) throws Exception {
        DataDirectory dir = new DataDirectory(data);
        if (location != null) {
            dir.create();
            DataDirectorySettings.setIndexStore(dir, location.toString());
        }
        return Workspace.open(dir, ActiveModelSource.of(new ColourTestModel()), PerceptionSource.none());
    }

    @AfterAll
    void close() throws Exception {
        try {
            lucene.close();
        } finally {
            try {
                solr.close();
            } finally {
                other.close();
            }
        }
    }

    /** The clips of a search (every tier: nothing is cut off) as "FILE START-END", sorted. */
    private static Set<String> clips(Workspace w, SearchQuery query) throws Exception {
        Set<String> out = new TreeSet<>();
        w.explainedSearch(ExplainedQuery.of(query.withLimit(1000))).clips().forEach(c -> out.add(
                c.clip().video().getFileName() + " " + Math.round(c.clip().startSeconds()) + "-" + Math.round(c.clip().endSeconds())));
        return out;
    }

    private static Set<String> explainedClips(Workspace w, String prompt) throws Exception {
        return clips(w, SearchQuery.prompt(prompt));
    }

    private static Set<String> files(Set<String> clips) {
        Set<String> out = new TreeSet<>();
        clips.forEach(c -> out.add(c.substring(0, c.indexOf(' '))));
        return out;
    }

    /** Sets the zones on both workstations; a null camera zone leaves the camera's as it is. */
    private void zones(ZoneId workstation, ZoneId gate, ZoneId yard) {
        for (Workspace w : List.of(lucene, solr)) {
            w.cameras().setWorkstationZone(workstation);
            if (gate != null) {
                w.cameras().setZone("gate", gate);
            }
            if (yard != null) {
                w.cameras().setZone("yard", yard);
            }
        }
    }

    private void sameOnBothStores(String what, Set<String> expectedFiles) throws Exception {
        SearchQuery night = SearchQuery.prompt("green").withTimeOfDay(NIGHT_FROM, NIGHT_TO);
        Set<String> onLucene = clips(lucene, night);
        assertEquals(onLucene, clips(solr, night), "--time-of-day 21:00-05:00, " + what);
        assertEquals(expectedFiles, files(onLucene), what);
        assertEquals(explainedClips(lucene, "green at night"), explainedClips(solr, "green at night"), "\"at night\", " + what);
        // London's spring change inside one clip: 00:59:58 GMT, then 02:00:00 BST two seconds later
        for (LocalTime[] w : List.of(new LocalTime[] {LocalTime.of(0, 0), LocalTime.of(1, 0)},
                new LocalTime[] {LocalTime.of(2, 0), LocalTime.of(3, 0)}, new LocalTime[] {LocalTime.of(23, 59), LocalTime.of(1, 0)})) {
            SearchQuery q = SearchQuery.prompt("green").withTimeOfDay(w[0], w[1]);
            assertEquals(clips(lucene, q), clips(solr, q), w[0] + "-" + w[1] + ", " + what);
        }
    }

    @Test
    @Order(1)
    void theSameClipsAsTheEmbeddedIndexInEveryZone() throws Exception {
        Set<String> all = Set.of("20240115_220000.avi", "20240715_203000.mp4", "20240115_030000.avi", "20240331_005950.avi");
        zones(ZoneOffset.UTC, null, null);
        sameOnBothStores("all in UTC", Set.of("20240115_220000.avi", "20240115_030000.avi", "20240331_005950.avi"));
        zones(ZoneId.of("Europe/London"), null, null);
        sameOnBothStores("workstation in London", all);
        zones(ZoneOffset.UTC, ZoneId.of("Europe/London"), null);
        sameOnBothStores("gate in London", all);
        zones(ZoneOffset.UTC, ZoneId.of("America/New_York"), ZoneId.of("Asia/Tokyo"));
        // the spring-change clip starts at 20:59:50 in New York (already on summer time): night after ten seconds
        sameOnBothStores("gate in New York, yard in Tokyo", Set.of("20240331_005950.avi"));
        zones(ZoneId.of("Europe/London"), ZoneId.of("Europe/London"), ZoneOffset.UTC);
        sameOnBothStores("gate and workstation in London, yard in UTC", all);
        // the spring-change clip is split by the change: its first ten seconds are before 01:00 on London's clock
        Set<String> beforeOne = clips(solr, SearchQuery.prompt("green").withTimeOfDay(LocalTime.of(0, 0), LocalTime.of(1, 0)));
        Set<String> afterTwo = clips(solr, SearchQuery.prompt("green").withTimeOfDay(LocalTime.of(2, 0), LocalTime.of(3, 0)));
        assertTrue(files(beforeOne).contains("20240331_005950.avi") && files(afterTwo).contains("20240331_005950.avi"),
                beforeOne + " / " + afterTwo);
        assertFalse(beforeOne.equals(afterTwo));
    }

    @Test
    @Order(2)
    void anotherWorkstationsCamerasAreReadInTheZonesItRecorded() throws Exception {
        zones(ZoneOffset.UTC, ZoneOffset.UTC, ZoneId.of("Asia/Tokyo"));
        // the pier (22:46 UTC, night in UTC, this workstation's zone) is read in Sydney, where it recorded: 08:46; both
        // yards are read in this workstation's yard zone, Tokyo: its own at 12:00, the other's at 04:52 (night)
        assertEquals(Set.of("20240115_220000.avi", "20240331_005950.avi", "20240115_233000.mp4"), archiveAtNight());
        // the yard in UTC here: its own at 03:00 (night), the other's at 19:52
        solr.cameras().setZone("yard", ZoneOffset.UTC);
        assertEquals(Set.of("20240115_220000.avi", "20240331_005950.avi", "20240115_030000.avi"), archiveAtNight());
        // a zone set over there takes effect here once the other workstation indexes again: recorded, not read live
        other.cameras().setZone("pier", ZoneOffset.UTC);
        assertFalse(archiveAtNight().contains("20240115_220000.mp4"));
    }

    /** The files of the whole archive with frames at night, as this workstation reads each camera's clock. */
    private Set<String> archiveAtNight() throws Exception {
        ColourTestModel model = new ColourTestModel();
        FrameFilter night = new FrameFilter(model.id().asString(), Set.of(), null, null, NIGHT_FROM, NIGHT_TO, Set.of(),
                solr.cameras().zones());
        Set<String> out = new TreeSet<>();
        WorkspaceInternals.index(solr).searchArchive(model.embedText("green"), 10_000, night)
                .forEach(h -> out.add(h.file().fileName()));
        return out;
    }
}
