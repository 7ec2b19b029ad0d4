package org.sightline.indexer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.indexer.catalog.VideoRecord;
import org.sightline.indexer.index.FrameFilter;
import org.sightline.indexer.index.solr.SharedSolrCloud;
import org.sightline.indexer.index.solr.SolrCloudProcess;
import org.sightline.indexer.index.solr.SolrIndexStore;
import org.sightline.indexer.index.solr.SolrLocation;
import org.sightline.indexer.ingest.FileOutcome;
import org.sightline.indexer.ingest.IngestListener;
import org.sightline.indexer.ingest.IngestReport;
import org.sightline.indexer.ingest.IngestRequest;
import org.sightline.indexer.search.SearchQuery;
import org.sightline.models.store.ModelStore;
import org.sightline.models.testing.SharedData;

/**
 * Two workstations (data directories) and a two-node SolrCloud (replication factor 2) as one archive, on real
 * footage: each indexes its own files and finds the other's, a rerun adds nothing, and a node stopped while indexing
 * and while searching costs no document and no search.
 */
class TeamArchiveTest {
    @TempDir
    Path tmp;

    private static Workspace open(Path data, SolrLocation location) throws Exception {
        DataDirectory dir = new DataDirectory(data);
        new ModelStore(dir.modelsDir()).installDemo();
        DataDirectorySettings.setIndexStore(dir, location.toString());
        return Workspace.open(dir);
    }

    private static SolrIndexStore store(Workspace w) {
        return (SolrIndexStore) WorkspaceInternals.index(w);
    }

    private static IngestReport index(Workspace w, String... files) throws Exception {
        List<Path> paths = new ArrayList<>();
        for (String f : files) {
            paths.add(SharedData.footage(f));
        }
        return w.ingest(IngestRequest.of(paths), IngestListener.NONE, () -> false);
    }

    private static Set<String> shasFound(Workspace w) throws Exception {
        String model = w.activeModel().id().asString();
        Set<String> shas = new HashSet<>();
        for (String prompt : List.of("grey", "white", "black", "green", "blue", "red")) {
            store(w).searchArchive(w.activeModel().embedText(prompt), 1000, FrameFilter.model(model)).forEach(h -> shas.add(h.sha256()));
        }
        return shas;
    }

    private static List<byte[]> thumbnailsOf(DataDirectory dir) throws Exception {
        List<byte[]> out = new ArrayList<>();
        try (var files = java.nio.file.Files.walk(dir.thumbnailsDir())) {
            for (Path p : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                out.add(java.nio.file.Files.readAllBytes(p));
            }
        }
        return out;
    }

    private static Set<String> catalogShas(Workspace w) {
        Set<String> out = new HashSet<>();
        for (VideoRecord v : WorkspaceInternals.catalog(w).videos()) {
            out.add(v.sha256());
        }
        return out;
    }

    @Test
    void twoWorkstationsAndATwoNodeCloudWorkAsOneArchive() throws Exception {
        SolrLocation location = SharedSolrCloud.collection("team_archive");
        SolrCloudProcess cloud = SharedSolrCloud.get();
        try (Workspace a = open(tmp.resolve("a"), location); Workspace b = open(tmp.resolve("b"), location)) {
            assertTrue(a.status().indexStore().shared());
            assertTrue(a.status().indexStore().description().contains("team_archive"), a.status().indexStore().description());
            assertEquals(0, index(a, "tiny-highway-48px-raw.avi").count(FileOutcome.Status.FAILED));
            // b indexes an archive folder (a copy of a fixture below tmp/nas/cam-b), a sees the same share mounted
            Path nas = tmp.resolve("nas");
            java.nio.file.Files.createDirectories(nas.resolve("cam-b"));
            java.nio.file.Files.copy(SharedData.footage("street-montage-scene-cuts.mp4"), nas.resolve("cam-b/street-montage-scene-cuts.mp4"));
            assertEquals(0, b.ingest(IngestRequest.of(List.of(nas)), IngestListener.NONE, () -> false).count(FileOutcome.Status.FAILED));
            String model = a.activeModel().id().asString();
            int framesA = store(a).storedFrames().size();
            int framesB = store(b).storedFrames().size();
            assertTrue(framesA > 0 && framesB > 0);
            assertEquals(framesA + framesB, store(a).frameCount(model));

            // each finds the other's footage
            Set<String> both = new HashSet<>(catalogShas(a));
            both.addAll(catalogShas(b));
            assertEquals(both, shasFound(a));
            assertEquals(both, shasFound(b));
            // and the search names the files it can open here, and says which workstation holds the others
            Set<String> here = new HashSet<>();
            Set<String> elsewhere = new HashSet<>();
            for (String prompt : List.of("grey", "white", "black", "green", "blue", "red")) {
                for (var f : a.searchArchive(SearchQuery.prompt(prompt).withLimit(50)).clips().stream()
                        .map(org.sightline.indexer.search.ArchiveSearchResult.ArchiveClip::file).toList()) {
                    (f.localFile().isPresent() ? here : elsewhere).add(f.sha256());
                    assertEquals(catalogShas(a).contains(f.sha256()), f.localFile().isPresent(), f.toString());
                    assertEquals(!f.localFile().isPresent(), f.workstation().equals(store(b).workstation()), f.toString());
                }
            }
            assertEquals(catalogShas(a), here);
            assertEquals(catalogShas(b), elsewhere);
            // with the share named as a shared archive folder, b's files open on a at the path b recorded below it
            DataDirectorySettings.setSharedRoots(new DataDirectory(tmp.resolve("a")), nas.toString());
            Set<String> sharedFiles = new HashSet<>();
            for (var c : a.searchArchive(SearchQuery.prompt("grey").withLimit(50)).clips()) {
                var f = c.file();
                if (f.workstation().equals(store(b).workstation())) {
                    assertEquals(org.sightline.indexer.search.ArchiveSearchResult.LocalCopy.SHARED_FOLDER, f.copy(), f.toString());
                    assertEquals(nas.resolve("cam-b/street-montage-scene-cuts.mp4"), f.localFile().orElseThrow());
                    assertEquals("cam-b/street-montage-scene-cuts.mp4", f.file().archivePath());
                    assertEquals("street-montage-scene-cuts.mp4", f.file().fileName());
                    // a still of b's footage comes with the hit: the very JPEG b wrote for one of its segments
                    byte[] still = c.thumbnail().orElseThrow(() -> new AssertionError("no thumbnail with " + c)).jpeg();
                    assertTrue(thumbnailsOf(new DataDirectory(tmp.resolve("b"))).stream().anyMatch(j -> java.util.Arrays.equals(j, still)),
                            "the thumbnail is one b wrote");
                    sharedFiles.add(f.sha256());
                }
            }
            assertEquals(1, sharedFiles.size());

            // a rerun adds nothing; the same file on the other workstation adds nothing either
            assertEquals(FileOutcome.Status.UNCHANGED, index(a, "tiny-highway-48px-raw.avi").outcomes().getFirst().status());
            index(b, "tiny-highway-48px-raw.avi");
            assertEquals(framesA + framesB, store(a).frameCount(model));

            // a node goes down while a workstation indexes: the surviving replica takes the writes
            cloud.stopNode(1);
            try {
                assertEquals(0, index(a, "motorway-cctv-cyclist.avi").count(FileOutcome.Status.FAILED));
            } finally {
                cloud.startNode(1);
            }
            int total = store(a).frameCount(model);
            assertTrue(total > framesA + framesB);
            SharedSolrCloud.awaitAllReplicasActive(location);

            // the other node goes down while searches run: every search answers, and with everything
            Set<String> expected = shasFound(a);
            AtomicBoolean stopped = new AtomicBoolean();
            Thread stopper = Thread.ofPlatform().start(() -> {
                try {
                    cloud.stopNode(0);
                    stopped.set(true);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            int searchesWithTheNodeDown = 0;
            while (searchesWithTheNodeDown < 3) {
                boolean down = stopped.get();
                assertTrue(down || stopper.isAlive(), "stopping the node failed");
                assertEquals(expected, shasFound(b));
                if (down) {
                    searchesWithTheNodeDown++;
                }
            }
            stopper.join();
            try {
                assertEquals(total, store(b).frameCount(model), "nothing was lost with a node down");
                assertEquals(expected, shasFound(b));
                assertFalse(a.search().modelId().isEmpty());
            } finally {
                cloud.startNode(0);
                SharedSolrCloud.awaitAllReplicasActive(location);
            }
        }
    }

    /**
     * b's footage found from a as clips: the red car of the parking aisle (15-18 s) comes first, in the strong tier,
     * with the span b's own search gives it (same grouping rule, same segments, same tiers under the same camera), why
     * it matched, and where a can open it.
     */
    @Test
    void anotherWorkstationsFootageComesAsClipsWithTiersAndWhy() throws Exception {
        SolrLocation location = SharedSolrCloud.collection("archive_clips");
        try (Workspace a = open(tmp.resolve("a"), location); Workspace b = open(tmp.resolve("b"), location)) {
            assertEquals(0, index(a, "tiny-highway-48px-raw.avi").count(FileOutcome.Status.FAILED));
            Path nas = tmp.resolve("nas");
            java.nio.file.Files.createDirectories(nas.resolve("cam-b"));
            java.nio.file.Files.copy(SharedData.footage("parking-aisle-cars.mp4"), nas.resolve("cam-b/parking-aisle-cars.mp4"));
            assertEquals(0, b.ingest(IngestRequest.of(List.of(nas)), IngestListener.NONE, () -> false).count(FileOutcome.Status.FAILED));
            String camera = WorkspaceInternals.catalog(b).videos().getFirst().camera();

            SearchQuery red = SearchQuery.prompt("red").withCameras(Set.of(camera)).withLimit(50);
            var local = b.explainedSearch(org.sightline.indexer.search.ExplainedQuery.of(red));
            var archived = a.searchArchive(red);
            var mine = local.clips().getFirst();
            var theirs = archived.clips().getFirst();
            assertTrue(mine.clip().startSeconds() <= 16.5 && mine.clip().endSeconds() >= 16.5, "b's own search: " + mine.clip());
            assertEquals(org.sightline.indexer.search.Tier.STRONG, theirs.tier(), theirs.toString());
            assertEquals(mine.tier(), theirs.tier());
            assertEquals(mine.clip().startSeconds(), theirs.startSeconds(), 1e-6, theirs.toString());
            assertEquals(mine.clip().endSeconds(), theirs.endSeconds(), 0.2, theirs.toString());
            assertEquals(mine.clip().bestOffsetSeconds(), theirs.bestOffsetSeconds(), 1e-3);
            assertEquals(local.tierCounts(), archived.tierCounts(), "the same clips in the same tiers");
            assertEquals(local.totalClips(), archived.totalClips());

            // why: the model's similarity, and what the shared store cannot tell about b's footage
            assertTrue(theirs.why().getFirst().part().contains("\"red\""), theirs.why().toString());
            assertTrue(theirs.why().getFirst().evidence().contains("similarity"), theirs.why().toString());
            assertTrue(theirs.why().stream().anyMatch(r -> r.part().equals(org.sightline.indexer.search.ArchiveClipSearch.NOT_EXPLAINED)
                    && r.evidence().contains("keeps none of workstation " + store(b).workstation())), theirs.why().toString());
            // where: b's file is not on a until a names the shared folder
            assertEquals(org.sightline.indexer.search.ArchiveSearchResult.LocalCopy.NOT_HERE, theirs.file().copy());
            assertEquals(store(b).workstation(), theirs.file().workstation());
            assertTrue(theirs.thumbnail().isPresent(), "a still of b's clip comes from the shared store");

            // every clip of every tier can be paged to, none twice
            Set<String> seen = new HashSet<>();
            for (int offset = 0; offset < archived.totalClips(); offset += 3) {
                var page = a.searchArchive(SearchQuery.prompt("red").withCameras(Set.of(camera)).withLimit(3), offset);
                assertEquals(archived.totalClips(), page.totalClips());
                page.clips().forEach(c -> assertTrue(seen.add(c.file().sha256() + "@" + c.startSeconds()), "twice: " + c));
            }
            assertEquals(archived.totalClips(), seen.size());

            // "car" is a label of b's detector: it filters inside the kNN search, and each clip names when the car was seen
            java.nio.file.Files.createDirectories(nas.resolve("cam-c"));
            java.nio.file.Files.copy(SharedData.footage("residential-street-vehicles.mp4"),
                    nas.resolve("cam-c/residential-street-vehicles.mp4"));
            assertEquals(0, b.ingest(IngestRequest.of(List.of(nas)), IngestListener.NONE, () -> false).count(FileOutcome.Status.FAILED));
            var cars = a.searchArchive(SearchQuery.prompt("white car").withLimit(50));
            assertTrue(cars.clips().stream().anyMatch(c -> c.file().workstation().equals(store(b).workstation())), cars.toString());
            assertTrue(cars.unanswered().isEmpty(), cars.unanswered().toString());
            for (var c : cars.clips()) {
                assertTrue(c.objects().stream().anyMatch(o -> o.label().equals("car")), c.toString());
                assertTrue(c.why().stream().anyMatch(r -> r.part().startsWith("car") && r.evidence().contains("car seen at")
                        && r.evidence().contains("labels from workstation " + c.file().workstation() + "'s detector")), c.why().toString());
            }
            // "-car white": a clip whose frames carry the detector's car label goes to the "more" tier, saying so
            var noCars = a.searchArchive(SearchQuery.prompt("-car white").withLimit(100));
            assertTrue(noCars.clips().stream().anyMatch(c -> c.objects().stream().anyMatch(o -> o.label().equals("car"))),
                    "the footage has cars");
            for (var c : noCars.clips()) {
                if (c.objects().stream().anyMatch(o -> o.label().equals("car"))) {
                    assertEquals(org.sightline.indexer.search.Tier.MORE, c.tier(), c.toString());
                    assertTrue(c.why().stream().anyMatch(r -> r.evidence().startsWith("but car seen at")), c.why().toString());
                }
            }
            // a label nobody's detector saw: said, and the model alone answers
            var horses = a.searchArchive(SearchQuery.prompt("red horse").withLimit(5));
            assertTrue(horses.unanswered().stream().anyMatch(u -> u.describe().contains("no frame of the team archive")),
                    horses.unanswered().toString());
            assertFalse(horses.clips().isEmpty());
        }
    }
}
