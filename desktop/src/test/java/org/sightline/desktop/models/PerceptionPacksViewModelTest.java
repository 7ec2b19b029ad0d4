package org.sightline.desktop.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.desktop.models.ModelPacks.PackInUse;
import org.sightline.desktop.models.ModelPacks.PerceptionRow;
import org.sightline.desktop.models.ModelPacks.PerceptionUse;
import org.sightline.desktop.services.StoreModelPacks;
import org.sightline.desktop.task.SynchronousTaskExecutor;
import org.sightline.indexer.app.DataDirectory;
import org.sightline.indexer.app.ModelLibrary;
import org.sightline.models.perception.DetectorStarterPack;
import org.sightline.models.perception.PerceptionManifest;
import org.sightline.models.perception.StarterPackShelf;
import org.sightline.models.perception.TextStarterPack;

/**
 * The Models page's perception packs over a real data directory and the real starter packs (tasks run synchronously):
 * the list with what each use runs, a renamed copy of a starter pack imported through the page's one import action and
 * chosen, and a detector that knows no 'person' chosen for indexing only once the user confirms.
 */
class PerceptionPacksViewModelTest {
    @TempDir
    Path tmp;

    private final SynchronousTaskExecutor tasks = new SynchronousTaskExecutor();
    private ModelsViewModel vm;

    private ModelsViewModel open() {
        vm = new ModelsViewModel(tasks, new StoreModelPacks(ModelLibrary.open(new DataDirectory(tmp.resolve("data")))));
        vm.refresh();
        assertNull(vm.perceptionErrorProperty().get());
        assertEquals(ModelsViewModel.Verification.State.NOT_CHECKED,
                vm.perceptionVerificationOf(DetectorStarterPack.NAME).state(), "not hashed before the page is shown");
        vm.checkPerceptionPacks();
        return vm;
    }

    @AfterEach
    void stop() {
        tasks.close();
    }

    @Test
    void listsTheStarterPacksVerifiedWithWhatEachUseRuns() {
        open();
        PerceptionRow centernet = row(DetectorStarterPack.NAME);
        assertTrue(centernet.starter());
        assertEquals("detector", centernet.kind());
        assertEquals(80, centernet.classes());
        assertEquals(PerceptionUse.INDEXING, centernet.fitsUse());
        assertTrue(centernet.source().startsWith("npm @vladmandic/human@"), centernet.source());
        assertNotNull(centernet.licence());
        assertEquals(PerceptionUse.FACE_REDACTION, row(DetectorStarterPack.FACES_NAME).fitsUse());
        PerceptionRow text = row(TextStarterPack.NAME);
        assertEquals("text", text.kind());
        assertEquals(PerceptionUse.TEXT, text.fitsUse());

        for (PerceptionRow r : vm.perceptionRows()) {
            assertEquals(ModelsViewModel.Verification.State.VERIFIED, vm.perceptionVerificationOf(r.name()).state(),
                    r.name() + ": " + vm.perceptionVerificationOf(r.name()));
        }
        assertEquals(new PackInUse(DetectorStarterPack.NAME, false), vm.perceptionUses().get(PerceptionUse.INDEXING));
        assertEquals(new PackInUse(TextStarterPack.NAME, false), vm.perceptionUses().get(PerceptionUse.TEXT));
        assertEquals("indexes (default)", vm.rolesOf(DetectorStarterPack.NAME));
    }

    @Test
    void importsACopyOfAStarterPackThroughTheImportActionAndChoosesItForFaceRedaction() throws Exception {
        open();
        Path pack = copy(DetectorStarterPack.FACES_NAME, "my-faces");
        vm.importPack(pack);
        assertNull(vm.errorProperty().get());
        assertTrue(vm.messageProperty().get().startsWith("Imported, verified and trial-ran perception pack my-faces 1.0 (detector, 1 class"),
                vm.messageProperty().get());
        PerceptionRow mine = row("my-faces");
        assertFalse(mine.starter());
        assertEquals(PerceptionUse.FACE_REDACTION, mine.fitsUse());
        assertTrue(mine.source().startsWith("npm @vladmandic/human@"), "the copy keeps its provenance: " + mine.source());
        assertEquals(ModelsViewModel.Verification.State.VERIFIED, vm.perceptionVerificationOf("my-faces").state());
        assertTrue(vm.rolesOf("my-faces").isEmpty(), "imported, not yet chosen");

        vm.choosePerception("my-faces");
        assertNull(vm.errorProperty().get());
        assertTrue(vm.messageProperty().get().startsWith("my-faces 1.0 now finds faces for face redaction"), vm.messageProperty().get());
        assertEquals(new PackInUse("my-faces", true), vm.perceptionUses().get(PerceptionUse.FACE_REDACTION));
        assertEquals("redacts faces", vm.rolesOf("my-faces"));
        assertEquals(DetectorStarterPack.NAME, vm.perceptionUses().get(PerceptionUse.INDEXING).name(), "indexing unchanged");

        vm.importPack(pack);
        assertTrue(vm.messageProperty().get().contains("was installed already"), vm.messageProperty().get());
    }

    @Test
    void aDetectorThatKnowsNoPersonIndexesOnlyOnceTheUserConfirms() throws Exception {
        open();
        Path pack = copy(DetectorStarterPack.NANODET_NAME, "animals");
        Path manifest = pack.resolve(PerceptionManifest.FILE_NAME);
        Files.writeString(manifest, Files.readString(manifest, StandardCharsets.UTF_8).replace("\"person\"", "\"walker\""));
        vm.importPack(pack);
        assertNull(vm.errorProperty().get());
        assertNull(row("animals").fitsUse());

        vm.choosePerception("animals");
        assertTrue(vm.pendingChoiceProperty().get().question().contains("knows no 'person'"), vm.pendingChoiceProperty().get().question());
        vm.cancelChoice();
        assertNull(vm.pendingChoiceProperty().get());
        assertEquals(new PackInUse(DetectorStarterPack.NAME, false), vm.perceptionUses().get(PerceptionUse.INDEXING));

        vm.choosePerception("animals");
        vm.confirmChoice();
        assertNull(vm.errorProperty().get());
        assertTrue(vm.messageProperty().get().contains("Warning: detector animals knows no 'person'"), vm.messageProperty().get());
        assertEquals(new PackInUse("animals", true), vm.perceptionUses().get(PerceptionUse.INDEXING));
        assertEquals("indexes", vm.rolesOf("animals"));
    }

    @Test
    void aBrokenPackOrABareDetectorIsRefusedInPlainWords() throws Exception {
        open();
        Path pack = copy(DetectorStarterPack.FACES_NAME, "tampered");
        try (Stream<Path> files = Files.list(pack)) {
            Path onnx = files.filter(f -> f.toString().endsWith(".onnx")).findFirst().orElseThrow();
            Files.write(onnx, new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
            vm.importPack(pack);
            assertTrue(vm.errorProperty().get().startsWith("Importing " + pack + " failed: "), vm.errorProperty().get());
            assertTrue(vm.errorProperty().get().contains(onnx.getFileName().toString()), vm.errorProperty().get());
            assertTrue(vm.perceptionRows().stream().noneMatch(r -> r.name().equals("tampered")));

            vm.importPack(onnx);
            assertTrue(vm.errorProperty().get().contains("sightline models import " + onnx + " --decoding FAMILY --classes coco|FILE"),
                    vm.errorProperty().get());
        }
    }

    private PerceptionRow row(String name) {
        return vm.perceptionRows().stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no perception pack " + name + " in " + vm.perceptionRows()));
    }

    /** A copy of a starter pack under another name (folder and manifest), as a user's pack on a USB stick. */
    private Path copy(String starter, String name) throws Exception {
        Path shelf = StarterPackShelf.fromSystemProperty().location().orElseThrow(() -> new IllegalStateException(
                "the starter packs are not configured (-Dsightline.starterPacks): build with ./mvnw (models process-classes makes them)"));
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
