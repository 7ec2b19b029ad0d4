package org.sightline.indexer.index.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.indexer.index.ArchiveHit;
import org.sightline.indexer.index.CameraZones;
import org.sightline.indexer.index.FrameFilter;
import org.sightline.indexer.index.FrameHit;
import org.sightline.indexer.index.IndexedFrame;
import org.sightline.indexer.index.SegmentIndex;
import org.sightline.indexer.index.VideoVectors;
import org.sightline.indexer.index.Vectors;

/**
 * Time-of-day windows on the SolrCloud store read on each camera's clock in its zone, exactly as the embedded index:
 * the same frames, around both daylight-saving changes of London and New York, in windows across midnight and over
 * the repeated and skipped hours, give the same hits on a real two-node SolrCloud as on the embedded Lucene index and
 * as {@link CameraZones#inWindow} frame by frame; another workstation's camera is read in the zone recorded with it
 * unless this workstation's camera table names it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SolrTimeOfDayTest {
    private static final String MODEL = "tod@1#abc";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    /** The first instants of two-day stretches around each daylight-saving change of 2024 (London and New York). */
    private static final List<Instant> STRETCHES = List.of(Instant.parse("2024-03-30T00:00:00Z"), Instant.parse("2024-10-26T00:00:00Z"),
            Instant.parse("2024-03-09T12:00:00Z"), Instant.parse("2024-11-02T12:00:00Z"));
    private static final float[] QUERY = Vectors.normalise(new float[] {1, 1, 1});
    private static final List<LocalTime[]> WINDOWS = List.of(
            new LocalTime[] {LocalTime.of(21, 0), LocalTime.of(5, 0)},     // "at night": across midnight
            new LocalTime[] {LocalTime.of(1, 0), LocalTime.of(2, 0)},      // the repeated hour (autumn), skipped (spring)
            new LocalTime[] {LocalTime.of(23, 30), LocalTime.of(0, 30)},   // a short one across midnight
            new LocalTime[] {LocalTime.of(6, 0), LocalTime.of(12, 0)},     // "in the morning"
            new LocalTime[] {LocalTime.NOON, LocalTime.NOON});             // empty, as on the embedded index

    private final List<Frame> local = new ArrayList<>();
    private final List<Frame> remote = new ArrayList<>();
    private SolrLocation location;
    private SegmentIndex lucene;
    private SolrIndexStore here;
    private SolrIndexStore there;

    /** A written frame: its content id, camera, absolute time, writer and the zone recorded with it (null for none). */
    private record Frame(String sha, long offsetMs, String camera, Instant at, String workstation, ZoneId recorded) {
        String key() {
            return sha + "@" + offsetMs;
        }
    }

    @BeforeAll
    void write(@TempDir Path tmp) throws Exception {
        location = SharedSolrCloud.collection("time_of_day_test");
        lucene = SegmentIndex.open(tmp.resolve("lucene"));
        here = SolrIndexStore.open(location, "ws-here", tmp.resolve("here.lock"));
        there = SolrIndexStore.open(location, "ws-there", tmp.resolve("there.lock"));
        // this workstation records Tokyo for its cameras: searching here must ignore that and use its table now
        here.recordZonesFrom(() -> new CameraZones(Map.of(), TOKYO));
        // the other: pier in Sydney, quay in its own workstation zone (New York)
        there.recordZonesFrom(() -> new CameraZones(Map.of("pier", SYDNEY), NEW_YORK));
        long video = 1;
        for (String camera : List.of("gate", "yard")) {
            for (Instant start : STRETCHES) {
                VideoVectors v = video(video++, camera, start);
                lucene.replaceVideo(v);
                here.replaceVideo(v);
                v.frames().forEach(f -> local.add(new Frame(v.sha256(), Math.round(f.offsetSeconds() * 1000), camera,
                        start.plusMillis(Math.round(f.offsetSeconds() * 1000)), "ws-here", TOKYO)));
            }
        }
        lucene.refresh();
        for (String camera : List.of("pier", "quay")) {
            for (Instant start : STRETCHES) {
                VideoVectors v = video(video++, camera, start);
                there.replaceVideo(v);
                ZoneId recorded = camera.equals("pier") ? SYDNEY : NEW_YORK;
                v.frames().forEach(f -> remote.add(new Frame(v.sha256(), Math.round(f.offsetSeconds() * 1000), camera,
                        start.plusMillis(Math.round(f.offsetSeconds() * 1000)), "ws-there", recorded)));
            }
        }
        // a third workstation that records no zone (an older Sightline): read in the searching workstation's zone
        try (SolrIndexStore old = SolrIndexStore.open(location, "ws-old", tmp.resolve("old.lock"))) {
            VideoVectors v = video(video, "shed", STRETCHES.getFirst());
            old.replaceVideo(v);
            v.frames().forEach(f -> remote.add(new Frame(v.sha256(), Math.round(f.offsetSeconds() * 1000), "shed",
                    STRETCHES.getFirst().plusMillis(Math.round(f.offsetSeconds() * 1000)), "ws-old", null)));
        }
    }

    @AfterAll
    void close() throws Exception {
        try {
            lucene.close();
        } finally {
            try {
                here.close();
            } finally {
                there.close();
            }
        }
    }

    /**
     * Frames every 20 minutes and 7 seconds for two days, plus frames on and a second either side of each change's
     * instant (01:00 UTC in London, 07:00 and 06:00 UTC in New York), and 04:30 UTC on the days around London's spring
     * change.
     */
    private static VideoVectors video(long id, String camera, Instant start) {
        List<Long> offsets = new ArrayList<>();
        for (long s = 0; s < 48 * 3600; s += 1207) {
            offsets.add(s * 1000);
        }
        for (String morning : List.of("2024-03-30T04:30:00Z", "2024-03-31T04:30:00Z")) {
            offsets.add(Instant.parse(morning).toEpochMilli() - start.toEpochMilli());
        }
        offsets.removeIf(ms -> ms < 0 || ms >= 48 * 3600_000L);
        for (String change : List.of("2024-03-31T01:00:00Z", "2024-10-27T01:00:00Z", "2024-03-10T07:00:00Z", "2024-11-03T06:00:00Z")) {
            long at = Instant.parse(change).toEpochMilli() - start.toEpochMilli();
            for (long d : List.of(-1000L, -1L, 0L, 500L, 1000L)) {
                if (at + d >= 0 && at + d < 48 * 3600_000L) {
                    offsets.add(at + d);
                }
            }
        }
        List<IndexedFrame> frames = new ArrayList<>();
        for (long ms : new TreeSet<>(offsets)) {
            frames.add(new IndexedFrame(id, ms / 1000.0, Vectors.normalise(new float[] {1 + (ms % 7), 1, 2})));
        }
        return new VideoVectors(id, MODEL, "sha-" + camera + "-" + id, 1, camera, Optional.of(start), frames);
    }

    private static FrameFilter window(LocalTime[] w, CameraZones zones) {
        return new FrameFilter(MODEL, Set.of(), null, null, w[0], w[1], Set.of(), zones);
    }

    private static Set<String> expected(List<Frame> frames, LocalTime[] w, CameraZones zones, String searcher) {
        Set<String> out = new TreeSet<>();
        for (Frame f : frames) {
            ZoneId zone = zones.byCamera().containsKey(f.camera()) || f.workstation().equals(searcher) || f.recorded() == null
                    ? zones.zoneOf(f.camera()) : f.recorded();
            if (CameraZones.inWindow(f.at(), zone, w[0], w[1])) {
                out.add(f.key());
            }
        }
        return out;
    }

    private Set<String> ownOnSolr(FrameFilter filter) throws Exception {
        Set<String> out = new TreeSet<>();
        for (FrameHit h : here.search(QUERY, 10_000, filter)) {
            out.add("sha-" + (h.videoId() <= STRETCHES.size() ? "gate" : "yard") + "-" + h.videoId() + "@" + Math.round(h.offsetSeconds() * 1000));
        }
        return out;
    }

    private Set<String> ownOnLucene(FrameFilter filter) throws Exception {
        Set<String> out = new TreeSet<>();
        for (FrameHit h : lucene.search(QUERY, 10_000, filter)) {
            out.add("sha-" + (h.videoId() <= STRETCHES.size() ? "gate" : "yard") + "-" + h.videoId() + "@" + Math.round(h.offsetSeconds() * 1000));
        }
        return out;
    }

    private Set<String> archive(FrameFilter filter) throws Exception {
        Set<String> out = new TreeSet<>();
        for (ArchiveHit h : here.searchArchive(QUERY, 10_000, filter)) {
            out.add(h.sha256() + "@" + Math.round(h.offsetSeconds() * 1000));
        }
        return out;
    }

    @Test
    void ownFramesMatchTheEmbeddedIndexInEveryZoneAndWindow() throws Exception {
        List<CameraZones> tables = List.of(CameraZones.UTC,
                new CameraZones(Map.of("gate", LONDON, "yard", NEW_YORK), ZoneOffset.UTC),
                new CameraZones(Map.of("yard", NEW_YORK), LONDON),
                new CameraZones(Map.of("gate", TOKYO), NEW_YORK));
        for (CameraZones zones : tables) {
            for (LocalTime[] w : WINDOWS) {
                FrameFilter filter = window(w, zones);
                Set<String> want = expected(local, w, zones, "ws-here");
                String what = w[0] + ".." + w[1] + " " + zones;
                assertEquals(want, ownOnLucene(filter), "embedded index, " + what);
                assertEquals(want, ownOnSolr(filter), "SolrCloud, " + what);
            }
        }
        // the windows tell the changes apart: London's night at 04:30 UTC holds the frames of 30 March, not of 31 March
        Set<String> night = ownOnSolr(window(WINDOWS.getFirst(), new CameraZones(Map.of(), LONDON)));
        assertFalse(night.isEmpty());
        assertFalse(night.equals(ownOnSolr(window(WINDOWS.getFirst(), CameraZones.UTC))), "the zone must make a difference");
        String summerMorning = "sha-gate-1@" + (Instant.parse("2024-03-31T04:30:00Z").toEpochMilli() - STRETCHES.getFirst().toEpochMilli());
        String winterMorning = "sha-gate-1@" + (Instant.parse("2024-03-30T04:30:00Z").toEpochMilli() - STRETCHES.getFirst().toEpochMilli());
        assertTrue(local.stream().anyMatch(f -> f.key().equals(summerMorning)) && local.stream().anyMatch(f -> f.key().equals(winterMorning)),
                "the fixture holds frames at 04:30 UTC on both days");
        assertTrue(night.contains(winterMorning), "04:30 GMT is night");
        assertFalse(night.contains(summerMorning), "05:30 BST is morning");
    }

    @Test
    void anotherWorkstationsCamerasAreReadInTheirRecordedZoneUnlessNamedHere() throws Exception {
        List<Frame> all = new ArrayList<>(local);
        all.addAll(remote);
        List<CameraZones> tables = List.of(new CameraZones(Map.of(), ZoneOffset.UTC),
                new CameraZones(Map.of("gate", LONDON), TOKYO),
                new CameraZones(Map.of("pier", LONDON), ZoneOffset.UTC)); // a camera this workstation names: its table wins
        for (CameraZones zones : tables) {
            for (LocalTime[] w : WINDOWS) {
                assertEquals(expected(all, w, zones, "ws-here"), archive(window(w, zones)), "archive, " + w[0] + ".." + w[1] + " " + zones);
            }
        }
        // the recorded zones matter: read in UTC, the remote frames would give another answer
        LocalTime[] night = WINDOWS.getFirst();
        List<Frame> remoteAsIfUtc = remote.stream().map(f -> new Frame(f.sha(), f.offsetMs(), f.camera(), f.at(), "ws-here", null)).toList();
        assertTrue(!expected(remote, night, CameraZones.UTC, "ws-here").equals(expected(remoteAsIfUtc, night, CameraZones.UTC, "ws-here")));
    }

    @Test
    void aTimeRangeNarrowsThePeriodsAndStaysExact() throws Exception {
        CameraZones zones = new CameraZones(Map.of("gate", LONDON), NEW_YORK);
        Instant from = Instant.parse("2024-10-26T20:00:00Z");
        Instant to = Instant.parse("2024-10-27T03:00:00Z");
        for (LocalTime[] w : WINDOWS) {
            FrameFilter filter = new FrameFilter(MODEL, Set.of(), from, to, w[0], w[1], Set.of(), zones);
            List<Frame> inRange = local.stream().filter(f -> !f.at().isBefore(from) && f.at().isBefore(to)).toList();
            assertEquals(expected(inRange, w, zones, "ws-here"), ownOnSolr(filter));
            assertEquals(ownOnLucene(filter), ownOnSolr(filter));
        }
    }

    @Test
    void aCollectionSetUpBeforeZonesNamesTheUpgrade(@TempDir Path tmp) throws Exception {
        // a configset whose schema lacks the zone field, as an older Sightline uploaded it
        String schema;
        try (var in = SolrCollections.class.getResourceAsStream("configset/schema.xml")) {
            schema = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String old = schema.replaceAll("(?m)^.*<field name=\"zone\".*$", "");
        assertFalse(old.equals(schema));
        var bytes = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(bytes)) {
            for (String name : SolrCollections.CONFIGSET_FILES) {
                zip.putNextEntry(new java.util.zip.ZipEntry(name));
                if (name.equals("schema.xml")) {
                    zip.write(old.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                } else {
                    try (var in = SolrCollections.class.getResourceAsStream("configset/" + name)) {
                        in.transferTo(zip);
                    }
                }
                zip.closeEntry();
            }
        }
        SolrLocation before = SolrLocation.of(SharedSolrCloud.get().zkHost(), "before_zones");
        try (SolrHttp http = new SolrHttp(before.zkHost(), Optional.empty())) {
            http.postBytes("/admin/configs?action=UPLOAD&overwrite=true&name=sightline_before_zones", "application/octet-stream",
                    bytes.toByteArray());
            http.get("/admin/collections?action=CREATE&name=before_zones&numShards=1&replicationFactor=1"
                    + "&collection.configName=sightline_before_zones&waitForFinalState=true");
        }
        try (SolrIndexStore s = SolrIndexStore.open(before, "ws-old", tmp.resolve("before.lock"))) {
            assertEquals(0, s.search(QUERY, 10, FrameFilter.model(MODEL)).size(), "searches without a time of day still work");
            SolrStoreException e = org.junit.jupiter.api.Assertions.assertThrows(SolrStoreException.class,
                    () -> s.search(QUERY, 10, window(WINDOWS.getFirst(), CameraZones.UTC)));
            assertTrue(e.getMessage().contains("sightline solr upgrade --zk " + before.zkHost() + " --collection before_zones"),
                    e.getMessage());
            s.recordZonesFrom(() -> CameraZones.UTC);
            e = org.junit.jupiter.api.Assertions.assertThrows(SolrStoreException.class,
                    () -> s.replaceVideo(video(99, "gate", STRETCHES.getFirst())));
            assertTrue(e.getMessage().contains("sightline solr upgrade"), e.getMessage());
        }
    }

    @Test
    void periodsOfConstantOffsetCoverTheSpan() {
        List<SolrTimeOfDayFilter.Period> periods = SolrTimeOfDayFilter.periods(LONDON,
                Instant.parse("2024-01-01T00:00:00Z").toEpochMilli(), Instant.parse("2024-12-31T00:00:00Z").toEpochMilli());
        assertEquals(List.of(new SolrTimeOfDayFilter.Period(null, Instant.parse("2024-03-31T01:00:00Z").toEpochMilli(), 0),
                new SolrTimeOfDayFilter.Period(Instant.parse("2024-03-31T01:00:00Z").toEpochMilli(),
                        Instant.parse("2024-10-27T01:00:00Z").toEpochMilli(), 3600),
                new SolrTimeOfDayFilter.Period(Instant.parse("2024-10-27T01:00:00Z").toEpochMilli(), null, 0)), periods);
        assertEquals(List.of(new SolrTimeOfDayFilter.Period(null, null, 9 * 3600)), SolrTimeOfDayFilter.periods(TOKYO, 0, 1));
        // 21:00-05:00 local at UTC+1 is 20:00-04:00 UTC
        List<int[]> ranges = SolrTimeOfDayFilter.utcRanges(LocalTime.of(21, 0), LocalTime.of(5, 0), 3600);
        assertEquals(List.of("0-14400", "72000-86400"), ranges.stream().map(r -> r[0] + "-" + r[1]).toList());
        assertTrue(SolrTimeOfDayFilter.utcRanges(LocalTime.NOON, LocalTime.NOON, 0).isEmpty());
    }
}
