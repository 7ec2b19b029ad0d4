package org.sightline.indexer.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.indexer.audit.AuditLog;
import org.sightline.indexer.catalog.CatalogDatabase;
import org.sightline.indexer.cases.Case;
import org.sightline.indexer.cases.CaseService;
import org.sightline.indexer.cases.FoundBy;
import org.sightline.indexer.cases.ItemDraft;
import org.sightline.models.integrity.Sha256;
import org.sightline.indexer.signing.ExaminerKey;
import org.sightline.indexer.signing.ExaminerKeyStore;
import org.sightline.indexer.signing.KeyFingerprint;
import org.sightline.indexer.signing.SignatureCheck;
import org.sightline.indexer.signing.SignedBy;
import org.sightline.indexer.signing.TrustedKeys;
import org.sightline.models.testing.SharedData;

/**
 * A signed package passes; a forger's package (a clip changed, every hash, the manifest and its hash file remade)
 * fails on the signature; a package re-signed with another key fails {@code --trust}; an unsigned one fails.
 * One real export of a short span of a fixture, shared by the tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignedPackageTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    Path tmp;

    Path pkg;
    AuditLog audit;
    ExaminerKeyStore keys;
    ExportResult exported;

    @BeforeAll
    void exportOnce(@TempDir Path dir) throws Exception {
        tmp = dir;
        Path aisle = SharedData.footage("parking-aisle-cars.mp4");
        CatalogDatabase db = CatalogDatabase.open(tmp.resolve("catalog.sqlite"));
        audit = new AuditLog(db);
        CaseService cases = new CaseService(db, audit);
        keys = new ExaminerKeyStore(tmp.resolve("keys"), audit);
        keys.create("J. Examiner", null, "test");
        Case c = cases.create("Signed", "SIG-1", "J. Examiner", null);
        cases.addItem(c.id(), ItemDraft.span(aisle, 4.0, 5.0).withSha256(Sha256.of(aisle)).withHit(4.5)
                .withFoundBy(FoundBy.prompt("a white car", 0.3f, "m@1#0123456789ab", "gen-1")));
        pkg = tmp.resolve("pkg");
        exported = new EvidenceExporter(cases, audit, KnownPaths.none(), keys, RecordingTimes.unknown()).export(c.id(), pkg);
    }

    @Test
    void untouchedPackagePassesNamingSignerAndFingerprint() throws Exception {
        PackageVerification v = new ExportVerifier().verify(pkg);
        assertTrue(v.ok(), () -> v.signature() + " " + v.problems());
        assertEquals(SignatureCheck.Status.VALID, v.signature().status());
        assertEquals("J. Examiner", v.signature().signer());
        assertEquals(keys.identity().fingerprint(), v.signature().fingerprint());
        assertTrue(new ExportVerifier().verify(pkg, TrustedKeys.of(List.of(keys.identity().fingerprint()))).ok());
        assertTrue(Files.isRegularFile(pkg.resolve("manifest.json.sig")));
        assertTrue(Files.readString(pkg.resolve("signer-public-key.pem")).startsWith("-----BEGIN PUBLIC KEY-----"));
        List<String> actions = audit.entries().stream().map(e -> e.action()).toList();
        assertTrue(actions.contains("key-create") && actions.getLast().equals("key-use"), actions::toString);
    }

    @Test
    void forgedPackageWithEveryHashRecomputedFailsOnTheSignature() throws Exception {
        Path forged = copy(pkg, tmp.resolve("forged"));
        String clip = exported.manifest().items().getFirst().clip();
        flipAByte(forged.resolve(clip));
        rewriteHashes(forged);

        PackageVerification v = new ExportVerifier().verify(forged);
        assertFalse(v.ok());
        assertTrue(v.problems().isEmpty(), "every hash was recomputed, so only the signature can tell: " + v.problems());
        assertEquals(null, v.manifestProblem());
        assertEquals(SignatureCheck.Status.INVALID, v.signature().status());
        assertTrue(v.signature().problem().contains("SIGNATURE"), v.signature().problem());
        assertTrue(v.signature().problem().contains("manifest.json was altered"), v.signature().problem());
    }

    @Test
    void packageReSignedWithAnotherKeyFailsTrust() throws Exception {
        Path forged = copy(pkg, tmp.resolve("resigned"));
        flipAByte(forged.resolve(exported.manifest().items().getFirst().clip()));
        ExaminerKeyStore forgerKeys = new ExaminerKeyStore(tmp.resolve("forger-keys"), audit);
        forgerKeys.create("J. Examiner", null, "test");
        ExaminerKey forger = forgerKeys.unlock(null);
        ObjectNode manifest = rewriteHashes(forged);
        manifest.set("signer", JSON.valueToTree(SignedBy.of(forger.identity(), ExportManifest.MANIFEST, ExportManifest.SIGNATURE_COVERS)));
        byte[] bytes = JSON.writeValueAsBytes(manifest);
        Files.write(forged.resolve("manifest.json"), bytes);
        Files.writeString(forged.resolve("manifest.json.sha256"), Sha256.of(forged.resolve("manifest.json")) + "  manifest.json\n");
        Files.write(forged.resolve("manifest.json.sig"), forger.sign(bytes));
        Files.writeString(forged.resolve("signer-public-key.pem"), forger.identity().publicKeyPem());

        assertTrue(new ExportVerifier().verify(forged).ok(), "a self-consistent forgery verifies without --trust");
        KeyFingerprint real = keys.identity().fingerprint();
        PackageVerification v = new ExportVerifier().verify(forged, TrustedKeys.of(List.of(real)));
        assertFalse(v.ok());
        assertEquals(SignatureCheck.Status.UNTRUSTED, v.signature().status());
        assertNotEquals(real, v.signature().fingerprint());
        assertTrue(v.signature().problem().contains("not trusted"), v.signature().problem());
    }

    @Test
    void trustingAnotherFingerprintFails() throws Exception {
        KeyFingerprint other = new KeyFingerprint("ab".repeat(32));
        PackageVerification v = new ExportVerifier().verify(pkg, TrustedKeys.of(List.of(other)));
        assertFalse(v.ok());
        assertEquals(SignatureCheck.Status.UNTRUSTED, v.signature().status());
    }

    @Test
    void trustedKeysFileIsRead() throws Exception {
        Path file = tmp.resolve("trusted-keys.txt");
        Files.writeString(file, "# examiners of this unit\n" + keys.identity().fingerprint().grouped().replace(" ", ":")
                + "  J. Examiner\n");
        assertTrue(new ExportVerifier().verify(pkg, TrustedKeys.read(file)).ok());
    }

    @Test
    void packageWithoutItsSignatureIsUnsigned() throws Exception {
        Path unsigned = copy(pkg, tmp.resolve("unsigned"));
        Files.delete(unsigned.resolve("manifest.json.sig"));
        PackageVerification v = new ExportVerifier().verify(unsigned);
        assertFalse(v.ok());
        assertEquals(SignatureCheck.Status.UNSIGNED, v.signature().status());
    }

    /** The commands docs/verifying-packages.md gives, run as written (needs openssl and sha256sum). */
    @Test
    void packageChecksWithOpensslAndSha256sumAlone() throws Exception {
        assertEquals(0, run(pkg, "sha256sum", "-c", "--quiet", "manifest.json.sha256"));
        assertEquals(0, run(pkg, "sha256sum", "-c", "--quiet", "SHA256SUMS"));
        assertEquals(0, run(pkg, "sh", "-c", SUMS_LISTED), "the manifest lists SHA256SUMS's hash");
        assertEquals(0, run(pkg, "openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "signer-public-key.pem",
                "-rawin", "-in", "manifest.json", "-sigfile", "manifest.json.sig"));
        Path out = tmp.resolve("fingerprint.txt");
        assertEquals(0, run(pkg, "sh", "-c", "openssl pkey -pubin -in signer-public-key.pem -outform DER | sha256sum > " + out));
        assertEquals(keys.identity().fingerprint().hex(), Files.readString(out).split("\\s+")[0]);

        Path forged = copy(pkg, tmp.resolve("forged-for-openssl"));
        flipAByte(forged.resolve(exported.manifest().items().getFirst().clip()));
        rewriteHashes(forged);
        assertEquals(0, run(forged, "sha256sum", "-c", "--quiet", "SHA256SUMS"), "the forger's hashes agree");
        assertEquals(0, run(forged, "sh", "-c", SUMS_LISTED), "and are listed in the forger's manifest");
        assertNotEquals(0, run(forged, "openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "signer-public-key.pem",
                "-rawin", "-in", "manifest.json", "-sigfile", "manifest.json.sig"), "openssl rejects the forger's manifest");
    }

    /** docs/verifying-packages.md, step 3. */
    static final String SUMS_LISTED =
            "grep -A2 '\"path\" : \"SHA256SUMS\"' manifest.json | grep \"$(sha256sum SHA256SUMS | cut -d' ' -f1)\"";

    private static int run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor();
    }

    private static void flipAByte(Path file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(f.length() / 2);
            int b = f.read();
            f.seek(f.length() / 2);
            f.write(b ^ 0x01);
        }
    }

    /** What a forger does: recompute every file's hash in the manifest and SHA256SUMS, then the manifest's hash file. */
    private static ObjectNode rewriteHashes(Path dir) throws IOException {
        ObjectNode manifest = (ObjectNode) JSON.readTree(dir.resolve("manifest.json").toFile());
        StringBuilder sums = new StringBuilder();
        for (var f : manifest.withArray("files")) {
            String path = f.get("path").asText();
            if (!path.equals("SHA256SUMS")) {
                ((ObjectNode) f).put("sha256", Sha256.of(dir.resolve(path)));
                ((ObjectNode) f).put("size", Files.size(dir.resolve(path)));
                sums.append(f.get("sha256").asText()).append("  ").append(path).append('\n');
            }
        }
        Files.writeString(dir.resolve("SHA256SUMS"), sums, StandardCharsets.UTF_8);
        for (var f : manifest.withArray("files")) {
            if (f.get("path").asText().equals("SHA256SUMS")) {
                ((ObjectNode) f).put("sha256", Sha256.of(dir.resolve("SHA256SUMS")));
                ((ObjectNode) f).put("size", Files.size(dir.resolve("SHA256SUMS")));
            }
        }
        Files.write(dir.resolve("manifest.json"), JSON.writeValueAsBytes(manifest));
        Files.writeString(dir.resolve("manifest.json.sha256"), Sha256.of(dir.resolve("manifest.json")) + "  manifest.json\n");
        return manifest;
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }
}
