package org.sightline.indexer.app;

import java.util.Set;
import org.sightline.indexer.export.RedactTarget;
import org.sightline.indexer.export.RedactionDetectors;
import org.sightline.indexer.export.RedactionRequest;
import org.sightline.models.perception.PackedDetector;
import org.sightline.models.perception.install.PerceptionPacks;
import org.sightline.models.perception.StarterPackShelf;
import org.sightline.models.perception.VerifiedPerceptionPack;
import org.sightline.models.perception.detect.ObjectDetector;
import org.sightline.models.perception.text.SceneTextReader;
import org.sightline.models.runtime.RuntimeOptions;

/**
 * Opens, verified, the perception packs a redaction needs from the data directory's chosen packs and the starter
 * packs ({@link PerceptionPacks}): the detector indexing runs for people and vehicles, the chosen face detector (else
 * the BlazeFace starter pack) for faces, the text pack
 * for plates. A target with no pack is left without a detector; the planner then refuses it in plain words.
 */
final class RedactionDetectorShelf {
    private RedactionDetectorShelf() {
    }

    static RedactionDetectors open(StarterPackShelf shelf, RedactionRequest request) {
        return open(new PerceptionPacks(null, shelf), request);
    }

    /**
     * The packs of a data directory: the detector chosen to index (people, vehicles), the face detector chosen for
     * redaction, the text pack chosen; for each use with no choice, the shelf's preferred pack.
     */
    static RedactionDetectors open(PerceptionPacks packs, RedactionRequest request) {
        Set<RedactTarget> targets = request.targets();
        boolean objects = request.needsObjectDetector();
        boolean faces = targets.contains(RedactTarget.FACES);
        // the same choice as indexing makes, so a redaction hides what search finds
        VerifiedPerceptionPack objectPack = objects ? packs.forUse(PerceptionPacks.Use.OBJECTS).orElse(null) : null;
        VerifiedPerceptionPack facePack = faces ? packs.forUse(PerceptionPacks.Use.FACES).orElse(null) : null;
        VerifiedPerceptionPack textPack = targets.contains(RedactTarget.PLATES)
                ? packs.forUse(PerceptionPacks.Use.TEXT).orElse(null) : null;
        ObjectDetector objectDetector = null;
        ObjectDetector faceDetector = null;
        SceneTextReader text = null;
        try {
            objectDetector = objectPack == null ? null : PackedDetector.open(objectPack, RuntimeOptions.defaults());
            faceDetector = facePack == null ? null : facePack.dir().equals(objectPack == null ? null : objectPack.dir())
                    ? objectDetector : PackedDetector.open(facePack, RuntimeOptions.defaults());
            text = textPack == null ? null : SceneTextReader.open(textPack, RuntimeOptions.defaults());
            return new RedactionDetectors(objectDetector, describe(objectPack), faceDetector, describe(facePack), text,
                    describe(textPack));
        } catch (RuntimeException e) {
            new RedactionDetectors(objectDetector, null, faceDetector, null, text, null).close();
            throw e;
        }
    }

    private static String describe(VerifiedPerceptionPack p) {
        return p == null ? null : p.name() + " " + p.manifest().version() + " (manifest sha256 " + p.manifestSha256() + ")";
    }
}
