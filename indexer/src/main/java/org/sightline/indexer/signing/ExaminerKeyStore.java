package org.sightline.indexer.signing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;
import org.sightline.indexer.audit.AuditDetails;
import org.sightline.indexer.audit.AuditAction;
import org.sightline.indexer.audit.AuditLog;

/**
 * The examiner's signing key in the data directory's {@code keys/} folder:
 * <pre>
 * examiner-key.pem    the Ed25519 private key, PKCS#8 PEM; with a passphrase, PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC)
 *                     encrypted PKCS#8 ("ENCRYPTED PRIVATE KEY"); owner-only (600), the folder 700
 * examiner.json       the examiner's name, the public key, its fingerprint, when it was made, whether it is protected
 * </pre>
 * Creating the key, signing with it and writing out its public key are recorded in the audit trail.
 */
public class ExaminerKeyStore {
    public static final String PRIVATE_KEY_FILE = "examiner-key.pem";
    public static final String IDENTITY_FILE = "examiner.json";

    private static final String PBE = "PBEWithHmacSHA256AndAES_256";
    private static final int PBE_ITERATIONS = 210_000;
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;
    private final AuditLog audit;
    private final Clock clock;

    public ExaminerKeyStore(Path dir, AuditLog audit) {
        this(dir, audit, Clock.systemUTC());
    }

    public ExaminerKeyStore(Path dir, AuditLog audit, Clock clock) {
        this.dir = Objects.requireNonNull(dir);
        this.audit = Objects.requireNonNull(audit);
        this.clock = Objects.requireNonNull(clock);
    }

    public Path directory() {
        return dir;
    }

    public Path privateKeyFile() {
        return dir.resolve(PRIVATE_KEY_FILE);
    }

    public Path identityFile() {
        return dir.resolve(IDENTITY_FILE);
    }

    public boolean exists() {
        return Files.isRegularFile(identityFile()) && Files.isRegularFile(privateKeyFile());
    }

    /**
     * Makes a new key pair for the examiner and stores it; refuses when a key already exists (a signing identity
     * is never silently replaced).
     *
     * @param passphrase null or empty for none
     * @param reason     why it was made, for the audit trail (e.g. "key create", "first export")
     */
    public ExaminerIdentity create(String name, char[] passphrase, String reason) throws KeyException {
        if (name == null || name.isBlank()) {
            throw new KeyException(null, "an examiner key needs the examiner's name");
        }
        if (Files.exists(privateKeyFile()) || Files.exists(identityFile())) {
            throw new KeyException(privateKeyFile(), "an examiner key already exists in " + dir
                    + "; move it away first if you really mean to replace it (packages it signed stay checkable by its fingerprint)");
        }
        boolean protect = passphrase != null && passphrase.length > 0;
        KeyPair pair = Ed25519.generate();
        ExaminerIdentity identity = new ExaminerIdentity(name.strip(), pair.getPublic(),
                clock.instant().truncatedTo(ChronoUnit.SECONDS), protect);
        try {
            createOwnerOnlyDir();
            String pem = protect
                    ? Ed25519.pem("ENCRYPTED PRIVATE KEY", encrypt(pair.getPrivate().getEncoded(), passphrase))
                    : Ed25519.pem("PRIVATE KEY", pair.getPrivate().getEncoded());
            writeOwnerOnly(privateKeyFile(), pem.getBytes(StandardCharsets.US_ASCII));
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("name", identity.name());
            json.put("algorithm", Ed25519.ALGORITHM);
            json.put("fingerprint", identity.fingerprint().hex());
            json.put("publicKey", identity.publicKeyPem());
            json.put("created", identity.created().toString());
            json.put("passphraseProtected", protect);
            Files.write(identityFile(), JSON.writeValueAsBytes(json), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new KeyException(privateKeyFile(), "cannot store the examiner key in " + dir + ": " + e.getMessage(), e);
        }
        audit.record(null, new AuditDetails.KeyCreate(identity.name(), identity.fingerprint().hex(), protect, reason));
        return identity;
    }

    /** The stored public identity; needs no passphrase. */
    public ExaminerIdentity identity() throws KeyException {
        Path file = identityFile();
        if (!Files.isRegularFile(file)) {
            throw new KeyException(file, "no examiner key in " + dir + ": create one with 'sightline key create --name NAME'");
        }
        try {
            Map<?, ?> json = JSON.readValue(file.toFile(), Map.class);
            PublicKey key = Ed25519.publicKey(Ed25519.fromPem("PUBLIC KEY", String.valueOf(json.get("publicKey"))));
            ExaminerIdentity id = new ExaminerIdentity(String.valueOf(json.get("name")), key,
                    Instant.parse(String.valueOf(json.get("created"))), Boolean.TRUE.equals(json.get("passphraseProtected")));
            if (!id.fingerprint().hex().equals(json.get("fingerprint"))) {
                throw new KeyException(file, file + " is inconsistent: its fingerprint does not belong to its public key");
            }
            return id;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new KeyException(file, "cannot read the examiner identity " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the private key, decrypting it with the passphrase when it is protected, and checks it matches the
     * stored public key. Refuses a key file others can read.
     */
    public ExaminerKey unlock(char[] passphrase) throws KeyException {
        ExaminerIdentity id = identity();
        Path file = privateKeyFile();
        checkOwnerOnly(file);
        PrivateKey key;
        try {
            String pem = Files.readString(file, StandardCharsets.US_ASCII);
            if (pem.contains("BEGIN ENCRYPTED PRIVATE KEY")) {
                if (passphrase == null || passphrase.length == 0) {
                    throw new KeyException(file, "the examiner key " + file + " is passphrase-protected: give its passphrase");
                }
                key = Ed25519.privateKey(decrypt(Ed25519.fromPem("ENCRYPTED PRIVATE KEY", pem), passphrase, file));
            } else {
                key = Ed25519.privateKey(Ed25519.fromPem("PRIVATE KEY", pem));
            }
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new KeyException(file, "cannot read the examiner key " + file + ": " + e.getMessage(), e);
        }
        ExaminerKey unlocked = new ExaminerKey(id, key);
        byte[] probe = "sightline key check".getBytes(StandardCharsets.US_ASCII);
        if (!Ed25519.verify(id.publicKey(), probe, unlocked.sign(probe))) {
            throw new KeyException(file, "the examiner key " + file + " does not match the public key in " + identityFile());
        }
        return unlocked;
    }

    /** Records that the key signed something (an export, an audit export). */
    public void recordUse(ExaminerKey key, String signed, String sha256, Long caseId) {
        audit.record(caseId, new AuditDetails.KeyUse(key.fingerprint().hex(), signed, sha256));
    }

    /** Writes the public key as PEM to {@code out} (audited). */
    public ExaminerIdentity exportPublicKey(Path out) throws KeyException {
        ExaminerIdentity id = identity();
        try {
            Files.writeString(out, id.publicKeyPem(), StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new KeyException(out, out + " already exists; choose a new file name", e);
        } catch (IOException e) {
            throw new KeyException(out, "cannot write the public key to " + out + ": " + e.getMessage(), e);
        }
        audit.record(null, new AuditDetails.KeyExport(id.fingerprint().hex(), out.toAbsolutePath().toString()));
        return id;
    }

    private void createOwnerOnlyDir() throws IOException {
        Files.createDirectories(dir);
        if (posix()) {
            Files.setPosixFilePermissions(dir, OWNER_ONLY_DIR);
        }
    }

    private void writeOwnerOnly(Path file, byte[] bytes) throws IOException {
        if (posix()) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        } else {
            Files.createFile(file);
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
        }
        Files.write(file, bytes, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC);
    }

    private void checkOwnerOnly(Path file) throws KeyException {
        if (!posix()) {
            return;
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY_FILE.containsAll(perms)) {
                throw new KeyException(file, "the examiner key " + file + " can be read or changed by other users ("
                        + PosixFilePermissions.toString(perms) + "); run: chmod 600 " + file);
            }
        } catch (IOException e) {
            throw new KeyException(file, "cannot read the permissions of " + file + ": " + e.getMessage(), e);
        }
    }

    private boolean posix() {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static byte[] encrypt(byte[] pkcs8, char[] passphrase) {
        try {
            SecureRandom random = new SecureRandom();
            byte[] salt = new byte[16];
            byte[] iv = new byte[16];
            random.nextBytes(salt);
            random.nextBytes(iv);
            SecretKey secret = SecretKeyFactory.getInstance(PBE).generateSecret(new PBEKeySpec(passphrase));
            Cipher cipher = Cipher.getInstance(PBE);
            cipher.init(Cipher.ENCRYPT_MODE, secret, new PBEParameterSpec(salt, PBE_ITERATIONS, new IvParameterSpec(iv)));
            byte[] encrypted = cipher.doFinal(pkcs8);
            // re-read as generic PBES2 parameters: EncryptedPrivateKeyInfo knows the PBES2 OID, not the JCE name
            AlgorithmParameters params = AlgorithmParameters.getInstance("PBES2");
            params.init(cipher.getParameters().getEncoded());
            return new EncryptedPrivateKeyInfo(params, encrypted).getEncoded();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("this Java cannot encrypt a key with " + PBE + ": " + e.getMessage(), e);
        }
    }

    private static byte[] decrypt(byte[] der, char[] passphrase, Path file) throws IOException, KeyException {
        EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(der);
        try {
            SecretKey secret = SecretKeyFactory.getInstance(PBE).generateSecret(new PBEKeySpec(passphrase));
            Cipher cipher = Cipher.getInstance(PBE);
            cipher.init(Cipher.DECRYPT_MODE, secret, info.getAlgParameters());
            return info.getKeySpec(cipher).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new KeyException(file, "wrong passphrase for the examiner key " + file, e);
        }
    }
}
