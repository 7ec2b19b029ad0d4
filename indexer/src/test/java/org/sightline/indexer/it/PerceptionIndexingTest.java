package org.sightline.indexer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.indexer.app.DataDirectory;
import org.sightline.indexer.app.Workspace;
import org.sightline.indexer.catalog.VideoRecord;
import org.sightline.indexer.ingest.IngestListener;
import org.sightline.indexer.ingest.IngestReport;
import org.sightline.indexer.ingest.IngestRequest;
import org.sightline.indexer.perception.FrameDetections;
import org.sightline.indexer.perception.LabelSpan;
import org.sightline.indexer.perception.ObjectQuery;
import org.sightline.models.store.ModelStore;
import org.sightline.models.testing.SharedData;

/**
 * Indexing with no CLIP pack (only the demonstration colour pack) and the built-in starter detector: the people of
 * {@code indoor-people-one-by-one.mp4} are found at the times they are there, stored per examined frame with boxes
 * and colours, and their label is on the frame documents of the search index. One data directory for all tests.
 */
class PerceptionIndexingTest {
    @TempDir
    static Path tmp;
    private static Workspace workspace;
    private static VideoRecord video;
    private static VideoRecord textClip;
    private static IngestReport report;

    /** Seconds where people are visible (counted on frames, models/src/test/resources/perception/labelled-frames.json). */
    private static final List<Double> PERSON_PRESENT = List.of(8.0, 12.0, 30.0, 55.0, 60.0, 80.0, 100.0, 110.0, 125.0);

    @BeforeAll
    static void indexOnce() throws Exception {
        Path data = tmp.resolve("data");
        new ModelStore(new DataDirectory(data).modelsDir()).installDemo();
        workspace = Workspace.open(new DataDirectory(data));
        Path file = SharedData.root().resolve("footage").resolve("indoor-people-one-by-one.mp4");
        Path withClock = TextClip.write(tmp.resolve("shop.mp4"));
        report = workspace.ingest(IngestRequest.of(List.of(file, withClock)), IngestListener.NONE, () -> false);
        video = workspace.library().videoByPath(file).orElseThrow();
        textClip = workspace.library().videoByPath(withClock).orElseThrow();
    }

    @org.junit.jupiter.api.AfterAll
    static void close() {
        if (workspace != null) {
            workspace.close();
        }
    }

    private static org.sightline.indexer.search.ExplainedResult ask(String prompt) throws Exception {
        return workspace.explainedSearch(new org.sightline.indexer.search.ExplainedQuery(
                org.sightline.indexer.search.SearchQuery.prompt(prompt).withLimit(100), List.of(), 0.5, 0));
    }

    @Test
    void aPromptForPeopleIsAnsweredByTheDetectorWithNoClipPack() throws Exception {
        // the active model is the colour demo, which knows no "person": the detections answer (issue 14)
        var r = ask("a person");
        assertTrue(r.unanswered().isEmpty(), r.unanswered().toString());
        var clips = r.clips().stream().filter(c -> c.clip().videoId() == video.id()).toList();
        assertFalse(clips.isEmpty(), "no clip for a person");
        for (double t : PERSON_PRESENT) {
            double slack = org.sightline.indexer.perception.FrameInspector.DEFAULT_INTERVAL_SECONDS;
            assertTrue(clips.stream().anyMatch(c -> c.clip().startSeconds() - slack <= t && t <= c.clip().endSeconds() + slack),
                    "no clip near " + t + " s: " + clips.stream().map(c -> c.clip().startSeconds() + "-" + c.clip().endSeconds()).toList());
        }
        // the room is empty from about 45 to 49 s: no examined frame there sees a person (the 44 s frame sees the second
        // visitor walk out at the right edge, and its clip, whole 5 s segments with a 2 s margin, reaches to 50 s)
        assertTrue(workspace.library().detections(video.id(), 45, 49).stream().allMatch(f -> f.count("person", null) == 0),
                "nobody at 45-49 s: " + workspace.library().detections(video.id(), 45, 49));
        assertTrue(clips.stream().allMatch(c -> c.why().stream().anyMatch(w -> w.evidence().startsWith("detector: ")))
                && clips.stream().allMatch(c -> c.objects().stream().anyMatch(o -> o.label().equals("person") && o.count() >= 1)),
                "every clip says what the detector saw");
    }

    @Test
    void countsAreHeld() throws Exception {
        var r = ask("two people");
        assertTrue(r.clips().stream().allMatch(c -> c.objects().stream().anyMatch(o -> o.label().equals("person") && o.count() >= 2)),
                "only spans where two or more people are visible: " + r.clips().stream().map(c -> c.objects()).toList());
        assertTrue(ask("three people").clips().isEmpty(), "never three people at once");
    }

    @Test
    void negationDemotesModelHitsWhereTheObjectWasSeen() throws Exception {
        var r = ask("-person red");
        for (var c : r.clips()) {
            boolean peopleSeen = c.why().stream().anyMatch(w -> w.evidence().startsWith("but the detector saw"));
            if (peopleSeen) {
                assertEquals(org.sightline.indexer.search.Tier.MORE, c.tier(), c.toString());
            } else {
                assertTrue(c.why().stream().anyMatch(w -> w.evidence().contains("saw none")), c.toString());
            }
        }
    }

    @Test
    void peopleAreFoundAtTheTimesTheyAreThere() {
        List<LabelSpan> spans = workspace.library().spans(ObjectQuery.of("person"));
        assertFalse(spans.isEmpty(), "no person found");
        double interval = org.sightline.indexer.perception.FrameInspector.DEFAULT_INTERVAL_SECONDS;
        for (double t : PERSON_PRESENT) {
            assertTrue(spans.stream().anyMatch(s -> s.videoId() == video.id() && s.startSeconds() - interval <= t && t <= s.endSeconds() + interval),
                    "no person span near " + t + " s: " + spans);
        }
        assertTrue(spans.size() >= 3, "the people come and go one at a time, so there are several spans: " + spans);
        assertTrue(spans.stream().noneMatch(s -> s.startSeconds() <= 48 && 48 <= s.endSeconds()), "nobody is there at 45-50 s: " + spans);
        assertTrue(spans.stream().allMatch(s -> s.maxCount() >= 1 && s.bestScore() >= 0.3f), spans.toString());
        assertTrue(workspace.library().spans(new ObjectQuery("person", 3, null)).isEmpty(), "never three people at once");
        assertTrue(workspace.library().spans(ObjectQuery.of("giraffe")).isEmpty());
    }

    @Test
    void examinedFramesAreStoredWithBoxesAndColours() {
        List<FrameDetections> frames = workspace.library().detections(video.id());
        assertTrue(frames.size() >= 10, "one examined frame every few seconds of 139 s: " + frames.size());
        assertEquals(frames.size() + workspace.library().detections(textClip.id()).size(), report.timings().perception().framesExamined(),
                "every examined frame is stored");
        assertTrue(frames.stream().anyMatch(f -> f.objects().isEmpty()), "frames where nobody is there are stored, empty");
        var people = frames.stream().flatMap(f -> f.objects().stream()).filter(o -> o.label().equals("person")).toList();
        assertFalse(people.isEmpty());
        assertTrue(people.stream().filter(o -> o.size() > 0.05f && o.box().height() > o.box().width()).count() >= people.size() * 0.8,
                "a standing person's box is large and taller than wide: " + people);
        assertTrue(people.stream().anyMatch(o -> o.colour() != null), "some person has a dominant colour: " + people);
        assertEquals(frames.stream().filter(f -> f.offsetSeconds() >= 50 && f.offsetSeconds() <= 65).toList(),
                workspace.library().detections(video.id(), 50, 65));
    }

    @Test
    void aBurnedInClockIsReadAndBecomesTheRecordingStart() {
        List<FrameDetections> frames = workspace.library().detections(textClip.id());
        var clocks = frames.stream().filter(f -> f.clock() != null).toList();
        assertTrue(clocks.size() >= 2, "the clock is read on several examined frames: " + frames);
        for (FrameDetections f : clocks) {
            assertEquals(TextClip.CLOCK_START.plusSeconds((long) f.offsetSeconds()), f.clock().time(), f.toString());
        }
        assertTrue(frames.stream().anyMatch(f -> f.texts().stream().anyMatch(t -> t.text().equals(TextClip.SIGN) && t.box().x1() > 0.2f)),
                "the shop sign is read: " + frames);
        var start = workspace.library().clockStart(textClip.id());
        assertEquals(java.util.Optional.of(TextClip.CLOCK_START.atZone(java.time.ZoneId.systemDefault()).toInstant()), start);
        VideoRecord after = workspace.library().videoByPath(textClip.path()).orElseThrow();
        assertEquals("burned-in clock", after.recordingStartSource(), "the file has no start in its metadata or name");
        assertEquals(start, after.recordingStart());
        assertTrue(workspace.library().clockStart(video.id()).isEmpty(), "the indoor footage shows no clock");
    }

    @Test
    void theDetectionsSayWhichPacksFoundThem() {
        String packs = workspace.library().perceptionPacks(video.id()).orElseThrow();
        assertTrue(packs.contains("sightline-detector-centernet 1.0 (manifest sha256 "
                + org.sightline.models.perception.DetectorStarterPack.MANIFEST_SHA256 + ")"), packs);
        assertTrue(packs.contains("sightline-text-ppocrv4"), packs);
        assertTrue(!packs.contains(org.sightline.models.perception.DetectorStarterPack.FACES_NAME),
                "indexing never runs the face detector (it is for redaction): " + packs);
    }

    @Test
    void peopleAreFollowedAsTracks() {
        var tracks = workspace.library().tracks(video.id());
        var people = tracks.stream().filter(t -> t.label().equals("person")).toList();
        assertTrue(people.size() >= 3, "people come one at a time: " + tracks);
        assertTrue(people.stream().anyMatch(t -> t.dwellSeconds() >= 10), "someone stays to read the paper: " + people);
        assertTrue(people.stream().allMatch(t -> t.lastSeen() >= t.firstSeen() && t.path().size() >= 1));
    }

    @Test
    void theLabelIsOnTheSearchIndexFrameDocuments() {
        assertTrue(workspace.library().framesWithLabel("person") > 0);
        assertEquals(0, workspace.library().framesWithLabel("giraffe"));
    }
}
