package org.sightline.desktop.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sightline.desktop.task.SynchronousTaskExecutor;
import org.sightline.desktop.viewer.ClipToView;
import org.sightline.indexer.index.FrameThumbnail;
import org.sightline.indexer.index.VideoVectors;
import org.sightline.indexer.search.ArchiveSearchResult;
import org.sightline.indexer.search.ArchiveSearchResult.ArchiveClip;
import org.sightline.indexer.search.ArchiveSearchResult.ArchiveFile;
import org.sightline.indexer.search.ArchiveSearchResult.LocalCopy;
import org.sightline.indexer.search.ObjectSighting;
import org.sightline.indexer.search.Reason;
import org.sightline.indexer.search.SearchQuery;
import org.sightline.indexer.search.Tier;
import org.sightline.indexer.search.SearchResult;

/**
 * The "Whole team archive" toggle and its clip cards in tier sections, over a fake archive search: tiers with their
 * counts, why, "Show more", and the three ways a clip's file is reachable.
 */
class ArchiveSearchViewModelTest {
    private final SynchronousTaskExecutor tasks = new SynchronousTaskExecutor();
    private final List<SearchQuery> asked = new ArrayList<>();
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, 7, (byte) 0xFF, (byte) 0xD9};

    private static final ArchiveFile HERE_FILE = new ArchiveFile("a".repeat(64), "cam-a", "ws-a",
            new VideoVectors.SourceFile("gate.mp4", "cam-a/gate.mp4", 100), Optional.of(Path.of("/footage/gate.mp4")),
            LocalCopy.INDEXED_HERE);
    private static final ArchiveFile SHARED_FILE = new ArchiveFile("b".repeat(64), "cam-b", "ws-b",
            new VideoVectors.SourceFile("yard.mp4", "cam-b/yard.mp4", 200), Optional.of(Path.of("/mnt/nas/cam-b/yard.mp4")),
            LocalCopy.SHARED_FOLDER);
    private static final ArchiveFile AWAY_FILE = new ArchiveFile("c".repeat(64), "cam-c", "ws-c",
            new VideoVectors.SourceFile("dock.mp4", "cam-c/dock.mp4", 300), Optional.empty(), LocalCopy.NOT_HERE);
    private static final Reason LOOKS = new Reason("looks like \"red car\" (model demo)", "similarity 0.310 at 12.5 s");
    private static final ArchiveClip HERE = new ArchiveClip(HERE_FILE, 12, 16, 12.5, 0.31f, 5,
            Optional.of(Instant.parse("2026-11-02T08:00:12Z")), Optional.of(new FrameThumbnail(12.0, JPEG)), Tier.STRONG,
            List.of(LOOKS), List.of());
    private static final ArchiveClip SHARED = new ArchiveClip(SHARED_FILE, 4, 8, 4, 0.28f, 2, Optional.empty(),
            Optional.of(new FrameThumbnail(4.5, JPEG)), Tier.POSSIBLE, List.of(LOOKS,
            new Reason("car", "car seen at 4 s (labels from workstation ws-b's detector)")),
            List.of(new ObjectSighting("car", 1, Float.NaN)));
    private static final ArchiveClip AWAY = new ArchiveClip(AWAY_FILE, 60, 64, 61, 0.2f, 1, Optional.empty(), Optional.empty(),
            Tier.POSSIBLE, List.of(LOOKS), List.of());
    /** Clips in the whole result: more than one page holds, so "Show more" has something to load. */
    private static final Map<Tier, Integer> COUNTS = Map.of(Tier.STRONG, 1, Tier.POSSIBLE, 2, Tier.MORE, 4);

    private ArchiveSearch archive(boolean available) {
        return new ArchiveSearch() {
            @Override
            public boolean available() {
                return available;
            }

            @Override
            public ArchiveSearchResult search(SearchQuery query) {
                asked.add(query);
                return new ArchiveSearchResult(query, List.of(HERE, SHARED, AWAY), COUNTS, 0, List.of("shiny"),
                        List.of(), "demo", 9, "rule", 4);
            }
        };
    }

    private static SearchViewModel page(String prompt) {
        SearchViewModel page = new SearchViewModel(new SynchronousTaskExecutor(),
                q -> new SearchResult(q, List.of(), "demo", 0, 0));
        page.promptProperty().set(prompt);
        return page;
    }

    @Test
    void withTheEmbeddedStoreTheToggleIsAbsentAndNothingIsSearched() {
        var vm = new ArchiveSearchViewModel(tasks, archive(false));
        vm.checkAvailability();
        assertFalse(vm.availableProperty().get());
        vm.wholeArchiveProperty().set(true);
        assertFalse(vm.wholeArchiveProperty().get(), "no archive to search: the toggle cannot be on");
        vm.search(page("a red car"));
        assertTrue(asked.isEmpty());
        assertTrue(vm.rows().isEmpty());
    }

    @Test
    void aTeamArchiveListsEveryWorkstationsFilesWithThePagesFilters() {
        var vm = new ArchiveSearchViewModel(tasks, archive(true));
        vm.checkAvailability();
        assertTrue(vm.availableProperty().get());
        vm.wholeArchiveProperty().set(true);
        SearchViewModel page = page("  a red car ");
        page.selectedCameras().add("cam-b");
        vm.search(page);

        SearchQuery q = asked.getFirst();
        assertEquals("a red car", q.prompt());
        assertEquals(Set.of("cam-b"), q.cameras());
        assertEquals(SearchViewModel.RESULT_LIMIT, q.limit());
        assertEquals(3, vm.rows().size());
        assertFalse(vm.searchingProperty().get());
        assertNull(vm.errorProperty().get());
        assertEquals("7 clips of the team archive for “a red car”: strong 1, possible 2, more 4 · 2 of 3 loaded open here"
                + " · 9 frame hits · 4 ms · model demo · words not used: shiny", vm.statusProperty().get());
        // tier sections like local results: every tier with its count over the whole result, the loaded clips in it
        assertEquals(List.of("Strong · 1", "Possible · 2", "More · 4 (0 loaded)"),
                vm.sections().stream().map(ArchiveTierSection::heading).toList());
        assertEquals(List.of(HERE), vm.sections().get(0).shown().stream().map(ArchiveRow::clip).toList());
        assertEquals(List.of(SHARED, AWAY), vm.sections().get(1).shown().stream().map(ArchiveRow::clip).toList());
        assertTrue(vm.sections().get(2).canShowMore());
        assertFalse(vm.sections().get(0).canShowMore());
        vm.showMore(vm.sections().get(2));
        assertEquals(2 * SearchViewModel.RESULT_LIMIT, asked.getLast().limit(), "the same query asked for a page more");
        assertEquals(q.prompt(), asked.getLast().prompt());
        assertEquals(q.cameras(), asked.getLast().cameras());

        ArchiveRow here = vm.rows().get(0);
        assertEquals("gate.mp4", here.title());
        assertTrue(here.openableHere());
        assertArrayEquals(JPEG, here.thumbnailJpeg().orElseThrow());
        assertEquals("strong", here.tier());
        assertTrue(here.facts().startsWith("Workstation ws-a · camera cam-a · 0:12.000–0:16.000 · best at "), here.facts());
        assertTrue(here.facts().endsWith("score 0.310"), here.facts());
        assertEquals("Recorded 2026-11-02 08:00:12 UTC (its workstation's recording start)", here.recorded());
        assertEquals(List.of("looks like \"red car\" (model demo): similarity 0.310 at 12.5 s"), here.why());
        assertEquals("/footage/gate.mp4", here.whereToOpen());

        ArchiveRow shared = vm.rows().get(1);
        assertTrue(shared.openableHere());
        assertEquals(List.of("car"), shared.objects());
        assertTrue(shared.why().contains("car: car seen at 4 s (labels from workstation ws-b's detector)"), shared.why().toString());
        assertTrue(shared.recorded().startsWith("Recording time not known"));
        assertEquals("/mnt/nas/cam-b/yard.mp4 (in a shared archive folder)", shared.whereToOpen());

        ArchiveRow away = vm.rows().get(2);
        assertFalse(away.openableHere());
        assertTrue(away.thumbnailJpeg().isEmpty());
        assertTrue(away.whereToOpen().startsWith("dock.mp4: held by workstation ws-c, not reachable from this one"),
                away.whereToOpen());
    }

    @Test
    void reachableClipsOpenAtTheirBestFrameWithTheirSpanAndAnUnreachableOneSaysWhy() {
        var vm = new ArchiveSearchViewModel(tasks, archive(true));
        vm.checkAvailability();
        vm.wholeArchiveProperty().set(true);
        List<ClipToView> opened = new ArrayList<>();
        vm.onOpenProperty().set(opened::add);
        vm.search(page("a red car"));

        vm.open(vm.rows().get(0));
        ClipToView here = opened.getLast();
        assertEquals(Path.of("/footage/gate.mp4"), here.video());
        assertEquals(12.5, here.openAtSeconds());
        assertEquals(12, here.hitStartSeconds());
        assertEquals(16, here.hitEndSeconds());
        assertEquals(Instant.parse("2026-11-02T08:00:00Z"), here.wallClockAtZero().orElseThrow());
        assertEquals(HERE_FILE.sha256(), here.sha256(), "indexed here: the catalog's hash");
        assertEquals("a red car", here.origin().query());

        vm.open(vm.rows().get(1));
        ClipToView shared = opened.getLast();
        assertEquals(Path.of("/mnt/nas/cam-b/yard.mp4"), shared.video());
        assertEquals(4, shared.openAtSeconds());
        assertNull(shared.sha256(), "a shared folder's copy is hashed by the viewer, not taken on trust");

        vm.open(vm.rows().get(2));
        assertEquals(2, opened.size(), "nothing opened for a file this workstation cannot reach");
        assertTrue(vm.errorProperty().get().startsWith("Cannot open here: dock.mp4: held by workstation ws-c"),
                vm.errorProperty().get());
    }

    @Test
    void aFailedSearchIsSaidAndClearsTheRows() {
        var vm = new ArchiveSearchViewModel(tasks, new ArchiveSearch() {
            @Override
            public boolean available() {
                return true;
            }

            @Override
            public ArchiveSearchResult search(SearchQuery query) throws Exception {
                throw new java.io.IOException("the SolrCloud at 10.0.0.5:2181 does not answer");
            }
        });
        vm.checkAvailability();
        vm.search(page("a red car"));
        assertTrue(vm.rows().isEmpty());
        assertTrue(vm.errorProperty().get().contains("does not answer"), vm.errorProperty().get());
        assertFalse(vm.searchingProperty().get());
    }
}
