package org.sightline.indexer.app;

import java.util.Set;
import org.sightline.indexer.export.RedactTarget;
import org.sightline.indexer.export.RedactionDetectors;
import org.sightline.indexer.export.RedactionRequest;
import org.sightline.models.perception.PackedDetector;
import org.sightline.models.perception.PerceptionManifest;
import org.sightline.models.perception.StarterPackShelf;
import org.sightline.models.perception.VerifiedPerceptionPack;
import org.sightline.models.perception.detect.ObjectDetector;
import org.sightline.models.perception.text.SceneTextReader;
import org.sightline.models.runtime.RuntimeOptions;

/**
 * Opens, verified, the perception packs a redaction needs from the installed (starter) packs: the preferred detector
 * pack with a {@code person} class for people and vehicles (the one indexing runs), the preferred one with a
 * {@code face} class for faces (the BlazeFace starter pack), the text pack
 * for plates. A target with no pack is left without a detector; the planner then refuses it in plain words.
 */
final class RedactionDetectorShelf {
    private RedactionDetectorShelf() {
    }

    static RedactionDetectors open(StarterPackShelf shelf, RedactionRequest request) {
        if (shelf.location().isEmpty()) {
            return RedactionDetectors.NONE;
        }
        Set<RedactTarget> targets = request.targets();
        boolean objects = request.needsObjectDetector();
        boolean faces = targets.contains(RedactTarget.FACES);
        // the same choice as indexing makes (StarterPackShelf's order of preference), so a redaction hides what search finds
        VerifiedPerceptionPack objectPack = objects ? shelf.verifiedDetectorWithClass("person").orElse(null) : null;
        VerifiedPerceptionPack facePack = faces ? shelf.verifiedDetectorWithClass("face").orElse(null) : null;
        VerifiedPerceptionPack textPack = targets.contains(RedactTarget.PLATES)
                ? shelf.verifiedOfKind(PerceptionManifest.Kind.TEXT).orElse(null) : null;
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
