package org.sightline.indexer.ingest;

import org.sightline.indexer.footage.FootageException;
import org.sightline.indexer.footage.SampledFrame;
import org.sightline.indexer.footage.SamplingReport;
import org.sightline.indexer.perception.FrameDetections;
import org.sightline.models.runtime.PreparedImage;

/**
 * What the {@link FileFeeder} hands the embedding side, in order: per file either {@link Settled} (nothing to embed)
 * or {@link Opened}, its {@link Frame}s and {@link Closed}; after the last file {@link Exhausted}.
 */
sealed interface FeedEvent {

    /** A file that needs no embedding: unchanged, a copy of other content, or failed before decoding. */
    record Settled(FileOutcome outcome) implements FeedEvent {
    }

    /** A file was hashed, registered and probed, and its frames follow. */
    record Opened(FileJob job) implements FeedEvent {
    }

    /**
     * A sampled frame.
     *
     * @param image the frame prepared for the model when it is to be embedded, null when it was skipped as a near
     *              duplicate of the last embedded frame
     * @param detections what the object detector found when it examined this frame, null when it did not
     */
    record Frame(FileJob job, SampledFrame frame, PreparedImage image, FrameDetections detections) implements FeedEvent {
        boolean keep() {
            return image != null;
        }
    }

    /**
     * The file's frames are all delivered.
     *
     * @param report  how sampling went (damage found partway included), null when it failed
     * @param failure why sampling failed, null when it did not
     */
    record Closed(FileJob job, SamplingReport report, FootageException failure) implements FeedEvent {
    }

    /**
     * No more files: all were fed, the feeder was cancelled, or it crashed.
     *
     * @param crash an unexpected error of the feeder, rethrown on the embedding side; null otherwise
     */
    record Exhausted(Throwable crash) implements FeedEvent {
    }
}
