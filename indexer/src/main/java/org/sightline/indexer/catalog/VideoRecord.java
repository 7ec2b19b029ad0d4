package org.sightline.indexer.catalog;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * A video as the catalog knows it.
 *
 * @param recordingStart       wall-clock time of the first frame, when known
 * @param recordingStartSource "metadata", "filename" or "unknown"
 * @param errorKind            a {@code FootageError} name for failed or partial videos, else null
 * @param damageAtSeconds      for partial videos: where the damage starts, else NaN
 */
public record VideoRecord(
        long id,
        Path path,
        String sha256,
        long sizeBytes,
        long mtimeMillis,
        String container,
        String codec,
        int width,
        int height,
        double framesPerSecond,
        double durationSeconds,
        String camera,
        Optional<Instant> recordingStart,
        String recordingStartSource,
        VideoStatus status,
        String errorKind,
        String errorMessage,
        double damageAtSeconds,
        String damageDetail) {
}
