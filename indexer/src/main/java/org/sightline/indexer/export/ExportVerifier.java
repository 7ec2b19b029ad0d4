package org.sightline.indexer.export;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.sightline.indexer.audit.AuditDetails;
import org.sightline.indexer.audit.AuditAction;
import org.sightline.indexer.audit.AuditLog;
import org.sightline.indexer.signing.DetachedSignature;
import org.sightline.indexer.signing.SignatureCheck;
import org.sightline.indexer.signing.TrustedKeys;
import org.sightline.models.integrity.Sha256;

/**
 * Checks an evidence package using nothing but the package: the examiner's signature of the manifest (and, when
 * asked, that the signer is a trusted one), the manifest against {@code manifest.json.sha256}, every listed file's
 * size and SHA-256, files the manifest does not list, and that each audit entry's hash matches its content.
 * A forger who alters a file can recompute every hash, but not the signature.
 */
public class ExportVerifier {
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Reads a package's manifest.json. */
    public static ExportManifest readManifest(Path packageDir) throws IOException {
        Path manifestFile = packageDir.resolve(ExportManifest.MANIFEST);
        ExportManifest manifest;
        try {
            manifest = JSON.readValue(manifestFile.toFile(), ExportManifest.class);
        } catch (IOException e) {
            throw new IOException("cannot read " + manifestFile + " as a Sightline manifest: " + e.getMessage(), e);
        }
        if (manifest.format() == null || !manifest.format().startsWith("sightline-evidence-package/")
                || manifest.files() == null) {
            throw new IOException(manifestFile + " is not a Sightline evidence manifest (format "
                    + manifest.format() + ")");
        }
        return manifest;
    }

    /** Records a verification in the audit trail: the folder, the outcome, the signature's status and signer. */
    public static void record(AuditLog audit, Path packageDir, PackageVerification v) {
        audit.record(null, new AuditDetails.VerifyPackage(packageDir.toAbsolutePath().normalize().toString(), v.ok(),
                v.signature().status().name().toLowerCase(java.util.Locale.ROOT), v.signature().signer(),
                v.signature().fingerprint() == null ? null : v.signature().fingerprint().hex(),
                v.problems().size() + v.auditProblems().size() + (v.manifestProblem() == null ? 0 : 1)
                        + (v.signature().valid() ? 0 : 1)));
    }

    public PackageVerification verify(Path packageDir) throws IOException {
        return verify(packageDir, TrustedKeys.anySigner());
    }

    /** @param trust the signers accepted; a valid signature by another key fails as UNTRUSTED */
    public PackageVerification verify(Path packageDir, TrustedKeys trust) throws IOException {
        Path dir = packageDir.toAbsolutePath().normalize();
        Path manifestFile = dir.resolve(ExportManifest.MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            throw new IOException("not an evidence package: " + manifestFile + " is missing");
        }
        String manifestProblem = null;
        Path hashFile = dir.resolve(ExportManifest.MANIFEST_HASH);
        String manifestSha = Sha256.of(manifestFile);
        if (Files.isRegularFile(hashFile)) {
            String recorded = Files.readString(hashFile, StandardCharsets.UTF_8).strip().split("\\s+")[0];
            if (!recorded.equalsIgnoreCase(manifestSha)) {
                manifestProblem = ExportManifest.MANIFEST + " CHANGED: its SHA-256 is " + manifestSha + " but "
                        + ExportManifest.MANIFEST_HASH + " records " + recorded;
            }
        } else {
            manifestProblem = ExportManifest.MANIFEST_HASH + " is MISSING, so the manifest itself cannot be checked";
        }
        ExportManifest manifest = readManifest(dir);
        SignatureCheck signature = DetachedSignature.check(manifestFile, Files.readAllBytes(manifestFile),
                manifest.signer(), trust);
        List<PackageVerification.FileCheck> checks = new ArrayList<>();
        Set<String> listed = new HashSet<>(Set.of(ExportManifest.MANIFEST, ExportManifest.MANIFEST_HASH,
                ExportManifest.MANIFEST + DetachedSignature.SUFFIX, DetachedSignature.PUBLIC_KEY_FILE));
        for (ExportManifest.FileEntry f : manifest.files()) {
            listed.add(f.path());
            Path p = dir.resolve(f.path()).normalize();
            if (!p.startsWith(dir)) {
                checks.add(new PackageVerification.FileCheck(f.path(), PackageVerification.Status.CHANGED, f.sha256(), null,
                        "path points outside the package"));
            } else if (!Files.isRegularFile(p)) {
                checks.add(new PackageVerification.FileCheck(f.path(), PackageVerification.Status.MISSING, f.sha256(), null,
                        "file is missing"));
            } else {
                String actual = Sha256.of(p);
                long size = Files.size(p);
                boolean same = actual.equalsIgnoreCase(f.sha256()) && size == f.size();
                checks.add(new PackageVerification.FileCheck(f.path(),
                        same ? PackageVerification.Status.OK : PackageVerification.Status.CHANGED, f.sha256(), actual,
                        same ? null : "size " + size + " (manifest " + f.size() + "), SHA-256 " + actual));
            }
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (!listed.contains(rel)) {
                    checks.add(new PackageVerification.FileCheck(rel, PackageVerification.Status.EXTRA, null, null,
                            "file is not in the manifest"));
                }
            }
        }
        List<String> auditProblems = new ArrayList<>();
        int entries = 0;
        if (manifest.audit() != null && manifest.audit().entries() != null) {
            for (ExportManifest.Entry e : manifest.audit().entries()) {
                entries++;
                if (!e.consistent()) {
                    auditProblems.add("audit entry " + e.seq() + " does not match its hash " + e.hash());
                }
            }
        }
        return new PackageVerification(manifestProblem, checks, auditProblems, entries, signature);
    }
}
