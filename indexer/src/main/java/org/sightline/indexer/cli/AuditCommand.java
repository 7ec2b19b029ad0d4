package org.sightline.indexer.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sightline.indexer.app.CaseEvidence;
import org.sightline.indexer.audit.AuditEntry;
import org.sightline.indexer.audit.AuditVerification;
import org.sightline.indexer.export.AuditAnchors;
import org.sightline.indexer.export.AuditChainExport;
import org.sightline.indexer.export.AuditCheckpoint;
import org.sightline.indexer.export.AuditChainExporter;
import org.sightline.indexer.signing.ExaminerKeyStore;
import org.sightline.indexer.signing.KeyException;
import org.sightline.indexer.signing.KeyFingerprint;
import org.sightline.indexer.signing.SignatureCheck;
import org.sightline.indexer.signing.TrustedKeys;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sightline audit show|verify|export|checkpoint}: the hash-chained audit trail. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Show, verify and export the audit trail; verify a signed audit export offline.")
public class AuditCommand implements Callable<Integer> {
    @Mixin
    DataOption dataOption;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(System.out);
        return 0;
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "List audit entries, oldest first.")
    int show(@Mixin DataOption data,
             @Option(names = "--case", paramLabel = "CASE", description = "Only entries about this case.") String caseKey,
             @Option(names = "--json", description = "Print JSON.") boolean json) {
        try (CaseEvidence w = CaseEvidence.open(DataOption.choose(data, dataOption))) {
            List<AuditEntry> entries = caseKey == null ? w.audit().entries()
                    : w.audit().entriesForCase(w.cases().resolve(caseKey).id());
            if (json) {
                System.out.println(CaseJson.toJson(entries.stream().map(AuditCommand::json).toList()));
                return 0;
            }
            for (AuditEntry e : entries) {
                System.out.printf("%5d  %s  %-10s %-13s %s %s  %s%n", e.seq(), e.time(), e.user(), e.action(),
                        e.caseId() == null ? "-" : "case " + e.caseId(), e.details(), e.hash().substring(0, 12));
            }
            if (entries.isEmpty()) {
                System.out.println("no audit entries");
            }
            return 0;
        } catch (RuntimeException e) {
            System.err.println("sightline audit show: " + e.getMessage());
            return 1;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the whole audit chain, signed with the examiner key, for a third party to check with "
                    + "'sightline audit verify --export DIR'.")
    int export(@Mixin DataOption data,
               @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write (must not exist or be empty).") Path out,
               @Mixin PassphraseOption passphrase) {
        try (CaseEvidence w = CaseEvidence.open(DataOption.choose(data, dataOption))) {
            ExaminerKeyStore keys = w.keys();
            char[] pass = keys.identity().passphraseProtected() ? passphrase.read("passphrase of the examiner key", false) : null;
            AuditChainExport e = w.exportAuditChain(out, keys.unlock(pass));
            System.out.println("exported " + e.entries().size() + " audit entries to " + out.resolve(AuditChainExport.FILE)
                    + ", head entry " + e.headSeq() + " " + e.headHash());
            System.out.println("signed by " + e.signer().name() + ", key fingerprint " + e.signer().fingerprint());
            return 0;
        } catch (IOException | KeyException | RuntimeException e) {
            System.err.println("sightline audit export: " + e.getMessage());
            return 1;
        }
    }

    @Command(name = "checkpoint", mixinStandardHelpOptions = true,
            description = "Sign the audit chain's head with the examiner key and write it to FILE, to keep off this "
                    + "workstation (a copy stays in the data directory); 'audit verify --checkpoint FILE' then finds "
                    + "entries cut off after it or a rewritten chain.")
    int checkpoint(@Mixin DataOption data,
                   @Option(names = "--out", required = true, paramLabel = "FILE", description = "File to write (must not exist).") Path out,
                   @Mixin PassphraseOption passphrase) {
        try (CaseEvidence w = CaseEvidence.open(DataOption.choose(data, dataOption))) {
            ExaminerKeyStore keys = w.keys();
            if (!keys.exists()) {
                throw new KeyException(keys.identityFile(), "there is no examiner key yet; make one with 'sightline key create'");
            }
            char[] pass = keys.identity().passphraseProtected() ? passphrase.read("passphrase of the examiner key", false) : null;
            AuditCheckpoint c = w.writeCheckpoint(out, keys.unlock(pass));
            System.out.println("checkpoint of audit entry " + c.seq() + " (" + c.hash() + ") written to " + out.toAbsolutePath());
            System.out.println("signed by " + c.signer().name() + ", key fingerprint " + c.signer().fingerprint()
                    + "; keep the file off this workstation");
            return 0;
        } catch (IOException | KeyException | RuntimeException e) {
            System.err.println("sightline audit checkpoint: " + e.getMessage());
            return 1;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check the hash chain; report the first broken link and exit 1 if there is one. With --export, "
                    + "check a signed audit export instead, offline, without a data directory.")
    int verify(@Mixin DataOption data, @Option(names = "--json", description = "Print JSON.") boolean json,
               @Option(names = "--package", paramLabel = "DIR",
                       description = "Also check that the audit entries an export package recorded are still in the log unchanged.")
               List<Path> packages,
               @Option(names = "--checkpoint", paramLabel = "FILE",
                       description = "Also compare with this signed checkpoint (from 'audit checkpoint'); repeatable. "
                               + "Checkpoints kept in the data directory are always compared.")
               List<Path> checkpointFiles,
               @Option(names = "--export", paramLabel = "DIR", description = "Check this audit export (from 'audit export').")
               Path export,
               @Option(names = "--trust", paramLabel = "FINGERPRINT", description = "With --export: require this signer; repeatable.")
               List<String> trust) {
        if (export != null) {
            return verifyExport(export, trust, json);
        }
        try (CaseEvidence w = CaseEvidence.open(DataOption.choose(data, dataOption))) {
            AuditVerification v = w.audit().verify();
            AuditAnchors.Outcome anchors = w.checkAnchors(checkpointFiles == null ? List.of() : checkpointFiles,
                    packages == null ? List.of() : packages);
            boolean ok = v.intact() && anchors.holds();
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("intact", ok);
                m.put("chain", v);
                m.put("anchors", anchors.anchors());
                m.put("anchorProblems", anchors.problems());
                m.put("untrustedAnchors", anchors.untrusted());
                m.put("lastAnchoredSeq", anchors.lastAnchored());
                m.put("unanchoredEntries", anchors.unanchored());
                System.out.println(CaseJson.toJson(m));
            } else {
                if (v.intact()) {
                    System.out.println("audit trail intact: " + v.entriesChecked() + " entries, head " + v.lastHash());
                } else {
                    System.out.println("audit trail BROKEN at entry " + v.brokenSeq() + ": " + v.problem()
                            + " (" + v.entriesChecked() + " entries before it are intact)");
                }
                anchors.problems().forEach(p -> System.out.println("audit trail DIFFERS from its anchors: " + p));
                anchors.untrusted().forEach(p -> System.out.println("anchor UNTRUSTED, not used: " + p));
                if (anchors.anchors() == 0) {
                    System.out.println("no anchors: nothing outside the log vouches for it; a log cut short or rewritten "
                            + "with recomputed hashes would pass. Write one with 'sightline audit checkpoint --out FILE'");
                } else if (anchors.problems().isEmpty()) {
                    System.out.println("anchored: " + anchors.anchors() + " anchor(s) agree, the newest at entry "
                            + anchors.lastAnchored() + " (" + anchors.lastSource() + ")"
                            + (anchors.unanchored() > 0 ? "; " + anchors.unanchored() + " entries after it are not anchored yet" : ""));
                }
            }
            return ok ? 0 : 1;
        } catch (IOException | RuntimeException e) {
            System.err.println("sightline audit verify: " + e.getMessage());
            return 1;
        }
    }

    private static int verifyExport(Path dir, List<String> trust, boolean json) {
        AuditChainExporter.ChainCheck c;
        try {
            c = AuditChainExporter.check(dir, TrustedKeys.of(trust == null ? List.of()
                    : trust.stream().map(KeyFingerprint::parse).toList()));
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("sightline audit verify: " + e.getMessage());
            return 1;
        }
        SignatureCheck sig = c.signature();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ok", c.ok());
            m.put("signature", sig.status().name());
            m.put("signer", sig.signer());
            m.put("fingerprint", sig.fingerprint() == null ? null : sig.fingerprint().hex());
            m.put("signatureProblem", sig.problem());
            m.put("entries", c.entries());
            m.put("headSeq", c.headSeq());
            m.put("headHash", c.headHash());
            m.put("problems", c.problems());
            System.out.println(CaseJson.toJson(m));
        } else {
            System.out.println(sig.valid() ? "OK       signature by " + sig.signer() + ", key fingerprint " + sig.fingerprint()
                    : sig.status() + "  signature: " + sig.problem());
            c.problems().forEach(p -> System.out.println("BROKEN   " + p));
            System.out.println(c.ok() ? "audit export verified: " + c.entries() + " entries, head entry " + c.headSeq() + " " + c.headHash()
                    : "audit export NOT verified: " + (c.problems().size() + (sig.valid() ? 0 : 1)) + " problem(s)");
        }
        return c.ok() ? 0 : 1;
    }

    private static Map<String, Object> json(AuditEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", e.seq());
        m.put("time", e.time().toString());
        m.put("user", e.user());
        m.put("action", e.action());
        m.put("caseId", e.caseId());
        m.put("details", e.details());
        m.put("prevHash", e.prevHash());
        m.put("hash", e.hash());
        return m;
    }
}
