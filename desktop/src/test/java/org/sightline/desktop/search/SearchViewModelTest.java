package org.sightline.desktop.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
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
        vm.fromDateProperty().set(LocalDate.of(2026, 1, 1));
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
        vm.fromDateProperty().set(LocalDate.of(2026, 2, 1));
        vm.toDateProperty().set(LocalDate.of(2026, 1, 1));
        vm.search();
        assertEquals("The date range ends before it starts.", vm.errorProperty().get());

        vm.fromDateProperty().set(null);
        vm.search();
        assertTrue(vm.errorProperty().get().contains("no model pack installed"), vm.errorProperty().get());
        assertEquals("", vm.statusProperty().get());
        assertFalse(vm.searchingProperty().get());
        assertTrue(vm.shownClips().isEmpty());
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
}
