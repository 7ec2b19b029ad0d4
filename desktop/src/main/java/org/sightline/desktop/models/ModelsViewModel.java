package org.sightline.desktop.models;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.sightline.desktop.models.ModelPacks.PackInUse;
import org.sightline.desktop.models.ModelPacks.PackRow;
import org.sightline.desktop.models.ModelPacks.PerceptionRow;
import org.sightline.desktop.models.ModelPacks.PerceptionUse;
import org.sightline.desktop.task.BackgroundTask;
import org.sightline.desktop.task.TaskExecutor;

/**
 * The Models page's state: installed packs, the active one, each pack's verification state, and the
 * actions (import a folder, install the demo, activate, verify), all run in the background; and the perception packs
 * (detectors, text readers), which one each use runs, and choosing one.
 */
public final class ModelsViewModel {
    /** What the demo pack can and cannot do, shown wherever it is offered or active. */
    public static final String DEMO_NOTICE = "Demo model: understands colours only. It finds footage by the colours "
            + "in a prompt (\"red\", \"a blue car\") and cannot recognise objects, people or actions. "
            + "Import a CLIP model pack for real searches.";

    /** Verification state of one pack. */
    public record Verification(State state, String detail) {
        public enum State { NOT_CHECKED, CHECKING, VERIFIED, FAILED }

        static final Verification NOT_CHECKED = new Verification(State.NOT_CHECKED, "not checked yet");

        @Override
        public String toString() {
            return switch (state) {
                case NOT_CHECKED -> "not checked";
                case CHECKING -> "checking…";
                case VERIFIED -> "verified";
                case FAILED -> "FAILED: " + detail;
            };
        }
    }

    private final TaskExecutor tasks;
    private final ModelPacks packs;
    private final ObservableList<PackRow> rows = FXCollections.observableArrayList();
    private final ObservableMap<String, Verification> verification = FXCollections.observableHashMap();
    private final ReadOnlyObjectWrapper<PackRow> active = new ReadOnlyObjectWrapper<>(this, "active");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded", false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", null);
    private final ObservableList<PerceptionRow> perceptionRows = FXCollections.observableArrayList();
    private final ObservableMap<PerceptionUse, PackInUse> uses = FXCollections.observableHashMap();
    private final ObservableMap<String, Verification> perceptionVerification = FXCollections.observableHashMap();
    private final ReadOnlyStringWrapper perceptionError = new ReadOnlyStringWrapper(this, "perceptionError", null);
    private boolean checkPerception;
    private final ReadOnlyObjectWrapper<PendingChoice> pendingChoice = new ReadOnlyObjectWrapper<>(this, "pendingChoice");

    /**
     * A choice that waits for the user's confirmation: a detector that knows no {@code person} would index.
     *
     * @param question the question to ask, in plain words
     */
    public record PendingChoice(String name, String question) {
    }

    public ModelsViewModel(TaskExecutor tasks, ModelPacks packs) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.packs = Objects.requireNonNull(packs, "packs");
    }

    /** Reloads the list of installed packs, then the perception packs. */
    public void refresh() {
        tasks.execute(BackgroundTask.of("Reading model packs", ctx -> packs.list())
                .onSuccess(this::show)
                .onFailure(e -> error.set("Cannot read the installed model packs: " + e.getMessage())));
        refreshPerception();
    }

    /**
     * Reloads the perception packs and which one each use runs; once {@link #checkPerceptionPacks()} was called,
     * verifies each pack not checked yet.
     */
    public void refreshPerception() {
        tasks.execute(BackgroundTask.of("Reading perception packs", ctx -> new PerceptionState(packs.perceptionPacks(),
                        packs.perceptionUses()))
                .onSuccess(state -> {
                    perceptionError.set(null);
                    perceptionRows.setAll(state.rows());
                    uses.clear();
                    uses.putAll(state.uses());
                    if (checkPerception) {
                        verifyUncheckedPerceptionPacks();
                    }
                })
                .onFailure(e -> perceptionError.set("Cannot read the perception packs: " + reason(e))));
    }

    /**
     * Verifies every perception pack not checked yet, now and after each later read of the list: called when the
     * page is shown, so that opening the window does not hash every pack.
     */
    public void checkPerceptionPacks() {
        checkPerception = true;
        verifyUncheckedPerceptionPacks();
    }

    private void verifyUncheckedPerceptionPacks() {
        for (PerceptionRow r : List.copyOf(perceptionRows)) {
            if (r.problem() == null && !perceptionVerification.containsKey(r.name())) {
                verifyPerception(r.name());
            }
        }
    }

    private record PerceptionState(List<PerceptionRow> rows, Map<PerceptionUse, PackInUse> uses) {
    }

    /** Re-checks a perception pack's files against its manifest in the background. */
    public void verifyPerception(String name) {
        perceptionVerification.put(name, new Verification(Verification.State.CHECKING, ""));
        tasks.execute(BackgroundTask.of("Verifying " + name, ctx -> packs.verifyPerception(name))
                .onSuccess(summary -> perceptionVerification.put(name, new Verification(Verification.State.VERIFIED, summary)))
                .onFailure(e -> perceptionVerification.put(name, new Verification(Verification.State.FAILED, reason(e)))));
    }

    /**
     * Chooses a perception pack for the use it fits; a detector that knows neither {@code person} nor {@code face}
     * is not chosen but waits in {@link #pendingChoiceProperty()} for {@link #confirmChoice()} (it would index, and
     * searches for people would find nothing).
     */
    public void choosePerception(String name) {
        PerceptionRow row = perceptionRows.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
        if (row != null && row.problem() == null && row.fitsUse() == null) {
            pendingChoice.set(new PendingChoice(name, "The detector " + name + " knows no 'person' (nor 'face'). Indexed with"
                    + " it, searches for people find nothing. Use it for indexing all the same?"));
            return;
        }
        choose(name, false);
    }

    /** Chooses the pack waiting for confirmation, to index with. */
    public void confirmChoice() {
        PendingChoice p = pendingChoice.get();
        pendingChoice.set(null);
        if (p != null) {
            choose(p.name(), true);
        }
    }

    /** Leaves the indexing detector as it was. */
    public void cancelChoice() {
        pendingChoice.set(null);
    }

    private void choose(String name, boolean force) {
        act("Choosing " + name, p -> p.choosePerception(name, force), null);
    }

    /** What the pack of this name is used for now, e.g. "indexes, reads text"; empty when nothing runs it. */
    public String rolesOf(String name) {
        List<String> roles = new ArrayList<>();
        for (PerceptionUse u : PerceptionUse.values()) {
            PackInUse p = uses.get(u);
            if (p != null && p.name().equals(name)) {
                roles.add(u.role() + (p.chosen() ? "" : " (default)"));
            }
        }
        return String.join(", ", roles);
    }

    private void show(List<PackRow> list) {
        rows.setAll(list);
        PackRow now = list.stream().filter(PackRow::active).findFirst().orElse(null);
        active.set(now);
        loaded.set(true);
        if (now != null && !verification.containsKey(now.name())) {
            verify(now.name()); // the pack in use is checked once per session, in the background
        }
    }

    public void installDemo() {
        act("Installing the demo model", p -> p.installDemo(), null);
    }

    public void importPack(Path folder) {
        act("Importing " + folder, p -> p.importPack(folder), null);
    }

    public void activate(String name) {
        act("Activating " + name, p -> {
            p.activate(name);
            return name + " is now the active model.";
        }, name);
    }

    /** Re-checks a pack's files against its manifest in the background. */
    public void verify(String name) {
        verification.put(name, new Verification(Verification.State.CHECKING, ""));
        tasks.execute(BackgroundTask.of("Verifying " + name, ctx -> packs.verify(name))
                .onSuccess(summary -> verification.put(name, new Verification(Verification.State.VERIFIED, summary)))
                .onFailure(e -> verification.put(name, new Verification(Verification.State.FAILED, reason(e)))));
    }

    public void verifyAll() {
        rows.forEach(r -> verify(r.name()));
    }

    @FunctionalInterface
    private interface Action {
        String run(ModelPacks p) throws Exception;
    }

    private void act(String title, Action action, String verifiedName) {
        busy.set(true);
        error.set(null);
        message.set(title + "…");
        tasks.execute(BackgroundTask.of(title, ctx -> {
                    String said = action.run(packs);
                    return new Done(said, packs.list());
                })
                .onSuccess(done -> {
                    message.set(done.said());
                    if (verifiedName != null) {
                        verification.put(verifiedName, new Verification(Verification.State.VERIFIED, "verified on activation"));
                    }
                    show(done.rows());
                    refreshPerception();
                })
                .onFailure(e -> {
                    message.set("");
                    error.set(title + " failed: " + reason(e));
                    refresh();
                })
                .onFinished(() -> busy.set(false)));
    }

    private record Done(String said, List<PackRow> rows) {
    }

    private static String reason(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    public ObservableList<PackRow> rows() {
        return rows;
    }

    /** The perception packs: installed ones, then the built-in starter packs. */
    public ObservableList<PerceptionRow> perceptionRows() {
        return perceptionRows;
    }

    /** The pack each use runs. */
    public ObservableMap<PerceptionUse, PackInUse> perceptionUses() {
        return uses;
    }

    public ObservableMap<String, Verification> perceptionVerification() {
        return perceptionVerification;
    }

    public Verification perceptionVerificationOf(String name) {
        return perceptionVerification.getOrDefault(name, Verification.NOT_CHECKED);
    }

    /** Why the perception packs cannot be listed, or null. */
    public ReadOnlyStringProperty perceptionErrorProperty() {
        return perceptionError.getReadOnlyProperty();
    }

    /** A choice waiting for the user's confirmation, or null. */
    public ReadOnlyObjectProperty<PendingChoice> pendingChoiceProperty() {
        return pendingChoice.getReadOnlyProperty();
    }

    public ObservableMap<String, Verification> verification() {
        return verification;
    }

    public Verification verificationOf(String name) {
        return verification.getOrDefault(name, Verification.NOT_CHECKED);
    }

    /** The active pack, or null when none is installed or active. */
    public ReadOnlyObjectProperty<PackRow> activeProperty() {
        return active.getReadOnlyProperty();
    }

    public Optional<PackRow> active() {
        return Optional.ofNullable(active.get());
    }

    /** True once the list has been read at least once. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
