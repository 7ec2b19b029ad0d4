package org.sightline.indexer.ingest;

import java.nio.file.Path;
import java.util.OptionalDouble;

/**
 * A snapshot of a running index job, for the progress bar and the desktop.
 *
 * @param currentFile         file being indexed now, null between files
 * @param currentFileFraction 0..1 through the current file
 * @param realtimeFactor      seconds of footage indexed per wall-clock second so far
 * @param etaSeconds          estimated seconds left, empty until there is enough to estimate from
 */
public record IngestProgress(
        int filesTotal,
        int filesDone,
        int filesFailed,
        Path currentFile,
        double currentFileFraction,
        long segmentsWritten,
        long framesEmbedded,
        long framesSkippedAsDuplicates,
        double footageSecondsDone,
        double footageSecondsTotal,
        double realtimeFactor,
        OptionalDouble etaSeconds) {
}
