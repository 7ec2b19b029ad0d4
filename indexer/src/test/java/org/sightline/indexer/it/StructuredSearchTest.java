package org.sightline.indexer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.indexer.app.DataDirectory;
import org.sightline.indexer.app.Workspace;
import org.sightline.indexer.bench.GeneratedClips;
import org.sightline.indexer.catalog.VideoRecord;
import org.sightline.indexer.ingest.IngestListener;
import org.sightline.indexer.ingest.IngestRequest;
import org.sightline.indexer.search.ExplainedClip;
import org.sightline.indexer.search.ExplainedQuery;
import org.sightline.indexer.search.ExplainedResult;
import org.sightline.indexer.search.SearchQuery;
import org.sightline.indexer.search.Tier;
import org.sightline.models.store.ModelStore;
import org.sightline.models.testing.SharedData;

/**
 * Scene text, motion and closeness of objects answered from what the starter perception packs stored at indexing
 * (issue 14), with the demonstration colour model as the only vision-language model. One data directory, indexed
 * once: {@code indoor-people-one-by-one.mp4}, a generated plate clip ({@link GeneratedClips#plate}) and a generated clip of two
 * people, one standing, one walking away to the right ({@link GeneratedClips#peopleWalking}).
 */
class StructuredSearchTest {
    @TempDir
    static Path tmp;
    private static Workspace workspace;
    private static VideoRecord indoor;
    private static VideoRecord plate;
    private static VideoRecord walk;

    /**
     * Counted on frames of indoor-people-one-by-one.mp4 (one a second from 20 to 48 s): nobody at 22 s; a man stands at
     * the table, box centre at about 0.60 of the width, from 24 to 42 s; at 44 s he is at the right edge (centre about
     * 0.83) walking out to the right; nobody at 46 and 48 s. The only left-to-right movement from 20 to 48 s.
     */
    private static final double LEAVES_RIGHT_FROM = 42;
    private static final double LEAVES_RIGHT_TO = 46;

    @BeforeAll
    static void indexOnce() throws Exception {
        Path data = tmp.resolve("data");
        new ModelStore(new DataDirectory(data).modelsDir()).installDemo();
        workspace = Workspace.open(new DataDirectory(data));
        Path indoorFile = SharedData.root().resolve("footage").resolve("indoor-people-one-by-one.mp4");
        Path plateFile = GeneratedClips.plate(tmp.resolve("plate.mp4"));
        Path walkFile = GeneratedClips.peopleWalking(SharedData.root().resolve("footage"), tmp.resolve("walk.mp4"));
        workspace.ingest(IngestRequest.of(List.of(indoorFile, plateFile, walkFile)), IngestListener.NONE, () -> false);
        indoor = workspace.library().videoByPath(indoorFile).orElseThrow();
        plate = workspace.library().videoByPath(plateFile).orElseThrow();
        walk = workspace.library().videoByPath(walkFile).orElseThrow();
    }

    @AfterAll
    static void close() {
        if (workspace != null) {
            workspace.close();
        }
    }

    private static ExplainedResult ask(String prompt) throws Exception {
        return workspace.explainedSearch(new ExplainedQuery(SearchQuery.prompt(prompt).withLimit(100), List.of(), 0.5, 0));
    }

    private static List<ExplainedClip> of(ExplainedResult r, VideoRecord video) {
        return r.clips().stream().filter(c -> c.clip().videoId() == video.id()).toList();
    }

    /** Whether the clips, joined where they touch, cover {@code from} to {@code to}. */
    private static boolean covered(List<ExplainedClip> clips, double from, double to) {
        double reached = from;
        List<ExplainedClip> sorted = clips.stream().sorted(java.util.Comparator.comparingDouble(c -> c.clip().startSeconds())).toList();
        for (ExplainedClip c : sorted) {
            if (c.clip().startSeconds() <= reached) {
                reached = Math.max(reached, c.clip().endSeconds());
            }
        }
        return reached >= to;
    }

    private static String spans(List<ExplainedClip> clips) {
        return clips.stream().map(c -> c.tier().label() + " " + c.clip().startSeconds() + "-" + c.clip().endSeconds() + " " + c.why()).toList().toString();
    }

    @Test
    void aPlateIsFoundDespiteOneLookAlikeCharacter() throws Exception {
        ExplainedResult r = ask("\"KX19 A8C\"");
        assertTrue(r.unanswered().isEmpty(), r.unanswered().toString());
        List<ExplainedClip> clips = of(r, plate);
        assertFalse(clips.isEmpty(), "the plate clip is found: " + spans(r.clips()));
        assertEquals(clips.size(), r.clips().size(), "only the plate clip has the plate: " + spans(r.clips()));
        for (ExplainedClip c : clips) {
            assertTrue(c.clip().bestOffsetSeconds() >= GeneratedClips.PLATE_FROM_SECONDS, "the plate is shown from 14 s: " + spans(clips));
            assertTrue(c.why().stream().anyMatch(w -> w.part().equals("text \"KX19 A8C\"") && w.evidence().startsWith("text \"KX19 A8C\" read as \"")),
                    "the reading is named: " + c.why());
            assertFalse(c.text().isEmpty(), "the text read is given");
        }
        assertTrue(of(ask("plate KX19 ABC"), plate).stream().anyMatch(c -> c.tier() == Tier.STRONG),
                "typed without quotes, exactly: a strong clip");
    }

    @Test
    void anUnrelatedPlateIsNotFound() throws Exception {
        ExplainedResult r = ask("\"PL55 QRT\"");
        assertTrue(r.clips().isEmpty(), spans(r.clips()));
        assertTrue(r.unanswered().isEmpty(), "answerable, and the answer is: nowhere");
    }

    @Test
    void textAndNoPeopleTogether() throws Exception {
        ExplainedResult r = ask("-person \"KX19 ABC\"");
        assertFalse(of(r, plate).isEmpty());
        assertTrue(of(r, plate).stream().allMatch(c -> c.why().stream().anyMatch(w -> w.evidence().contains("saw none"))),
                spans(r.clips()));
    }

    @Test
    void aDirectionOnRealFootageIsWhereTheManWalksOut() throws Exception {
        List<ExplainedClip> right = of(ask("person left to right"), indoor);
        assertTrue(right.stream().anyMatch(c -> c.clip().startSeconds() <= LEAVES_RIGHT_FROM && LEAVES_RIGHT_TO <= c.clip().endSeconds() + 2),
                "the man leaving to the right at 42-46 s: " + spans(right));
        assertTrue(right.stream().noneMatch(c -> c.clip().endSeconds() < 30), "nobody walks right before: " + spans(right));
        assertTrue(right.stream().allMatch(c -> c.why().stream().anyMatch(w -> w.evidence().startsWith("track: person")
                && w.evidence().contains("moved left to right"))), spans(right));
        List<ExplainedClip> left = of(ask("person right to left"), indoor);
        assertTrue(left.stream().noneMatch(c -> c.clip().startSeconds() <= LEAVES_RIGHT_TO && LEAVES_RIGHT_FROM <= c.clip().endSeconds()),
                "he does not walk left then: " + spans(left));
    }

    @Test
    void aDirectionOnTheGeneratedWalk() throws Exception {
        List<ExplainedClip> right = of(ask("person left to right"), walk);
        assertFalse(right.isEmpty(), "B walks right");
        // B walks right from 24 to 30 s: one clip or adjacent ones (a long track's span is cut into clips of the
        // grouper's length) cover it
        assertTrue(covered(right, 24, 30), spans(right));
        assertTrue(of(ask("person right to left"), walk).isEmpty(), "nobody walks left");
        assertTrue(of(ask("person crossing"), walk).stream().anyMatch(c -> c.why().stream().anyMatch(w -> w.evidence().contains("crossed"))));
    }

    @Test
    void withAModelItsHitsGainTheTrackEvidenceOrGoToMore() throws Exception {
        // the colour model reads "black": its hits are checked against the tracks of black people moving right
        ExplainedResult r = ask("a black person left to right");
        assertTrue(r.answeredBy().contains("demo"), r.answeredBy());
        List<ExplainedClip> walking = of(r, walk);
        assertTrue(walking.stream().anyMatch(c -> c.tier() != Tier.MORE && c.why().stream().anyMatch(w -> w.part().startsWith("looks like"))
                && c.why().stream().anyMatch(w -> w.evidence().startsWith("track: person (black) moved left to right"))), spans(walking));
        assertTrue(of(r, plate).stream().allMatch(c -> c.tier() == Tier.MORE && c.why().stream().anyMatch(w -> w.evidence()
                .startsWith("not found in the stored perception"))), "nobody walks in the plate clip: " + spans(of(r, plate)));
    }

    @Test
    void closenessIsOnlyWhereBothAreClose() throws Exception {
        for (String prompt : List.of("two people together", "a person next to a person")) {
            ExplainedResult r = ask(prompt);
            assertTrue(r.unanswered().isEmpty(), prompt + ": " + r.unanswered());
            List<ExplainedClip> clips = of(r, walk);
            assertFalse(clips.isEmpty(), prompt + ": A and B stand together for the first 12 s");
            assertTrue(clips.stream().allMatch(c -> c.clip().startSeconds() < GeneratedClips.TOGETHER_UNTIL
                    && c.clip().endSeconds() <= GeneratedClips.TOGETHER_UNTIL + 8), prompt + ": B is 1 box-width away from 18 s: " + spans(clips));
            assertTrue(clips.stream().allMatch(c -> c.why().stream().anyMatch(w -> w.evidence().contains("person + person within")
                    && w.evidence().contains("box-widths for"))), prompt + ": the pair and how long: " + spans(clips));
            assertTrue(of(r, indoor).isEmpty(), prompt + ": the indoor people come one at a time: " + spans(of(r, indoor)));
        }
    }

    @Test
    void standingStillAndLingering() throws Exception {
        List<ExplainedClip> still = of(ask("a person standing still"), walk);
        assertTrue(still.stream().anyMatch(c -> c.why().stream().anyMatch(w -> w.evidence().contains("stayed within"))), spans(still));
        List<ExplainedClip> lingering = of(ask("person loitering"), walk);
        assertTrue(lingering.stream().anyMatch(c -> c.why().stream().anyMatch(w -> w.evidence().contains("loitering: at least 30 s"))),
                spans(lingering));
        assertEquals(lingering.size(), lingering.stream().map(c -> c.clip().startSeconds()).distinct().count(),
                "two tracks at one moment make one clip: " + spans(lingering));
    }

    @Test
    void theCommandLineNamesTheEvidence() throws Exception {
        workspace.close(); // one process at a time holds the index
        try {
            String dataDir = tmp.resolve("data").toString();
            org.sightline.indexer.cli.CliRun run = org.sightline.indexer.cli.CliRun.of("search", "\"KX19 A8C\"", "--explain", "--data", dataDir);
            assertEquals(0, run.exitCode(), run.out() + run.err());
            assertTrue(run.out().contains("why: text \"KX19 A8C\": text \"KX19 A8C\" read as \""), run.out());
            org.sightline.indexer.cli.CliRun json = org.sightline.indexer.cli.CliRun.of("search", "two people together", "--json", "--data", dataDir);
            assertEquals(0, json.exitCode(), json.out() + json.err());
            var hits = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out());
            assertTrue(hits.size() >= 1, json.out());
            for (var h : hits) {
                assertTrue(h.get("video").asText().endsWith("walk.mp4"), h.toString());
                assertTrue(h.get("why").toString().contains("person + person within"), h.toString());
                assertEquals(2, h.get("objects").get(0).get("count").asInt(), h.toString());
            }
            org.sightline.indexer.cli.CliRun text = org.sightline.indexer.cli.CliRun.of("search", "plate KX19 ABC", "--json", "--data", dataDir);
            assertEquals(0, text.exitCode(), text.out() + text.err());
            var plateHits = new com.fasterxml.jackson.databind.ObjectMapper().readTree(text.out());
            assertTrue(plateHits.size() >= 1 && plateHits.get(0).get("text").get(0).asText().replace(" ", "").startsWith("KX19"),
                    "the JSON hit's text is what was read: " + text.out());
        } finally {
            workspace = Workspace.open(new DataDirectory(tmp.resolve("data")));
        }
    }

    @Test
    void unmeasuredRelationsAreSaidNotDropped() throws Exception {
        ExplainedResult r = ask("person following a person");
        assertTrue(r.unanswered().stream().anyMatch(u -> u.part().equals("relation following") && u.reason().contains("not answered yet")),
                r.unanswered().toString());
    }
}
