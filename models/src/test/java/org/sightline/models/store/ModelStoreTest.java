package org.sightline.models.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.models.generate.ColourModelPack;
import org.sightline.models.pack.ImportResult;
import org.sightline.models.pack.InstalledPack;
import org.sightline.models.pack.NoActiveModelException;
import org.sightline.models.pack.PackInstallException;
import org.sightline.models.pack.PackManifest;
import org.sightline.models.pack.PackVerificationException;
import org.sightline.models.runtime.RuntimeOptions;
import org.sightline.models.runtime.VisionLanguageModel;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;


/** Import, activation, the demo install and opening the active pack. */
class ModelStoreTest {
    @TempDir
    Path temp;

    @Test
    void importCopiesAndVerifiesWithoutActivatingOrLeavingTemporaryFolders() throws IOException {
        Path source = ColourModelPack.write(temp.resolve("source"));
        ModelStore store = new ModelStore(temp.resolve("data/models"));
        ImportResult r = store.importPack(source);
        assertFalse(r.alreadyInstalled());
        Path installed = temp.resolve("data/models/sightline-demo-colours");
        assertEquals(installed, r.installedDir());
        for (String f : List.of("sightline-model.json", "image_encoder.onnx", "text_encoder.onnx", "tokenizer.json", "README.txt")) {
            assertArrayEquals(Files.readAllBytes(source.resolve(f)), Files.readAllBytes(installed.resolve(f)), f);
        }
        try (Stream<Path> s = Files.list(temp.resolve("data/models"))) {
            assertEquals(List.of("sightline-demo-colours"), s.map(p -> p.getFileName().toString()).toList());
        }
        assertTrue(store.active().isEmpty());
        assertTrue(store.importPack(source).alreadyInstalled());
        assertEquals(List.of("sightline-demo-colours"), store.list().stream().map(InstalledPack::name).toList());
    }

    @Test
    void damagedPackIsNotImported() throws IOException {
        Path source = ColourModelPack.write(temp.resolve("source"));
        byte[] b = Files.readAllBytes(source.resolve("text_encoder.onnx"));
        b[100] ^= 0x40;
        Files.write(source.resolve("text_encoder.onnx"), b);
        ModelStore store = new ModelStore(temp.resolve("models"));
        PackVerificationException e = assertThrows(PackVerificationException.class, () -> store.importPack(source));
        assertTrue(e.getMessage().contains("text_encoder.onnx"), e.getMessage());
        assertTrue(store.list().isEmpty());
    }

    @Test
    void noActivePackGivesAClearError() {
        ModelStore store = new ModelStore(temp.resolve("models"));
        NoActiveModelException e = assertThrows(NoActiveModelException.class, store::openActive);
        assertTrue(e.getMessage().contains("sightline models demo"), e.getMessage());
    }

    @Test
    void demoInstallsActivatesAndOpens() {
        ModelStore store = new ModelStore(temp.resolve("models"));
        ModelStore.DemoInstall d = store.installDemo();
        assertTrue(d.activated());
        assertEquals("sightline-demo-colours", store.active().orElseThrow());
        try (VisionLanguageModel m = store.openActive(new RuntimeOptions(1, 1, 8))) {
            assertEquals(11, m.dimension());
            assertEquals(store.verify("sightline-demo-colours").id(), m.id());
        }
        ModelStore.DemoInstall again = store.installDemo();
        assertTrue(again.result().alreadyInstalled());
        assertFalse(again.activated());
    }

    @Test
    void demoNeverReplacesAnActivePack() throws IOException {
        ModelStore store = new ModelStore(temp.resolve("models"));
        // Another pack (the demo under another name) is installed and active.
        Path other = ColourModelPack.write(temp.resolve("other"));
        PackManifest m = PackManifest.parse(Files.readAllBytes(other.resolve(PackManifest.FILE_NAME)));
        Files.write(other.resolve(PackManifest.FILE_NAME), new PackManifest(m.format(), "real-pack", "2.0", m.licence(), m.description(),
                "vision-language model", m.embeddingDimension(), m.image(), m.text(), m.files()).toJson());
        store.importPack(other);
        store.activate("real-pack");
        ModelStore.DemoInstall d = store.installDemo();
        assertFalse(d.activated());
        assertEquals("real-pack", d.previousActive());
        assertEquals("real-pack", store.active().orElseThrow());
        assertEquals(2, store.list().size());
    }

    @Test
    void tamperedInstalledPackIsNeitherActivatedNorOpened() throws IOException {
        ModelStore store = new ModelStore(temp.resolve("models"));
        store.installDemo();
        Path onnx = temp.resolve("models/sightline-demo-colours/image_encoder.onnx");
        byte[] b = Files.readAllBytes(onnx);
        b[b.length - 5] ^= 0x10;
        Files.write(onnx, b);
        PackVerificationException e = assertThrows(PackVerificationException.class, store::openActive);
        assertEquals(onnx, e.file());
        assertThrows(PackVerificationException.class, () -> store.activate("sightline-demo-colours"));
    }

    @Test
    void unknownPackCannotBeActivated() {
        ModelStore store = new ModelStore(temp.resolve("models"));
        assertThrows(PackInstallException.class, () -> store.activate("nothing-here"));
        assertThrows(PackInstallException.class, () -> store.activate("../etc"));
    }
}
