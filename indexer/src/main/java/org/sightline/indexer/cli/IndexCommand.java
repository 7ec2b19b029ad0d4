package org.sightline.indexer.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.sightline.indexer.app.Workspace;
import org.sightline.indexer.ingest.DiskFullException;
import org.sightline.indexer.ingest.FileOutcome;
import org.sightline.indexer.ingest.IngestListener;
import org.sightline.indexer.ingest.IngestProgress;
import org.sightline.indexer.ingest.IngestReport;
import org.sightline.indexer.ingest.IngestRequest;
import org.sightline.models.pack.NoActiveModelException;
import org.sightline.models.pack.PackInstallException;
import org.sightline.models.pack.PackVerificationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import org.sightline.indexer.footage.PathText;

/** {@code sightline index}: index footage files and folders with the active model pack. */
@Command(name = "index", mixinStandardHelpOptions = true, description = "Index footage files and folders with the active model pack.",
        footer = {"", "Exit status: 0 every file indexed (or already indexed); 3 some files failed or were indexed only up to damage;",
                "1 the job could not run (no model pack, data directory unusable); 130 interrupted (finished files are kept)."})
public class IndexCommand implements Callable<Integer> {
    public static final int SOME_FILES_FAILED = 3;

    @Mixin
    DataOption dataOption;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Video files and folders (none with --reembed: every indexed video).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--camera", paramLabel = "NAME", description = "Camera name for every file (default: each file's folder name).")
    String camera;

    @Option(names = {"-r", "--recursive"}, description = "Descend into sub-folders.")
    boolean recursive;

    @Option(names = "--fps", paramLabel = "F", defaultValue = "1", description = "Frames sampled per second (default: ${DEFAULT-VALUE}).")
    double fps;

    @Option(names = "--segment-seconds", paramLabel = "S", defaultValue = "4",
            description = "Segment length in seconds (default: ${DEFAULT-VALUE}).")
    double segmentSeconds;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "" + IngestRequest.DEFAULT_BATCH, description = "Frames per model call (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--reembed", description = "Embed again with the active model, even files that already have its vectors.")
    boolean reembed;

    @Option(names = "--rebuild-index", description = "Set a damaged search index aside (kept as index.damaged-TIME) and embed every catalogued video again.")
    boolean rebuildIndex;

    @Override
    public Integer call() throws Exception {
        if (rebuildIndex) {
            Workspace.setIndexAside(dataOption.directory()).ifPresent(old ->
                    System.out.println("The old search index was moved to " + old + " (kept for examination); building a new one."));
            reembed = true;
        }
        if (paths.isEmpty() && !reembed) {
            System.err.println("sightline index: name at least one file or folder (or use --reembed)");
            return 2;
        }
        IngestRequest request;
        try {
            // a name that is not UTF-8 cannot come through the shell to Java: it is typed as shown (caf\xE9)
            List<Path> named = paths.stream().map(p -> Files.exists(p) ? p : PathText.fromShown(p.toString())).toList();
            request = new IngestRequest(named, camera, recursive, fps, segmentSeconds, batch, reembed);
        } catch (IllegalArgumentException e) {
            System.err.println("sightline index: " + e.getMessage());
            return 2;
        }
        AtomicBoolean cancel = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            cancel.set(true);
            try {
                finished.await(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "sightline-index-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        PrintStream out = System.out;
        try (Workspace w = Workspace.open(dataOption.directory())) {
            if (w.library().readOnly()) {
                System.err.println("sightline index: another Sightline process is indexing into " + w.dataDirectory().root() + "; try again when it is done");
                return 1;
            }
            w.warmUpFootage(); // overlaps loading the model
            try {
                out.println("Indexing with " + w.activeModel().id() + " into " + w.dataDirectory().root());
            } catch (NoActiveModelException | PackVerificationException | PackInstallException e) {
                System.err.println("sightline index: " + e.getMessage());
                return 1;
            }
            IngestReport report;
            try (ProgressView view = ProgressView.create()) {
                report = w.ingest(request, new IngestListener() {
                    @Override
                    public void progress(IngestProgress p) {
                        view.update(p);
                    }

                    @Override
                    public void fileFinished(FileOutcome o) {
                        view.println(line(o));
                    }
                }, cancel::get);
            } catch (DiskFullException e) {
                out.println(summary(e.report()));
                System.err.println("sightline index: " + e.getMessage());
                return 1;
            }
            out.println(summary(report));
            if (report.cancelled()) {
                return 130;
            }
            return report.anyFailed() ? SOME_FILES_FAILED : 0;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it waits for the latch released above
            }
        }
    }

    static String line(FileOutcome o) {
        return switch (o.status()) {
            case INDEXED -> "indexed    " + PathText.shown(o.path()) + " (" + o.segments() + (o.segments() == 1 ? " segment)" : " segments)");
            case PARTIAL -> "PARTIAL    " + o.message() + " (" + o.segments() + (o.segments() == 1 ? " segment)" : " segments)");
            case UNCHANGED -> "unchanged  " + PathText.shown(o.path()) + (o.message().isBlank() ? "" : " (" + o.message() + ")");
            case FAILED -> "FAILED     " + o.message();
            case NOT_VIDEO -> "skipped    " + o.message();
            case CANCELLED -> o.message().startsWith("not indexed") ? "NOT INDEXED " + PathText.shown(o.path()) + " (" + o.message() + ")"
                    : "cancelled  " + PathText.shown(o.path());
        };
    }

    static String summary(IngestReport r) {
        long notIndexed = r.outcomes().stream().filter(o -> o.status() == FileOutcome.Status.CANCELLED
                && o.message().startsWith("not indexed")).count();
        return String.format(Locale.ROOT, "%d indexed, %d partial, %d unchanged, %d failed, %d skipped%s; %d segments, %.0f s of footage in %.1f s (%.1fx realtime)%s",
                r.count(FileOutcome.Status.INDEXED), r.count(FileOutcome.Status.PARTIAL), r.count(FileOutcome.Status.UNCHANGED),
                r.count(FileOutcome.Status.FAILED), r.count(FileOutcome.Status.NOT_VIDEO),
                notIndexed > 0 ? ", " + notIndexed + " not indexed" : "", r.segmentsWritten(), r.footageSeconds(),
                r.elapsedSeconds(), r.realtimeFactor(), r.cancelled() && notIndexed == 0 ? "; cancelled, run again to finish" : "");
    }

    /** A progress bar on a terminal; a line every 10 s otherwise. */
    private interface ProgressView extends AutoCloseable {
        void update(IngestProgress p);

        void println(String line);

        @Override
        void close();

        static ProgressView create() {
            return System.console() != null && System.console().isTerminal() ? new Bar() : new Lines();
        }
    }

    private static final class Bar implements ProgressView {
        private final ProgressBar bar = new ProgressBarBuilder().setTaskName("Indexing").setStyle(ProgressBarStyle.ASCII)
                .setInitialMax(1).setUnit(" s", 1).setUpdateIntervalMillis(250).continuousUpdate().clearDisplayOnFinish().build();
        private boolean closed;

        @Override
        public synchronized void update(IngestProgress p) {
            if (closed) {
                return;
            }
            bar.maxHint(Math.max(1, Math.round(p.footageSecondsTotal())));
            bar.stepTo(Math.round(p.footageSecondsDone()));
            // the bar shows elapsed time and its own ETA; keep the rest short so the bar keeps its width
            bar.setExtraMessage(String.format(Locale.ROOT, "file %d/%d, %d seg, %.0fx", Math.min(p.filesTotal(), p.filesDone() + 1),
                    p.filesTotal(), p.segmentsWritten(), p.realtimeFactor()));
        }

        @Override
        public synchronized void println(String line) {
            if (closed) {
                System.out.println(line);
                return;
            }
            // print above the bar
            System.err.print("\r\u001b[2K");
            System.out.println(line);
            System.out.flush();
            bar.refresh();
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                bar.close();
            }
        }
    }

    private static final class Lines implements ProgressView {
        private long last = System.nanoTime();

        @Override
        public void update(IngestProgress p) {
            long now = System.nanoTime();
            if (now - last < 10_000_000_000L) {
                return;
            }
            last = now;
            System.err.printf(Locale.ROOT, "progress: %d/%d files, %d segments, %.0f/%.0f s of footage, %.1fx realtime%s%n",
                    p.filesDone(), p.filesTotal(), p.segmentsWritten(), p.footageSecondsDone(), p.footageSecondsTotal(), p.realtimeFactor(),
                    p.etaSeconds().isPresent() ? String.format(Locale.ROOT, ", ETA %.0f s", p.etaSeconds().getAsDouble()) : "");
        }

        @Override
        public void println(String line) {
            System.out.println(line);
            System.out.flush();
        }

        @Override
        public void close() {
        }
    }
}
