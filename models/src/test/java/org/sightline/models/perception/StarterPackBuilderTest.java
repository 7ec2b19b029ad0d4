package org.sightline.models.perception;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The starter-pack build is reproducible and refuses a result that differs from its pin. */
class StarterPackBuilderTest {

    @Test
    void buildsThePinnedPackAndKeepsAnIdenticalOne(@TempDir Path out) throws Exception {
        StarterPackBuilder builder = new StarterPackBuilder(out, NpmTarball.defaultCache());
        StarterPackBuilder.Result first = builder.build(new TextStarterPack());
        assertEquals(StarterPackBuilder.Outcome.BUILT, first.outcome());
        assertEquals(TextStarterPack.MANIFEST_SHA256, new PerceptionPackVerifier().verify(first.dir()).manifestSha256());
        assertEquals(StarterPackBuilder.Outcome.UP_TO_DATE, builder.build(new TextStarterPack()).outcome());

        Files.writeString(first.dir().resolve("ppocr_keys_v1.txt"), "tampered\n");
        assertEquals(StarterPackBuilder.Outcome.BUILT, builder.build(new TextStarterPack()).outcome(), "a damaged pack is rebuilt");
        new PerceptionPackVerifier().verify(first.dir());
    }

    @Test
    void aResultDifferentFromThePinIsRefusedAndNotInstalled(@TempDir Path out) throws Exception {
        StarterPackRecipe wrongPin = new StarterPackRecipe() {
            @Override
            public String name() {
                return TextStarterPack.NAME;
            }

            @Override
            public String pinnedManifestSha256() {
                return "0".repeat(64);
            }

            @Override
            public void write(Path dir, Path npmCache) {
                new TextStarterPack().write(dir, npmCache);
            }
        };
        StarterPackPinException e = assertThrows(StarterPackPinException.class,
                () -> new StarterPackBuilder(out, NpmTarball.defaultCache()).build(wrongPin));
        assertTrue(e.getMessage().contains(TextStarterPack.MANIFEST_SHA256) && e.getMessage().contains("0".repeat(64)), e.getMessage());
        assertFalse(Files.exists(out.resolve(TextStarterPack.NAME)));
        try (var left = Files.list(out)) {
            assertEquals(0, left.count(), "no temporary folder is left behind");
        }
    }
}
