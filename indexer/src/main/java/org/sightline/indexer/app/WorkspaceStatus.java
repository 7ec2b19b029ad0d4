package org.sightline.indexer.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a data directory holds, for {@code sightline status} and the desktop's library view.
 *
 * @param videosByStatus   number of videos per catalog status (queued, indexing, done, partial, failed)
 * @param segments         segments with vectors of the active model (all models when none is active)
 * @param footageHours     hours of footage in videos that are done or partial
 * @param failed           files that could not be indexed, with the reason
 * @param indexSizeBytes   bytes of the Lucene index on disk
 * @param activeModelId    the active model's id, empty when no model pack is active
 * @param awaitingReembedding videos whose vectors were lost from the index (or whose run stopped); the next index run
 *                         embeds them again
 * @param indexStore       which store holds the vectors: the embedded index, or a team archive shared with other workstations
 * @param lastRun          the latest index run and how it ended (stopped by a full disk, say)
 */
public record WorkspaceStatus(
        Path dataDirectory,
        long videos,
        Map<String, Long> videosByStatus,
        long segments,
        double footageHours,
        List<FailedFile> failed,
        long indexSizeBytes,
        Optional<String> activeModelId,
        List<FailedFile> awaitingReembedding,
        StoreInUse indexStore,
        Optional<LastRun> lastRun) {

    /**
     * The latest index run.
     *
     * @param finished null while it runs (or when its process was killed)
     * @param status   {@code running}, {@code finished}, {@code cancelled}, {@code failed}, {@code interrupted} or
     *                 {@code disk_full}
     */
    public record LastRun(java.time.Instant started, java.time.Instant finished, String status, int filesTotal,
                          int filesFailed) {
        /** Whether it stopped because the data folder's disk was full. */
        public boolean stoppedByFullDisk() {
            return "disk_full".equals(status);
        }
    }

    /**
     * @param shared      true for a team archive (a SolrCloud collection other workstations write too)
     * @param description plain words: which store, and where
     */
    public record StoreInUse(boolean shared, String description) {
        @Override
        public String toString() {
            return description;
        }
    }

    /** A file the catalog holds an error for. */
    public record FailedFile(Path path, String errorKind, String message) {
    }
}
