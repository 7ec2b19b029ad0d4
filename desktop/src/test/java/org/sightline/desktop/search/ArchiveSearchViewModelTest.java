package org.sightline.desktop.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sightline.desktop.task.SynchronousTaskExecutor;
import org.sightline.desktop.viewer.ClipToView;
import org.sightline.indexer.index.FrameThumbnail;
import org.sightline.indexer.index.VideoVectors;
import org.sightline.indexer.search.ArchiveSearchResult;
import org.sightline.indexer.search.ArchiveSearchResult.ArchiveFile;
import org.sightline.indexer.search.ArchiveSearchResult.LocalCopy;
import org.sightline.indexer.search.SearchQuery;
import org.sightline.indexer.search.SearchResult;

/** The "Whole team archive" toggle and its result rows, over a fake archive search: the three ways a file is reachable. */
class ArchiveSearchViewModelTest {
    private final SynchronousTaskExecutor tasks = new SynchronousTaskExecutor();
    private final List<SearchQuery> asked = new ArrayList<>();
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, 7, (byte) 0xFF, (byte) 0xD9};

    private static final ArchiveFile HERE = new ArchiveFile("a".repeat(64), "cam-a", "ws-a", 12.5, 0.31f, 5,
            new VideoVectors.SourceFile("gate.mp4", "cam-a/gate.mp4", 100), Optional.of(Path.of("/footage/gate.mp4")),
            LocalCopy.INDEXED_HERE, Optional.of(new FrameThumbnail(12.0, JPEG)));
    private static final ArchiveFile SHARED = new ArchiveFile("b".repeat(64), "cam-b", "ws-b", 4, 0.28f, 2,
            new VideoVectors.SourceFile("yard.mp4", "cam-b/yard.mp4", 200), Optional.of(Path.of("/mnt/nas/cam-b/yard.mp4")),
            LocalCopy.SHARED_FOLDER, Optional.of(new FrameThumbnail(4.5, JPEG)));
    private static final ArchiveFile AWAY = new ArchiveFile("c".repeat(64), "cam-c", "ws-c", 61, 0.2f, 1,
            new VideoVectors.SourceFile("dock.mp4", "cam-c/dock.mp4", 300), Optional.empty(), LocalCopy.NOT_HERE,
            Optional.empty());

    private ArchiveSearch archive(boolean available) {
        return new ArchiveSearch() {
            @Override
            public boolean available() {
                return available;
            }

            @Override
            public ArchiveSearchResult search(SearchQuery query) {
                asked.add(query);
                return new ArchiveSearchResult(query, List.of(HERE, SHARED, AWAY), "demo", 9, 4);
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
        assertEquals("3 files of the team archive for “a red car” · 2 open here · 9 frame hits · 4 ms · model demo",
                vm.statusProperty().get());

        ArchiveRow here = vm.rows().get(0);
        assertEquals("gate.mp4", here.title());
        assertTrue(here.openableHere());
        assertArrayEquals(JPEG, here.thumbnailJpeg().orElseThrow());
        assertTrue(here.facts().startsWith("Workstation ws-a · camera cam-a · best at "), here.facts());
        assertTrue(here.facts().endsWith("score 0.310"), here.facts());
        assertEquals("/footage/gate.mp4", here.whereToOpen());

        ArchiveRow shared = vm.rows().get(1);
        assertTrue(shared.openableHere());
        assertEquals("/mnt/nas/cam-b/yard.mp4 (in a shared archive folder)", shared.whereToOpen());

        ArchiveRow away = vm.rows().get(2);
        assertFalse(away.openableHere());
        assertTrue(away.thumbnailJpeg().isEmpty());
        assertTrue(away.whereToOpen().startsWith("dock.mp4: held by workstation ws-c, not reachable from this one"),
                away.whereToOpen());
    }

    @Test
    void reachableFilesOpenAtTheirBestOffsetAndAnUnreachableOneSaysWhy() {
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
        assertEquals(HERE.sha256(), here.sha256(), "indexed here: the catalog's hash");
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
