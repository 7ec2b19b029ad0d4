package org.sightline.desktop.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sightline.desktop.task.SynchronousTaskExecutor;
import org.sightline.indexer.search.Clip;
import org.sightline.indexer.search.SearchQuery;
import org.sightline.indexer.search.SearchResult;
import org.sightline.models.runtime.RgbFrame;

/** The search page's state over a fake search service, with tasks run synchronously. */
class SearchViewModelTest {
    private final SynchronousTaskExecutor tasks = new SynchronousTaskExecutor();
    private final List<SearchQuery> asked = new ArrayList<>();

    private static Clip clip(String camera, double start, float score, float strength, Instant wall) {
        return new Clip(1, Path.of("/footage/" + camera + ".mp4"), "abc", camera, start, start + 4, start + 1, score,
                strength, Optional.ofNullable(wall), null, List.of(1L));
    }

    private SearchViewModel answering(List<Clip> clips) {
        return new SearchViewModel(tasks, q -> {
            asked.add(q);
            return new SearchResult(q, clips, "demo", 12, 5);
        });
    }

    @Test
    void sliderRangeFollowsTheQuerysScoresAndFiltersClips() {
        List<Clip> clips = List.of(
                clip("gate", 10, 0.31f, 1f, Instant.parse("2026-01-02T10:00:00Z")),
                clip("aisle", 20, 0.25f, 0.5f, Instant.parse("2026-01-01T10:00:00Z")),
                clip("aisle", 30, 0.19f, 0f, null));
        SearchViewModel vm = answering(clips);
        vm.promptProperty().set("  red car ");
        vm.selectedCameras().add("aisle");
        vm.dayFromProperty().set("07:00");
        vm.dayToProperty().set("19:30");
        vm.fromDateProperty().set("2026-01-01");
        vm.search();

        assertEquals(3, vm.shownClips().size());
        SearchQuery q = asked.getFirst();
        assertEquals("red car", q.prompt());
        assertEquals(SearchViewModel.RESULT_LIMIT, q.limit());
        assertEquals(Set.of("aisle"), q.cameras());
        assertEquals(LocalTime.of(7, 0), q.dayFrom());
        assertEquals(LocalTime.of(19, 30), q.dayTo());
        assertTrue(q.from() != null && q.to() == null);
        assertEquals(0.19, vm.scoreFloorProperty().get(), 1e-6);
        assertEquals(0.31, vm.scoreCeilingProperty().get(), 1e-6);
        assertEquals(Set.of("gate", "aisle"), vm.cameras());
        assertEquals("3 clips found for “red car” · 12 frame hits · 5 ms · model demo", vm.statusProperty().get());
        assertEquals("Showing 3 of 3 clips found", vm.countText().get());
        assertFalse(vm.searchingProperty().get());

        vm.minScoreProperty().set(0.25);
        assertEquals(2, vm.shownClips().size());
        assertEquals("Showing 2 of 3 clips found · 1 below the minimum score", vm.countText().get());
        vm.sortProperty().set(SearchQuery.SortOrder.TIME);
        assertEquals(20, vm.shownClips().getFirst().startSeconds(), "earliest wall clock first");
        assertNull(vm.errorProperty().get());
    }

    /** Issue 15, item 6: 0.235 vs 0.222 read "100%" vs "0%" when scaled between the shown clips. */
    @Test
    void percentOfBestIsTheScoreOverTheBestOfAllHitsAndAFullPageOffersMore() {
        List<Clip> page = new ArrayList<>();
        for (int i = 0; i < SearchViewModel.RESULT_LIMIT; i++) {
            page.add(clip("cam" + i, i, 0.235f - i * 0.0002f, 0f, null));
        }
        SearchViewModel vm = answering(page);
        vm.promptProperty().set("white");
        vm.search();
        assertEquals(0.235, vm.bestScoreProperty().get(), 1e-6);
        Clip weakest = page.getLast();
        assertEquals(weakest.score() / 0.235f, vm.shareOfBest(weakest), 1e-6);
        assertTrue(vm.shareOfBest(weakest) > 0.9, "close scores stay close");
        assertTrue(vm.mayHaveMoreProperty().get());
        assertEquals("Showing 60 of 60 clips found · the search stopped at 60: more may match", vm.countText().get());

        vm.showMore();
        assertEquals(2 * SearchViewModel.RESULT_LIMIT, asked.getLast().limit(), "the same query, asking for more");
        assertEquals("white", asked.getLast().prompt());
        vm.search();
        assertEquals(SearchViewModel.RESULT_LIMIT, asked.getLast().limit(), "a new search starts with one page again");
    }

    @Test
    void wallClockSourcesComeWithTheResults() {
        Clip c = clip("gate", 10, 0.3f, 1f, Instant.parse("2026-01-02T10:00:00Z"));
        SearchViewModel vm = new SearchViewModel(tasks, new ClipSearch() {
            @Override
            public SearchResult search(SearchQuery q) {
                return new SearchResult(q, List.of(c), "demo", 1, 1);
            }

            @Override
            public java.util.Map<Long, String> clockSources(java.util.Collection<Long> ids) {
                return java.util.Map.of(1L, "metadata");
            }
        });
        vm.promptProperty().set("red");
        vm.search();
        assertEquals("metadata", vm.clockSource(c));
        assertTrue(ClipCard.describeWallClock(c, "metadata").endsWith("(from metadata)"));
        assertEquals("wall clock unknown", ClipCard.describeWallClock(clip("x", 1, 0.1f, 0f, null), null));
        assertEquals("0:10–0:14 in file · 4.0 s", ClipCard.describeOffset(c));
    }

    @Test
    void clipsTheSearchWithheldAreSaid() {
        SearchViewModel vm = new SearchViewModel(tasks, q -> new SearchResult(q, List.of(clip("gate", 10, 0.3f, 1f, null)),
                "demo", 3, 5, List.of(new org.sightline.indexer.search.WithheldClip(Path.of("/footage/yard.mp4"), 4, 8,
                        "segment 7 spans 4.000-100008.000 s but the video is 8.000 s long"))));
        vm.promptProperty().set("red car");
        vm.search();
        assertEquals(1, vm.shownClips().size());
        assertTrue(vm.statusProperty().get().endsWith(" · 1 withheld, their catalog records do not hold together (edited "
                + "outside Sightline?): /footage/yard.mp4 4.0-8.0 s: segment 7 spans 4.000-100008.000 s but the video is "
                + "8.000 s long"), vm.statusProperty().get());
    }

    @Test
    void badFiltersAndFailedSearchesAreSaidInWords() {
        SearchViewModel vm = new SearchViewModel(tasks, q -> {
            throw new IllegalStateException("no model pack installed");
        });
        vm.dayFromProperty().set("7 o'clock");
        vm.dayToProperty().set("19:00");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> vm.withFilters(SearchQuery.prompt("red")));
        assertTrue(e.getMessage().contains("7 o'clock"), e.getMessage());

        vm.promptProperty().set("red");
        vm.search();
        assertEquals("Time of day 'from' must look like 07:30, not '7 o'clock'.", vm.errorProperty().get());
        assertTrue(tasks.titles().isEmpty(), "no search runs with bad filters");

        vm.dayFromProperty().set("07:00");
        vm.dayToProperty().set("");
        vm.search();
        assertEquals("Give both ends of the time-of-day window (HH:mm), or neither.", vm.errorProperty().get());

        vm.dayFromProperty().set("");
        vm.fromDateProperty().set("2026-02-01");
        vm.toDateProperty().set("2026-01-01");
        vm.search();
        assertEquals("The date range ends before it starts.", vm.errorProperty().get());

        vm.fromDateProperty().set("");
        vm.search();
        assertTrue(vm.errorProperty().get().contains("no model pack installed"), vm.errorProperty().get());
        assertEquals("", vm.statusProperty().get());
        assertFalse(vm.searchingProperty().get());
        assertTrue(vm.shownClips().isEmpty());
    }

    @Test
    void isoDatesTypedInTheDateFieldsAreKeptAndBoundTheSearch() {
        // issue 15, item 11: 2018-01-01 and 2018-01-01T22:00 were wiped from the date fields
        SearchViewModel vm = answering(List.of(clip("gate", 10, 0.31f, 1f, Instant.parse("2018-01-01T22:30:00Z"))));
        ZoneId zone = ZoneId.systemDefault();
        vm.promptProperty().set("car");
        vm.fromDateProperty().set("2018-01-01T22:00");
        vm.toDateProperty().set(" 2018-01-02 ");
        vm.search();

        assertEquals("2018-01-01T22:00", vm.fromDateProperty().get(), "the text stays as typed");
        assertEquals("", vm.fromDateProblemProperty().get());
        SearchQuery q = asked.getFirst();
        assertEquals(LocalDateTime.of(2018, 1, 1, 22, 0).atZone(zone).toInstant(), q.from());
        assertEquals(LocalDate.of(2018, 1, 3).atStartOfDay(zone).toInstant(), q.to(), "a date alone covers its whole day");

        vm.fromDateProperty().set("2018-01-01 06:30");
        vm.toDateProperty().set("2018-01-01T07:15:30");
        vm.rerun();
        assertEquals(LocalDateTime.of(2018, 1, 1, 6, 30).atZone(zone).toInstant(), asked.getLast().from());
        assertEquals(LocalDateTime.of(2018, 1, 1, 7, 15, 30).atZone(zone).toInstant(), asked.getLast().to());

        int before = asked.size();
        vm.fromDateProperty().set("01/02/2018");
        assertEquals("'01/02/2018' is not a date: type it as 2018-01-31 or 2018-01-31T22:00.",
                vm.fromDateProblemProperty().get(), "said next to the field as soon as it is typed");
        assertEquals("01/02/2018", vm.fromDateProperty().get(), "a wrong date is not wiped either");
        vm.rerun();
        assertEquals(before, asked.size(), "no search runs with a date that cannot be read");
        assertEquals(vm.fromDateProblemProperty().get(), vm.errorProperty().get());
        vm.fromDateProperty().set("");
        assertEquals("", vm.fromDateProblemProperty().get());
    }

    @Test
    void anOverlongPromptIsRefusedInWordsAndNothingRuns() {
        // issue 11, item 1: every entry point bounds what reaches the model
        SearchViewModel vm = answering(List.of());
        vm.promptProperty().set("red ".repeat(300));
        vm.search();
        assertTrue(vm.errorProperty().get().contains("at most 1,000"), vm.errorProperty().get());
        assertTrue(asked.isEmpty());
    }

    @Test
    void blankPromptsDoNothing() {
        SearchViewModel vm = answering(List.of());
        vm.promptProperty().set("   ");
        vm.search();
        vm.rerun(); // nothing searched yet
        assertTrue(asked.isEmpty());
        assertTrue(tasks.titles().isEmpty());
    }

    @Test
    void aNewSearchCancelsTheRunningOneAndOnlyItsResultIsShown() {
        SearchViewModel vm = new SearchViewModel(tasks, q -> {
            asked.add(q);
            return new SearchResult(q, List.of(clip(q.prompt(), 1, 0.3f, 1f, null)), "demo", 1, 1);
        });
        tasks.holdTasks();
        vm.promptProperty().set("red");
        vm.search();
        assertTrue(vm.searchingProperty().get());
        assertEquals("Searching “red”…", vm.statusProperty().get());

        vm.promptProperty().set("blue");
        vm.search();
        assertEquals(1, tasks.heldCount(), "the search for red was cancelled before it ran");
        tasks.runHeldTasks();

        assertEquals(1, asked.size());
        assertEquals("blue", asked.getFirst().prompt());
        assertEquals("blue", vm.shownClips().getFirst().camera());
        assertEquals("“blue”", vm.queryDescriptionProperty().get());
        assertFalse(vm.searchingProperty().get());
    }

    @Test
    void rerunKeepsTheQueryAndAppliesTheNewFilters() {
        SearchViewModel vm = answering(List.of(clip("gate", 1, 0.3f, 1f, null)));
        vm.promptProperty().set("red");
        vm.search();
        vm.selectedCameras().add("gate");
        vm.promptProperty().set("something typed but not run");
        vm.rerun();
        assertEquals(2, asked.size());
        assertEquals("red", asked.get(1).prompt());
        assertEquals(Set.of("gate"), asked.get(1).cameras());
    }

    @Test
    void findSimilarSearchesByTheFrameAndOpeningAClipTellsTheViewer() {
        Clip only = clip("gate", 1, 0.3f, 1f, null);
        SearchViewModel vm = answering(List.of(only));
        List<Clip> opened = new ArrayList<>();
        vm.onOpenClipProperty().set(opened::add);
        vm.promptProperty().set("red");

        RgbFrame frame = new RgbFrame(16, 16, new byte[16 * 16 * 3]);
        vm.searchSimilar(frame, "gate.mp4 at 0:01.000");

        SearchQuery q = asked.getFirst();
        assertNull(q.prompt());
        assertTrue(q.example() instanceof SearchQuery.Example.OfFrame f && f.frame() == frame, q.toString());
        assertEquals("", vm.promptProperty().get(), "the prompt is cleared for a search by example");
        assertEquals("similar to gate.mp4 at 0:01.000", vm.queryDescriptionProperty().get());
        assertEquals(vm.lastResult().query(), q);

        vm.selectedProperty().set(only);
        assertEquals(List.of(only), opened);
    }

    /** An explained search over 2 strong, 3 possible and 7 more clips, answering pages from the start. */
    private SearchViewModel explained(List<org.sightline.indexer.search.ExplainedQuery> explainedAsked) {
        List<org.sightline.indexer.search.ExplainedClip> all = new ArrayList<>();
        org.sightline.indexer.search.Tier[] tiers = org.sightline.indexer.search.Tier.values();
        int[] counts = {2, 3, 7};
        int n = 0;
        for (int t = 0; t < 3; t++) {
            for (int i = 0; i < counts[t]; i++, n++) {
                all.add(new org.sightline.indexer.search.ExplainedClip(clip("cam", n * 10, 0.3f - n * 0.01f, 0f, null), tiers[t],
                        List.of(new org.sightline.indexer.search.Reason("looks like \"red\"", "similarity " + n)),
                        List.of(new org.sightline.indexer.search.ObjectSighting("person", 2, 0.8f)), List.of("KX19")));
            }
        }
        java.util.Map<org.sightline.indexer.search.Tier, Integer> tierCounts = java.util.Map.of(tiers[0], 2, tiers[1], 3, tiers[2], 7);
        return new SearchViewModel(tasks, new ClipSearch() {
            @Override
            public SearchResult search(SearchQuery q) {
                throw new AssertionError("a prompt runs as the explained search");
            }

            @Override
            public org.sightline.indexer.search.ExplainedResult explainedSearch(org.sightline.indexer.search.ExplainedQuery q) {
                explainedAsked.add(q);
                if (q.query().prompt().equals("quokka")) {
                    throw new org.sightline.models.runtime.PromptNotUnderstoodException("nothing in \"quokka\" can be answered here");
                }
                if (q.query().prompt().equals("blue")) {
                    return new org.sightline.indexer.search.ExplainedResult("blue", List.of(), java.util.Map.of(tiers[0], 0,
                            tiers[1], 0, tiers[2], 0), 0, List.of(), List.of(), "demo", 0, "rule", 1);
                }
                return new org.sightline.indexer.search.ExplainedResult(q.query().prompt(),
                        all.subList(0, Math.min(all.size(), q.query().limit())), tierCounts, 0, List.of("quokka"),
                        List.of(new org.sightline.indexer.search.UnansweredPart("2 × person", List.of("two", "people"),
                                "not yet answerable on this data directory (no detections indexed)")), "demo", 40, "the rule", 3);
            }

            @Override
            public int indexedVideos() {
                return 0;
            }
        }, 2);
    }

    @Test
    void anExplainedSearchShowsTiersWithCountsWhyAndPagesThroughEveryTier() {
        List<org.sightline.indexer.search.ExplainedQuery> asked = new ArrayList<>();
        SearchViewModel vm = explained(asked);
        vm.promptProperty().set("red quokka");
        vm.search();
        assertEquals(2, asked.getLast().query().limit(), "one page first");
        assertEquals(List.of("Strong · 2", "Possible · 3 (0 loaded)", "More · 7 (0 loaded)"),
                vm.sections().stream().map(TierSection::heading).toList());
        assertTrue(vm.countText().get().startsWith("Strong 2 · Possible 3 · More 7 · showing 2 of 12 clips found"),
                vm.countText().get());
        assertEquals("Words not used: quokka · Not answerable on this data directory: 2 × person: not yet answerable on "
                + "this data directory (no detections indexed)", vm.understandingProperty().get());
        ClipExplanation why = vm.explanationOf(vm.shownClips().getFirst());
        assertEquals("strong", why.tier());
        assertEquals(List.of("looks like \"red\": similarity 0"), why.why());
        assertEquals(List.of("person × 2"), why.objects());
        assertEquals(List.of("KX19"), why.text());

        // "Show more" in the More tier loads everything before it and one page of it
        vm.showMore(vm.sections().get(2));
        assertEquals(2 + 3 + 2, asked.getLast().query().limit());
        assertEquals(List.of(2, 3, 2), vm.sections().stream().map(TierSection::loaded).toList());
        while (vm.sections().stream().anyMatch(t -> t.loaded() < t.total())) {
            vm.showMore();
        }
        assertEquals(12, vm.allClips().size(), "every clip of every tier reachable");
        assertFalse(vm.mayHaveMoreProperty().get());
        assertEquals(List.of("strong", "strong", "possible"), vm.shownClips().stream().limit(3)
                .map(c -> vm.explanationOf(c).tier()).toList(), "tiers in order, best first within each");
    }

    @Test
    void aPromptNotUnderstoodSaysSoAndAnEmptyIndexPointsToTheLibrary() {
        SearchViewModel vm = explained(new ArrayList<>());
        vm.promptProperty().set("quokka");
        vm.search();
        assertEquals("Nothing in \"quokka\" can be answered here", vm.errorProperty().get());
        assertEquals("", vm.emptyTextProperty().get(), "not 'Nothing matched.'");

        vm.promptProperty().set("blue");
        vm.search();
        assertNull(vm.errorProperty().get());
        assertTrue(vm.emptyTextProperty().get().startsWith("Nothing is indexed yet: add footage on the Library page"),
                vm.emptyTextProperty().get());
    }
}
