package org.sightline.indexer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.models.testing.SharedData;

/** key create/show/export-public, a signed case export, verify with --trust, audit export and its offline check. */
class SigningCommandsTest {
    @TempDir
    Path tmp;

    @Test
    void keyExportVerifyTrustAndAuditExport() throws Exception {
        String data = tmp.resolve("data").toString();
        String aisle = SharedData.footage("parking-aisle-cars.mp4").toString();
        Path pass = tmp.resolve("pass.txt");
        Files.writeString(pass, "long passphrase\n");
        CliRun created = CliRun.of("key", "create", "--data", data, "--name", "DC Smith", "--passphrase-file", pass.toString());
        assertEquals(0, created.exitCode(), created.err());
        assertTrue(created.out().contains("passphrase-protected"), created.out());
        String fingerprint = created.out().lines().filter(l -> l.startsWith("fingerprint ")).findFirst().orElseThrow()
                .substring("fingerprint ".length());
        assertEquals(1, CliRun.of("key", "create", "--data", data, "--name", "Other").exitCode(), "never replaced");
        assertTrue(CliRun.of("key", "show", "--data", data).out().contains(fingerprint));
        Path pub = tmp.resolve("smith.pem");
        assertEquals(0, CliRun.of("key", "export-public", "--data", data, "--out", pub.toString()).exitCode());
        assertTrue(Files.readString(pub).contains("BEGIN PUBLIC KEY"));

        assertEquals(0, CliRun.of("case", "create", "--data", data, "--name", "Aisle", "--reference", "AI-9").exitCode());
        assertEquals(0, CliRun.of("case", "add", "AI-9", "--data", data, "--video", aisle, "--in", "4", "--out", "5").exitCode());
        Path pkg = tmp.resolve("pkg");
        CliRun noPass = CliRun.of("case", "export", "AI-9", "--data", data, "--out", pkg.toString(), "--quiet");
        assertEquals(1, noPass.exitCode(), "a protected key needs its passphrase");
        assertTrue(noPass.err().contains("passphrase"), noPass.err());
        CliRun exported = CliRun.of("case", "export", "AI-9", "--data", data, "--out", pkg.toString(), "--quiet",
                "--passphrase-file", pass.toString());
        assertEquals(0, exported.exitCode(), exported.err());
        assertTrue(exported.out().contains("signed by DC Smith, key fingerprint " + fingerprint), exported.out());

        CliRun verified = CliRun.of("verify", pkg.toString(), "--trust", fingerprint, "--data", data);
        assertEquals(0, verified.exitCode(), verified.out());
        assertTrue(verified.out().contains("OK       signature by DC Smith, key fingerprint " + fingerprint), verified.out());
        CliRun untrusted = CliRun.of("verify", pkg.toString(), "--trust", "ab".repeat(32));
        assertEquals(1, untrusted.exitCode());
        assertTrue(untrusted.out().contains("UNTRUSTED signature"), untrusted.out());
        Path trustedKeys = tmp.resolve("trusted.txt");
        Files.writeString(trustedKeys, fingerprint + " DC Smith\n");
        assertEquals(0, CliRun.of("verify", pkg.toString(), "--trusted-keys", trustedKeys.toString()).exitCode());

        Path auditOut = tmp.resolve("audit-out");
        CliRun auditExport = CliRun.of("audit", "export", "--data", data, "--out", auditOut.toString(),
                "--passphrase-file", pass.toString());
        assertEquals(0, auditExport.exitCode(), auditExport.err());
        assertEquals(0, CliRun.of("audit", "verify", "--export", auditOut.toString(), "--trust", fingerprint).exitCode());
        Process openssl = new ProcessBuilder("openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "signer-public-key.pem",
                "-rawin", "-in", "audit-chain.json", "-sigfile", "audit-chain.json.sig").directory(auditOut.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertEquals(0, openssl.waitFor(), "openssl checks the audit export's signature as documented");
        String chain = Files.readString(auditOut.resolve("audit-chain.json"));
        String actions = CliRun.of("audit", "show", "--data", data).out();
        for (String action : new String[] {"key-create", "key-export", "export", "key-use", "verify-package", "audit-export"}) {
            assertTrue(actions.contains(" " + action + " "), action + " is audited:\n" + actions);
        }
        Files.writeString(auditOut.resolve("audit-chain.json"), chain.replace("DC Smith", "DC Jones"));
        CliRun tampered = CliRun.of("audit", "verify", "--export", auditOut.toString());
        assertEquals(1, tampered.exitCode());
        assertTrue(tampered.out().contains("INVALID  signature"), tampered.out());
    }
}
