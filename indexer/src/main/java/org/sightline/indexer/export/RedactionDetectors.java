package org.sightline.indexer.export;

import java.util.ArrayList;
import java.util.List;
import org.sightline.models.perception.detect.ObjectDetector;
import org.sightline.models.perception.text.SceneTextReader;

/**
 * The verified perception models a redaction plan is made with, each with its pack named (name, version and manifest
 * SHA-256) for the manifest and the audit trail; any may be null when no pack of that kind is installed.
 *
 * @param objects     an object detector with {@code person} and vehicle classes
 * @param faces       a detector with a {@code face} class (may be the same detector as {@code objects})
 * @param text        the scene text pack, whose detection boxes stand for number plates
 */
public record RedactionDetectors(ObjectDetector objects, String objectsPack, ObjectDetector faces, String facesPack,
                                 SceneTextReader text, String textPack) implements AutoCloseable {

    public static final RedactionDetectors NONE = new RedactionDetectors(null, null, null, null, null, null);

    /** The packs in use, described. */
    public List<String> packs() {
        List<String> out = new ArrayList<>();
        if (objects != null) {
            out.add(objectsPack);
        }
        if (faces != null && faces != objects) {
            out.add(facesPack);
        }
        if (text != null) {
            out.add(textPack);
        }
        return out;
    }

    @Override
    public void close() {
        if (objects != null) {
            objects.close();
        }
        if (faces != null && faces != objects) {
            faces.close();
        }
        if (text != null) {
            text.close();
        }
    }
}
