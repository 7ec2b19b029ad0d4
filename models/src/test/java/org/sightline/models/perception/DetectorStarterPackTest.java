package org.sightline.models.perception;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sightline.models.perception.detect.DetectorSettings;
import org.sightline.models.perception.detect.ObjectDetector;
import org.sightline.models.runtime.RgbFrame;
import org.sightline.models.runtime.RuntimeOptions;

/**
 * The detector starter pack the build made (at {@code process-classes}, into the folder the tests' system property
 * {@value StarterPacks#LOCATION_PROPERTY} names) verifies against its pin, says where every file came from and that
 * the weights' upstream states no licence, and its converted model runs.
 */
class DetectorStarterPackTest {

    @Test
    void theBuiltPackVerifiesAgainstItsPinAndRecordsItsProvenance() {
        StarterPackShelf shelf = StarterPackShelf.fromSystemProperty();
        assertTrue(shelf.has(DetectorStarterPack.NAME), "the build did not make " + DetectorStarterPack.NAME + " in " + shelf.location());
        VerifiedPerceptionPack pack = shelf.verify(DetectorStarterPack.NAME);
        assertEquals(DetectorStarterPack.MANIFEST_SHA256, pack.manifestSha256());
        PerceptionManifest m = pack.manifest();
        assertEquals(PerceptionManifest.Kind.DETECTOR, m.kind());
        assertTrue(m.licence().contains("states no licence"), m.licence());
        assertEquals("@vladmandic/human", m.provenance().packageName());
        assertEquals("3.3.6", m.provenance().version());
        assertEquals(DetectorStarterPack.PACKAGE.integrity(), m.provenance().integrity());
        assertEquals(List.of("models/centernet.json", "models/centernet.bin", "models/centernet.json"),
                m.provenance().files().stream().map(PerceptionManifest.TarballFile::tarballPath).toList());
        assertEquals(80, m.classNames().size());
        assertTrue(shelf.verifiedOfKind(PerceptionManifest.Kind.DETECTOR).isPresent());
    }

    @Test
    void itsDetectorOpensWithTheCenternetSettingsAndRunsOnAFrame() {
        VerifiedPerceptionPack pack = StarterPackShelf.fromSystemProperty().verify(DetectorStarterPack.NAME);
        DetectorSettings settings = PackedDetector.settings(pack);
        assertEquals(DetectorSettings.centernet(), settings);
        byte[] grey = new byte[320 * 240 * 3];
        java.util.Arrays.fill(grey, (byte) 128);
        try (ObjectDetector detector = PackedDetector.open(pack, new RuntimeOptions(1, 1, 1))) {
            assertEquals(List.of(), detector.detect(new RgbFrame(320, 240, grey)), "a plain grey frame holds no object");
        }
    }
}
