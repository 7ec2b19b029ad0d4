package org.sightline.indexer.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.indexer.audit.AuditEntry;
import org.sightline.indexer.audit.AuditLog;
import org.sightline.indexer.catalog.CatalogDatabase;

class ExaminerKeyStoreTest {
    @TempDir
    Path tmp;

    AuditLog audit;
    ExaminerKeyStore keys;

    @BeforeEach
    void setUp() {
        audit = new AuditLog(CatalogDatabase.open(tmp.resolve("catalog.sqlite")));
        keys = new ExaminerKeyStore(tmp.resolve("keys"), audit);
    }

    @Test
    void createsAnOwnerOnlyKeyThatSignsAndIsAudited() throws Exception {
        ExaminerIdentity id = keys.create("J. Examiner", null, "key create");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.privateKeyFile())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.directory())));
        assertTrue(Files.readString(keys.privateKeyFile()).startsWith("-----BEGIN PRIVATE KEY-----"));
        ExaminerKey key = keys.unlock(null);
        byte[] data = "manifest".getBytes(StandardCharsets.UTF_8);
        assertTrue(Ed25519.verify(id.publicKey(), data, key.sign(data)));
        assertEquals(id.fingerprint(), keys.identity().fingerprint());
        AuditEntry created = audit.entries().getLast();
        assertEquals("key-create", created.action());
        assertTrue(created.details().contains(id.fingerprint().hex()), created.details());

        Path pub = tmp.resolve("examiner.pub.pem");
        keys.exportPublicKey(pub);
        assertEquals(id.publicKeyPem(), Files.readString(pub));
        assertEquals("key-export", audit.entries().getLast().action());
    }

    @Test
    void refusesToReplaceAKey() throws Exception {
        keys.create("A", null, "test");
        KeyException e = assertThrows(KeyException.class, () -> keys.create("B", null, "test"));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
    }

    @Test
    void passphraseProtectedKeyNeedsTheRightPassphrase() throws Exception {
        ExaminerIdentity id = keys.create("J. Examiner", "correct horse".toCharArray(), "test");
        assertTrue(id.passphraseProtected());
        assertTrue(keys.identity().passphraseProtected());
        assertTrue(Files.readString(keys.privateKeyFile()).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
        assertTrue(keys.unlock("correct horse".toCharArray()).fingerprint().equals(id.fingerprint()));
        KeyException wrong = assertThrows(KeyException.class, () -> keys.unlock("wrong".toCharArray()));
        assertTrue(wrong.getMessage().contains("wrong passphrase"), wrong.getMessage());
        KeyException none = assertThrows(KeyException.class, () -> keys.unlock(null));
        assertTrue(none.getMessage().contains("passphrase-protected"), none.getMessage());
    }

    /** The encrypted key is standard PBES2 PKCS#8: OpenSSL opens it with the passphrase and finds the same public key. */
    @Test
    void opensslReadsTheEncryptedKey() throws Exception {
        ExaminerIdentity id = keys.create("J. Examiner", "s3cret pass".toCharArray(), "test");
        Path pass = tmp.resolve("pass.txt");
        Files.writeString(pass, "s3cret pass\n");
        Path pub = tmp.resolve("from-openssl.pem");
        Process p = new ProcessBuilder("openssl", "pkey", "-in", keys.privateKeyFile().toString(), "-passin",
                "file:" + pass, "-pubout", "-out", pub.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), output);
        assertEquals(id.publicKeyPem(), Files.readString(pub));
    }

    @Test
    void refusesAKeyFileOthersCanRead() throws Exception {
        keys.create("J. Examiner", null, "test");
        Files.setPosixFilePermissions(keys.privateKeyFile(), PosixFilePermissions.fromString("rw-r--r--"));
        KeyException e = assertThrows(KeyException.class, () -> keys.unlock(null));
        assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());
    }

    @Test
    void fingerprintsParseInCommonForms() {
        KeyFingerprint f = new KeyFingerprint("AB".repeat(32));
        assertEquals(f, KeyFingerprint.parse(f.grouped().replace(' ', ':')));
        assertFalse(TrustedKeys.of(List.of(f)).accepts(new KeyFingerprint("cd".repeat(32))));
        assertTrue(TrustedKeys.anySigner().accepts(f));
    }
}
