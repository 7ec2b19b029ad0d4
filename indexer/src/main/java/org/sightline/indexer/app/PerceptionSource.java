package org.sightline.indexer.app;

import java.util.Optional;
import org.sightline.models.perception.PackedDetector;
import org.sightline.models.perception.PerceptionManifest;
import org.sightline.models.perception.StarterPackShelf;
import org.sightline.models.perception.detect.ObjectDetector;
import org.sightline.models.perception.text.SceneTextReader;
import org.sightline.models.runtime.RuntimeOptions;

/**
 * Where a workspace's object detector and scene text reader come from, for the perception stages of indexing.
 * Independent of the active vision-language model: detections are made with or without a CLIP pack. Text is read
 * only where the detector examines frames, so a source without a detector reads no text either.
 */
public interface PerceptionSource {

    /** Opens the detector, verified, or empty when there is none; the caller closes it. */
    Optional<ObjectDetector> openDetector();

    /** Opens the scene text reader, verified, or empty when there is none; the caller closes it. */
    default Optional<SceneTextReader> openTextReader() {
        return Optional.empty();
    }

    /** Seconds of video between frames the detector examines ({@code FrameInspector}). */
    default double detectionIntervalSeconds() {
        return org.sightline.indexer.perception.FrameInspector.DEFAULT_INTERVAL_SECONDS;
    }

    /** No perception: indexing embeds frames only. */
    static PerceptionSource none() {
        return Optional::empty;
    }

    /**
     * The built-in starter detector pack of the shelf the system property {@code sightline.starterPacks} names (set by
     * the launcher), re-hashed and checked against its pin when opened; none when no shelf or detector pack exists.
     */
    static PerceptionSource starterPacks() {
        return starterPacks(StarterPackShelf.fromSystemProperty());
    }

    /** The first detector and text packs on this shelf. */
    static PerceptionSource starterPacks(StarterPackShelf shelf) {
        return new PerceptionSource() {
            @Override
            public Optional<ObjectDetector> openDetector() {
                return shelf.location().isEmpty() ? Optional.empty()
                        : shelf.verifiedOfKind(PerceptionManifest.Kind.DETECTOR).map(pack -> PackedDetector.open(pack, RuntimeOptions.defaults()));
            }

            @Override
            public Optional<SceneTextReader> openTextReader() {
                return shelf.location().isEmpty() ? Optional.empty()
                        : shelf.verifiedOfKind(PerceptionManifest.Kind.TEXT).map(pack -> SceneTextReader.open(pack, RuntimeOptions.defaults()));
            }
        };
    }
}
