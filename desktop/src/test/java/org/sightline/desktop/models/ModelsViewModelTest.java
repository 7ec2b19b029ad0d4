package org.sightline.desktop.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sightline.desktop.models.ModelPacks.PackRow;
import org.sightline.desktop.models.ModelsViewModel.Verification;
import org.sightline.desktop.task.SynchronousTaskExecutor;

/** The Models page's state over an in-memory set of packs, with tasks run synchronously. */
class ModelsViewModelTest {
    private final SynchronousTaskExecutor tasks = new SynchronousTaskExecutor();
    private final FakePacks packs = new FakePacks();
    private final ModelsViewModel vm = new ModelsViewModel(tasks, packs);

    /** Packs kept in a list; a pack named "tampered" fails verification, a folder named "broken" fails to import. */
    private static final class FakePacks implements ModelPacks {
        final List<PackRow> rows = new ArrayList<>();
        final List<String> verified = new ArrayList<>();
        boolean unreadable;

        @Override
        public List<PackRow> list() throws IOException {
            if (unreadable) {
                throw new IOException("/data/models is not readable");
            }
            return List.copyOf(rows);
        }

        @Override
        public void activate(String name) throws IOException {
            verify(name);
            rows.replaceAll(r -> new PackRow(r.name(), r.version(), r.kind(), r.description(), r.licence(),
                    r.name().equals(name), r.problem()));
        }

        @Override
        public String importPack(Path folder) throws IOException {
            if (folder.getFileName().toString().equals("broken")) {
                throw new IOException(folder.resolve("sightline-model.json") + " is missing");
            }
            rows.add(new PackRow(folder.getFileName().toString(), "1", "vision-language", "", "MIT", false, null));
            return "Imported " + folder.getFileName() + ".";
        }

        @Override
        public String installDemo() {
            rows.add(new PackRow("demo-colour", "1", "demonstration: understands colours only", "", "CC0",
                    rows.stream().noneMatch(PackRow::active), null));
            return "Installed the demo model.";
        }

        @Override
        public String verify(String name) throws IOException {
            verified.add(name);
            if (name.equals("tampered")) {
                throw new IOException("model.onnx of tampered does not match its SHA-256");
            }
            return "2 files match their SHA-256";
        }
    }

    @Test
    void beforeTheFirstReadNothingIsKnownAndAnEmptyStoreShowsNoActivePack() {
        assertFalse(vm.loadedProperty().get());
        vm.refresh();
        assertTrue(vm.loadedProperty().get());
        assertTrue(vm.rows().isEmpty());
        assertTrue(vm.active().isEmpty());
        assertNull(vm.errorProperty().get());
    }

    @Test
    void installingTheDemoMakesItActiveAndItIsVerifiedOnce() {
        vm.refresh();
        vm.installDemo();
        assertEquals("Installed the demo model.", vm.messageProperty().get());
        assertTrue(vm.active().orElseThrow().isDemo());
        assertEquals(Verification.State.VERIFIED, vm.verificationOf("demo-colour").state());
        assertEquals("2 files match their SHA-256", vm.verificationOf("demo-colour").detail());
        assertFalse(vm.busyProperty().get());

        vm.refresh();
        assertEquals(List.of("demo-colour"), packs.verified, "the pack in use is checked once per session");
    }

    @Test
    void whileAnActionRunsThePageIsBusyAndSaysWhat() {
        tasks.holdTasks();
        vm.importPack(Path.of("/packs/clip-b32"));
        assertTrue(vm.busyProperty().get());
        assertEquals("Importing /packs/clip-b32…", vm.messageProperty().get());
        tasks.runHeldTasks();
        assertFalse(vm.busyProperty().get());
        assertEquals("Imported clip-b32.", vm.messageProperty().get());
        assertEquals(1, vm.rows().size());
        assertTrue(vm.active().isEmpty(), "an import does not activate");
        assertEquals(Verification.State.NOT_CHECKED, vm.verificationOf("clip-b32").state());
    }

    @Test
    void activatingVerifiesAndSwitchesTheActivePack() {
        vm.installDemo();
        vm.importPack(Path.of("/packs/clip-b32"));
        vm.activate("clip-b32");
        assertEquals("clip-b32 is now the active model.", vm.messageProperty().get());
        assertEquals("clip-b32", vm.active().orElseThrow().name());
        assertEquals(Verification.State.VERIFIED, vm.verificationOf("clip-b32").state());
        assertEquals("verified on activation", vm.verificationOf("clip-b32").detail());
    }

    @Test
    void failuresAreSaidInPlainWordsNamingTheFileAndThePack() {
        vm.importPack(Path.of("/packs/broken"));
        assertEquals("Importing /packs/broken failed: /packs/broken/sightline-model.json is missing",
                vm.errorProperty().get());
        assertEquals("", vm.messageProperty().get());
        assertFalse(vm.busyProperty().get());

        vm.importPack(Path.of("/packs/tampered"));
        assertNull(vm.errorProperty().get(), "the next action clears the last error");
        vm.activate("tampered");
        assertEquals("Activating tampered failed: model.onnx of tampered does not match its SHA-256",
                vm.errorProperty().get());
        assertTrue(vm.active().isEmpty());
        vm.verifyAll();
        Verification v = vm.verificationOf("tampered");
        assertEquals(Verification.State.FAILED, v.state());
        assertEquals("FAILED: model.onnx of tampered does not match its SHA-256", v.toString());

        packs.unreadable = true;
        vm.refresh();
        assertEquals("Cannot read the installed model packs: /data/models is not readable", vm.errorProperty().get());
    }

    @Test
    void verificationShowsCheckingUntilTheCheckEnds() {
        vm.installDemo();
        tasks.holdTasks();
        vm.verify("demo-colour");
        assertEquals("checking…", vm.verificationOf("demo-colour").toString());
        tasks.runHeldTasks();
        assertEquals("verified", vm.verificationOf("demo-colour").toString());
    }
}
