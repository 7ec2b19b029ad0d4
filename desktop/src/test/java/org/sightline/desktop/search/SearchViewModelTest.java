package org.sightline.desktop.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sightline.desktop.task.TaskExecutor;
import org.sightline.indexer.search.Clip;
import org.sightline.indexer.search.SearchQuery;
import org.sightline.indexer.search.SearchResult;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class SearchViewModelTest {
    private final TaskExecutor tasks = new TaskExecutor();
    private final AtomicReference<SearchQuery> asked = new AtomicReference<>();

    @Start
    void start(Stage stage) {
        // no window: the view-model only needs the FX thread
    }

    @AfterEach
    void stop() {
        tasks.close();
    }

    private static Clip clip(String camera, double start, float score, float strength, Instant wall) {
        return new Clip(1, Path.of("/footage/" + camera + ".mp4"), "abc", camera, start, start + 4, start + 1, score,
                strength, Optional.ofNullable(wall), null, List.of(1L));
    }

    @Test
    void sliderRangeFollowsTheQuerysScoresAndFiltersClips(FxRobot robot) throws Exception {
        List<Clip> clips = List.of(
                clip("gate", 10, 0.31f, 1f, Instant.parse("2026-01-02T10:00:00Z")),
                clip("aisle", 20, 0.25f, 0.5f, Instant.parse("2026-01-01T10:00:00Z")),
                clip("aisle", 30, 0.19f, 0f, null));
        SearchViewModel vm = new SearchViewModel(tasks, q -> {
            asked.set(q);
            return new SearchResult(q, clips, "demo", 12, 5);
        });
        robot.interact(() -> {
            vm.promptProperty().set("  red car ");
            vm.selectedCameras().add("aisle");
            vm.dayFromProperty().set("07:00");
            vm.dayToProperty().set("19:30");
            vm.fromDateProperty().set(LocalDate.of(2026, 1, 1));
            vm.search();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.shownClips().size() == 3);
        SearchQuery q = asked.get();
        assertEquals("red car", q.prompt());
        assertEquals(Set.of("aisle"), q.cameras());
        assertEquals(LocalTime.of(7, 0), q.dayFrom());
        assertEquals(LocalTime.of(19, 30), q.dayTo());
        assertTrue(q.from() != null && q.to() == null);
        assertEquals(0.19, vm.scoreFloorProperty().get(), 1e-6);
        assertEquals(0.31, vm.scoreCeilingProperty().get(), 1e-6);
        assertEquals(Set.of("gate", "aisle"), vm.cameras());

        robot.interact(() -> vm.minScoreProperty().set(0.25));
        assertEquals(2, vm.shownClips().size());
        robot.interact(() -> vm.sortProperty().set(SearchQuery.SortOrder.TIME));
        assertEquals(20, vm.shownClips().getFirst().startSeconds(), "earliest wall clock first");
        assertNull(vm.errorProperty().get());
    }

    @Test
    void badFiltersAndFailedSearchesAreSaidInWords(FxRobot robot) throws Exception {
        SearchViewModel vm = new SearchViewModel(tasks, q -> {
            throw new IllegalStateException("no model pack installed");
        });
        robot.interact(() -> {
            vm.dayFromProperty().set("7 o'clock");
            vm.dayToProperty().set("19:00");
        });
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> vm.withFilters(SearchQuery.prompt("red")));
        assertTrue(e.getMessage().contains("7 o'clock"), e.getMessage());
        robot.interact(() -> {
            vm.dayFromProperty().set("");
            vm.dayToProperty().set("");
            vm.promptProperty().set("red");
            vm.search();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.errorProperty().get() != null);
        assertTrue(vm.errorProperty().get().contains("no model pack installed"), vm.errorProperty().get());
    }
}
