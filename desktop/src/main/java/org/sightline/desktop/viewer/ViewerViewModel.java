package org.sightline.desktop.viewer;

import java.time.Instant;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sightline.desktop.task.BackgroundTask;
import org.sightline.desktop.task.StartedTask;
import org.sightline.desktop.task.TaskExecutor;
import org.sightline.indexer.footage.DecodedFrame;
import org.sightline.models.integrity.Sha256;
import org.sightline.models.runtime.RgbFrame;

/**
 * The viewer's state: which clip, the player, the file's identity (path, SHA-256) and the time of the
 * frame on screen. Hands "find similar" and "add to case" to whoever listens.
 */
public final class ViewerViewModel implements AutoCloseable {
    private final TaskExecutor tasks;
    private final VideoPlayer player = new VideoPlayer();
    private final ReadOnlyObjectWrapper<ClipToView> clip = new ReadOnlyObjectWrapper<>(this, "clip");
    private final ReadOnlyStringWrapper sha256 = new ReadOnlyStringWrapper(this, "sha256", "");
    private final StringBinding offsetText;
    private final StringBinding wallClockText;
    private final ObjectProperty<Consumer<RgbFrame>> onFindSimilar = new SimpleObjectProperty<>(this, "onFindSimilar");
    private final ObjectProperty<Consumer<ViewerMoment>> onAddToCase = new SimpleObjectProperty<>(this, "onAddToCase");
    private final ReadOnlyIntegerWrapper opened = new ReadOnlyIntegerWrapper(this, "opened", 0);
    private final ObjectProperty<Function<Path, List<HitMark>>> hitsOfFile = new SimpleObjectProperty<>(this, "hitsOfFile");
    private final ObservableList<HitMark> fileHits = FXCollections.observableArrayList();
    private final ObservableList<HitMark> fileHitsView = FXCollections.unmodifiableObservableList(fileHits);
    private StartedTask hashing;
    private boolean stoppedAfterHit;

    /**
     * A moment the user picked in the viewer (for cases): the clip (with the search that found it) and the
     * offset of the frame on screen, which becomes the item's hit frame.
     */
    public record ViewerMoment(ClipToView clip, double seconds, String sha256) {
    }

    public ViewerViewModel(TaskExecutor tasks) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        offsetText = Bindings.createStringBinding(
                () -> Timecodes.offset(player.positionProperty().get()) + " / "
                        + Timecodes.offset(player.durationProperty().get()),
                player.positionProperty(), player.durationProperty());
        wallClockText = Bindings.createStringBinding(() -> {
            ClipToView c = clip.get();
            if (c == null || c.wallClockAtZero().isEmpty()) {
                return "wall clock unknown";
            }
            Instant at = c.wallClockAtZero().get().plusNanos(Math.round(player.positionProperty().get() * 1e9));
            return c.clock() == null ? Timecodes.wallClock(at) : c.clock().describeMillis(at);
        }, clip, player.positionProperty());
        // plays from just before the hit to just after it, then pauses once; Play carries on from there
        player.positionProperty().addListener((o, a, now) -> {
            ClipToView c = clip.get();
            if (c != null && c.hasHit() && !stoppedAfterHit && player.playingProperty().get()
                    && a.doubleValue() < c.stopAtSeconds() && now.doubleValue() >= c.stopAtSeconds()) {
                stoppedAfterHit = true;
                player.pause();
            }
        });
    }

    /** Opens the clip's video at the hit frame, paused (whatever was open before). */
    public void open(ClipToView c) {
        player.open(c.video(), c.openAtSeconds()); // before telling listeners, so their commands follow the open
        stoppedAfterHit = false;
        fileHits.setAll(hitsIn(c));
        clip.set(c);
        opened.set(opened.get() + 1);
        if (hashing != null) {
            hashing.cancel();
        }
        if (c.sha256() != null && !c.sha256().isBlank()) {
            sha256.set(c.sha256());
        } else {
            sha256.set("computing…");
            hashing = tasks.execute(BackgroundTask.of("SHA-256 of " + c.video().getFileName(), ctx -> Sha256.of(c.video()))
                    .onSuccess(h -> {
                        if (clip.get() == c) {
                            sha256.set(h);
                        }
                    })
                    .onFailure(e -> {
                        if (clip.get() == c) {
                            sha256.set("not available: " + e.getMessage());
                        }
                    }));
        }
    }

    /** Every hit of the clip's file the search knows, the clip's own included. */
    private List<HitMark> hitsIn(ClipToView c) {
        List<HitMark> all = new java.util.ArrayList<>(hitsOfFile.get() == null ? List.of() : hitsOfFile.get().apply(c.video()));
        if (c.hasHit() && all.stream().noneMatch(h -> h.startSeconds() == c.hitStartSeconds() && h.endSeconds() == c.hitEndSeconds())) {
            all.add(new HitMark(c.hitStartSeconds(), c.hitEndSeconds(), c.openAtSeconds()));
        }
        return all;
    }

    /** Where the other hits of a file come from (the search page's results); null for the open clip's only. */
    public ObjectProperty<Function<Path, List<HitMark>>> hitsOfFileProperty() {
        return hitsOfFile;
    }

    /** Every hit of the open file, marked on the timeline (the open clip's own included). */
    public ObservableList<HitMark> fileHits() {
        return fileHitsView;
    }

    /** Moves to a hit's best frame (a mark on the timeline clicked), paused. */
    public void goTo(HitMark hit) {
        player.pause();
        player.seek(hit.bestOffsetSeconds());
    }

    /** Counts the clips opened, one more on every open (also of the same clip again). */
    public ReadOnlyIntegerProperty openedProperty() {
        return opened.getReadOnlyProperty();
    }

    public VideoPlayer player() {
        return player;
    }

    public ReadOnlyObjectProperty<ClipToView> clipProperty() {
        return clip.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sha256Property() {
        return sha256.getReadOnlyProperty();
    }

    /** "m:ss.SSS / m:ss.SSS" of the frame on screen. */
    public StringBinding offsetText() {
        return offsetText;
    }

    public StringBinding wallClockText() {
        return wallClockText;
    }

    public ObjectProperty<Consumer<RgbFrame>> onFindSimilarProperty() {
        return onFindSimilar;
    }

    public ObjectProperty<Consumer<ViewerMoment>> onAddToCaseProperty() {
        return onAddToCase;
    }

    /** Searches for moments like the whole frame on screen. */
    public void findSimilar() {
        DecodedFrame f = player.shownFrame();
        if (f != null && onFindSimilar.get() != null) {
            player.pause();
            onFindSimilar.get().accept(f.toRgb());
        }
    }

    /**
     * Searches for moments like a rectangle of the frame on screen.
     *
     * @param x0 left edge as a fraction 0..1 of the frame width (likewise the others)
     */
    public void findSimilar(double x0, double y0, double x1, double y1) {
        DecodedFrame f = player.shownFrame();
        if (f != null && onFindSimilar.get() != null) {
            int x = (int) Math.floor(Math.min(x0, x1) * f.width());
            int y = (int) Math.floor(Math.min(y0, y1) * f.height());
            int w = (int) Math.ceil(Math.abs(x1 - x0) * f.width());
            int h = (int) Math.ceil(Math.abs(y1 - y0) * f.height());
            if (w < 8 || h < 8) {
                findSimilar();
                return;
            }
            player.pause();
            onFindSimilar.get().accept(f.cropToRgb(x, y, w, h));
        }
    }

    public boolean canAddToCase() {
        return onAddToCase.get() != null;
    }

    public void addToCase() {
        ClipToView c = clip.get();
        if (c != null && onAddToCase.get() != null) {
            onAddToCase.get().accept(new ViewerMoment(c, player.positionProperty().get(), sha256.get()));
        }
    }

    public Optional<ClipToView> currentClip() {
        return Optional.ofNullable(clip.get());
    }

    @Override
    public void close() {
        player.close();
    }
}
