package org.sightline.desktop.cases;

import java.util.List;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sightline.desktop.cases.CaseFiles.CaseRow;
import org.sightline.desktop.cases.CaseFiles.ItemRow;
import org.sightline.desktop.cases.CaseFiles.Moment;
import org.sightline.desktop.task.BackgroundTask;
import org.sightline.desktop.task.TaskExecutor;

/**
 * The Cases page's state: the cases, the current case ("Add to case" puts clips there) and its items.
 * Without a case service ({@link #unavailable}, {@link #availableProperty()} false) the page says so and adding
 * is disabled.
 */
public final class CasesViewModel {
    private final TaskExecutor tasks;
    /** Null when this build or data directory has no case service. */
    private final CaseFiles files;
    private final ObservableList<CaseRow> cases = FXCollections.observableArrayList();
    private final ObservableList<ItemRow> items = FXCollections.observableArrayList();
    private final ObjectProperty<CaseRow> current = new SimpleObjectProperty<>(this, "current");
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(this, "available", false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", null);

    /** The Cases page over a case service; {@link #refresh()} reads the cases. */
    public CasesViewModel(TaskExecutor tasks, CaseFiles files) {
        this(tasks, Objects.requireNonNull(files, "files"), true);
    }

    private CasesViewModel(TaskExecutor tasks, CaseFiles files, boolean available) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.files = files;
        this.available.set(available);
        current.addListener((o, a, b) -> loadItems());
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
        Long keep = current.get() == null ? null : current.get().id();
        cases.setAll(list);
        current.set(list.stream().filter(c -> keep != null && c.id() == keep).findFirst()
                .orElse(list.isEmpty() ? null : list.getLast()));
    }

    private void loadItems() {
        CaseRow c = current.get();
        if (files == null || c == null) {
            items.clear();
            return;
        }
        CaseFiles f = files;
        tasks.execute(BackgroundTask.of("Reading case " + c.reference(), ctx -> f.items(c.id()))
                .onSuccess(list -> {
                    if (current.get() == c) {
                        items.setAll(list);
                    }
                })
                .onFailure(e -> error.set("Cannot read case " + c.reference() + ": " + e.getMessage())));
    }

    /** Creates a case and makes it current. */
    public void create(String name, String reference) {
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
                })
                .onFailure(e -> error.set("Cannot create the case: " + e.getMessage())));
    }

    private record Created(CaseRow made, List<CaseRow> all) {
    }

    /** True when a clip can be added now (a case service and a current case). */
    public boolean canAdd() {
        return files != null && current.get() != null;
    }

    /** Adds a moment to the current case in the background. */
    public void add(Moment m) {
        CaseRow c = current.get();
        if (files == null) {
            error.set("Cases are not available in this build.");
            return;
        }
        if (c == null) {
            error.set("Create or choose a case on the Cases page first, then add the clip again.");
            return;
        }
        CaseFiles f = files;
        error.set(null);
        message.set("Adding " + m.video().getFileName() + " to " + c + "…");
        tasks.execute(BackgroundTask.of("Adding to " + c.reference(), ctx -> {
                    f.add(c.id(), m);
                    return f.items(c.id());
                })
                .onSuccess(list -> {
                    message.set("Added " + m.video().getFileName() + " to " + c + ".");
                    if (current.get() == c) {
                        items.setAll(list);
                    }
                })
                .onFailure(e -> {
                    message.set("");
                    error.set("Cannot add to " + c + ": " + e.getMessage());
                }));
    }

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
}
