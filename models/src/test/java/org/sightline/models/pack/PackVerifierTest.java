package org.sightline.models.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.models.generate.ColourModelPack;
import org.sightline.models.generate.OnnxGraph;
import org.sightline.models.generate.OnnxGraphWriter;
import org.sightline.models.integrity.Sha256;
import org.sightline.models.pack.PackManifest.PackFile;

/** Every way a pack can be wrong is refused with the file named. */
class PackVerifierTest {
    @TempDir
    Path temp;

    final PackVerifier verifier = new PackVerifier();

    Path demo() {
        return ColourModelPack.write(temp.resolve("pack"));
    }

    static PackManifest manifest(Path pack) throws IOException {
        return PackManifest.parse(Files.readAllBytes(pack.resolve(PackManifest.FILE_NAME)));
    }

    static void writeManifest(Path pack, PackManifest m) throws IOException {
        Files.write(pack.resolve(PackManifest.FILE_NAME), m.toJson());
    }

    /** Replaces a file and records its new size and hash in the manifest, so only the deeper checks can catch it. */
    static void replaceListed(Path pack, String path, byte[] content) throws IOException {
        Files.write(pack.resolve(path), content);
        PackManifest m = manifest(pack);
        List<PackFile> files = new ArrayList<>();
        for (PackFile f : m.files()) {
            files.add(f.path().equals(path) ? new PackFile(path, f.role(), content.length, Sha256.of(content)) : f);
        }
        writeManifest(pack, m.withFiles(files));
    }

    @Test
    void demoPackVerifies() {
        VerifiedPack v = verifier.verify(demo());
        assertEquals("sightline-demo-colours", v.manifest().name());
        assertEquals(11, v.manifest().embeddingDimension());
        assertEquals(64, v.id().manifestSha256().length());
        assertEquals(List.of("pixel_values"), v.imageSignature().inputs().stream().map(OnnxSignature.Tensor::name).toList());
        assertEquals(List.of("batch_size", 11L), v.textSignature().output("text_embeds").orElseThrow().dims());
    }

    @Test
    void oneFlippedByteInAnOnnxFileIsRefusedNamingTheFile() throws IOException {
        Path pack = demo();
        Path onnx = pack.resolve("image_encoder.onnx");
        byte[] b = Files.readAllBytes(onnx);
        b[b.length / 2] ^= 0x01;
        Files.write(onnx, b);
        PackVerificationException e = assertThrows(PackVerificationException.class, () -> verifier.verify(pack));
        assertEquals(onnx, e.file());
        assertTrue(e.getMessage().contains("image_encoder.onnx") && e.getMessage().contains("SHA-256 mismatch"), e.getMessage());
    }

    @Test
    void missingFileIsRefused() throws IOException {
        Path pack = demo();
        Files.delete(pack.resolve("tokenizer.json"));
        PackVerificationException e = assertThrows(PackVerificationException.class, () -> verifier.verify(pack));
        assertEquals(pack.resolve("tokenizer.json"), e.file());
        assertTrue(e.problem().startsWith("missing file"), e.problem());
    }

    @Test
    void missingManifestIsRefused() throws IOException {
        Path pack = demo();
        Files.delete(pack.resolve(PackManifest.FILE_NAME));
        PackVerificationException e = assertThrows(PackVerificationException.class, () -> verifier.verify(pack));
        assertEquals(pack.resolve(PackManifest.FILE_NAME), e.file());
    }

    @Test
    void sizeMismatchIsRefused() throws IOException {
        Path pack = demo();
        Files.writeString(pack.resolve("README.txt"), "extra", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        PackVerificationException e = assertThrows(PackVerificationException.class, () -> verifier.verify(pack));
        assertEquals(pack.resolve("README.txt"), e.file());
        assertTrue(e.problem().startsWith("size mismatch"), e.problem());
    }

    @Test
    void fileThatIsNotOnnxIsRefused() throws IOException {
        Path pack = demo();
        replaceListed(pack, "text_encoder.onnx", "this is not a model at all, just some text\n".getBytes(StandardCharsets.UTF_8));
        PackVerificationException e = assertThrows(PackVerificationException.class, () -> verifier.verify(pack));
        assertEquals(pack.resolve("text_encoder.onnx"), e.file());
        assertTrue(e.problem().startsWith("not an ONNX model"), e.problem());
    }

    @Test
    void wrongDimensionsAreRefused() throws IOException {
        Path pack = demo();
        replaceListed(pack, "text_encoder.onnx", textEncoderWithOutput(12));
        PackVerificationException e = assertThrows(PackVerificationException.class, () -> verifier.verify(pack));
        assertEquals(pack.resolve("text_encoder.onnx"), e.file());
        assertTrue(e.problem().contains("wrong output shape") && e.problem().contains("12"), e.problem());
    }

    @Test
    void imageAndTextDimensionsThatDifferAreRefused() throws IOException {
        Path pack = demo();
        replaceListed(pack, "text_encoder.onnx", textEncoderWithOutput("dim"));
        // Symbolic output size passes the static check; the encoder's real output is checked at run time.
        verifier.verify(pack);
        replaceListed(pack, "text_encoder.onnx", textEncoderWithOutput(12));
        PackManifest m = manifest(pack);
        // Manifest claims 12 to match the text side: now the image side disagrees.
        writeManifest(pack, new PackManifest(m.format(), m.name(), m.version(), m.licence(), m.description(), m.kind(), 12, m.image(), m.text(), m.files()));
        PackVerificationException e = assertThrows(PackVerificationException.class, () -> verifier.verify(pack));
        assertEquals(pack.resolve("image_encoder.onnx"), e.file());
        assertTrue(e.problem().contains("11"), e.problem());
    }

    @Test
    void wrongInputNameIsRefused() throws IOException {
        Path pack = demo();
        PackManifest m = manifest(pack);
        PackManifest.TextSettings t = m.text();
        writeManifest(pack, new PackManifest(m.format(), m.name(), m.version(), m.licence(), m.description(), m.kind(), m.embeddingDimension(),
                m.image(), new PackManifest.TextSettings(t.contextLength(), t.padId(), "input_ids", "attention_mask", t.output()), m.files()));
        PackVerificationException e = assertThrows(PackVerificationException.class, () -> verifier.verify(pack));
        assertEquals(pack.resolve("text_encoder.onnx"), e.file());
        assertTrue(e.problem().contains("attention_mask"), e.problem());
    }

    @Test
    void tokenizerThatDoesNotLoadIsRefused() throws IOException {
        Path pack = demo();
        replaceListed(pack, "tokenizer.json", "{\"model\": {\"type\": \"NoSuchModel\"}}".getBytes(StandardCharsets.UTF_8));
        PackVerificationException e = assertThrows(PackVerificationException.class, () -> verifier.verify(pack));
        assertEquals(pack.resolve("tokenizer.json"), e.file());
        assertTrue(e.problem().startsWith("tokenizer does not load"), e.problem());
    }

    @Test
    void pathsLeavingThePackAreRefused() throws IOException {
        Path pack = demo();
        Files.writeString(temp.resolve("outside.txt"), "x");
        PackManifest m = manifest(pack);
        List<PackFile> files = new ArrayList<>(m.files());
        files.add(new PackFile("../outside.txt", PackManifest.FileRole.OTHER, 1, Sha256.of(temp.resolve("outside.txt"))));
        writeManifest(pack, m.withFiles(files));
        PackVerificationException e = assertThrows(PackVerificationException.class, () -> verifier.verify(pack));
        assertTrue(e.problem().contains("'..'"), e.problem());
    }

    @Test
    void knownPublishedFileWithOtherContentIsRefusedAsTampered() throws IOException {
        Path pack = demo();
        byte[] image = Files.readAllBytes(pack.resolve("image_encoder.onnx"));
        // A test catalogue of "published" files that claims the demo image encoder under its name and size.
        KnownModelFiles known = new KnownModelFiles(List.of(new KnownModelFiles.KnownFile("image_encoder.onnx", image.length,
                "0".repeat(64), "test/published image_encoder.onnx")));
        PackVerificationException e = assertThrows(PackVerificationException.class, () -> new PackVerifier(known).verify(pack));
        assertEquals(pack.resolve("image_encoder.onnx"), e.file());
        assertTrue(e.problem().contains("tampered"), e.problem());
        KnownModelFiles genuine = new KnownModelFiles(List.of(new KnownModelFiles.KnownFile("image_encoder.onnx", image.length,
                Sha256.of(image), "test/published image_encoder.onnx")));
        assertEquals(1, new PackVerifier(genuine).verify(pack).recognised().size());
    }

    @Test
    void fileWithTheNameAndSizeOfThePublishedClipEncoderButOtherBytesIsRefused() throws IOException {
        Path pack = demo();
        Path fake = pack.resolve("onnx/vision_model_quantized.onnx");
        Files.createDirectories(fake.getParent());
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(fake.toFile(), "rw")) {
            f.setLength(89_117_001L);
        }
        PackManifest m = manifest(pack);
        List<PackFile> files = new ArrayList<>(m.files());
        // The manifest is consistent with the file: only the built-in checksum can catch it.
        files.add(new PackFile("onnx/vision_model_quantized.onnx", PackManifest.FileRole.OTHER, Files.size(fake), Sha256.of(fake)));
        writeManifest(pack, m.withFiles(files));
        PackVerificationException e = assertThrows(PackVerificationException.class, () -> verifier.verify(pack));
        assertEquals(fake, e.file());
        assertTrue(e.problem().contains("Xenova/clip-vit-base-patch32") && e.problem().contains("tampered"), e.problem());
    }

    @Test
    void symbolicLinkIsRefused() throws IOException {
        Path pack = demo();
        Path readme = pack.resolve("README.txt");
        Path real = temp.resolve("real-readme.txt");
        Files.move(readme, real);
        Files.createSymbolicLink(readme, real);
        PackVerificationException e = assertThrows(PackVerificationException.class, () -> verifier.verify(pack));
        assertEquals(readme, e.file());
        assertTrue(e.problem().contains("symbolic link"), e.problem());
    }

    @Test
    void builtInChecksumsCoverTheXenovaClipFiles() {
        KnownModelFiles k = KnownModelFiles.builtIn();
        assertTrue(k.claimedBy("onnx/vision_model_quantized.onnx", 89_117_001L).isPresent());
        assertTrue(k.claimedBy("onnx/text_model_quantized.onnx", 64_504_507L).isPresent());
        assertFalse(k.claimedBy("onnx/text_model_quantized.onnx", 1000L).isPresent());
    }

    /** A text encoder whose {@code text_embeds} output has the given size (a number or a symbol); it computes 12. */
    private static byte[] textEncoderWithOutput(Object outputDim) throws IOException {
        OnnxGraph g = new OnnxGraph("wide");
        g.input("input_ids", OnnxGraph.ElementType.INT64, "batch", 77);
        g.initializer("table", new float[100 * 12], 100, 12);
        g.initializer("axis", new long[] {1}, 1);
        g.node("Gather", List.of("table", "input_ids"), List.of("g"));
        g.node("ReduceSum", List.of("g", "axis"), List.of("text_embeds"), OnnxGraph.Attribute.of("keepdims", 0L));
        g.output("text_embeds", OnnxGraph.ElementType.FLOAT, "batch", outputDim);
        return new OnnxGraphWriter("test", "1", Map.of("", 13L)).toBytes(g);
    }
}
