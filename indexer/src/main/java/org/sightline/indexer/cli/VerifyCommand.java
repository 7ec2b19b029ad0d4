package org.sightline.indexer.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sightline.indexer.app.CaseEvidence;
import org.sightline.indexer.export.ExportVerifier;
import org.sightline.indexer.export.PackageVerification;
import org.sightline.indexer.signing.KeyFingerprint;
import org.sightline.indexer.signing.SignatureCheck;
import org.sightline.indexer.signing.TrustedKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sightline verify DIR}: check an evidence package's signature and re-hash it against its manifest. Needs
 * nothing but the package.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verify an exported evidence package: the examiner's signature, then every file against the manifest; "
                + "exit 1 if it is unsigned, wrongly signed, signed by an untrusted key, or altered.")
public class VerifyCommand implements Callable<Integer> {
    @Mixin
    DataOption dataOption;

    @Parameters(paramLabel = "DIR", description = "The package folder.")
    Path dir;
    @Option(names = "--trust", paramLabel = "FINGERPRINT",
            description = "Require the package to be signed by this key (SHA-256 fingerprint, 64 hex digits); repeatable.")
    List<String> trust;
    @Option(names = "--trusted-keys", paramLabel = "FILE",
            description = "Require a signer listed in FILE (one fingerprint per line, optional name after it, # comments).")
    Path trustedKeys;
    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        PackageVerification v;
        try {
            v = new ExportVerifier().verify(dir, trusted());
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("sightline verify: " + e.getMessage());
            return 1;
        }
        recordInAuditTrail(v);
        SignatureCheck sig = v.signature();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ok", v.ok());
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("status", sig.status().name());
            s.put("signer", sig.signer());
            s.put("fingerprint", sig.fingerprint() == null ? null : sig.fingerprint().hex());
            s.put("problem", sig.problem());
            m.put("signature", s);
            m.put("manifestProblem", v.manifestProblem());
            m.put("files", v.files());
            m.put("auditEntries", v.auditEntries());
            m.put("auditProblems", v.auditProblems());
            System.out.println(CaseJson.toJson(m));
        } else {
            System.out.println(sig.valid()
                    ? "OK       signature by " + sig.signer() + ", key fingerprint " + sig.fingerprint()
                    : String.format("%-8s signature%s: %s", sig.status(), sig.signer() == null ? ""
                    : " (states signer " + sig.signer() + (sig.fingerprint() == null ? "" : ", key fingerprint " + sig.fingerprint()) + ")",
                    sig.problem()));
            System.out.println((v.manifestProblem() == null ? "OK       " : "CHANGED  ") + "manifest.json"
                    + (v.manifestProblem() == null ? "" : "  " + v.manifestProblem()));
            for (PackageVerification.FileCheck f : v.files()) {
                System.out.printf("%-8s %s%s%n", f.status(), f.path(), f.detail() == null ? "" : "  (" + f.detail() + ")");
            }
            System.out.println(v.auditProblems().isEmpty()
                    ? "OK       " + v.auditEntries() + " audit entries match their hashes"
                    : "CHANGED  audit entries: " + String.join("; ", v.auditProblems()));
            long problems = v.problems().size() + v.auditProblems().size() + (v.manifestProblem() == null ? 0 : 1)
                    + (sig.valid() ? 0 : 1);
            System.out.println(v.ok() ? "package verified: signed by " + sig.signer() + " (" + sig.fingerprint() + "), "
                    + v.files().size() + " files OK"
                    : "package NOT verified: " + problems + " problem(s)" + (sig.valid() ? "" : "; signature " + sig.status()));
        }
        return v.ok() ? 0 : 1;
    }

    /** A verify run on a workstation with a Sightline catalog is audited there; elsewhere nothing is written. */
    private void recordInAuditTrail(PackageVerification v) {
        if (!Files.isRegularFile(DataOption.choose(dataOption, null).catalogFile())) {
            return;
        }
        try (CaseEvidence w = CaseEvidence.open(DataOption.choose(dataOption, null))) {
            w.recordVerification(dir, v);
        } catch (RuntimeException e) {
            System.err.println("sightline verify: the check could not be recorded in the audit trail: " + e.getMessage());
        }
    }

    private TrustedKeys trusted() throws IOException {
        TrustedKeys keys = TrustedKeys.of(trust == null ? List.of() : trust.stream().map(KeyFingerprint::parse).toList());
        return trustedKeys == null ? keys : keys.and(TrustedKeys.read(trustedKeys));
    }
}
