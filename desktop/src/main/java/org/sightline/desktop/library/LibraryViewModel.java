package org.sightline.desktop.library;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sightline.desktop.library.FootageLibrary.CameraRow;
import org.sightline.desktop.library.FootageLibrary.IndexRun;
import org.sightline.desktop.library.FootageLibrary.VideoRow;
import org.sightline.desktop.task.BackgroundTask;
import org.sightline.desktop.task.StartedTask;
import org.sightline.desktop.task.TaskContext;
import org.sightline.desktop.task.TaskExecutor;
import org.sightline.desktop.viewer.Timecodes;
import org.sightline.indexer.catalog.VideoStatus;
import org.sightline.indexer.ingest.FileOutcome;
import org.sightline.indexer.ingest.IngestListener;
import org.sightline.indexer.ingest.IngestProgress;

/**
 * The Library page's state: the catalogued videos with their status, the index job's overall and per-file
 * progress (rate, ETA), and pause (stops now, resumable: finished files are kept), resume, cancel and re-index.
 */
public final class LibraryViewModel {

    /** Where the index job stands. */
    public enum JobState { IDLE, RUNNING, PAUSED }

    private final TaskExecutor tasks;
    private final FootageLibrary library;
    private final ObservableList<VideoEntry> videos = FXCollections.observableArrayList(
            e -> new javafx.beans.Observable[] {e.copyProperty()});
    private final javafx.beans.binding.StringBinding countText = javafx.beans.binding.Bindings.createStringBinding(
            this::describeCount, videos);
    private final ReadOnlyStringWrapper typedPathProblem = new ReadOnlyStringWrapper(this, "typedPathProblem", "");
    private final Map<Path, VideoEntry> byPath = new HashMap<>();
    private final ObservableList<String> errors = FXCollections.observableArrayList();
    private final javafx.collections.ObservableSet<String> cameras = FXCollections.observableSet(new java.util.TreeSet<>());
    private final ReadOnlyObjectWrapper<JobState> state = new ReadOnlyObjectWrapper<>(this, "state", JobState.IDLE);
    private final ReadOnlyDoubleWrapper overallProgress = new ReadOnlyDoubleWrapper(this, "overallProgress", 0);
    private final ReadOnlyDoubleWrapper fileProgress = new ReadOnlyDoubleWrapper(this, "fileProgress", 0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper currentFile = new ReadOnlyStringWrapper(this, "currentFile", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ObjectProperty<Runnable> onIndexChanged = new SimpleObjectProperty<>(this, "onIndexChanged");
    private final ObservableList<CameraRow> cameraRows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper cameraMessage = new ReadOnlyStringWrapper(this, "cameraMessage", "");
    private final ReadOnlyStringWrapper workstationZone = new ReadOnlyStringWrapper(this, "workstationZone", "");

    /** Paths of the job that is running or paused, to resume with. */
    private final Set<Path> pending = new LinkedHashSet<>();
    private boolean pendingReindex;
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private final AtomicReference<IngestProgress> latestProgress = new AtomicReference<>();
    private final AtomicBoolean progressScheduled = new AtomicBoolean();
    private StartedTask job;
    /** Why the last job stopped with an error, kept in the error list when the catalog is read again. */
    private String jobFailure;

    public LibraryViewModel(TaskExecutor tasks, FootageLibrary library) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.library = Objects.requireNonNull(library, "library");
    }

    /** Reloads the catalog's videos and cameras in the background. */
    public void refresh() {
        tasks.execute(BackgroundTask.of("Reading the catalog", ctx -> library.videos())
                .onSuccess(this::showCatalog)
                .onFailure(e -> message.set("Cannot read the catalog: " + e.getMessage())));
        tasks.execute(BackgroundTask.of("Reading the cameras", ctx -> library.cameras())
                .onSuccess(cameraRows::setAll)
                .onFailure(e -> cameraMessage.set("Cannot read the cameras: " + e.getMessage())));
        tasks.execute(BackgroundTask.of("Reading the workstation zone", ctx -> library.workstationZone())
                .onSuccess(z -> workstationZone.set(z.label()))
                .onFailure(e -> cameraMessage.set("Cannot read the workstation zone: " + e.getMessage())));
    }

    /**
     * Sets the workstation zone, the zone of cameras with none of their own (audited), in the background; the cameras
     * are read again after. A problem (an unknown zone, with close matches) is shown in {@link #cameraMessageProperty()}.
     */
    public void saveWorkstationZone(String zone) {
        if (zone == null || zone.isBlank()) {
            cameraMessage.set("Choose a time zone in the list first.");
            return;
        }
        tasks.execute(BackgroundTask.of("Saving the workstation zone", ctx -> library.saveWorkstationZone(zone.strip()))
                .onSuccess(z -> {
                    cameraMessage.set("Workstation zone set to " + z.zone() + ": cameras with no zone of their own use it.");
                    refresh();
                })
                .onFailure(e -> cameraMessage.set("Cannot set the workstation zone: " + e.getMessage())));
    }

    /** The workstation zone and where it came from, {@code Europe/London (from the workstation setting)}. */
    public ReadOnlyStringProperty workstationZoneProperty() {
        return workstationZone.getReadOnlyProperty();
    }

    /**
     * Names a camera and sets the zone of its clock (blank: unchanged), in the background; the videos and cameras are
     * read again after. A problem (an unknown zone, with close matches) is shown in {@link #cameraMessageProperty()}.
     */
    public void saveCamera(String key, String name, String zone) {
        if (key == null) {
            cameraMessage.set("Choose a camera in the table first.");
            return;
        }
        tasks.execute(BackgroundTask.of("Saving camera " + key, ctx -> library.saveCamera(key,
                        name == null || name.isBlank() ? null : name.strip(), zone == null || zone.isBlank() ? null : zone.strip()))
                .onSuccess(row -> {
                    cameraMessage.set("Saved camera " + row.key() + ": \"" + row.name() + "\", time zone " + row.zoneLabel());
                    refresh();
                })
                .onFailure(e -> cameraMessage.set("Cannot save camera " + key + ": " + e.getMessage())));
    }

    /** The cameras: key, name, zone, video count. */
    public ObservableList<CameraRow> cameraRows() {
        return cameraRows;
    }

    /** What the last camera change did, or why it failed. */
    public ReadOnlyStringProperty cameraMessageProperty() {
        return cameraMessage.getReadOnlyProperty();
    }

    /** Every IANA zone id a camera can be set to, sorted, {@code UTC} first. */
    public static List<String> zoneIds() {
        List<String> ids = new ArrayList<>(java.time.ZoneId.getAvailableZoneIds().stream()
                .filter(id -> id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/")).sorted().toList());
        ids.addFirst("UTC");
        return ids;
    }

    private void showCatalog(List<VideoRow> rows) {
        Set<String> names = new java.util.TreeSet<>();
        rows.stream().map(VideoRow::camera).filter(c -> c != null && !c.isBlank()).forEach(names::add);
        cameras.retainAll(names); // a renamed camera's old name goes
        for (VideoRow r : rows) {
            VideoEntry e = entry(r.path());
            e.copyProperty().set(false); // catalogued under its own path
            e.cameraProperty().set(r.camera() == null ? "" : r.camera());
            if (r.camera() != null && !r.camera().isBlank()) {
                cameras.add(r.camera());
            }
            e.durationSecondsProperty().set(r.durationSeconds());
            e.foundProperty().set(r.found());
            e.foundDetailsProperty().set(r.foundDetails());
            if (!(state.get() == JobState.RUNNING && e.statusProperty().get() == VideoStatus.INDEXING)) {
                e.statusProperty().set(r.status());
                e.reasonProperty().set(r.reason() == null ? "" : r.reason());
                if (r.status() != VideoStatus.INDEXING) {
                    e.progressProperty().set(r.status() == VideoStatus.DONE ? 1 : 0);
                }
            }
        }
        List<String> failed = rows.stream()
                .filter(r -> r.status() == VideoStatus.FAILED || r.status() == VideoStatus.PARTIAL)
                .map(r -> r.path() + ": " + (r.reason() == null ? r.status().label() : r.reason()))
                .toList();
        if (state.get() != JobState.RUNNING) {
            errors.setAll(failed);
            if (jobFailure != null) {
                errors.add(jobFailure);
            }
        } else {
            failed.stream().filter(f -> !errors.contains(f)).forEach(errors::add);
        }
    }

    private VideoEntry entry(Path p) {
        return byPath.computeIfAbsent(p, k -> {
            VideoEntry e = new VideoEntry(k);
            int at = 0;
            Comparator<VideoEntry> order = Comparator.comparing(VideoEntry::archive).thenComparing(VideoEntry::fileName);
            while (at < videos.size() && order.compare(videos.get(at), e) < 0) {
                at++;
            }
            videos.add(at, e);
            return e;
        });
    }

    /**
     * Adds a folder or file whose path was typed (quotes around it and a leading {@code ~} are understood) and indexes
     * it. A path that is not there is named in {@link #typedPathProblemProperty()} and nothing is added.
     *
     * @return true when the path was added
     */
    public boolean addTypedPath(String typed) {
        String t = typed == null ? "" : typed.strip();
        if (t.length() >= 2 && (t.startsWith("\"") && t.endsWith("\"") || t.startsWith("'") && t.endsWith("'"))) {
            t = t.substring(1, t.length() - 1).strip();
        }
        if (t.isEmpty()) {
            typedPathProblem.set("Type the path of a folder (or a video file) to add, or use Browse….");
            return false;
        }
        if (t.equals("~") || t.startsWith("~/")) {
            t = System.getProperty("user.home") + t.substring(1);
        }
        Path p;
        try {
            p = Path.of(t);
        } catch (java.nio.file.InvalidPathException e) {
            typedPathProblem.set("'" + t + "' is not a path: " + e.getReason() + ".");
            return false;
        }
        if (!p.isAbsolute()) {
            typedPathProblem.set("Give the whole path, from the top: '" + t + "' does not start with /.");
            return false;
        }
        if (!Files.exists(p)) {
            typedPathProblem.set("There is no folder or file " + p + ".");
            return false;
        }
        typedPathProblem.set("");
        add(List.of(p));
        return true;
    }

    /** Why the typed path was not added, else empty. */
    public ReadOnlyStringProperty typedPathProblemProperty() {
        return typedPathProblem.getReadOnlyProperty();
    }

    /**
     * "12 videos in the catalog · 1 duplicate file not indexed again": the first figure is what the status bar's
     * "index: N videos" counts (every catalogued video, whatever its status); copies of another video are listed in the
     * table but not catalogued, so they are counted apart.
     */
    public javafx.beans.binding.StringBinding countText() {
        return countText;
    }

    private String describeCount() {
        long copies = videos.stream().filter(e -> e.copyProperty().get()).count();
        long catalogued = videos.size() - copies;
        String text = String.format(Locale.ROOT, "%d %s in the catalog", catalogued, catalogued == 1 ? "video" : "videos");
        if (copies > 0) {
            text += String.format(Locale.ROOT, " · %d duplicate %s (same content as a catalogued video, not indexed again)",
                    copies, copies == 1 ? "file" : "files");
        }
        return text;
    }

    /** Adds folders or files and indexes them (after the running job, if any). */
    public void add(List<Path> paths) {
        List<Path> usable = new ArrayList<>();
        for (Path p : paths) {
            if (Files.exists(p)) {
                usable.add(p.toAbsolutePath().normalize());
            } else {
                errors.add(p + ": does not exist");
            }
        }
        if (usable.isEmpty()) {
            return;
        }
        pending.addAll(usable);
        if (state.get() == JobState.IDLE) {
            start(false);
        } else if (state.get() == JobState.PAUSED) {
            message.set("Added; resume to index.");
        }
    }

    /** Indexes the given videos again with the active model (all catalogued videos when empty). */
    public void reindex(List<Path> paths) {
        if (state.get() == JobState.RUNNING) {
            message.set("Wait for the running job to finish, or pause it, before re-indexing.");
            return;
        }
        pending.clear();
        pending.addAll(paths.isEmpty() ? byPath.keySet() : paths);
        if (!pending.isEmpty()) {
            start(true);
        }
    }

    /** Stops the job now; finished files stay indexed and {@link #resume()} carries on. */
    public void pause() {
        if (state.get() == JobState.RUNNING) {
            stopRequested.set(true);
            state.set(JobState.PAUSED);
            message.set("Pausing after the current batch…");
        }
    }

    public void resume() {
        if (job != null && !job.isDone()) {
            message.set("Still stopping the current batch; resume in a moment.");
            return;
        }
        if (state.get() == JobState.PAUSED && !pending.isEmpty()) {
            start(pendingReindex);
        }
    }

    /** Stops the job and forgets what was still to do. Finished files stay indexed. */
    public void cancel() {
        pending.clear();
        if (state.get() == JobState.RUNNING) {
            stopRequested.set(true);
            message.set("Cancelling…");
        }
        state.set(JobState.IDLE);
    }

    private void start(boolean reindex) {
        List<Path> paths = List.copyOf(pending);
        pendingReindex = reindex;
        jobFailure = null;
        stopRequested.set(false);
        state.set(JobState.RUNNING);
        message.set((reindex ? "Re-indexing " : "Indexing ") + describe(paths));
        overallProgress.set(-1);
        fileProgress.set(0);
        progressText.set("starting…");
        job = tasks.execute(BackgroundTask.of("Indexing", ctx -> library.index(paths, reindex, listenerFor(ctx),
                        () -> stopRequested.get() || ctx.isCancelled()))
                .onSuccess(run -> finished(run, paths))
                .onFailure(e -> {
                    state.set(JobState.IDLE);
                    pending.clear();
                    jobFailure = "Indexing stopped: " + e.getMessage();
                    message.set(jobFailure);
                    errors.add(jobFailure);
                    refresh();
                }));
    }

    /** Hands the job's progress and each file's outcome to the UI thread (progress coalesced to the newest). */
    private IngestListener listenerFor(TaskContext ctx) {
        return new IngestListener() {
            @Override
            public void progress(IngestProgress p) {
                latestProgress.set(p);
                if (progressScheduled.compareAndSet(false, true)) {
                    ctx.onUiThread(LibraryViewModel.this::showProgress);
                }
            }

            @Override
            public void fileFinished(FileOutcome outcome) {
                ctx.onUiThread(() -> showOutcome(outcome));
            }
        };
    }

    private void finished(IndexRun run, List<Path> paths) {
        fileProgress.set(0);
        currentFile.set("");
        long failed = run.outcomes().stream()
                .filter(o -> o.status() == FileOutcome.Status.FAILED || o.status() == FileOutcome.Status.PARTIAL).count();
        long indexed = run.outcomes().stream().filter(o -> o.status() == FileOutcome.Status.INDEXED).count();
        long copies = run.outcomes().stream().filter(FileOutcome::sameContentAsAnother).count();
        String summary = String.format(Locale.ROOT, "%d indexed, %d failed or partial%s, %s of footage in %s",
                indexed, failed, copies == 0 ? "" : String.format(Locale.ROOT, ", %d duplicate%s", copies, copies == 1 ? "" : "s"),
                Timecodes.shortOffset(run.footageSeconds()), Timecodes.shortOffset(run.elapsedSeconds()));
        if (run.cancelled() || stopRequested.get()) {
            if (state.get() == JobState.PAUSED) {
                message.set("Paused (" + summary + "). Resume carries on; finished files are kept.");
            } else {
                state.set(JobState.IDLE);
                message.set("Cancelled (" + summary + "). Finished files are kept.");
            }
        } else {
            pending.removeAll(paths);
            message.set("Done: " + summary + ".");
            overallProgress.set(1);
            progressText.set("");
            state.set(JobState.IDLE);
            if (!pending.isEmpty()) {
                start(false); // folders added while this job ran
            }
        }
        refresh();
        if (onIndexChanged.get() != null) {
            onIndexChanged.get().run();
        }
    }

    private void showProgress() {
        progressScheduled.set(false);
        IngestProgress p = latestProgress.get();
        if (p == null || state.get() == JobState.IDLE) {
            return;
        }
        double overall = p.footageSecondsTotal() > 0 ? p.footageSecondsDone() / p.footageSecondsTotal()
                : p.filesTotal() > 0 ? (double) p.filesDone() / p.filesTotal() : -1;
        overallProgress.set(Math.min(1, overall));
        fileProgress.set(Math.clamp(p.currentFileFraction(), 0, 1));
        String eta = p.etaSeconds().isPresent() ? "ETA " + Timecodes.shortOffset(p.etaSeconds().getAsDouble()) : "ETA estimating…";
        progressText.set(String.format(Locale.ROOT, "%d of %d files · %d failed · %.1f× real time · %s",
                p.filesDone(), p.filesTotal(), p.filesFailed(), p.realtimeFactor(), eta));
        if (p.currentFile() != null) {
            currentFile.set(p.currentFile().toString());
            VideoEntry e = entry(p.currentFile().toAbsolutePath().normalize());
            e.statusProperty().set(VideoStatus.INDEXING);
            e.progressProperty().set(Math.clamp(p.currentFileFraction(), 0, 1));
        }
    }

    private void showOutcome(FileOutcome o) {
        if (o.status() == FileOutcome.Status.NOT_VIDEO) {
            return;
        }
        VideoEntry e = entry(o.path().toAbsolutePath().normalize());
        VideoStatus status = switch (o.status()) {
            case INDEXED, UNCHANGED -> VideoStatus.DONE;
            case PARTIAL -> VideoStatus.PARTIAL;
            case FAILED -> VideoStatus.FAILED;
            case CANCELLED, NOT_VIDEO -> VideoStatus.QUEUED;
        };
        e.statusProperty().set(status);
        e.copyProperty().set(o.sameContentAsAnother());
        e.reasonProperty().set(o.message() == null ? "" : o.message());
        e.progressProperty().set(status == VideoStatus.DONE ? 1 : 0);
        refresh(); // camera, length and status as the catalog now has them
        if (onIndexChanged.get() != null) {
            onIndexChanged.get().run();
        }
        if (o.status() == FileOutcome.Status.FAILED || o.status() == FileOutcome.Status.PARTIAL) {
            String line = o.path() + ": " + (o.message() == null ? status.label() : o.message());
            if (!errors.contains(line)) {
                errors.add(line);
            }
        }
    }

    private static String describe(List<Path> paths) {
        return paths.size() == 1 ? paths.getFirst().toString() : paths.size() + " folders and files";
    }

    /** The index job's task while one runs (to wait for it before closing the workspace). */
    public Optional<StartedTask> runningJob() {
        return job == null || job.isDone() ? Optional.empty() : Optional.of(job);
    }

    public ObservableList<VideoEntry> videos() {
        return videos;
    }

    /** Camera names of the catalogued videos. */
    public javafx.collections.ObservableSet<String> cameras() {
        return cameras;
    }

    /** Files that failed or were indexed only partway, with the reason. */
    public ObservableList<String> errors() {
        return errors;
    }

    public ReadOnlyObjectProperty<JobState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** 0..1 over the job's footage; -1 while unknown. */
    public ReadOnlyDoubleProperty overallProgressProperty() {
        return overallProgress.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty fileProgressProperty() {
        return fileProgress.getReadOnlyProperty();
    }

    /** Files done, failures, rate and ETA. */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty currentFileProperty() {
        return currentFile.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Told on the FX thread after each file and after a job ends (the status bar reloads its figures). */
    public ObjectProperty<Runnable> onIndexChangedProperty() {
        return onIndexChanged;
    }
}
