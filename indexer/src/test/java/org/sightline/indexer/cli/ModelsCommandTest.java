package org.sightline.indexer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.indexer.DataDirectory;
import org.sightline.indexer.audit.AuditLog;
import org.sightline.indexer.audit.ConnectionSource;
import org.sightline.models.generate.ColourModelPack;
import org.sightline.models.pack.layout.StandInExports;
import picocli.CommandLine;

/** {@code sightline models ...} end to end in a temporary data directory. */
class ModelsCommandTest {
    @TempDir
    Path temp;

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = SightlineCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void demoThenListShowsTheDemoPackVerifiedAndActive() {
        String data = temp.resolve("data").toString();
        Run demo = run("models", "demo", "--data", data);
        assertEquals(0, demo.exit(), demo.err());
        assertTrue(demo.out().contains("Active pack: sightline-demo-colours"), demo.out());
        assertTrue(demo.out().contains("colours only"), demo.out());
        Run list = run("models", "list", "--data", data);
        assertEquals(0, list.exit(), list.err());
        assertTrue(list.out().startsWith("* sightline-demo-colours"), list.out());
        assertTrue(list.out().contains("verified"), list.out());
        Run again = run("models", "demo", "--data", data);
        assertTrue(again.out().contains("Already installed"), again.out());
        assertEquals(0, run("models", "use", "sightline-demo-colours", "--data", data).exit());
        Run before = run("models", "--data", data, "list");
        assertTrue(before.out().contains("* sightline-demo-colours"), "--data before the subcommand: " + before.out());
        assertTrue(run("models", "--data", data).out().contains("* sightline-demo-colours"), "models alone lists");
    }

    @Test
    void flippedByteIsRefusedByVerifyAndImportNamingTheFile() throws Exception {
        String data = temp.resolve("data").toString();
        assertEquals(0, run("models", "demo", "--data", data).exit());
        Path onnx = temp.resolve("data/models/sightline-demo-colours/text_encoder.onnx");
        byte[] b = Files.readAllBytes(onnx);
        b[b.length / 3] ^= 0x01;
        Files.write(onnx, b);
        Run verify = run("models", "verify", "--data", data);
        assertEquals(1, verify.exit());
        assertTrue(verify.err().contains(onnx.toString()) && verify.err().contains("SHA-256 mismatch"), verify.err());
        Run list = run("models", "list", "--data", data);
        assertEquals(1, list.exit());
        assertTrue(list.out().contains("FAILED"), list.out());

        Path pack = ColourModelPack.write(temp.resolve("pack"));
        Path image = pack.resolve("image_encoder.onnx");
        byte[] i = Files.readAllBytes(image);
        i[i.length / 2] ^= 0x01;
        Files.write(image, i);
        Run imp = run("models", "import", pack.toString(), "--data", temp.resolve("other").toString());
        assertEquals(1, imp.exit());
        assertTrue(imp.err().contains(image.toString()) && imp.err().contains("verification failed"), imp.err());
        assertTrue(!Files.exists(temp.resolve("other/models/sightline-demo-colours")));
    }

    @Test
    void importActivatesTheFirstPackAndPackWritesAManifest() throws Exception {
        Path pack = ColourModelPack.write(temp.resolve("pack"));
        String data = temp.resolve("data").toString();
        Run imp = run("models", "import", pack.toString(), "--data", data);
        assertEquals(0, imp.exit(), imp.err());
        assertTrue(imp.out().contains("Active pack: sightline-demo-colours"), imp.out());

        Path export = temp.resolve("export");
        Files.createDirectories(export.resolve("onnx"));
        Files.copy(pack.resolve("image_encoder.onnx"), export.resolve("onnx/vision_model.onnx"));
        Files.copy(pack.resolve("text_encoder.onnx"), export.resolve("onnx/text_model.onnx"));
        Files.copy(pack.resolve("tokenizer.json"), export.resolve("tokenizer.json"));
        Files.writeString(export.resolve("preprocessor_config.json"),
                "{\"size\": 64, \"resample\": 3, \"image_mean\": [0.5, 0.5, 0.5], \"image_std\": [0.5, 0.5, 0.5]}");
        Files.writeString(export.resolve("tokenizer_config.json"), "{\"model_max_length\": 77, \"pad_token\": \"[PAD]\"}");
        Run packed = run("models", "pack", export.toString(), "--name", "my-colours", "--version", "2.0", "--out", temp.resolve("out").toString());
        assertEquals(0, packed.exit(), packed.err());
        assertTrue(Files.isRegularFile(temp.resolve("out/sightline-model.json")));
        Run imp2 = run("models", "import", temp.resolve("out").toString(), "--data", data);
        assertEquals(0, imp2.exit(), imp2.err());
        assertTrue(imp2.out().contains("still sightline-demo-colours"), imp2.out());
        assertEquals(0, run("models", "use", "my-colours", "--data", data).exit());
        assertTrue(run("models", "list", "--data", data).out().contains("* my-colours"));
    }

    @Test
    void importTakesAnImmichZipAndPackMakesAFolderFromAHubCache() throws Exception {
        Path zip = StandInExports.zip(StandInExports.immich(temp.resolve("ViT-B-32__openai")), temp.resolve("vit-b32.zip"));
        String data = temp.resolve("data").toString();
        Run imp = run("models", "import", zip.toString(), "--data", data);
        assertEquals(0, imp.exit(), imp.err());
        assertTrue(imp.out().contains("layout immich") && imp.out().contains("user-supplied, unrecognised")
                && imp.out().contains("Active pack: vit-b32"), imp.out());
        AuditLog audit = new AuditLog(ConnectionSource.sqlite(new DataDirectory(Path.of(data)).catalogFile()));
        assertTrue(audit.entries().stream().anyMatch(e -> e.details().contains("\"provenance\"") && e.details().contains("layout immich")
                && e.details().contains("visual/model.onnx: user-supplied, unrecognised")), audit.entries().toString());
        Path export = StandInExports.transformersJs(temp.resolve("export"), "quantized");
        Path cache = StandInExports.hubCache(temp.resolve("hub"), "Xenova/clip-vit-base-patch32", export, "main-revision");
        Run packed = run("models", "pack", cache.toString(), "--out", temp.resolve("carry").toString(), "--data", data);
        assertEquals(0, packed.exit(), packed.err());
        assertTrue(Files.isRegularFile(temp.resolve("carry/sightline-model.json")));
        assertFalse(Files.exists(cache.resolve("snapshots/main-revision/sightline-model.json")));
        Run imp2 = run("models", "import", temp.resolve("carry").toString(), "--data", data);
        assertEquals(0, imp2.exit(), imp2.err());
        assertTrue(imp2.out().contains("Xenova--clip-vit-base-patch32"), imp2.out());
    }

    @Test
    void unknownPackAndHelp() {
        Run use = run("models", "use", "nothing", "--data", temp.resolve("d").toString());
        assertEquals(1, use.exit());
        assertTrue(use.err().contains("no pack named nothing"), use.err());
        for (String sub : new String[] {"list", "verify", "import", "pack", "demo", "use"}) {
            Run help = run("models", sub, "--help");
            assertEquals(0, help.exit(), sub);
            assertTrue(help.out().contains("--data"), sub + ": " + help.out());
        }
    }
}
