package org.sightline.indexer.footage;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * What probing a video file found. Numbers the container lies about are cleaned: an unknown or absurd frame
 * rate is {@code 0}, an unknown duration is {@code 0}.
 *
 * @param recordingStart wall-clock time of the first frame, from metadata or a date-time in the file name;
 *                       empty when unknown (never the file's modification time)
 * @param recordingStartSource where {@code recordingStart} came from: "metadata", "filename" or "unknown"
 */
public record VideoInfo(
        Path path,
        String container,
        String codec,
        int width,
        int height,
        double framesPerSecond,
        double durationSeconds,
        Optional<Instant> recordingStart,
        String recordingStartSource) {
}
