package org.sightline.models.perception;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sightline.models.perception.detect.DetectorSettings;
import org.sightline.models.perception.detect.ObjectDetector;
import org.sightline.models.runtime.RgbFrame;
import org.sightline.models.runtime.RuntimeOptions;
import org.sightline.models.testing.StarterPackFixture;

/**
 * The face detector starter pack the build made verifies against its pin, records MediaPipe's Apache-2.0 licence
 * and where every file came from, lists the single class {@code face}, opens through the same
 * {@link PackedDetector} API as the object detector, and is never the pack chosen for objects.
 */
class FaceStarterPackTest {

    @Test
    void theBuiltPackVerifiesAgainstItsPinAndRecordsItsLicenceAndProvenance() {
        VerifiedPerceptionPack pack = StarterPackFixture.shelf().verify(DetectorStarterPack.FACES_NAME);
        assertEquals(DetectorStarterPack.FACES_MANIFEST_SHA256, pack.manifestSha256());
        PerceptionManifest m = pack.manifest();
        assertEquals(PerceptionManifest.Kind.DETECTOR, m.kind());
        assertEquals(List.of("face"), m.classNames());
        assertTrue(m.licence().startsWith("Apache-2.0") && m.licence().contains("MediaPipe"), m.licence());
        assertEquals("@vladmandic/human", m.provenance().packageName());
        assertEquals("3.3.6", m.provenance().version());
        assertEquals(DetectorStarterPack.PACKAGE.integrity(), m.provenance().integrity());
        assertEquals(List.of("models/blazeface.json", "models/blazeface.bin", "models/blazeface.json"),
                m.provenance().files().stream().map(PerceptionManifest.TarballFile::tarballPath).toList());
        assertEquals(PerceptionManifest.Decoding.BLAZEFACE, m.model(PerceptionManifest.ModelRole.DETECTOR).orElseThrow().decoding());
    }

    @Test
    void itOpensWithTheBlazefaceSettingsAndFindsNoFaceInAPlainFrame() {
        VerifiedPerceptionPack pack = StarterPackFixture.shelf().verify(DetectorStarterPack.FACES_NAME);
        assertEquals(DetectorSettings.blazeface(), PackedDetector.settings(pack));
        byte[] grey = new byte[320 * 240 * 3];
        java.util.Arrays.fill(grey, (byte) 128);
        try (ObjectDetector detector = PackedDetector.open(pack, new RuntimeOptions(1, 1, 1))) {
            assertEquals(List.of(), detector.detect(new RgbFrame(320, 240, grey)), "a plain grey frame holds no face");
        }
    }

    @Test
    void objectsAndFacesEachFindTheirOwnPack() {
        StarterPackShelf shelf = StarterPackFixture.shelf();
        assertEquals(DetectorStarterPack.NAME, shelf.verifiedDetectorWithClass("person").orElseThrow().name(),
                "the object detector (for indexing) is the preferred COCO pack, never the face pack");
        assertEquals(DetectorStarterPack.FACES_NAME, shelf.verifiedDetectorWithClass("face").orElseThrow().name());
        assertTrue(shelf.verifiedDetectorWithClass("unicorn").isEmpty());
    }
}
