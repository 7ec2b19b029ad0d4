package org.sightline.desktop.viewer;

import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.sightline.indexer.footage.DecodedFrame;
import org.sightline.indexer.footage.FootageException;
import org.sightline.indexer.footage.SeekableVideo;

/**
 * Plays a video file into a {@link WritableImage}: decoding and pacing run on the player's own thread
 * ({@link SeekableVideo}), the FX thread only copies the newest frame into the image. Commands may be
 * called from the FX thread at any rate; seeks coalesce (only the newest one is decoded).
 */
public final class VideoPlayer implements AutoCloseable {
    private static final int MAX_DISPLAY_WIDTH = 1280;

    private sealed interface Command {
        record Open(Path file, double startSeconds) implements Command { }
        record Seek(double seconds) implements Command { }
        record Step(int direction) implements Command { }
        record ToEnd() implements Command { }
        record Play(boolean play) implements Command { }
        record Shutdown() implements Command { }
    }

    private final BlockingQueue<Command> commands = new LinkedBlockingQueue<>();
    private final AtomicReference<DecodedFrame> pending = new AtomicReference<>();
    private final AtomicBoolean renderScheduled = new AtomicBoolean();
    private final Thread thread;

    private final ReadOnlyObjectWrapper<Image> image = new ReadOnlyObjectWrapper<>(this, "image");
    private final ReadOnlyDoubleWrapper position = new ReadOnlyDoubleWrapper(this, "position", 0);
    private final ReadOnlyDoubleWrapper duration = new ReadOnlyDoubleWrapper(this, "duration", 0);
    private final ReadOnlyDoubleWrapper frameRate = new ReadOnlyDoubleWrapper(this, "frameRate", 0);
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing", false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", null);

    /** The frame last shown; read by the FX thread and "find similar". */
    private volatile DecodedFrame shown;

    // decoder-thread state
    private SeekableVideo decoder;
    private DecodedFrame current;
    private boolean play;
    private long playWallStart;
    private double playMediaStart;

    public VideoPlayer() {
        thread = new Thread(this::run, "sightline-player");
        thread.setDaemon(true);
        thread.start();
    }

    /** Opens a file and shows the frame at {@code startSeconds}, paused. */
    public void open(Path file, double startSeconds) {
        commands.add(new Command.Open(file, startSeconds));
    }

    public void play() {
        commands.add(new Command.Play(true));
    }

    public void pause() {
        commands.add(new Command.Play(false));
    }

    public void togglePlay() {
        commands.add(new Command.Play(!playing.get()));
    }

    /** Shows the first frame at or after {@code seconds}; keeps playing if it was. */
    public void seek(double seconds) {
        commands.add(new Command.Seek(seconds));
    }

    /** Pauses and shows the next frame. */
    public void stepForward() {
        commands.add(new Command.Step(1));
    }

    /** Pauses and shows the previous frame. */
    public void stepBack() {
        commands.add(new Command.Step(-1));
    }

    public void toStart() {
        commands.add(new Command.Seek(0));
    }

    public void toEnd() {
        commands.add(new Command.ToEnd());
    }

    public ReadOnlyObjectProperty<Image> imageProperty() {
        return image.getReadOnlyProperty();
    }

    /** Offset in seconds of the frame on screen. */
    public ReadOnlyDoubleProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty durationProperty() {
        return duration.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty frameRateProperty() {
        return frameRate.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    /** Why the last command failed (names the file), or null. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The frame on screen, or null before the first one. */
    public DecodedFrame shownFrame() {
        return shown;
    }

    @Override
    public void close() {
        commands.clear();
        commands.add(new Command.Shutdown());
    }

    // ---- decoder thread ----

    private void run() {
        try {
            while (true) {
                Command c;
                if (play && decoder != null) {
                    c = commands.poll();
                    if (c == null) {
                        playOneFrame();
                        continue;
                    }
                } else {
                    c = commands.take();
                }
                c = newestSeek(c);
                if (c instanceof Command.Shutdown) {
                    break;
                }
                handle(c);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (decoder != null) {
                decoder.close();
            }
        }
    }

    /** While a burst of seeks waits (a slider being dragged), only the last one matters. */
    private Command newestSeek(Command c) {
        while (c instanceof Command.Seek && commands.peek() instanceof Command.Seek) {
            c = commands.poll();
        }
        return c;
    }

    private void handle(Command c) {
        try {
            switch (c) {
                case Command.Open o -> open(o);
                case Command.Seek s -> {
                    if (decoder != null) {
                        show(decoder.seek(s.seconds()));
                        restartClock();
                    }
                }
                case Command.Step s -> {
                    setPlaying(false);
                    if (decoder != null && current != null) {
                        DecodedFrame f = s.direction() > 0 ? decoder.next() : decoder.previous(current.seconds());
                        if (f != null) {
                            show(f);
                        }
                    }
                }
                case Command.ToEnd t -> {
                    setPlaying(false);
                    if (decoder != null) {
                        show(decoder.lastFrame());
                    }
                }
                case Command.Play p -> {
                    setPlaying(p.play() && decoder != null);
                    restartClock();
                }
                case Command.Shutdown s -> { }
            }
        } catch (FootageException | RuntimeException e) {
            setPlaying(false);
            fail(e.getMessage());
        }
    }

    private void open(Command.Open o) throws FootageException {
        setPlaying(false);
        if (decoder != null) {
            decoder.close();
            decoder = null;
        }
        current = null;
        SeekableVideo d = SeekableVideo.open(o.file(), MAX_DISPLAY_WIDTH);
        decoder = d;
        double dur = d.durationSeconds();
        double rate = d.frameRate();
        Platform.runLater(() -> {
            error.set(null);
            duration.set(dur);
            frameRate.set(rate);
        });
        show(d.seek(o.startSeconds()));
    }

    private void playOneFrame() throws InterruptedException {
        DecodedFrame f;
        try {
            f = decoder.next();
        } catch (FootageException e) {
            setPlaying(false);
            fail(e.getMessage());
            return;
        }
        if (f == null) {
            setPlaying(false); // end of the video
            return;
        }
        long due = playWallStart + Math.round((f.seconds() - playMediaStart) * 1e9);
        long wait = due - System.nanoTime();
        if (wait > 0) {
            Command c = commands.poll(wait, TimeUnit.NANOSECONDS);
            if (c != null) {
                // a command came before the frame was due: show the frame early, then obey
                show(f);
                drainInOrder(c);
                return;
            }
        }
        show(f);
    }

    private void drainInOrder(Command first) {
        for (Command c = first; c != null; c = commands.poll()) {
            c = newestSeek(c);
            if (c instanceof Command.Shutdown) {
                commands.clear();
                commands.add(c);
                return;
            }
            handle(c);
        }
    }

    private void restartClock() {
        playWallStart = System.nanoTime();
        playMediaStart = current == null ? 0 : current.seconds();
    }

    private void setPlaying(boolean p) {
        play = p;
        Platform.runLater(() -> playing.set(p));
    }

    private void fail(String message) {
        Platform.runLater(() -> error.set(message));
    }

    private void show(DecodedFrame f) {
        current = f;
        pending.set(f);
        if (renderScheduled.compareAndSet(false, true)) {
            Platform.runLater(this::render);
        }
    }

    // ---- FX thread ----

    private void render() {
        renderScheduled.set(false);
        DecodedFrame f = pending.getAndSet(null);
        if (f == null) {
            return;
        }
        WritableImage img = image.get() instanceof WritableImage w
                && (int) w.getWidth() == f.width() && (int) w.getHeight() == f.height() ? w : null;
        if (img == null) {
            img = new WritableImage(f.width(), f.height());
        }
        img.getPixelWriter().setPixels(0, 0, f.width(), f.height(), PixelFormat.getByteBgraPreInstance(), f.bgra(), 0,
                f.width() * 4);
        shown = f;
        if (image.get() != img) {
            image.set(img);
        }
        position.set(f.seconds());
    }
}
