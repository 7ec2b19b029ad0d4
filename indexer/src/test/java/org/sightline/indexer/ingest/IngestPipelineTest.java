package org.sightline.indexer.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.indexer.app.ActiveModelSource;
import org.sightline.indexer.app.DataDirectory;
import org.sightline.indexer.app.Workspace;
import org.sightline.indexer.app.WorkspaceInternals;
import org.sightline.indexer.catalog.VideoStatus;
import org.sightline.indexer.search.Clip;
import org.sightline.indexer.search.SearchQuery;
import org.sightline.indexer.testing.ColourTestModel;
import org.sightline.indexer.testing.ScriptedFootage;
import org.sightline.models.runtime.PromptNotUnderstoodException;

class IngestPipelineTest {
    @TempDir
    Path tmp;

    private Workspace open(ColourTestModel model) throws Exception {
        return Workspace.open(new DataDirectory(tmp.resolve("data")), ActiveModelSource.of(model), new ScriptedFootage());
    }

    /** Decoding paced like real footage, so that later files are still being read when the test cancels. */
    private Workspace openPaced(ColourTestModel model) throws Exception {
        return Workspace.open(new DataDirectory(tmp.resolve("data")), ActiveModelSource.of(model), new ScriptedFootage(150));
    }

    private Path archive() throws Exception {
        Path a = tmp.resolve("archive");
        // 12 s: black 0-3, red 4-7 (as static frames: duplicates), black 8-11
        ScriptedFootage.write(a.resolve("gate/one.vid"), "black", "black", "black", "black", "red", "red", "red", "red",
                "black", "black", "black", "black");
        ScriptedFootage.write(a.resolve("yard/two.vid"), "start=" + Instant.parse("2024-03-01T22:00:00Z").toEpochMilli(),
                "green", "green", "green", "green", "red", "black", "black", "black");
        ScriptedFootage.write(a.resolve("yard/broken.vid"), "blue", "blue", "blue", "blue", "blue", "damage", "red");
        ScriptedFootage.write(a.resolve("yard/notes.vid"), "hello, this is not a video");
        Files.writeString(a.resolve("yard/readme.txt"), "hello");
        return a;
    }

    @Test
    void indexesSearchesAndSkipsUnchanged() throws Exception {
        Path a = archive();
        try (Workspace w = open(new ColourTestModel())) {
            List<FileOutcome> seen = new ArrayList<>();
            IngestReport r = w.ingest(IngestRequest.of(List.of(a)), new IngestListener() {
                @Override
                public void fileFinished(FileOutcome o) {
                    seen.add(o);
                }
            }, () -> false);
            assertEquals(5, r.outcomes().size(), r.outcomes().toString());
            assertEquals(2, r.count(FileOutcome.Status.INDEXED), r.outcomes().toString());
            assertEquals(1, r.count(FileOutcome.Status.PARTIAL), r.outcomes().toString());
            assertEquals(1, r.count(FileOutcome.Status.FAILED), r.outcomes().toString());
            assertEquals(1, r.count(FileOutcome.Status.NOT_VIDEO), r.outcomes().toString());
            assertTrue(r.anyFailed());
            assertEquals(r.outcomes(), seen);

            var broken = WorkspaceInternals.catalog(w).videoByPath(a.resolve("yard/broken.vid")).orElseThrow();
            assertEquals(VideoStatus.PARTIAL, broken.status());
            assertEquals("TRUNCATED", broken.errorKind());
            assertEquals(5.0, broken.damageAtSeconds(), 1e-9);
            var notes = WorkspaceInternals.catalog(w).videoByPath(a.resolve("yard/notes.vid")).orElseThrow();
            assertEquals(VideoStatus.FAILED, notes.status());
            assertEquals("NOT_VIDEO", notes.errorKind());

            // 3 + 2 + 2 segments (4 s windows)
            assertEquals(7, WorkspaceInternals.catalog(w).segmentCount(null));
            var one = WorkspaceInternals.catalog(w).videoByPath(a.resolve("gate/one.vid")).orElseThrow();
            assertEquals("gate", one.camera());
            var segs = WorkspaceInternals.catalog(w).segmentsOf(one.id(), new ColourTestModel().id().asString());
            assertEquals(List.of(0.0, 4.0, 8.0), segs.stream().map(s -> s.startSeconds()).toList());
            assertEquals(1, segs.get(1).framesEmbedded());
            assertEquals(3, segs.get(1).framesSkipped());
            assertTrue(Files.isRegularFile(w.dataDirectory().thumbnailsDir().resolve(segs.get(1).thumbnail())));

            var red = w.search().search(SearchQuery.prompt("red car").withLimit(10));
            Clip best = red.clips().getFirst();
            assertEquals(a.resolve("gate/one.vid"), best.video());
            assertEquals(4.0, best.startSeconds(), 1e-9);
            assertEquals(8.0, best.endSeconds(), 1e-9);
            assertEquals(1f, best.relativeStrength(), 1e-6);

            // time order: clips with a known wall-clock time first, in time order, then the rest by file and offset
            var byTime = w.search().search(SearchQuery.prompt("red").withSort(SearchQuery.SortOrder.TIME));
            assertEquals(red.clips().size(), byTime.clips().size());
            assertEquals(a.resolve("yard/two.vid"), byTime.clips().getFirst().video());
            assertTrue(byTime.clips().getFirst().wallClockStart().isPresent());
            assertTrue(byTime.clips().stream().skip(1).allMatch(c -> c.wallClockStart().isEmpty()));

            // camera filter
            var yard = w.search().search(SearchQuery.prompt("red").withCameras(Set.of("yard")));
            assertTrue(yard.clips().stream().allMatch(c -> c.camera().equals("yard")));
            assertFalse(yard.clips().isEmpty());
            // time filter: only two.vid has a known time; the red frame is at 22:00:04
            var timed = w.search().search(SearchQuery.prompt("red").withTimeRange(Instant.parse("2024-03-01T22:00:03Z"),
                    Instant.parse("2024-03-01T22:00:06Z")));
            assertEquals(List.of(a.resolve("yard/two.vid")), timed.clips().stream().map(Clip::video).distinct().toList());
            assertEquals(Instant.parse("2024-03-01T22:00:04Z"), timed.clips().getFirst().wallClockStart().orElseThrow());
            var night = w.search().search(SearchQuery.prompt("green").withTimeOfDay(LocalTime.of(21, 0), LocalTime.of(1, 0)));
            assertEquals(List.of(a.resolve("yard/two.vid")), night.clips().stream().map(Clip::video).distinct().toList());
            var morning = w.search().search(SearchQuery.prompt("green").withTimeOfDay(LocalTime.of(6, 0), LocalTime.of(9, 0)));
            assertTrue(morning.clips().isEmpty());

            // example search with a stored segment finds that segment first
            var example = w.search().search(SearchQuery.example(new SearchQuery.Example.OfSegment(segs.get(1).id())));
            assertEquals(segs.get(1).id(), example.clips().getFirst().segmentIds().getFirst());

            var picture = w.search().search(SearchQuery.example(new SearchQuery.Example.OfFrame(ColourTestModel.solid(250, 10, 10), "red patch")));
            assertEquals(4.0, picture.clips().getFirst().startSeconds(), 1e-9);
            assertTrue(picture.clips().stream().limit(2).allMatch(c -> c.bestOffsetSeconds() == 4.0), picture.clips().toString());

            assertThrows(PromptNotUnderstoodException.class, () -> w.search().search(SearchQuery.prompt("a car")));

            IngestReport again = w.ingest(IngestRequest.of(List.of(a)), IngestListener.NONE, () -> false);
            assertEquals(3, again.count(FileOutcome.Status.UNCHANGED), again.outcomes().toString());
            assertEquals(7, WorkspaceInternals.catalog(w).segmentCount(null));
            assertEquals(WorkspaceInternals.index(w).frameCount(null), framesIn(w));
        }
    }

    private static int framesIn(Workspace w) {
        return WorkspaceInternals.catalog(w).videos().stream().flatMap(v -> WorkspaceInternals.catalog(w).segmentsOf(v.id(), new ColourTestModel().id().asString()).stream())
                .mapToInt(s -> s.framesEmbedded() + (s.framesEmbedded() == 0 ? 1 : 0)).sum();
    }

    @Test
    void movedFileIsRecognisedChangedFileIsReindexed() throws Exception {
        Path a = archive();
        try (Workspace w = open(new ColourTestModel())) {
            w.ingest(IngestRequest.of(List.of(a.resolve("gate"))), null, null);
            long id = WorkspaceInternals.catalog(w).videoByPath(a.resolve("gate/one.vid")).orElseThrow().id();
            Files.createDirectories(a.resolve("moved"));
            Files.move(a.resolve("gate/one.vid"), a.resolve("moved/one-renamed.vid"));
            IngestReport r = w.ingest(IngestRequest.of(List.of(a.resolve("moved"))), null, null);
            assertEquals(FileOutcome.Status.UNCHANGED, r.outcomes().getFirst().status(), r.toString());
            assertEquals(a.resolve("moved/one-renamed.vid"), WorkspaceInternals.catalog(w).video(id).orElseThrow().path());
            String sha = WorkspaceInternals.catalog(w).video(id).orElseThrow().sha256();
            assertTrue(WorkspaceInternals.catalog(w).knownPaths(sha).contains(a.resolve("gate/one.vid")));

            ScriptedFootage.write(a.resolve("moved/one-renamed.vid"), "blue", "blue", "blue", "blue", "blue");
            IngestReport changed = w.ingest(IngestRequest.of(List.of(a.resolve("moved"))), null, null);
            assertEquals(FileOutcome.Status.INDEXED, changed.outcomes().getFirst().status());
            assertEquals(2, WorkspaceInternals.catalog(w).segmentCount(null));
            assertEquals(2, WorkspaceInternals.index(w).frameCount(null));
        }
    }

    @Test
    void anotherModelKeepsOldVectorsApartAndReembedAddsItsOwn() throws Exception {
        Path a = archive();
        DataDirectory dir = new DataDirectory(tmp.resolve("data"));
        ColourTestModel first = new ColourTestModel("first");
        ColourTestModel second = new ColourTestModel("second");
        try (Workspace w = Workspace.open(dir, ActiveModelSource.of(first), new ScriptedFootage())) {
            w.ingest(IngestRequest.of(List.of(a.resolve("gate"))), null, null);
        }
        try (Workspace w = Workspace.open(dir, ActiveModelSource.of(second), new ScriptedFootage())) {
            assertTrue(w.search().search(SearchQuery.prompt("red")).clips().isEmpty(), "vectors of another model are never searched");
            IngestReport r = w.ingest(IngestRequest.of(List.of()).withReembed(true), null, null);
            assertEquals(1, r.count(FileOutcome.Status.INDEXED), r.toString());
            assertFalse(w.search().search(SearchQuery.prompt("red")).clips().isEmpty());
            assertEquals(3, WorkspaceInternals.catalog(w).segmentCount(first.id().asString()));
            assertEquals(3, WorkspaceInternals.catalog(w).segmentCount(second.id().asString()));
        }
    }

    @Test
    void cancellingKeepsFinishedFilesAndResumes() throws Exception {
        Path a = archive();
        try (Workspace w = openPaced(new ColourTestModel())) {
            int[] files = {0};
            IngestReport r = w.ingest(IngestRequest.of(List.of(a)), new IngestListener() {
                @Override
                public void fileFinished(FileOutcome o) {
                    files[0]++;
                }
            }, () -> files[0] >= 2); // readme.txt (not a video), then gate/one.vid
            assertTrue(r.cancelled(), r.toString());
            IngestReport rest = w.ingest(IngestRequest.of(List.of(a)), null, null);
            assertFalse(rest.cancelled());
            assertEquals(7, WorkspaceInternals.catalog(w).segmentCount(null));
        }
    }

    @Test
    void interruptingTheCallerCancelsCleanly() throws Exception {
        Path a = archive();
        try (Workspace w = openPaced(new ColourTestModel())) {
            Thread caller = Thread.currentThread();
            IngestReport r = w.ingest(IngestRequest.of(List.of(a)), new IngestListener() {
                boolean done;

                @Override
                public void fileFinished(FileOutcome o) {
                    if (!done && o.status() == FileOutcome.Status.INDEXED) {
                        done = true;
                        caller.interrupt();
                        try {
                            Thread.sleep(300); // let the caller see its interrupt before the next file starts
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }
            }, null);
            assertTrue(Thread.interrupted(), "the caller's interrupt status is restored");
            assertTrue(r.cancelled(), r.toString());
            IngestReport rest = w.ingest(IngestRequest.of(List.of(a)), null, null);
            assertFalse(rest.cancelled());
            assertEquals(7, WorkspaceInternals.catalog(w).segmentCount(null));
        }
    }

    @Test
    void searchesSeeEachVideoAsSoonAsItIsWritten() throws Exception {
        Path a = archive();
        try (Workspace w = open(new ColourTestModel())) {
            List<Integer> clipsSeen = new ArrayList<>();
            w.ingest(IngestRequest.of(List.of(a)), new IngestListener() {
                @Override
                public void fileFinished(FileOutcome o) {
                    if (o.path().endsWith("gate/one.vid")) {
                        try {
                            clipsSeen.add(w.search().search(SearchQuery.prompt("red")).clips().size());
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                }
            }, null);
            assertEquals(List.of(1), clipsSeen);
        }
    }

    @Test
    void batchesSpanningFilesGiveTheSameSegmentsAsOneFrameAtATime() throws Exception {
        Path a = archive();
        List<String> oneAtATime;
        List<String> spanning;
        try (Workspace w = Workspace.open(new DataDirectory(tmp.resolve("data-1")), ActiveModelSource.of(new ColourTestModel()),
                new ScriptedFootage())) {
            w.ingest(IngestRequest.of(List.of(a)).withBatchSize(1), null, null);
            oneAtATime = segmentsByVideo(w);
        }
        try (Workspace w = Workspace.open(new DataDirectory(tmp.resolve("data-64")), ActiveModelSource.of(new ColourTestModel()),
                new ScriptedFootage())) {
            // one batch holds every file's frames: the end of one file is embedded together with the next
            IngestReport r = w.ingest(IngestRequest.of(List.of(a)).withBatchSize(64), null, null);
            spanning = segmentsByVideo(w);
            assertEquals(2, r.count(FileOutcome.Status.INDEXED), r.outcomes().toString());
            assertTrue(r.timings().embedding() > 0, r.timings().describe());
            assertEquals(WorkspaceInternals.index(w).frameCount(null), framesIn(w));
        }
        assertEquals(oneAtATime, spanning);
        assertEquals(3, oneAtATime.size(), oneAtATime.toString());
    }

    private static List<String> segmentsByVideo(Workspace w) {
        return WorkspaceInternals.catalog(w).videos().stream()
                .filter(v -> v.status() == VideoStatus.DONE || v.status() == VideoStatus.PARTIAL)
                .map(v -> v.path().getFileName() + ": " + WorkspaceInternals.catalog(w).segmentsOf(v.id(), new ColourTestModel().id().asString()).stream()
                        .map(s -> s.startSeconds() + "-" + s.endSeconds() + " " + s.framesEmbedded() + "/" + s.framesSkipped())
                        .toList())
                .sorted().toList();
    }

    @Test
    void aSecondCopyInTheSameRunIsEmbeddedOnce() throws Exception {
        Path a = archive();
        Files.copy(a.resolve("gate/one.vid"), a.resolve("yard/one-copy.vid"));
        try (Workspace w = open(new ColourTestModel())) {
            IngestReport r = w.ingest(IngestRequest.of(List.of(a)), null, null);
            FileOutcome copy = r.outcomes().stream().filter(o -> o.path().endsWith("yard/one-copy.vid")).findFirst().orElseThrow();
            assertEquals(FileOutcome.Status.UNCHANGED, copy.status(), copy.toString());
            assertTrue(copy.message().contains("gate/one.vid"), copy.message());
            assertEquals(7, WorkspaceInternals.catalog(w).segmentCount(null));
        }
    }

    @Test
    void aFailedThumbnailWriteStopsTheJobBeforeAnythingMoreIsCommitted() throws Exception {
        Path a = archive();
        // the disk is full for one moment only: the first thumbnail fails, later ones would succeed
        boolean[] diskFull = {true};
        FootageReader failingThumbnails = new ScriptedFootage().beforeEachThumbnail(() -> {
            if (diskFull[0]) {
                diskFull[0] = false;
                throw new UncheckedIOException(new IOException("No space left on device"));
            }
        });
        try (Workspace w = Workspace.open(new DataDirectory(tmp.resolve("data")), ActiveModelSource.of(new ColourTestModel()),
                failingThumbnails)) {
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> w.ingest(IngestRequest.of(List.of(a)), null, null));
            assertTrue(e.getMessage().contains("No space left"), e.getMessage());
            assertEquals(0, WorkspaceInternals.catalog(w).segmentCount(null), "nothing half-written is committed");
            assertEquals(0, WorkspaceInternals.index(w).frameCount(null));
            assertTrue(WorkspaceInternals.catalog(w).videos().stream().noneMatch(v -> v.status() == VideoStatus.DONE || v.status() == VideoStatus.PARTIAL),
                    WorkspaceInternals.catalog(w).videos().toString());

            IngestReport again = w.ingest(IngestRequest.of(List.of(a)), null, null);
            assertFalse(again.cancelled());
            assertEquals(7, WorkspaceInternals.catalog(w).segmentCount(null));
            assertEquals(WorkspaceInternals.index(w).frameCount(null), framesIn(w));
        }
    }
}
