package org.sightline.indexer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.indexer.app.DataDirectory;
import org.sightline.indexer.app.Workspace;
import org.sightline.indexer.cli.CliRun;
import org.sightline.indexer.footage.FrameRegion;
import org.sightline.indexer.search.ExplainedResult;
import org.sightline.indexer.search.MotionQuery;
import org.sightline.indexer.search.Tier;
import org.sightline.models.store.ModelStore;
import org.sightline.models.testing.SharedData;

/**
 * {@code sightline search} reading the prompt, explaining each hit, tiering instead of cutting off, and motion in
 * regions, on two real fixtures indexed with the demonstration colour model (cameras "aisle" and "lot").
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExplainedSearchTest {
    /** Where cars enter parking-aisle-cars.mp4 from the bottom edge (see RegionMotionTest). */
    static final String ENTRY = "0.42,0.75,0.26,0.25";
    static final String EMPTY_TARMAC = "0.75,0.3,0.2,0.45";

    @TempDir
    static Path tmp;
    Path data;

    @BeforeAll
    void index() throws Exception {
        data = tmp.resolve("data");
        new ModelStore(new DataDirectory(data).modelsDir()).installDemo();
        Path footage = SharedData.root().resolve("footage");
        CliRun aisle = CliRun.of("index", footage.resolve("parking-aisle-cars.mp4").toString(), "--camera", "aisle", "--data", data.toString());
        assertEquals(0, aisle.exitCode(), aisle.out() + aisle.err());
        CliRun lot = CliRun.of("index", footage.resolve("parking-lot-person-bicycle-car.mp4").toString(), "--camera", "lot", "--data", data.toString());
        assertEquals(0, lot.exitCode(), lot.out() + lot.err());
    }

    private CliRun search(String... args) {
        List<String> all = new ArrayList<>(List.of("search"));
        all.addAll(List.of(args));
        all.addAll(List.of("--data", data.toString()));
        return CliRun.of(all.toArray(String[]::new));
    }

    @Test
    void everyHitSaysWhyAndWhichTier() throws Exception {
        CliRun run = search("a white car quokka", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode hits = new ObjectMapper().readTree(run.out());
        assertTrue(hits.size() > 0, run.out());
        for (JsonNode h : hits) {
            for (String field : List.of("video", "sha256", "start_s", "score", "tier", "why", "ignored", "objects", "text")) {
                assertTrue(h.has(field), field + " in " + h);
            }
            assertTrue(List.of("strong", "possible", "more").contains(h.get("tier").asText()), h.toString());
            assertTrue(h.get("why").get(0).get("evidence").asText().contains("similarity"), h.toString());
            assertEquals("[\"quokka\"]", h.get("ignored").toString());
            assertEquals(0, h.get("objects").size());
            // indexed with the starter packs: the detector's view of the car is part of the evidence (or its silence)
            assertTrue(h.get("why").toString().contains("car, colour white"), h.toString());
        }
        // white cars rank first: the white sports car (~24-27 s) and the white car (~4.5-7.5 s) of the aisle
        for (int i = 0; i < 2; i++) {
            JsonNode h = hits.get(i);
            assertTrue(h.get("video").asText().endsWith("parking-aisle-cars.mp4"), h.toString());
            double best = h.get("best_s").asDouble();
            assertTrue(best >= 4 && best <= 8 || best >= 24 && best <= 28, h.toString());
            assertFalse(h.get("tier").asText().equals("more"), "a white car stands out: " + h);
        }
        List<String> tiers = new ArrayList<>();
        hits.forEach(h -> tiers.add(h.get("tier").asText()));
        List<String> ordered = new ArrayList<>(tiers);
        ordered.sort(java.util.Comparator.comparingInt(t -> List.of("strong", "possible", "more").indexOf(t)));
        assertEquals(ordered, tiers, "strong first, then possible, then more");
        assertFalse(run.err().contains("not yet answerable"), "the detections answer the object part: " + run.err());
        assertTrue(run.err().contains("words not used: quokka"), run.err());
    }

    @Test
    void explainNamesTheEvidence() {
        // the aisle was recorded at 22:46 UTC (metadata), the lot at 19:52: only the aisle is "at night"
        CliRun run = search("white car at night", "--explain");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("parking-aisle-cars.mp4"), run.out());
        assertFalse(run.out().contains("parking-lot-person-bicycle-car.mp4"), run.out());
        assertTrue(run.out().contains("why: at night (21:00-05:00): recorded inside this daily window"), run.out());
        assertTrue(run.out().contains("why: car, colour white: "), run.out());
        CliRun white = search("white", "--explain", "--limit", "3");
        assertTrue(white.out().contains("tiers: strong:"), white.out());
        assertTrue(white.out().contains("why: looks like \"white\""), white.out());
    }

    @Test
    void aPromptOfUnknownWordsSaysWhatCanBeAsked() {
        CliRun run = search("quokka zebu");
        assertEquals(4, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("nothing in \"quokka zebu\" can be answered"), run.err());
        assertTrue(run.err().contains("--motion --region"), run.err());
        assertTrue(run.err().contains("quokka, zebu"), run.err());
        // this data directory was indexed with the starter packs, so the detections answer an object-only prompt
        CliRun objectOnly = search("two people");
        assertEquals(0, objectOnly.exitCode(), objectOnly.out() + objectOnly.err());
        assertFalse(objectOnly.err().contains("not yet answerable"), objectOnly.err());
    }

    @Test
    void pagingReachesEveryClipOfEveryTier() throws Exception {
        CliRun all = search("red", "--json", "--limit", "1000");
        JsonNode hits = new ObjectMapper().readTree(all.out());
        int total = hits.size();
        assertTrue(all.err().contains(total + " clips: strong"), all.err());
        CliRun second = search("red", "--json", "--limit", "2", "--offset", "2");
        JsonNode page = new ObjectMapper().readTree(second.out());
        assertEquals(hits.get(2).get("start_s"), page.get(0).get("start_s"));
        assertTrue(second.err().contains("showing 3-4"), second.err());
    }

    @Test
    void motionAtTheAisleEntryIsTheCarsEntering() throws Exception {
        CliRun run = search("--motion", "--region", ENTRY, "--camera", "aisle", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode hits = new ObjectMapper().readTree(run.out());
        assertTrue(hits.size() >= 2, run.out());
        boolean whiteCarEntering = false;
        for (JsonNode h : hits) {
            whiteCarEntering |= h.get("start_s").asDouble() <= 6 && h.get("end_s").asDouble() >= 4.5;
            assertTrue(h.get("why").get(0).get("evidence").asText().contains("of region"), h.toString());
        }
        assertTrue(whiteCarEntering, run.out());
        CliRun empty = search("--motion", "--region", EMPTY_TARMAC, "--camera", "aisle", "--json");
        assertEquals(0, empty.exitCode(), empty.err());
        assertEquals(0, new ObjectMapper().readTree(empty.out()).size(), empty.out());
    }

    @Test
    void motionSearchesAreAuditedAndNeedARegion() throws Exception {
        try (Workspace w = Workspace.open(new DataDirectory(data))) {
            ExplainedResult r = w.motionSearch(MotionQuery.in(List.of(FrameRegion.parse(ENTRY))), null);
            assertTrue(r.tierCounts().get(Tier.STRONG) >= 1, r.toString());
            assertTrue(w.evidence().audit().entries().stream().anyMatch(e -> e.details().contains("motion in region")));
            w.explainedSearch(org.sightline.indexer.search.ExplainedQuery.of(
                    org.sightline.indexer.search.SearchQuery.prompt("a red car by the gate")));
            assertTrue(w.evidence().audit().entries().getLast().details().contains("a red car by the gate"),
                    "the prompt as typed is in the audit trail");
        }
        CliRun noRegion = search("--motion");
        assertEquals(2, noRegion.exitCode());
        assertTrue(noRegion.err().contains("--motion needs at least one --region"), noRegion.err());
        CliRun nothing = search();
        assertEquals(2, nothing.exitCode());
        CliRun badRegion = search("--motion", "--region", "0.9,0.9,0.5,0.5");
        assertEquals(2, badRegion.exitCode());
        assertTrue(badRegion.err().contains("not inside the picture"), badRegion.err());
    }

    @Test
    void aRegionSendsClipsWithoutChangeThereToTheMoreTier() throws Exception {
        CliRun run = search("white", "--region", EMPTY_TARMAC, "--camera", "aisle", "--json", "--limit", "100");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode hits = new ObjectMapper().readTree(run.out());
        assertTrue(hits.size() > 0);
        for (JsonNode h : hits) {
            assertEquals("more", h.get("tier").asText(), h.toString());
            assertTrue(h.get("why").toString().contains("no change there during the clip"), h.toString());
        }
    }
}
