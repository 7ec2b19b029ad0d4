package org.sightline.indexer.app;

import java.util.Optional;
import org.sightline.indexer.perception.Examination;
import org.sightline.models.perception.PackedDetector;
import org.sightline.models.perception.install.PerceptionPacks;
import org.sightline.models.perception.StarterPackShelf;
import org.sightline.models.perception.VerifiedPerceptionPack;
import org.sightline.models.perception.detect.ObjectDetector;
import org.sightline.models.perception.text.SceneTextReader;
import org.sightline.models.runtime.RuntimeOptions;

/**
 * Where a workspace's object detector and scene text reader come from, for the perception stages of indexing.
 * Independent of the active vision-language model: detections are made with or without a CLIP pack. Text is read
 * only where the detector examines frames, so a source without a detector reads no text either.
 */
public interface PerceptionSource {
    /**
     * The class a detector pack must know to be run while indexing: object detectors (COCO) know it, the face
     * detector (for redaction) does not, so adding packs leaves indexing's cost unchanged.
     */
    String OBJECT_DETECTOR_CLASS = "person";

    /** Opens the detector, verified, or empty when there is none; the caller closes it. */
    Optional<ObjectDetector> openDetector();

    /** Opens the scene text reader, verified, or empty when there is none; the caller closes it. */
    default Optional<SceneTextReader> openTextReader() {
        return Optional.empty();
    }

    /**
     * The packs opened so far, each as name, version and manifest SHA-256 (recorded with the detections they make);
     * empty when none.
     */
    default String packs() {
        return "";
    }

    /**
     * The packs {@link #openDetector()} and {@link #openTextReader()} would open, written as {@link #packs()} writes
     * them, found (verified) without loading them: what an earlier generation's detections were made by is compared
     * with it, and when every file takes over what the same packs found, the detector is never loaded. Empty when not
     * known before opening (the detector is then opened at the start of each index run).
     */
    default String packsBeforeOpening() {
        return "";
    }

    /** Seconds of video between frames the detector examines in a still scene ({@code FrameInspector}). */
    default double detectionIntervalSeconds() {
        return examination().stillSeconds();
    }

    /**
     * Which frames the detector examines and how closely: by default every 6 s, every 2 s while something keeps moving,
     * looking closer at small moving things ({@link Examination#DEFAULT}).
     */
    default Examination examination() {
        return Examination.DEFAULT;
    }

    /**
     * This source with looking closer at small moving things and examining more frames while something moves each on or
     * off (both on is the default).
     */
    default PerceptionSource examining(boolean lookCloser, boolean followMotion) {
        return examining(examination().withLookCloser(lookCloser).withFollowMotion(followMotion));
    }

    /** This source, examining frames as given (e.g. looking closer or following motion turned off). */
    default PerceptionSource examining(Examination examination) {
        java.util.Objects.requireNonNull(examination, "examination");
        PerceptionSource self = this;
        return new PerceptionSource() {
            @Override
            public Optional<ObjectDetector> openDetector() {
                return self.openDetector();
            }

            @Override
            public Optional<SceneTextReader> openTextReader() {
                return self.openTextReader();
            }

            @Override
            public String packs() {
                return self.packs();
            }

            @Override
            public String packsBeforeOpening() {
                return self.packsBeforeOpening();
            }

            @Override
            public Examination examination() {
                return examination;
            }
        };
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

    /** The first object detector pack (one that knows {@value #OBJECT_DETECTOR_CLASS}) and text pack on this shelf. */
    static PerceptionSource starterPacks(StarterPackShelf shelf) {
        return of(new PerceptionPacks(null, shelf));
    }

    /**
     * The perception packs of a data directory: the detector and text pack chosen there ({@code models use NAME}),
     * found among its installed packs first, then on the shelf; with no choice, the shelf's preferred ones (the
     * starter CenterNet, which knows {@value #OBJECT_DETECTOR_CLASS}, never the face pack).
     */
    static PerceptionSource of(PerceptionPacks packs) {
        return new PerceptionSource() {
            private final java.util.List<String> opened = new java.util.concurrent.CopyOnWriteArrayList<>();

            @Override
            public Optional<ObjectDetector> openDetector() {
                Optional<VerifiedPerceptionPack> pack = packs.forUse(PerceptionPacks.Use.OBJECTS);
                pack.ifPresent(this::record);
                return pack.map(p -> PackedDetector.open(p, RuntimeOptions.defaults()));
            }

            @Override
            public Optional<SceneTextReader> openTextReader() {
                Optional<VerifiedPerceptionPack> pack = packs.forUse(PerceptionPacks.Use.TEXT);
                pack.ifPresent(this::record);
                return pack.map(p -> SceneTextReader.open(p, RuntimeOptions.defaults()));
            }

            private void record(VerifiedPerceptionPack p) {
                opened.add(described(p));
            }

            private static String described(VerifiedPerceptionPack p) {
                return p.name() + " " + p.manifest().version() + " (manifest sha256 " + p.manifestSha256() + ")";
            }

            @Override
            public String packsBeforeOpening() {
                Optional<VerifiedPerceptionPack> detector = packs.forUse(PerceptionPacks.Use.OBJECTS);
                if (detector.isEmpty()) {
                    return "";
                }
                java.util.List<String> described = new java.util.ArrayList<>();
                described.add(described(detector.get()));
                packs.forUse(PerceptionPacks.Use.TEXT).map(p -> described(p)).ifPresent(described::add);
                return String.join("; ", described);
            }

            @Override
            public String packs() {
                return String.join("; ", opened);
            }
        };
    }
}
