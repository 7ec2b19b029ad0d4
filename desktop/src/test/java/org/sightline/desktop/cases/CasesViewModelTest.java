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
import org.junit.jupiter.api.io.TempDir;
import org.sightline.desktop.cases.CaseFiles.CaseRow;
import org.sightline.desktop.cases.CaseFiles.DisclosureChoice;
import org.sightline.desktop.cases.CaseFiles.ExportReport;
import org.sightline.desktop.cases.CaseFiles.ItemRow;
import org.sightline.desktop.cases.CaseFiles.Moment;
import org.sightline.desktop.cases.CaseFiles.RedactionReviewSet;
import org.sightline.desktop.cases.CaseFiles.ReviewFrame;
import org.sightline.desktop.cases.CaseFiles.ReviewItem;
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

        /** Disclosure copies: reviews made, and the review the last export exported. */
        int reviews;
        RedactionReviewSet exportedReview;

        @Override
        public RedactionReviewSet reviewRedactions(long caseId, DisclosureChoice choice, ExportSteps steps,
                java.util.function.BooleanSupplier cancelled) throws IOException {
            failIfAsked();
            if (choice.faces()) {
                throw new IOException("faces cannot be hidden: no installed detector pack has a class named face");
            }
            reviews++;
            return new RedactionReviewSet(Path.of("review"), choice, List.of(new ReviewItem(1, "gate.mp4",
                    List.of(new ReviewFrame(1.0, Path.of("f.jpg"), List.of())), 10, 0, List.of())));
        }

        @Override
        public ExportReport exportReviewed(long caseId, Path target, RedactionReviewSet review, char[] passphrase,
                ExportSteps steps, java.util.function.BooleanSupplier cancelled) {
            exportedReview = review;
            return new ExportReport(target, 3, 100, "test", List.of());
        }

        @Override
        public List<ItemRow> items(long caseId) throws IOException {
            failIfAsked();
            return List.copyOf(items.get(caseId));
        }

        @Override
        public ItemRow add(long caseId, Moment m) throws IOException {
            failIfAsked();
            List<ItemRow> list = items.get(caseId);
            ItemRow row = new ItemRow(++lastId, list.size() + 1, m.video(), m.camera(), m.hitStartSeconds(),
                    m.hitEndSeconds(), m.hitSeconds(), m.query(), "");
            list.add(row);
            return row;
        }

        long lastId;
        final Map<Long, ItemRow> removed = new LinkedHashMap<>();
        boolean protectedKey;
        char[] passphraseGiven;
        int exportSteps = 3;
        List<String> verifyProblems = List.of();

        private long caseOf(long itemId) {
            return items.entrySet().stream().filter(e -> e.getValue().stream().anyMatch(i -> i.id() == itemId))
                    .findFirst().orElseThrow().getKey();
        }

        private void replace(long itemId, java.util.function.UnaryOperator<ItemRow> change) throws IOException {
            failIfAsked();
            List<ItemRow> list = items.get(caseOf(itemId));
            list.replaceAll(i -> i.id() == itemId ? change.apply(i) : i);
        }

        private void renumber(List<ItemRow> list) {
            for (int i = 0; i < list.size(); i++) {
                ItemRow r = list.get(i);
                list.set(i, new ItemRow(r.id(), i + 1, r.video(), r.camera(), r.inSeconds(), r.outSeconds(),
                        r.hitSeconds(), r.foundBy(), r.note(), r.tags()));
            }
        }

        @Override
        public CaseRow updateDetails(long caseId, String name, String reference, String examiner, String notes)
                throws IOException {
            failIfAsked();
            CaseRow row = new CaseRow(caseId, name, reference, "open", examiner, notes);
            cases.put(caseId, row);
            return row;
        }

        @Override
        public void setNote(long itemId, String note) throws IOException {
            replace(itemId, r -> new ItemRow(r.id(), r.position(), r.video(), r.camera(), r.inSeconds(), r.outSeconds(),
                    r.hitSeconds(), r.foundBy(), note, r.tags()));
        }

        @Override
        public void setTags(long itemId, List<String> tags) throws IOException {
            replace(itemId, r -> new ItemRow(r.id(), r.position(), r.video(), r.camera(), r.inSeconds(), r.outSeconds(),
                    r.hitSeconds(), r.foundBy(), r.note(), tags));
        }

        @Override
        public void setSpan(long itemId, double in, double out) throws IOException {
            replace(itemId, r -> new ItemRow(r.id(), r.position(), r.video(), r.camera(), in, out,
                    Math.clamp(r.hitSeconds(), in, out), r.foundBy(), r.note(), r.tags()));
        }

        @Override
        public void move(long itemId, int position) throws IOException {
            failIfAsked();
            List<ItemRow> list = items.get(caseOf(itemId));
            ItemRow r = list.stream().filter(i -> i.id() == itemId).findFirst().orElseThrow();
            list.remove(r);
            list.add(position - 1, r);
            renumber(list);
        }

        @Override
        public void remove(long itemId) throws IOException {
            failIfAsked();
            List<ItemRow> list = items.get(caseOf(itemId));
            ItemRow r = list.stream().filter(i -> i.id() == itemId).findFirst().orElseThrow();
            list.remove(r);
            removed.put(itemId, r);
            renumber(list);
        }

        @Override
        public ItemRow restore(long removedItemId) throws IOException {
            failIfAsked();
            ItemRow r = removed.remove(removedItemId);
            long caseId = items.keySet().iterator().next();
            List<ItemRow> list = items.get(caseId);
            list.add(r.position() - 1, r);
            renumber(list);
            return list.get(r.position() - 1);
        }

        @Override
        public boolean signingNeedsPassphrase() {
            return protectedKey;
        }

        /** What {@link #disagreements} answers: rows edited outside Sightline. */
        List<String> disagreeing = List.of();

        @Override
        public List<String> disagreements(long caseId) {
            return disagreeing;
        }

        @Override
        public ExportReport export(long caseId, Path target, char[] passphrase, ExportSteps steps,
                java.util.function.BooleanSupplier cancelled) throws IOException {
            failIfAsked();
            passphraseGiven = passphrase == null ? null : passphrase.clone();
            for (int i = 1; i <= exportSteps; i++) {
                if (cancelled.getAsBoolean()) {
                    throw new IOException("cancelled");
                }
                steps.update(i, exportSteps, "step " + i);
            }
            return new ExportReport(target, 7, 1234, "Examiner, key ab12", verifyProblems);
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
        assertEquals(AddNotice.Kind.NEEDS_CASE, vm.noticeProperty().get().kind(), "the clip waits for a case");

        vm.create(" Red car ", "T-1");
        assertNull(vm.errorProperty().get());
        assertEquals("Created T-1 · Red car.", vm.messageProperty().get());
        assertEquals("Red car", vm.currentProperty().get().name());
        assertTrue(vm.canAdd());

        vm.add(moment("gate.mp4"));
        assertEquals("Added to T-1 as item 1.", vm.messageProperty().get());
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
        assertEquals("Adding gate.mp4 at 0:12 to T-1…", vm.messageProperty().get());
        vm.currentProperty().set(burglary);
        tasks.runHeldTasks();

        assertEquals("Added to T-1 as item 1.", vm.messageProperty().get());
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
    void withoutACaseTheClipWaitsAndGoesToTheCaseChosenOrCreatedInPlace() {
        vm.create("Burglary", "T-1");
        vm.currentProperty().set(null);
        vm.add(moment("gate.mp4"));
        AddNotice waiting = vm.noticeProperty().get();
        assertEquals(AddNotice.Kind.NEEDS_CASE, waiting.kind());
        assertTrue(waiting.text().contains("gate.mp4"), waiting.text());

        vm.createAndAdd("Red car", "OP-1");
        assertEquals("OP-1", vm.currentProperty().get().reference());
        assertEquals(new AddNotice(AddNotice.Kind.ADDED, "Added to OP-1 as item 1", waiting.moment()), vm.noticeProperty().get());
        assertEquals(1, files.items.get(vm.currentProperty().get().id()).size());

        vm.currentProperty().set(null);
        vm.add(moment("yard.mp4"));
        CaseRow burglary = vm.cases().getFirst();
        vm.addWaitingTo(burglary);
        assertEquals(burglary, vm.currentProperty().get());
        assertEquals("Added to T-1 as item 1", vm.noticeProperty().get().text());
        assertEquals(Path.of("/footage/yard.mp4"), vm.items().getFirst().video());
    }

    @Test
    void theSameClipTwiceIsAWarningAndIsAddedOnlyWhenAsked() {
        vm.create("Red car", "OP-1");
        vm.add(moment("gate.mp4"));
        vm.add(moment("gate.mp4"));
        assertEquals(AddNotice.Kind.DUPLICATE, vm.noticeProperty().get().kind());
        assertEquals("gate.mp4 at 0:12 is already item 1 of OP-1. Add it again?", vm.noticeProperty().get().text());
        assertEquals(1, vm.items().size());
        vm.dismissNotice();
        assertNull(vm.noticeProperty().get());

        vm.add(moment("gate.mp4"));
        vm.addAgain();
        assertEquals("Added to OP-1 as item 2", vm.noticeProperty().get().text());
        assertEquals(2, vm.items().size());

        Moment later = new Moment(Path.of("/footage/gate.mp4"), null, "gate", 20, 24, 22, null, "red car", false, 0.3f, "demo");
        vm.add(later);
        assertEquals(AddNotice.Kind.ADDED, vm.noticeProperty().get().kind(), "another moment of the same file is no duplicate");
    }

    @Test
    void itemsTakeNotesTagsSpansAndNewPlacesAndARemovalCanBeUndone() {
        vm.create("Red car", "OP-1");
        vm.add(moment("a.mp4"));
        vm.add(moment("b.mp4"));
        vm.add(moment("c.mp4"));
        ItemRow a = vm.items().getFirst();

        vm.saveNote(a, "  red car enters  ");
        vm.saveTags(a, "vehicle, red, , red ");
        vm.setSpan(a, "0:09.500", "15");
        ItemRow edited = vm.items().getFirst();
        assertEquals("red car enters", edited.note());
        assertEquals(List.of("vehicle", "red"), edited.tags());
        assertEquals(9.5, edited.inSeconds());
        assertEquals(15.0, edited.outSeconds());

        vm.setSpan(edited, "later", "15");
        assertTrue(vm.errorProperty().get().startsWith("Span of item 1: 'later' is not a time in the file"), vm.errorProperty().get());
        vm.setSpan(edited, 15, 9);
        assertTrue(vm.errorProperty().get().contains("must end after it starts"), vm.errorProperty().get());

        vm.moveDown(edited);
        assertEquals(List.of("b.mp4", "a.mp4", "c.mp4"), names());
        vm.moveUp(vm.items().getLast());
        assertEquals(List.of("b.mp4", "c.mp4", "a.mp4"), names());

        ItemRow c = vm.items().get(1);
        vm.remove(c);
        assertEquals(List.of("b.mp4", "a.mp4"), names());
        assertEquals(c, vm.lastRemovedProperty().get());
        vm.undoRemove();
        assertEquals(List.of("b.mp4", "c.mp4", "a.mp4"), names(), "back where it was");
        assertNull(vm.lastRemovedProperty().get());

        vm.saveDetails("Red car on the lot", "OP-1", "J. Doe", "Two sightings.");
        assertEquals("Two sightings.", vm.currentProperty().get().notes());
        assertEquals("J. Doe", vm.currentProperty().get().examiner());
    }

    private List<String> names() {
        return vm.items().stream().map(i -> i.video().getFileName().toString()).toList();
    }

    @Test
    void aCaseWhoseRowsDisagreeWithTheAuditTrailIsNotExportedAndThePageSaysWhy(@TempDir Path temp) {
        vm.create("Red car", "OP-1");
        vm.add(moment("gate.mp4"));
        assertEquals("", vm.exportBlockedProperty().get());

        files.disagreeing = List.of("item 1 note is \"PLANTED\" but the audit trail recorded \"red car\"");
        vm.refresh(); // what the window does when another process changed the catalog
        assertEquals(List.of("item 1 note is \"PLANTED\" but the audit trail recorded \"red car\""), vm.disagreements());
        String reason = vm.exportBlockedProperty().get();
        assertTrue(reason.startsWith("Export is blocked: case OP-1 disagrees with the audit trail") && reason.contains("item 1 note"), reason);
        vm.export(temp.resolve("out"));
        assertEquals(reason, vm.errorProperty().get());
        assertEquals(ExportState.IDLE, vm.exportStateProperty().get(), "no export started");

        files.disagreeing = List.of();
        vm.refresh();
        assertEquals("", vm.exportBlockedProperty().get(), "put right: the export is allowed again");
    }

    @Test
    void anExportShowsProgressAndItsVerificationAndAsksForAPassphraseWhenTheKeyHasOne(@TempDir Path temp)
            throws IOException {
        vm.create("Red car", "OP-1");
        vm.export(temp.resolve("nothing-yet"));
        assertEquals("Case OP-1 has no clips to export yet.", vm.errorProperty().get());
        vm.add(moment("gate.mp4"));

        List<Double> seen = new ArrayList<>();
        vm.exportProgressProperty().addListener((o, a, b) -> seen.add(b.doubleValue()));
        vm.export(temp.resolve("out"));
        assertEquals(ExportState.DONE, vm.exportStateProperty().get());
        assertEquals(List.of(1 / 3.0, 2 / 3.0, 1.0), seen);
        assertEquals(temp.resolve("out"), vm.exportReportProperty().get().directory(), "an absent folder is used as it is");
        assertTrue(vm.exportMessageProperty().get().startsWith("Exported and verified: 7 files"), vm.exportMessageProperty().get());

        java.nio.file.Files.createDirectories(temp.resolve("full"));
        java.nio.file.Files.writeString(temp.resolve("full/other.txt"), "x");
        files.protectedKey = true;
        files.verifyProblems = List.of("clips/01.mp4: changed");
        vm.export(temp.resolve("full"));
        assertEquals(ExportState.NEEDS_PASSPHRASE, vm.exportStateProperty().get());
        vm.exportWithPassphrase("s3cret".toCharArray());
        assertEquals("s3cret", new String(files.passphraseGiven));
        Path made = vm.exportReportProperty().get().directory();
        assertEquals(temp.resolve("full"), made.getParent(), "a folder with files gets a new folder inside it");
        assertTrue(made.getFileName().toString().startsWith("OP-1-export-"), made.toString());
        assertFalse(vm.exportReportProperty().get().verified());
        assertTrue(vm.exportMessageProperty().get().contains("clips/01.mp4: changed"));

        List<Path> opened = new ArrayList<>();
        vm.folderOpenerProperty().set(opened::add);
        vm.openExportFolder();
        assertEquals(List.of(made), opened);
    }

    @Test
    void aCancelledExportSaysNothingWasLeftBehind(@TempDir Path temp) {
        vm.create("Red car", "OP-1");
        vm.add(moment("gate.mp4"));
        files.protectedKey = true;
        vm.export(temp.resolve("out"));
        assertEquals(ExportState.NEEDS_PASSPHRASE, vm.exportStateProperty().get());
        tasks.holdTasks();
        vm.exportWithPassphrase("s3cret".toCharArray());
        assertEquals(ExportState.RUNNING, vm.exportStateProperty().get());
        vm.cancelExport();
        assertEquals(ExportState.CANCELLED, vm.exportStateProperty().get());
        assertEquals("Export of OP-1 cancelled; nothing was left behind.", vm.exportMessageProperty().get());
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

    @Test
    void aDisclosureCopyIsReviewedThenExportedAfterThePassphraseAndARefusalIsSaidInWords(@TempDir Path temp) {
        vm.create("Red car", "OP-1");
        vm.add(moment("gate.mp4"));
        vm.exportDisclosure(temp.resolve("out"), new CaseFiles.DisclosureChoice(false, false, false, true, false, true));
        assertEquals(ExportState.FAILED, vm.exportStateProperty().get());
        assertEquals("Cannot prepare the disclosure copy of OP-1: faces cannot be hidden: no installed detector pack has"
                + " a class named face", vm.errorProperty().get());
        assertEquals(null, vm.reviewProperty().get());

        CaseFiles.DisclosureChoice people = new CaseFiles.DisclosureChoice(true, false, false, false, true, true);
        vm.exportDisclosure(temp.resolve("out"), people);
        assertEquals(ExportState.REVIEWING, vm.exportStateProperty().get());
        assertEquals(people, vm.reviewProperty().get().choice());
        files.protectedKey = true;
        vm.exportReviewed();
        assertEquals(ExportState.NEEDS_PASSPHRASE, vm.exportStateProperty().get());
        vm.cancelExport();
        assertEquals(ExportState.REVIEWING, vm.exportStateProperty().get(), "back to the review, not lost");
        vm.exportReviewed();
        vm.exportWithPassphrase("s3cret".toCharArray());
        assertEquals(ExportState.DONE, vm.exportStateProperty().get());
        assertEquals(Path.of("review"), files.exportedReview.folder(), "exactly the reviewed plans are exported");
        assertEquals(null, vm.reviewProperty().get(), "the page is back to the case");
    }

    @Test
    void preparingTheReviewCanBeCancelled(@TempDir Path temp) {
        vm.create("Red car", "OP-1");
        vm.add(moment("gate.mp4"));
        tasks.holdTasks();
        vm.exportDisclosure(temp.resolve("out"), new CaseFiles.DisclosureChoice(true, false, false, false, false, false));
        assertEquals(ExportState.PLANNING, vm.exportStateProperty().get());
        vm.cancelExport();
        assertEquals(ExportState.CANCELLED, vm.exportStateProperty().get());
        assertEquals("Disclosure copy of OP-1 cancelled; nothing was exported.", vm.exportMessageProperty().get());
    }

    @Test
    void differingPassphrasesMakeNoKey() {
        vm.createExaminerKey("Dana", "a".toCharArray(), "b".toCharArray());
        assertTrue(vm.keyMessageProperty().get().startsWith("The two passphrases differ"));
        assertFalse(vm.examinerKeyProperty().get().exists());
    }
}
