package org.sightline.indexer.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Indexing stopped because the data folder's disk filled up. Nothing half-written is kept: finished files stay
 * indexed, the file being written and every file not reached are left for the next run, and {@link #report()} says
 * which is which. The catalog records the run as stopped for a full disk, and the files in flight as queued with the
 * reason, so {@code status} shows it.
 */
public class DiskFullException extends UncheckedIOException {
    private static final String[] SIGNS = {"no space left on device", "database or disk is full", "sqlite_full",
            "not enough space on the disk", "disk quota exceeded"};

    private final transient IngestReport report;

    DiskFullException(String message, IngestReport report, IOException cause) {
        super(message, cause);
        this.report = report;
    }

    /** What was and was not indexed before the disk filled up. */
    public IngestReport report() {
        return report;
    }

    /** Whether a failure (or one of its causes) is a full disk, from the operating system's or SQLite's words. */
    public static boolean isDiskFull(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT);
            for (String sign : SIGNS) {
                if (m.contains(sign)) {
                    return true;
                }
            }
            if (c instanceof java.nio.file.FileSystemException fs && fs.getReason() != null
                    && fs.getReason().toLowerCase(Locale.ROOT).contains("no space")) {
                return true;
            }
        }
        return false;
    }

    /** The plain message: where, how much is free, and what to do. */
    static String describe(Path dataFolder, Throwable cause, IngestReport report) {
        long indexed = report.count(FileOutcome.Status.INDEXED) + report.count(FileOutcome.Status.PARTIAL);
        long notIndexed = report.count(FileOutcome.Status.CANCELLED);
        String free;
        try {
            free = String.format(Locale.ROOT, "%.1f MB free", Files.getFileStore(dataFolder).getUsableSpace() / 1e6);
        } catch (IOException | RuntimeException e) {
            free = "free space unknown";
        }
        return "the data folder's disk is full (" + dataFolder + ", " + free + "; " + rootMessage(cause) + "): indexing "
                + "stopped cleanly with " + indexed + " file(s) indexed in this run and " + notIndexed + " not indexed; free "
                + "some space and run the same command again to index the rest";
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return String.valueOf(c.getMessage());
    }
}
