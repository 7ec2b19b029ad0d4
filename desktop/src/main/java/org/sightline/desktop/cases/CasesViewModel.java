package org.sightline.desktop.cases;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sightline.desktop.cases.CaseFiles.CaseRow;
import org.sightline.desktop.cases.CaseFiles.DisclosureChoice;
import org.sightline.desktop.cases.CaseFiles.ExportReport;
import org.sightline.desktop.cases.CaseFiles.ItemRow;
import org.sightline.desktop.cases.CaseFiles.KeyInfo;
import org.sightline.desktop.cases.CaseFiles.Moment;
import org.sightline.desktop.cases.CaseFiles.RedactionReviewSet;
import org.sightline.desktop.cases.CaseFiles.ReviewBox;
import org.sightline.desktop.cases.CaseFiles.ReviewItem;
import org.sightline.desktop.task.BackgroundTask;
import org.sightline.desktop.task.StartedTask;
import org.sightline.desktop.task.TaskExecutor;
import org.sightline.desktop.viewer.Timecodes;

/**
 * The Cases page's state: the cases, the current case ("Add to case" puts clips there), its details and items, item
 * edits (note, tags, span, order, remove with undo) and the signed export with its verification. "Add to case"
 * answers in place ({@link #noticeProperty()}): added as which item, a duplicate to confirm, or no case yet (the
 * clip waits while one is chosen or created). Without a case service ({@link #unavailable},
 * {@link #availableProperty()} false) the page says so and adding is refused.
 */
public final class CasesViewModel {
    /** Two moments of one file whose hit frames are this close count as the same clip. */
    public static final double DUPLICATE_SECONDS = 0.5;

    private final TaskExecutor tasks;
    /** Null when this build or data directory has no case service. */
    private final CaseFiles files;
    private final ObservableList<CaseRow> cases = FXCollections.observableArrayList();
    private final ObservableList<ItemRow> items = FXCollections.observableArrayList();
    /** Where the current case's rows disagree with the audit trail, one line each; empty when they agree. */
    private final ObservableList<String> disagreements = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper exportBlocked = new ReadOnlyStringWrapper(this, "exportBlocked", "");
    private final ObjectProperty<CaseRow> current = new SimpleObjectProperty<>(this, "current");
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(this, "available", false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", null);
    private final ReadOnlyObjectWrapper<AddNotice> notice = new ReadOnlyObjectWrapper<>(this, "notice");
    private final ReadOnlyObjectWrapper<ItemRow> lastRemoved = new ReadOnlyObjectWrapper<>(this, "lastRemoved");
    private final ReadOnlyObjectWrapper<ExportState> exportState = new ReadOnlyObjectWrapper<>(this, "exportState", ExportState.IDLE);
    private final ReadOnlyDoubleWrapper exportProgress = new ReadOnlyDoubleWrapper(this, "exportProgress", 0);
    private final ReadOnlyStringWrapper exportMessage = new ReadOnlyStringWrapper(this, "exportMessage", "");
    private final ReadOnlyObjectWrapper<ExportReport> exportReport = new ReadOnlyObjectWrapper<>(this, "exportReport");
    private final ObjectProperty<Consumer<Path>> folderOpener = new SimpleObjectProperty<>(this, "folderOpener");
    private StartedTask exporting;
    private Path exportFolder;

    /** The Cases page over a case service; {@link #refresh()} reads the cases. */
    public CasesViewModel(TaskExecutor tasks, CaseFiles files) {
        this(tasks, Objects.requireNonNull(files, "files"), true);
    }

    private CasesViewModel(TaskExecutor tasks, CaseFiles files, boolean available) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.files = files;
        this.available.set(available);
        current.addListener((o, a, b) -> {
            if (a == null || b == null || a.id() != b.id()) {
                lastRemoved.set(null);
            }
            loadItems();
        });
    }

    /** The Cases page when this build or data directory has no case service: it says so, adding is refused. */
    public static CasesViewModel unavailable(TaskExecutor tasks) {
        return new CasesViewModel(tasks, null, false);
    }

    /** Reads the cases in the background (keeps the current case when it still exists). */
    public void refresh() {
        if (files == null) {
            cases.clear();
            return;
        }
        CaseFiles f = files;
        tasks.execute(BackgroundTask.of("Reading cases", ctx -> f.cases())
                .onSuccess(this::showCases)
                .onFailure(e -> error.set("Cannot read the cases: " + e.getMessage())));
    }

    private void showCases(List<CaseRow> list) {
        CaseRow before = current.get();
        Long keep = before == null ? null : before.id();
        cases.setAll(list);
        CaseRow next = list.stream().filter(c -> keep != null && c.id() == keep).findFirst()
                .orElse(list.isEmpty() ? null : list.getLast());
        current.set(next);
        if (next != null && next.equals(before)) {
            loadItems(); // the same case: its items may have changed all the same (the command line added one)
        }
    }

    private void loadItems() {
        CaseRow c = current.get();
        if (files == null || c == null) {
            items.clear();
            showDisagreements(null, List.of());
            return;
        }
        CaseFiles f = files;
        tasks.execute(BackgroundTask.of("Reading case " + c.reference(), ctx -> new Loaded(f.items(c.id()), f.disagreements(c.id())))
                .onSuccess(loaded -> showItems(c, loaded))
                .onFailure(e -> error.set("Cannot read case " + c.reference() + ": " + e.getMessage())));
    }

    /** A case's items and where its rows disagree with the audit trail. */
    private record Loaded(List<ItemRow> items, List<String> disagreements) {
    }

    private void showItems(CaseRow c, Loaded loaded) {
        if (current.get() != null && current.get().id() == c.id()) {
            items.setAll(loaded.items());
            showDisagreements(c, loaded.disagreements());
        }
    }

    private void showItems(CaseRow c, List<ItemRow> list) {
        if (current.get() != null && current.get().id() == c.id()) {
            items.setAll(list);
            if (!exportBlocked.get().isEmpty()) {
                loadItems(); // an edit made here may have put the disagreeing field right: check the rows again
            }
        }
    }

    private void showDisagreements(CaseRow c, List<String> found) {
        disagreements.setAll(found);
        exportBlocked.set(c == null || found.isEmpty() ? ""
                : "Export is blocked: case " + c.label() + " disagrees with the audit trail (edited outside Sightline?): "
                        + String.join("; ", found) + ".");
    }

    /** Creates a case and makes it current. */
    public void create(String name, String reference) {
        create(name, reference, null);
    }

    /** Creates a case, makes it current, and adds the clip waiting for a case to it. */
    public void createAndAdd(String name, String reference) {
        AddNotice n = notice.get();
        create(name, reference, n != null && n.kind() == AddNotice.Kind.NEEDS_CASE ? n.moment() : null);
    }

    private void create(String name, String reference, Moment then) {
        if (files == null || name == null || name.isBlank()) {
            return;
        }
        CaseFiles f = files;
        error.set(null);
        tasks.execute(BackgroundTask.of("Creating case " + name, ctx -> {
                    CaseRow made = f.create(name.strip(), reference);
                    return new Created(made, f.cases());
                })
                .onSuccess(r -> {
                    cases.setAll(r.all());
                    current.set(r.all().stream().filter(c -> c.id() == r.made().id()).findFirst().orElse(null));
                    message.set("Created " + r.made() + ".");
                    if (then != null && current.get() != null) {
                        write(current.get(), then, false);
                    }
                })
                .onFailure(e -> error.set("Cannot create the case: " + e.getMessage())));
    }

    private record Created(CaseRow made, List<CaseRow> all) {
    }

    /** True when a clip can be added now (a case service and a current case). */
    public boolean canAdd() {
        return files != null && current.get() != null;
    }

    /**
     * Adds a moment to the current case in the background. Without a case, the clip waits in the notice while the
     * user chooses or creates one; when the case already holds it, the notice asks before adding it again.
     */
    public void add(Moment m) {
        CaseRow c = current.get();
        if (files == null) {
            error.set("Cases are not available in this build.");
            notice.set(new AddNotice(AddNotice.Kind.FAILED, "Cases are not available in this build.", m));
            return;
        }
        if (c == null) {
            notice.set(new AddNotice(AddNotice.Kind.NEEDS_CASE, "No case chosen yet for " + describe(m)
                    + ": choose a case or create a new one, and the clip is added to it.", m));
            return;
        }
        write(c, m, false);
    }

    /** Adds the clip waiting in the notice to this case (which becomes current). */
    public void addWaitingTo(CaseRow c) {
        AddNotice n = notice.get();
        if (n == null || !n.waiting() || c == null) {
            return;
        }
        current.set(c);
        write(c, n.moment(), false);
    }

    /** Adds the duplicate the notice asks about anyway. */
    public void addAgain() {
        AddNotice n = notice.get();
        if (n != null && n.kind() == AddNotice.Kind.DUPLICATE && current.get() != null) {
            write(current.get(), n.moment(), true);
        }
    }

    /** Closes the notice (a waiting clip is not added). */
    public void dismissNotice() {
        notice.set(null);
    }

    private void write(CaseRow c, Moment m, boolean evenIfDuplicate) {
        CaseFiles f = files;
        error.set(null);
        String adding = "Adding " + describe(m) + " to " + c.label() + "…";
        message.set(adding);
        notice.set(new AddNotice(AddNotice.Kind.ADDING, adding, m));
        tasks.execute(BackgroundTask.of("Adding to " + c.reference(), ctx -> {
                    List<ItemRow> before = f.items(c.id());
                    Optional<ItemRow> same = before.stream().filter(i -> sameMoment(i, m)).findFirst();
                    if (same.isPresent() && !evenIfDuplicate) {
                        return new Added(null, same.get(), before);
                    }
                    ItemRow made = f.add(c.id(), m);
                    return new Added(made, null, f.items(c.id()));
                })
                .onSuccess(r -> {
                    showItems(c, r.items());
                    if (r.duplicateOf() != null) {
                        String text = describe(m) + " is already item " + r.duplicateOf().position() + " of "
                                + c.label() + ". Add it again?";
                        message.set("");
                        notice.set(new AddNotice(AddNotice.Kind.DUPLICATE, text, m));
                    } else {
                        String text = "Added to " + c.label() + " as item " + r.made().position();
                        message.set(text + ".");
                        notice.set(new AddNotice(AddNotice.Kind.ADDED, text, m));
                    }
                })
                .onFailure(e -> {
                    message.set("");
                    String text = "Cannot add to " + c + ": " + e.getMessage();
                    error.set(text);
                    notice.set(new AddNotice(AddNotice.Kind.FAILED, text, m));
                }));
    }

    private record Added(ItemRow made, ItemRow duplicateOf, List<ItemRow> items) {
    }

    private static boolean sameMoment(ItemRow i, Moment m) {
        return i.video().toAbsolutePath().normalize().equals(m.video().toAbsolutePath().normalize())
                && Math.abs(i.hitSeconds() - m.hitSeconds()) < DUPLICATE_SECONDS;
    }

    private static String describe(Moment m) {
        return m.video().getFileName() + " at " + Timecodes.shortOffset(m.hitSeconds());
    }

    // ---- the current case's details and items ----

    /** Saves the current case's name, reference, examiner and notes. */
    public void saveDetails(String name, String reference, String examiner, String notes) {
        CaseRow c = current.get();
        if (files == null || c == null) {
            return;
        }
        CaseFiles f = files;
        error.set(null);
        tasks.execute(BackgroundTask.of("Saving case " + c.reference(), ctx -> {
                    CaseRow saved = f.updateDetails(c.id(), name, reference, examiner, notes);
                    return new Created(saved, f.cases());
                })
                .onSuccess(r -> {
                    cases.setAll(r.all());
                    current.set(r.all().stream().filter(x -> x.id() == c.id()).findFirst().orElse(null));
                    message.set("Saved " + r.made() + ".");
                })
                .onFailure(e -> error.set("Cannot save case " + c.label() + ": " + e.getMessage())));
    }

    /**
     * Saves what changed of an item as typed in the editor, in one go: note, tags ("a, b"), in and out points
     * (seconds or m:ss.SSS). Says in words what cannot be read, and then changes nothing.
     */
    public void saveItem(ItemRow item, String note, String tagsText, String inText, String outText) {
        double in;
        double out;
        try {
            in = Timecodes.parseOffset(inText);
            out = Timecodes.parseOffset(outText);
        } catch (IllegalArgumentException e) {
            error.set("Span of item " + item.position() + ": " + e.getMessage());
            return;
        }
        if (!(out > in)) {
            error.set("The span of item " + item.position() + " must end after it starts (" + Timecodes.offset(in)
                    + " – " + Timecodes.offset(out) + ").");
            return;
        }
        String n = note == null ? "" : note.strip();
        List<String> tags = tags(tagsText);
        boolean noteChanged = !n.equals(item.note() == null ? "" : item.note());
        boolean tagsChanged = !tags.equals(item.tags());
        boolean spanChanged = !Timecodes.offset(in).equals(Timecodes.offset(item.inSeconds()))
                || !Timecodes.offset(out).equals(Timecodes.offset(item.outSeconds()));
        edit(item, "Clip " + item.position() + " saved.", f -> {
            if (noteChanged) {
                f.setNote(item.id(), n);
            }
            if (tagsChanged) {
                f.setTags(item.id(), tags);
            }
            if (spanChanged) {
                f.setSpan(item.id(), in, out);
            }
        });
    }

    private static List<String> tags(String commaSeparated) {
        return commaSeparated == null ? List.of() : Arrays.stream(commaSeparated.split(","))
                .map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
    }

    /** Sets an item's note. */
    public void saveNote(ItemRow item, String note) {
        edit(item, "Note of item " + item.position() + " saved.", f -> f.setNote(item.id(), note == null ? "" : note.strip()));
    }

    /** Sets an item's tags from "a, b, c". */
    public void saveTags(ItemRow item, String commaSeparated) {
        List<String> tags = tags(commaSeparated);
        edit(item, "Tags of item " + item.position() + " saved.", f -> f.setTags(item.id(), tags));
    }

    /** Sets an item's in and out points, in seconds of the file. */
    public void setSpan(ItemRow item, double inSeconds, double outSeconds) {
        if (!(outSeconds > inSeconds)) {
            error.set("The span of item " + item.position() + " must end after it starts ("
                    + Timecodes.offset(inSeconds) + " – " + Timecodes.offset(outSeconds) + ").");
            return;
        }
        edit(item, "Span of item " + item.position() + " set to " + Timecodes.offset(inSeconds) + " – "
                + Timecodes.offset(outSeconds) + ".", f -> f.setSpan(item.id(), inSeconds, outSeconds));
    }

    /** Sets an item's in and out points as typed (seconds or m:ss.SSS); says in words what cannot be read. */
    public void setSpan(ItemRow item, String inText, String outText) {
        try {
            setSpan(item, Timecodes.parseOffset(inText), Timecodes.parseOffset(outText));
        } catch (IllegalArgumentException e) {
            error.set("Span of item " + item.position() + ": " + e.getMessage());
        }
    }

    /** Moves an item one place up (towards 1). */
    public void moveUp(ItemRow item) {
        if (item.position() > 1) {
            edit(item, "Item moved to " + (item.position() - 1) + ".", f -> f.move(item.id(), item.position() - 1));
        }
    }

    /** Moves an item one place down. */
    public void moveDown(ItemRow item) {
        if (item.position() < items.size()) {
            edit(item, "Item moved to " + (item.position() + 1) + ".", f -> f.move(item.id(), item.position() + 1));
        }
    }

    /** Removes an item; {@link #undoRemove()} puts it back. */
    public void remove(ItemRow item) {
        CaseRow c = current.get();
        edit(item, "Removed item " + item.position() + " (" + item.video().getFileName() + ") from "
                + (c == null ? "the case" : c.label()) + ".", f -> f.remove(item.id()), () -> lastRemoved.set(item));
    }

    /** Puts the last removed item back where it was. */
    public void undoRemove() {
        ItemRow gone = lastRemoved.get();
        if (gone == null) {
            return;
        }
        lastRemoved.set(null);
        edit(gone, "Item " + gone.position() + " is back.", f -> f.restore(gone.id()));
    }

    @FunctionalInterface
    private interface Edit {
        void apply(CaseFiles files) throws Exception;
    }

    private void edit(ItemRow item, String done, Edit change) {
        edit(item, done, change, () -> { });
    }

    private void edit(ItemRow item, String done, Edit change, Runnable after) {
        CaseRow c = current.get();
        if (files == null || c == null) {
            return;
        }
        CaseFiles f = files;
        error.set(null);
        tasks.execute(BackgroundTask.of("Changing case " + c.reference(), ctx -> {
                    change.apply(f);
                    return f.items(c.id());
                })
                .onSuccess(list -> {
                    showItems(c, list);
                    message.set(done);
                    after.run();
                })
                .onFailure(e -> {
                    error.set("Cannot change item " + item.position() + " of " + c.label() + ": " + e.getMessage());
                    loadItems();
                }));
    }

    // ---- export ----

    /**
     * Exports the current case into {@code folder}: into it when it is absent or empty, else into a new folder
     * named after the case and the time inside it. Asks for the key's passphrase first when the key has one.
     */
    public void export(Path folder) {
        CaseRow c = current.get();
        if (files == null || c == null || folder == null) {
            return;
        }
        if (items.isEmpty()) {
            error.set("Case " + c.label() + " has no clips to export yet.");
            return;
        }
        if (!exportBlocked.get().isEmpty()) {
            error.set(exportBlocked.get());
            return;
        }
        CaseFiles f = files;
        error.set(null);
        exportFolder = folder;
        tasks.execute(BackgroundTask.of("Checking the signing key", ctx -> f.signingNeedsPassphrase())
                .onSuccess(needs -> {
                    if (needs) {
                        exportState.set(ExportState.NEEDS_PASSPHRASE);
                        exportMessage.set("The examiner key is protected: give its passphrase to sign the package.");
                    } else {
                        runExport(c, folder, null);
                    }
                })
                .onFailure(e -> failExport("Cannot read the examiner key: " + e.getMessage())));
    }

    /** Carries on with the export that waits for the key's passphrase. */
    public void exportWithPassphrase(char[] passphrase) {
        CaseRow c = current.get();
        if (exportState.get() != ExportState.NEEDS_PASSPHRASE || c == null || exportFolder == null) {
            return;
        }
        runExport(c, exportFolder, passphrase);
    }

    private void runExport(CaseRow c, Path folder, char[] passphrase) {
        CaseFiles f = files;
        RedactionReviewSet reviewed = review.get();
        exportState.set(ExportState.RUNNING);
        exportProgress.set(0);
        exportReport.set(null);
        exportMessage.set((reviewed == null ? "Exporting " : "Exporting the reviewed disclosure copy of ") + c.label() + "…");
        exporting = tasks.execute(BackgroundTask.of("Exporting case " + c.reference(), ctx -> {
                    try {
                        Path target = exportTarget(folder, c);
                        CaseFiles.ExportSteps steps = (done, total, text) -> ctx.onUiThread(() -> {
                            exportProgress.set(total <= 0 ? 0 : (double) done / total);
                            exportMessage.set(text);
                        });
                        return reviewed == null ? f.export(c.id(), target, passphrase, steps, ctx::isCancelled)
                                : f.exportReviewed(c.id(), target, reviewed, passphrase, steps, ctx::isCancelled);
                    } finally {
                        if (passphrase != null) {
                            Arrays.fill(passphrase, '\0');
                        }
                    }
                })
                .onSuccess(r -> {
                    review.set(null);
                    exportReport.set(r);
                    exportProgress.set(1);
                    exportState.set(ExportState.DONE);
                    exportMessage.set(r.verified()
                            ? "Exported and verified: " + r.files() + " files in " + r.directory() + ", signed by " + r.signedBy() + "."
                            : "Exported to " + r.directory() + ", but the check found problems: " + String.join("; ", r.problems()));
                    message.set(exportMessage.get());
                })
                .onCancelled(() -> {
                    exportState.set(reviewed == null ? ExportState.CANCELLED : ExportState.REVIEWING);
                    exportProgress.set(0);
                    exportMessage.set("Export of " + c.label() + " cancelled; nothing was left behind.");
                })
                .onFailure(e -> {
                    failExport("Cannot export " + c.label() + ": " + e.getMessage());
                    if (reviewed != null) {
                        exportState.set(ExportState.REVIEWING); // the review stays open: correct and try again
                    }
                })
                .onFinished(() -> exporting = null));
    }

    private void failExport(String text) {
        exportState.set(ExportState.FAILED);
        exportProgress.set(0);
        exportMessage.set(text);
        error.set(text);
    }

    /** The folder itself when absent or empty, else a new folder inside it named after the case and the time. */
    static Path exportTarget(Path folder, CaseRow c) throws IOException {
        if (!Files.exists(folder)) {
            return folder;
        }
        if (Files.isDirectory(folder)) {
            try (Stream<Path> in = Files.list(folder)) {
                if (in.findAny().isEmpty()) {
                    return folder;
                }
            }
        }
        String safe = c.label().replaceAll("[^A-Za-z0-9._-]+", "_");
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
        return folder.resolve(safe + "-export-" + stamp);
    }

    /** Stops a running export (the exporter leaves nothing behind). */
    public void cancelExport() {
        if (exporting != null) {
            exporting.cancel();
        }
        if (exportState.get() == ExportState.NEEDS_PASSPHRASE) {
            exportState.set(review.get() == null ? ExportState.IDLE : ExportState.REVIEWING);
            exportMessage.set("");
        }
    }

    // ---- disclosure copy: review, then export exactly the reviewed plans ----

    /**
     * Starts a disclosure copy of the current case into {@code folder} (as {@link #export(Path)} chooses it): first
     * finds what to hide in every frame (progress, cancel), then shows the plan for review
     * ({@link #reviewProperty()}, state {@link ExportState#REVIEWING}).
     */
    public void exportDisclosure(Path folder, DisclosureChoice choice) {
        CaseRow c = current.get();
        if (files == null || c == null || folder == null || choice == null) {
            return;
        }
        if (items.isEmpty()) {
            error.set("Case " + c.label() + " has no clips to export yet.");
            return;
        }
        if (!exportBlocked.get().isEmpty()) {
            error.set(exportBlocked.get());
            return;
        }
        if (!choice.hidesAnything()) {
            error.set("Choose what the disclosure copy hides: people, vehicles, plates or faces.");
            return;
        }
        CaseFiles f = files;
        error.set(null);
        exportFolder = folder;
        review.set(null);
        exportReport.set(null);
        exportState.set(ExportState.PLANNING);
        exportProgress.set(-1);
        exportMessage.set("Finding " + choice.describe() + " in every frame of " + c.label() + "…");
        exporting = tasks.execute(BackgroundTask.of("Preparing the review of " + c.reference(),
                        ctx -> f.reviewRedactions(c.id(), choice, (done, total, text) -> ctx.onUiThread(() -> {
                            exportProgress.set(done == 0 ? -1 : (double) done / Math.max(1, total));
                            exportMessage.set(text);
                        }), ctx::isCancelled))
                .onSuccess(r -> {
                    review.set(r);
                    exportProgress.set(0);
                    exportState.set(ExportState.REVIEWING);
                    exportMessage.set("Review what the disclosure copy of " + c.label() + " hides, then export it.");
                })
                .onCancelled(() -> {
                    exportState.set(ExportState.CANCELLED);
                    exportProgress.set(0);
                    exportMessage.set("Disclosure copy of " + c.label() + " cancelled; nothing was exported.");
                })
                .onFailure(e -> failExport("Cannot prepare the disclosure copy of " + c.label() + ": " + e.getMessage()))
                .onFinished(() -> exporting = null));
    }

    /** Drops a box from the review (this frame and the frames where the same object's box continues). */
    public void dropBox(int item, double seconds, ReviewBox box) {
        editReview("Box dropped from item " + item + ".", f -> f.dropBox(review.get(), item, seconds, box));
    }

    /** Adds a box the user drew to every frame of the item. */
    public void drawBox(int item, ReviewBox box) {
        editReview("Box drawn on item " + item + ": hidden in every frame.", f -> f.drawBox(review.get(), item, box));
    }

    @FunctionalInterface
    private interface ReviewEdit {
        ReviewItem apply(CaseFiles files) throws Exception;
    }

    private void editReview(String done, ReviewEdit edit) {
        RedactionReviewSet r = review.get();
        if (files == null || r == null || exportState.get() != ExportState.REVIEWING) {
            return;
        }
        CaseFiles f = files;
        error.set(null);
        tasks.execute(BackgroundTask.of("Changing the review", ctx -> edit.apply(f))
                .onSuccess(changed -> {
                    RedactionReviewSet now = review.get();
                    if (now == null || !now.folder().equals(r.folder())) {
                        return;
                    }
                    review.set(new RedactionReviewSet(now.folder(), now.choice(), now.items().stream()
                            .map(i -> i.position() == changed.position() ? changed : i).toList()));
                    exportMessage.set(done);
                })
                .onFailure(e -> error.set("Cannot change the review: " + e.getMessage())));
    }

    /** Exports exactly the reviewed plans (asks for the key's passphrase first when the key has one). */
    public void exportReviewed() {
        CaseRow c = current.get();
        if (files == null || c == null || review.get() == null || exportState.get() != ExportState.REVIEWING) {
            return;
        }
        CaseFiles f = files;
        error.set(null);
        tasks.execute(BackgroundTask.of("Checking the signing key", ctx -> f.signingNeedsPassphrase())
                .onSuccess(needs -> {
                    if (needs) {
                        exportState.set(ExportState.NEEDS_PASSPHRASE);
                        exportMessage.set("The examiner key is protected: give its passphrase to sign the package.");
                    } else {
                        runExport(c, exportFolder, null);
                    }
                })
                .onFailure(e -> failExport("Cannot read the examiner key: " + e.getMessage())));
    }

    /** Leaves the review without exporting. */
    public void closeReview() {
        if (exportState.get() == ExportState.RUNNING) {
            return;
        }
        review.set(null);
        exportState.set(ExportState.IDLE);
        exportMessage.set("Disclosure copy not exported.");
    }

    private final ReadOnlyObjectWrapper<RedactionReviewSet> review = new ReadOnlyObjectWrapper<>(this, "review");

    /** The disclosure copy's plan under review; null when none is. */
    public ReadOnlyObjectProperty<RedactionReviewSet> reviewProperty() {
        return review.getReadOnlyProperty();
    }

    // ---- the examiner key ----

    private final ReadOnlyObjectWrapper<KeyInfo> examinerKey = new ReadOnlyObjectWrapper<>(this, "examinerKey", KeyInfo.NONE);
    private final ReadOnlyStringWrapper keyMessage = new ReadOnlyStringWrapper(this, "keyMessage", "");

    private final javafx.beans.property.BooleanProperty keyPanelShown =
            new javafx.beans.property.SimpleBooleanProperty(this, "keyPanelShown", false);

    /** Whether the examiner key's panel is shown ("Examiner key…"). */
    public javafx.beans.property.BooleanProperty keyPanelShownProperty() {
        return keyPanelShown;
    }

    /** Shows or hides the examiner key's panel; reads the key when it opens. */
    public void toggleKeyPanel() {
        keyPanelShown.set(!keyPanelShown.get());
        if (keyPanelShown.get()) {
            readExaminerKey();
        }
    }

    /** The examiner key (after {@link #readExaminerKey()}); {@link KeyInfo#NONE} when there is none. */
    public ReadOnlyObjectProperty<KeyInfo> examinerKeyProperty() {
        return examinerKey.getReadOnlyProperty();
    }

    /** What the last key action did or why it failed, in words. */
    public ReadOnlyStringProperty keyMessageProperty() {
        return keyMessage.getReadOnlyProperty();
    }

    /** Reads the examiner key's name, fingerprint and protection. */
    public void readExaminerKey() {
        if (files == null) {
            return;
        }
        CaseFiles f = files;
        tasks.execute(BackgroundTask.of("Reading the examiner key", ctx -> f.examinerKey())
                .onSuccess(k -> {
                    examinerKey.set(k);
                    keyProtected.set(k.passphraseProtected());
                })
                .onFailure(e -> keyMessage.set("Cannot read the examiner key: " + e.getMessage())));
    }

    /**
     * Makes the examiner key (audited). The passphrase is optional; when given it must be typed twice alike.
     */
    public void createExaminerKey(String name, char[] passphrase, char[] again) {
        if (files == null) {
            return;
        }
        if (name == null || name.isBlank()) {
            keyMessage.set("Give the examiner's name for the key.");
            return;
        }
        char[] p = passphrase == null ? new char[0] : passphrase;
        char[] q = again == null ? new char[0] : again;
        if (!Arrays.equals(p, q)) {
            Arrays.fill(p, '\0');
            Arrays.fill(q, '\0');
            keyMessage.set("The two passphrases differ: type the same passphrase twice (or leave both empty).");
            return;
        }
        Arrays.fill(q, '\0');
        CaseFiles f = files;
        tasks.execute(BackgroundTask.of("Creating the examiner key", ctx -> f.createExaminerKey(name.strip(), p.length == 0 ? null : p))
                .onSuccess(k -> {
                    examinerKey.set(k);
                    keyProtected.set(k.passphraseProtected());
                    keyMessage.set("Examiner key made for " + k.name() + ", fingerprint " + k.fingerprint()
                            + (k.passphraseProtected() ? ", protected by a passphrase." : ", not protected by a passphrase."));
                })
                .onFailure(e -> keyMessage.set("Cannot make the examiner key: " + e.getMessage())));
    }

    /** Saves the examiner key's public key (PEM) to {@code file} (audited), for the other side to check signatures. */
    public void savePublicKey(Path file) {
        if (files == null || file == null) {
            return;
        }
        CaseFiles f = files;
        tasks.execute(BackgroundTask.of("Saving the public key", ctx -> f.savePublicKey(file))
                .onSuccess(k -> keyMessage.set("Public key of " + k.name() + " (fingerprint " + k.fingerprint()
                        + ") saved to " + file.toAbsolutePath() + "."))
                .onFailure(e -> keyMessage.set("Cannot save the public key to " + file + ": " + e.getMessage())));
    }

    // ---- audit checkpoint ----

    /**
     * Signs the audit trail's head with the examiner key and writes the checkpoint to {@code file} (the examiner keeps
     * it off the workstation; {@code sightline audit verify --checkpoint FILE} compares against it later).
     *
     * @param passphrase the examiner key's passphrase, or null when it has none (see {@link #keyProtectedProperty()})
     */
    public void writeAuditCheckpoint(Path file, char[] passphrase) {
        if (files == null || file == null) {
            return;
        }
        CaseFiles f = files;
        error.set(null);
        tasks.execute(BackgroundTask.of("Writing an audit checkpoint", ctx -> {
                    try {
                        return f.writeAuditCheckpoint(file, passphrase);
                    } finally {
                        if (passphrase != null) {
                            Arrays.fill(passphrase, '\0');
                        }
                    }
                })
                .onSuccess(message::set)
                .onFailure(e -> error.set("Cannot write the audit checkpoint " + file + ": " + e.getMessage())));
    }

    /** Reads whether the examiner key needs a passphrase (for the checkpoint and export dialogs). */
    public void readKeyProtection() {
        if (files == null) {
            return;
        }
        CaseFiles f = files;
        tasks.execute(BackgroundTask.of("Checking the signing key", ctx -> f.signingNeedsPassphrase())
                .onSuccess(keyProtected::set)
                .onFailure(e -> keyProtected.set(false)));
    }

    private final ReadOnlyBooleanWrapper keyProtected = new ReadOnlyBooleanWrapper(this, "keyProtected", false);

    /** True when the examiner key is protected by a passphrase (after {@link #readKeyProtection()}). */
    public ReadOnlyBooleanProperty keyProtectedProperty() {
        return keyProtected.getReadOnlyProperty();
    }

    /** Where the current case's rows disagree with the audit trail (item and field named); empty when they agree. */
    public ObservableList<String> disagreements() {
        return disagreements;
    }

    /** Why the current case cannot be exported (its rows disagree with the audit trail); empty when it can. */
    public ReadOnlyStringProperty exportBlockedProperty() {
        return exportBlocked.getReadOnlyProperty();
    }

    /** Opens the last exported package's folder with the system's file manager. */
    public void openExportFolder() {
        ExportReport r = exportReport.get();
        if (r != null && folderOpener.get() != null) {
            folderOpener.get().accept(r.directory());
        }
    }

    // ---- properties ----

    public ObservableList<CaseRow> cases() {
        return cases;
    }

    public ObservableList<ItemRow> items() {
        return items;
    }

    /** The case "Add to case" adds to. */
    public ObjectProperty<CaseRow> currentProperty() {
        return current;
    }

    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The answer to the last "Add to case", shown where it was pressed; null when there is none to show. */
    public ReadOnlyObjectProperty<AddNotice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The item removed last, while it can be put back; null otherwise. */
    public ReadOnlyObjectProperty<ItemRow> lastRemovedProperty() {
        return lastRemoved.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ExportState> exportStateProperty() {
        return exportState.getReadOnlyProperty();
    }

    /** 0..1 while exporting. */
    public ReadOnlyDoubleProperty exportProgressProperty() {
        return exportProgress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty exportMessageProperty() {
        return exportMessage.getReadOnlyProperty();
    }

    /** What the last export wrote and what verifying it found; null before one finished. */
    public ReadOnlyObjectProperty<ExportReport> exportReportProperty() {
        return exportReport.getReadOnlyProperty();
    }

    /** Opens a folder in the system's file manager; set by the application (null: the button stays disabled). */
    public ObjectProperty<Consumer<Path>> folderOpenerProperty() {
        return folderOpener;
    }
}
