package org.sightline.models.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sightline.models.pack.KnownModelFiles.KnownFile;

/** The built-in table of published checksums: well formed, each entry saying where it is published and how it is known. */
class KnownModelFilesTest {
    @Test
    void everyBuiltInEntryNamesItsRepositoryRevisionAndPathAndIsUnique() {
        KnownModelFiles known = KnownModelFiles.builtIn();
        Set<String> checksums = new HashSet<>();
        for (KnownFile f : known.files()) {
            assertTrue(f.sha256().matches("[0-9a-f]{64}"), f.toString());
            assertTrue(checksums.add(f.sha256()), "listed twice: " + f);
            assertTrue(f.size() > 0 || f.size() == KnownModelFiles.UNKNOWN_SIZE, f.toString());
            assertTrue(f.source().matches("[\\w.-]+/[\\w.-]+ .*@ [0-9a-f]{40}\\)? .*" + Pattern.quote(f.fileName()) + ".*"), f.source());
            assertTrue(f.describe().endsWith("(" + f.evidence().words() + ")"), f.describe());
        }
        assertTrue(known.files().size() >= 11);
    }

    @Test
    void theImmichAndXenovaVitB32EncodersAreRecognisedByContentAndClaimedByNameAndSize() {
        KnownModelFiles known = KnownModelFiles.builtIn();
        assertEquals("immich-app/ViT-B-32__openai @ a857c8de2c07bbcfa6646adfcf31b798845afa1e visual/model.onnx",
                known.recognise("33a3df41ceef21acdf371af00f6dd0456ec1f9eba24d03a7720f9c3734e40859").orElseThrow().source());
        assertEquals("b80cf0af751533a6712d92247f0ddc0c95208748bc59a1a27f33e67be6864e3b",
                known.claimedBy("textual/model.onnx", 254_193_396L).orElseThrow().sha256());
        assertEquals("fd6e1402a588279d1723c7534d4bcba5bc0b14b47dfab0e46f8c47b8270d7d40",
                known.claimedBy("onnx/vision_model.onnx", 351_685_709L).orElseThrow().sha256());
        assertTrue(known.claimedBy("visual/model.onnx", 12_345L).isEmpty());
    }
}
