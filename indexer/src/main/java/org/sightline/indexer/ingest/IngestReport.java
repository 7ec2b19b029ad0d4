package org.sightline.indexer.ingest;

import java.util.List;

/**
 * How an index job ended.
 *
 * @param outcomes        one per file considered, in the order they finished
 * @param footageSeconds  seconds of footage decoded and embedded in this job
 * @param elapsedSeconds  wall-clock seconds the job took
 * @param cancelled       the job stopped early because it was cancelled; what was finished is kept
 * @param timings         where the time went, per stage
 */
public record IngestReport(List<FileOutcome> outcomes, long segmentsWritten, double footageSeconds, double elapsedSeconds,
        boolean cancelled, IngestTimings timings) {

    public IngestReport {
        outcomes = List.copyOf(outcomes);
    }

    public long count(FileOutcome.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }

    /** True when some file could not be indexed at all or only partway. */
    public boolean anyFailed() {
        return outcomes.stream().anyMatch(o -> o.status() == FileOutcome.Status.FAILED || o.status() == FileOutcome.Status.PARTIAL);
    }

    /** Seconds of footage indexed per wall-clock second. */
    public double realtimeFactor() {
        return elapsedSeconds > 0 ? footageSeconds / elapsedSeconds : 0;
    }
}
