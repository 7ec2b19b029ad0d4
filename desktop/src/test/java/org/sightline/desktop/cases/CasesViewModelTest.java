package org.sightline.desktop.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sightline.desktop.cases.CaseFiles.CaseRow;
import org.sightline.desktop.cases.CaseFiles.ItemRow;
import org.sightline.desktop.cases.CaseFiles.Moment;
import org.sightline.desktop.task.SynchronousTaskExecutor;

/** The Cases page's state over in-memory case files, with tasks run synchronously. */
class CasesViewModelTest {
    private final SynchronousTaskExecutor tasks = new SynchronousTaskExecutor();
    private final MemoryCases files = new MemoryCases();
    private final CasesViewModel vm = new CasesViewModel(tasks, files);

    /** Cases and their items in maps; {@code failure} makes every call fail with it. */
    private static final class MemoryCases implements CaseFiles {
        final Map<Long, CaseRow> cases = new LinkedHashMap<>();
        final Map<Long, List<ItemRow>> items = new LinkedHashMap<>();
        IOException failure;

        private void failIfAsked() throws IOException {
            if (failure != null) {
                throw failure;
            }
        }

        @Override
        public List<CaseRow> cases() throws IOException {
            failIfAsked();
            return List.copyOf(cases.values());
        }

        @Override
        public CaseRow create(String name, String reference) throws IOException {
            failIfAsked();
            CaseRow row = new CaseRow(cases.size() + 1, name, reference, "open");
            cases.put(row.id(), row);
            items.put(row.id(), new ArrayList<>());
            return row;
        }

        @Override
        public List<ItemRow> items(long caseId) throws IOException {
            failIfAsked();
            return List.copyOf(items.get(caseId));
        }

        @Override
        public void add(long caseId, Moment m) throws IOException {
            failIfAsked();
            List<ItemRow> list = items.get(caseId);
            list.add(new ItemRow(list.size() + 1, list.size() + 1, m.video(), m.camera(), m.hitStartSeconds(),
                    m.hitEndSeconds(), m.hitSeconds(), m.query(), null));
        }
    }

    private static Moment moment(String file) {
        return new Moment(Path.of("/footage", file), null, "gate", 10, 14, 12, null, "red car", false, 0.3f, "demo");
    }

    @Test
    void refreshMakesTheNewestCaseCurrentAndShowsItsItems() throws IOException {
        CaseRow older = files.create("Burglary", "T-1");
        CaseRow newer = files.create("Red car", "T-2");
        files.add(newer.id(), moment("gate.mp4"));
        assertTrue(vm.availableProperty().get());
        assertFalse(vm.canAdd());

        vm.refresh();
        assertEquals(List.of(older, newer), vm.cases());
        assertEquals(newer, vm.currentProperty().get());
        assertEquals(1, vm.items().size());

        vm.currentProperty().set(older);
        assertTrue(vm.items().isEmpty());
        vm.refresh();
        assertEquals(older, vm.currentProperty().get(), "the chosen case stays current");
    }

    @Test
    void createdCasesBecomeCurrentAndClipsAreAddedToThem() {
        vm.create("  ", "T-0");
        assertTrue(tasks.titles().isEmpty(), "a case needs a name");

        vm.add(moment("gate.mp4"));
        assertEquals("Create or choose a case on the Cases page first, then add the clip again.", vm.errorProperty().get());

        vm.create(" Red car ", "T-1");
        assertNull(vm.errorProperty().get());
        assertEquals("Created T-1 · Red car.", vm.messageProperty().get());
        assertEquals("Red car", vm.currentProperty().get().name());
        assertTrue(vm.canAdd());

        vm.add(moment("gate.mp4"));
        assertEquals("Added gate.mp4 to T-1 · Red car.", vm.messageProperty().get());
        assertEquals(1, vm.items().size());
        ItemRow item = vm.items().getFirst();
        assertEquals(Path.of("/footage/gate.mp4"), item.video());
        assertEquals(10, item.inSeconds());
        assertEquals(14, item.outSeconds());
    }

    @Test
    void whileAddingThePageSaysSoAndAnotherCasesItemsAreNotOverwritten() {
        vm.create("Red car", "T-1");
        CaseRow red = vm.currentProperty().get();
        vm.create("Burglary", "T-2");
        CaseRow burglary = vm.currentProperty().get();
        vm.currentProperty().set(red);

        tasks.holdTasks();
        vm.add(moment("gate.mp4"));
        assertEquals("Adding gate.mp4 to T-1 · Red car…", vm.messageProperty().get());
        vm.currentProperty().set(burglary);
        tasks.runHeldTasks();

        assertEquals("Added gate.mp4 to T-1 · Red car.", vm.messageProperty().get());
        assertTrue(vm.items().isEmpty(), "the Burglary case shows its own (no) items");
        assertEquals(1, files.items.get(red.id()).size());
    }

    @Test
    void failuresAreSaidInPlainWords() {
        vm.create("Red car", "T-1");
        files.failure = new IOException("the catalog /data/catalog.db is read-only");
        vm.add(moment("gate.mp4"));
        assertEquals("Cannot add to T-1 · Red car: the catalog /data/catalog.db is read-only", vm.errorProperty().get());
        assertEquals("", vm.messageProperty().get());

        vm.create("Burglary", "T-2");
        assertEquals("Cannot create the case: the catalog /data/catalog.db is read-only", vm.errorProperty().get());

        vm.refresh();
        assertEquals("Cannot read the cases: the catalog /data/catalog.db is read-only", vm.errorProperty().get());
    }

    @Test
    void withoutACaseServiceThePageSaysSoAndAddingIsRefused() {
        CasesViewModel none = CasesViewModel.unavailable(tasks);
        assertFalse(none.availableProperty().get());
        none.refresh();
        none.create("Red car", "T-1");
        assertTrue(none.cases().isEmpty());
        assertFalse(none.canAdd());
        none.add(moment("gate.mp4"));
        assertEquals("Cases are not available in this build.", none.errorProperty().get());
        assertTrue(tasks.titles().isEmpty());
    }
}
