package org.sightline.indexer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.indexer.export.Redaction;
import org.sightline.indexer.export.RedactTarget;
import org.sightline.indexer.export.RedactionDetectors;
import org.sightline.indexer.export.RedactionRequest;
import org.sightline.models.perception.DetectorStarterPack;
import org.sightline.models.perception.PerceptionManifest;
import org.sightline.models.perception.install.PerceptionPacks;
import org.sightline.models.perception.StarterPackShelf;

/**
 * The data directory's choice of perception packs reaches indexing and redaction: a user's face pack, imported and
 * chosen, is the one {@code --redact faces} uses (people still by the indexing detector); with no choice the starter
 * packs are used as before.
 */
class ChosenPerceptionPacksTest {
    @TempDir
    Path tmp;

    @Test
    void aChosenFacePackRedactsFacesAndTheIndexingDetectorStaysTheDefault() throws Exception {
        Path pack = copy(DetectorStarterPack.FACES_NAME, "my-faces");

        DataDirectory data = new DataDirectory(tmp.resolve("data"));
        ModelLibrary library = ModelLibrary.open(data);
        var imported = library.importPerceptionPack(pack);
        assertEquals(List.of("face"), imported.classes());
        var choice = library.choosePerceptionPack("my-faces", false);
        assertEquals(PerceptionPacks.Use.FACES, choice.use(), "a face pack is chosen for redaction, not indexing");
        assertEquals(DetectorStarterPack.NAME, library.perceptionPackFor(PerceptionPacks.Use.OBJECTS).orElseThrow());

        RedactionRequest faces = new RedactionRequest(Set.of(RedactTarget.FACES, RedactTarget.PEOPLE), Redaction.Method.BLOCK,
                List.of(), List.of(), null, 1, false);
        try (RedactionDetectors d = RedactionDetectorShelf.open(PerceptionPacks.in(data.perceptionDir()), faces)) {
            assertTrue(d.facesPack().startsWith("my-faces 1.0 (manifest sha256 "), d.facesPack());
            assertTrue(d.objectsPack().startsWith(DetectorStarterPack.NAME + " 1.0"), d.objectsPack());
        }
        PerceptionSource source = PerceptionSource.of(PerceptionPacks.in(data.perceptionDir()));
        assertTrue(source.packsBeforeOpening().startsWith(DetectorStarterPack.NAME + " 1.0"), source.packsBeforeOpening());
    }

    @Test
    void aUsersTextPackIsImportedAndChosenToReadText() throws Exception {
        Path pack = copy(org.sightline.models.perception.TextStarterPack.NAME, "my-ocr");
        DataDirectory data = new DataDirectory(tmp.resolve("data-text"));
        ModelLibrary library = ModelLibrary.open(data);
        assertEquals(PerceptionManifest.Kind.TEXT, library.importPerceptionPack(pack).kind());
        assertEquals(PerceptionPacks.Use.TEXT, library.choosePerceptionPack("my-ocr", false).use());
        String packs = PerceptionSource.of(PerceptionPacks.in(data.perceptionDir())).packsBeforeOpening();
        assertTrue(packs.startsWith(DetectorStarterPack.NAME + " 1.0") && packs.contains("; my-ocr 1.0 (manifest sha256 "), packs);
    }

    private Path copy(String starter, String name) throws Exception {
        Path shelf = StarterPackShelf.fromSystemProperty().location().orElseThrow(() -> new IllegalStateException(
                "the starter packs are not configured (-Dsightline.starterPacks)"));
        Path pack = tmp.resolve("usb").resolve(name);
        Files.createDirectories(pack);
        try (Stream<Path> files = Files.list(shelf.resolve(starter))) {
            for (Path f : files.toList()) {
                Files.copy(f, pack.resolve(f.getFileName().toString()));
            }
        }
        Path manifest = pack.resolve(PerceptionManifest.FILE_NAME);
        Files.write(manifest, PerceptionManifest.parse(Files.readAllBytes(manifest)).withName(name).toJson());
        return pack;
    }
}
